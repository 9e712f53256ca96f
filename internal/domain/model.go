package domain

import "time"

// OrganisationKind classifies organisations.
type OrganisationKind string

// The organisation kinds.
const (
	OrgGovernment OrganisationKind = "GOVERNMENT"
	OrgStateBody  OrganisationKind = "STATE_BODY"
	OrgMedia      OrganisationKind = "MEDIA"
	OrgNewsAgency OrganisationKind = "NEWS_AGENCY"
	OrgDelegation OrganisationKind = "DELEGATION"
	OrgOther      OrganisationKind = "OTHER"
)

// PlaceKind classifies places.
type PlaceKind string

// The place kinds.
const (
	PlaceCountry PlaceKind = "COUNTRY"
	PlaceCity    PlaceKind = "CITY"
	PlaceRegion  PlaceKind = "REGION"
	PlaceSea     PlaceKind = "SEA"
	PlaceVenue   PlaceKind = "VENUE"
)

// EventKind classifies events.
type EventKind string

// The event kinds.
const (
	EventPhoneCall   EventKind = "PHONE_CALL"
	EventMeeting     EventKind = "MEETING"
	EventTalksRound  EventKind = "TALKS_ROUND"
	EventInterview   EventKind = "INTERVIEW"
	EventPublication EventKind = "PUBLICATION"
	EventStatement   EventKind = "STATEMENT"
)

// SourceKind classifies sources.
type SourceKind string

// The source kinds.
const (
	SourceArticle           SourceKind = "ARTICLE"
	SourceBook              SourceKind = "BOOK"
	SourceAgencyReport      SourceKind = "AGENCY_REPORT"
	SourceInterview         SourceKind = "INTERVIEW"
	SourceBroadcast         SourceKind = "BROADCAST"
	SourceOfficialStatement SourceKind = "OFFICIAL_STATEMENT"
)

// NegotiationStatus is where a negotiation stands.
type NegotiationStatus string

// The negotiation statuses.
const (
	NegotiationPlanned   NegotiationStatus = "PLANNED"
	NegotiationOngoing   NegotiationStatus = "ONGOING"
	NegotiationSuspended NegotiationStatus = "SUSPENDED"
	NegotiationConcluded NegotiationStatus = "CONCLUDED"
)

// Rank is an editor's judgement of a claim, as in Wikidata.
type Rank string

// The ranks.
const (
	RankPreferred  Rank = "PREFERRED"
	RankNormal     Rank = "NORMAL"
	RankDeprecated Rank = "DEPRECATED"
)

// Sourcing says how an attribution's actor is identified.
type Sourcing string

// The sourcings.
const (
	SourcingNamed       Sourcing = "NAMED"
	SourcingAnonymous   Sourcing = "ANONYMOUS"
	SourcingDocument    Sourcing = "DOCUMENT"
	SourcingUnspecified Sourcing = "UNSPECIFIED"
)

// AboutRole is the part an entity plays in a claim.
type AboutRole string

// The roles of ABOUT.
const (
	AboutSubject     AboutRole = "SUBJECT"
	AboutObject      AboutRole = "OBJECT"
	AboutParticipant AboutRole = "PARTICIPANT"
	AboutTopic       AboutRole = "TOPIC"
)

// Meta is the bookkeeping every node carries.
type Meta struct {
	CreatedAt time.Time
	UpdatedAt time.Time
	// Origin says where the node came from: a dataset or an import batch.
	Origin string
	// CreatedBy and UpdatedBy name the API key (or command) that wrote it.
	CreatedBy string
	UpdatedBy string
}

// Node is any node of the graph.
type Node interface {
	NodeID() string
	NodeKind() Kind
}

// Person is a named human being.
type Person struct {
	ID          string
	Name        string
	Aliases     []string
	Description string
	WikidataID  *string
	Meta
}

// Organisation is a government, state body, outlet, delegation…
type Organisation struct {
	ID          string
	Name        string
	Aliases     []string
	Kind        OrganisationKind
	Country     *string
	Description string
	Meta
}

