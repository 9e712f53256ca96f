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

// Bookkeeping returns the node's bookkeeping, to read or change.
func (m *Meta) Bookkeeping() *Meta { return m }

// Node is any node of the graph.
type Node interface {
	NodeID() string
	NodeKind() Kind
	Bookkeeping() *Meta
	// Validate checks the node's fields against its kind's rules.
	Validate() error
}

// Person is a named human being.
type Person struct {
	ID          string
	Name        string   `ng:"name,req,line=name,label,ftm=name"`
	Aliases     []string `ng:"aliases,line=name,items=aliases,ftm=alias"`
	Description string   `ng:"description,para=description,ftm=description"`
	WikidataID  *string  `ng:"wikidataId,line=code,ftm=wikidataId"`
	Meta
}

// Organisation is a government, state body, outlet, delegation…
type Organisation struct {
	ID          string
	Name        string           `ng:"name,req,line=name,label,ftm=name"`
	Aliases     []string         `ng:"aliases,line=name,items=aliases,ftm=alias"`
	Kind        OrganisationKind `ng:"kind,export=orgKind"`
	Country     *string          `ng:"country,line=code,ftm=country"`
	Description string           `ng:"description,para=description,ftm=description"`
	Meta
}

// Place is a country, city, region, sea or venue.
type Place struct {
	ID          string
	Name        string    `ng:"name,req,line=name,label,ftm=full"`
	Aliases     []string  `ng:"aliases,line=name,items=aliases"`
	Kind        PlaceKind `ng:"kind,export=placeKind"`
	CountryCode *string   `ng:"countryCode,line=code,ftm=country"`
	Lat         *float64  `ng:"lat,deg=90,ftm=latitude"`
	Lon         *float64  `ng:"lon,deg=180,ftm=longitude"`
	Meta
}

// Negotiation is a process of talks between parties.
type Negotiation struct {
	ID      string
	Name    string            `ng:"name,req,line=name,label,ftm=name"`
	Aliases []string          `ng:"aliases,line=name,items=aliases,ftm=alias"`
	Topic   string            `ng:"topic,para=description,ftm=summary"`
	Start   *PartialDate      `ng:"start,sortdate,ftm=startDate"`
	End     *PartialDate      `ng:"end,ftm=endDate"`
	Status  NegotiationStatus `ng:"status"`
	Meta
}

// Event is something that happened (or is reported or planned to happen).
type Event struct {
	ID          string
	Kind        EventKind    `ng:"kind,export=eventKind"`
	Name        string       `ng:"name,req,line=name,label,ftm=name"`
	Aliases     []string     `ng:"aliases,line=name,items=aliases,ftm=alias"`
	Description string       `ng:"description,para=description,ftm=description"`
	Date        *PartialDate `ng:"date,sortdate,ftm=date"`
	Meta
}

// Source is where statements are recorded: an article, a book, a broadcast…
type Source struct {
	ID          string
	Kind        SourceKind   `ng:"kind,export=sourceKind"`
	Title       string       `ng:"title,req,line=name,label,ftm=title"`
	URL         *string      `ng:"url,line=url,ftm=sourceUrl"`
	Language    string       `ng:"language,req,line=code,ftm=language"`
	PublishedAt *PartialDate `ng:"publishedAt,sortdate,ftm=publishedAt"`
	RetrievedAt *time.Time   `ng:"retrievedAt"`
	// Text is not exported: up to a million characters in every row.
	Text *string `ng:"text,para=sourcetext,export=-"`
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
	Text        string       `ng:"text,req,para=text,ftm=summary"` // original language
	Language    string       `ng:"language,req,line=code"`
	Summary     string       `ng:"summary,req,para=summary,label,ftm=description"` // English
	PointInTime *PartialDate `ng:"pointInTime,sortdate"`
	// Dates are the other dates the claim is about; a date filter on claims
	// matches them as it matches PointInTime.
	Dates  []ClaimDate `ng:"dates,items=claimdates"`
	Rank   Rank        `ng:"rank,default=NORMAL"`
	Status ClaimStatus `ng:"status,derived"`
	Meta
}

// Attribution is one act of saying something about a claim.
type Attribution struct {
	ID       string
	Quote    *string      `ng:"quote,para=text"`            // verbatim, original language
	Summary  *string      `ng:"summary,para=summary,label"` // English rendering of the quote
	Stance   Stance       `ng:"stance,label"`
	Cue      *string      `ng:"cue,line=cue"` // e.g. "powiedział w rozmowie z…"
	Sourcing Sourcing     `ng:"sourcing"`
	StatedAt *PartialDate `ng:"statedAt,sortdate"`
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
