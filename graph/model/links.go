// Package model holds the GraphQL types that are not domain types: the
// relationship views below, the generic connection (connections.go) and the
// inputs and enums gqlgen generates (models_gen.go).
package model

import "github.com/newsgraph/newsgraph/internal/domain"

// ClaimAbout is (Claim)-[:ABOUT {role}]->(Entity).
type ClaimAbout struct {
	Role   domain.AboutRole
	Claim  *domain.Claim
	Entity domain.Node
}

// Participation is (Event)-[:PARTICIPANT {role}]->(Person|Organisation).
type Participation struct {
	Role        *string
	Event       *domain.Event
	Participant domain.Node
	ClaimID     *string
}

// Membership is (Person)-[:MEMBER_OF {role, start, end}]->(Organisation).
type Membership struct {
	Role         *string
	Start        *domain.PartialDate
	End          *domain.PartialDate
	Person       *domain.Person
	Organisation *domain.Organisation
	ClaimID      *string
}

// NegotiationParty is (Negotiation)-[:PARTY {side}]->(Organisation).
type NegotiationParty struct {
	Side         *string
	Negotiation  *domain.Negotiation
	Organisation *domain.Organisation
	ClaimID      *string
}

// EventPart is (Event)-[:PART_OF]->(Negotiation).
type EventPart struct {
	Event       *domain.Event
	Negotiation *domain.Negotiation
	ClaimID     *string
}

// HeldIn is (Event|Negotiation)-[:HELD_IN]->(Place).
type HeldIn struct {
	Subject domain.Node
	Place   *domain.Place
	ClaimID *string
}

// Fact is a fact relationship as written by recordFact.
type Fact struct {
	Type  domain.RelType
	From  domain.Node
	To    domain.Node
	Role  *string
	Side  *string
	Start *domain.PartialDate
	End   *domain.PartialDate
	Claim *domain.Claim
}

// FoundMention is an entity an ingested text names.
type FoundMention struct {
	Entity  domain.Node
	Count   int
	Offsets []int
	Forms   []string
}

// Mention is (Source)-[:MENTIONS {count, offsets}]->(entity).
type Mention struct {
	Source  *domain.Source
	Entity  domain.Node
	Count   *int
	Offsets []int
}