// Place is a country, city, region, sea or venue.
type Place struct {
	ID          string
	Name        string
	Aliases     []string
	Kind        PlaceKind
	CountryCode *string
	Lat, Lon    *float64
	Meta
}

// Negotiation is a process of talks between parties.
type Negotiation struct {
	ID      string
	Name    string
	Aliases []string
	Topic   string
	Start   *PartialDate
	End     *PartialDate
	Status  NegotiationStatus
	Meta
}

// Event is something that happened (or is reported or planned to happen).
type Event struct {
	ID          string
	Kind        EventKind
	Name        string
	Aliases     []string
	Description string
	Date        *PartialDate
	Meta
}

// Source is where statements are recorded: an article, a book, a broadcast…
type Source struct {
	ID          string
	Kind        SourceKind
	Title       string
	URL         *string
	Language    string
	PublishedAt *PartialDate
	RetrievedAt *time.Time
	Text        *string
	Meta
}

// DateKind says what a date a claim carries is to the claim.
type DateKind string

// The date kinds.
const (
	DateDeadline  DateKind = "DEADLINE"  // "by 20 April"
	DateScheduled DateKind = "SCHEDULED" // "talks are planned for Monday"
	DateMentioned DateKind = "MENTIONED" // any other date the claim is about
)

// DateKinds lists every date kind.
var DateKinds = []DateKind{DateDeadline, DateScheduled, DateMentioned}

// ClaimDate is a date a claim is about besides when it holds: a deadline it
// sets, a meeting it announces.
type ClaimDate struct {
	Kind DateKind
	Date PartialDate
}

// MaxClaimDates bounds the dates of one claim.
const MaxClaimDates = 20

// Claim is a proposition whose truth is contested; its status is derived.
type Claim struct {
	ID          string
	Text        string // original language
	Language    string
	Summary     string // English
	PointInTime *PartialDate
	// Dates are the other dates the claim is about; a date filter on claims
	// matches them as it matches PointInTime.
	Dates  []ClaimDate
	Rank   Rank
	Status ClaimStatus
	Meta
}

// Attribution is one act of saying something about a claim.
type Attribution struct {
	ID       string
	Stance   Stance
	Quote    *string // verbatim, original language
	Summary  *string // English rendering of the quote
	Cue      *string // e.g. "powiedział w rozmowie z…"
	Sourcing Sourcing
	StatedAt *PartialDate
	Meta
}

// NodeID implements Node.
func (n *Person) NodeID() string { return n.ID }

// NodeID implements Node.
func (n *Organisation) NodeID() string { return n.ID }

// NodeID implements Node.
func (n *Place) NodeID() string { return n.ID }

// NodeID implements Node.
func (n *Negotiation) NodeID() string { return n.ID }

// NodeID implements Node.
func (n *Event) NodeID() string { return n.ID }

// NodeID implements Node.
func (n *Source) NodeID() string { return n.ID }

// NodeID implements Node.
func (n *Claim) NodeID() string { return n.ID }

// NodeID implements Node.
func (n *Attribution) NodeID() string { return n.ID }

// NodeKind implements Node.
func (*Person) NodeKind() Kind { return KindPerson }

// NodeKind implements Node.
func (*Organisation) NodeKind() Kind { return KindOrganisation }

// NodeKind implements Node.
func (*Place) NodeKind() Kind { return KindPlace }

// NodeKind implements Node.
func (*Negotiation) NodeKind() Kind { return KindNegotiation }

// NodeKind implements Node.
func (*Event) NodeKind() Kind { return KindEvent }

// NodeKind implements Node.
func (*Source) NodeKind() Kind { return KindSource }

// NodeKind implements Node.
func (*Claim) NodeKind() Kind { return KindClaim }

// NodeKind implements Node.
func (*Attribution) NodeKind() Kind { return KindAttribution }
