package model

import "github.com/newsgraph/newsgraph/internal/domain"

// Connection is a page of a list field (a Relay connection): gqlgen binds
// each of the schema's XConnection types to it through the aliases below,
// so that one generic helper (graph/connections.go) builds them all.
type Connection[T domain.Node] struct {
	Edges      []*Edge[T] `json:"edges"`
	Nodes      []T        `json:"nodes"`
	PageInfo   *PageInfo  `json:"pageInfo"`
	TotalCount int        `json:"totalCount"`
}

// Edge is a node of a connection with its cursor.
type Edge[T domain.Node] struct {
	Cursor string `json:"cursor"`
	Node   T      `json:"node"`
}

// The schema's connections and edges, one per listed kind; gqlgen's
// autobind finds them by name.
type (
	PersonConnection       = Connection[*domain.Person]
	PersonEdge             = Edge[*domain.Person]
	OrganisationConnection = Connection[*domain.Organisation]
	OrganisationEdge       = Edge[*domain.Organisation]
	PlaceConnection        = Connection[*domain.Place]
	PlaceEdge              = Edge[*domain.Place]
	NegotiationConnection  = Connection[*domain.Negotiation]
	NegotiationEdge        = Edge[*domain.Negotiation]
	EventConnection        = Connection[*domain.Event]
	EventEdge              = Edge[*domain.Event]
	SourceConnection       = Connection[*domain.Source]
	SourceEdge             = Edge[*domain.Source]
	ClaimConnection        = Connection[*domain.Claim]
	ClaimEdge              = Edge[*domain.Claim]
	AttributionConnection  = Connection[*domain.Attribution]
	AttributionEdge        = Edge[*domain.Attribution]
)
