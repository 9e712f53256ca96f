package domain

import "context"

// RelType is a relationship type of the graph.
type RelType string

// The relationship types of domain.md, plus DURING (an attribution made
// during an event, e.g. an interview), which answers "where did they say it".
const (
	RelMadeBy     RelType = "MADE_BY"
	RelOn         RelType = "ON"
	RelRecordedIn RelType = "RECORDED_IN"
	// RelMadeIn is where the actor made the attribution (the book "War",
	// a broadcast), as against RECORDED_IN, where we read it.
	RelMadeIn      RelType = "MADE_IN"
	RelCites       RelType = "CITES"
	RelDuring      RelType = "DURING"
	RelAbout       RelType = "ABOUT"
	RelPublishedBy RelType = "PUBLISHED_BY"
	RelAuthoredBy  RelType = "AUTHORED_BY"
	RelDerivedFrom RelType = "DERIVED_FROM"
	RelMentions    RelType = "MENTIONS"
	RelParticipant RelType = "PARTICIPANT"
	RelPartOf      RelType = "PART_OF"
	RelHeldIn      RelType = "HELD_IN"
	RelParty       RelType = "PARTY"
	RelMemberOf    RelType = "MEMBER_OF"

	// RelCitesSource is derived, not stored: (source)-[:CITES_SOURCE]->(source)
	// when an attribution recorded in the first cites one recorded or made
	// in the second.
	RelCitesSource RelType = "CITES_SOURCE"
)

// FactRelTypes are the relationships that state a fact; each carries the id
// of the claim that establishes it.
var FactRelTypes = []RelType{RelParticipant, RelPartOf, RelHeldIn, RelParty, RelMemberOf}

// Edge is one relationship with its properties; unused properties are nil.
type Edge struct {
	Type    RelType
	From    string
	To      string
	Role    *string      // ABOUT, PARTICIPANT, MEMBER_OF
	Side    *string      // PARTY
	Start   *PartialDate // MEMBER_OF
	End     *PartialDate // MEMBER_OF
	ClaimID *string      // fact edges
	Count   *int         // MENTIONS
	Offsets []int        // MENTIONS
}

// Key tells apart relationships of one type between the same two nodes:
// the role (ABOUT, PARTICIPANT, MEMBER_OF) or the side (PARTY); "" for none.
func (e Edge) Key() string {
	switch {
	case e.Role != nil:
		return *e.Role
	case e.Side != nil:
		return *e.Side
	}
	return ""
}

// ID is a relationship's identity, the same in the API, the store and the
// exports: "from:TYPE:to", and ":key" when it has one.
func (e Edge) ID() string {
	id := e.From + ":" + string(e.Type) + ":" + e.To
	if k := e.Key(); k != "" {
		id += ":" + k
	}
	return id
}

// Direction says which end of a relationship a navigation starts from.
type Direction int

// Directions: Out follows (start)-[:T]->(other), In follows (start)<-[:T]-(other).
const (
	Out Direction = iota
	In
)

// Relation is one navigable relationship seen from one end.
type Relation struct {
	Type      RelType
	Direction Direction
	// Limit is how many links per node to return: 1 to Limits.LinksMax.
	Limit int
	// Fields, when set, names the only fields of the nodes reached that
	// the caller reads (GraphQL field names of the node kinds, sorted and
	// comma-separated; the id is always read): the reader may leave the
	// others empty, and the links' relationship properties too (such a
	// relation serves a list of nodes, not of relationship views). Such
	// nodes are incomplete and must not be cached as whole nodes. Empty
	// means every field.
	Fields string
}

// Link is a relationship reached from a node together with the node at its
// other end.
type Link struct {
	Edge  Edge
	Other Node
}

// OrderField names a sort key of a list.
type OrderField string

// The sort keys; not every list supports every key.
const (
	OrderByName OrderField = "NAME"
	OrderByDate OrderField = "DATE"
	OrderByID   OrderField = "ID"
)

// Page asks for one page of a list, in keyset order.
type Page struct {
	First      int
	After      *Cursor
	OrderBy    OrderField
	Descending bool
	// WithTotal asks for the number of matching nodes as well.
	WithTotal bool
	// Then are relations to follow from every node of the page in the same
	// round trip, as LinkRequest.Then; NodePage.Then answers them.
	Then []Hop
}

// Cursor is a position in a keyset-ordered list: the sort key and id of the
// last node seen. It stays valid when nodes are added.
type Cursor struct {
	Key string `json:"k"`
	ID  string `json:"i"`
}

// ListFilter selects nodes of one kind. Nil or empty fields do not filter.
// Store.List documents which fields apply to which kind.
type ListFilter struct {
	Name        *string  // folded substring of the name or an alias (Person, Organisation, Place, Negotiation, Event); of the title (Source)
	Text        *string  // folded substring of text or summary (Claim), quote or summary (Attribution)
	Kinds       []string // the kind enum of Organisation, Place, Event, Source
	Date        DateWindow
	Statuses    []ClaimStatus
	Ranks       []Rank
	Stances     []Stance
	About       []string // Claim: about all of these; Attribution: its claim is about all of these
	Actor       *string  // Attribution: MADE_BY
	Source      *string  // Attribution: RECORDED_IN
	Claim       *string  // Attribution: ON
	Reporter    *string  // Claim: has an ASSERTS/CONFIRMS attribution made by this actor
	Denier      *string  // Claim: has a DENIES attribution made by this actor
	Participant *string  // Event: has this participant
	Negotiation *string  // Event: part of this negotiation
	Publisher   *string  // Source: published by
	Language    *string  // Source, Claim
}

// NodePage is one page of a list.
type NodePage struct {
	Nodes   []Node
	Cursors []Cursor
	HasNext bool
	// Total is the number of matching nodes, when asked for.
	Total int
	// Then[j] answers Page.Then[j] as Fetched.Then does.
	Then []map[string][]Link
}

// GraphReader answers the read API. Every method takes the request context
// and costs one Neo4j round trip.
//
// Errors: EINVALID for malformed input, EUNAVAILABLE when Neo4j cannot be
// reached, ELIMIT when a server-side bound is hit, EINTERNAL otherwise. Unknown
// ids are not errors: they are absent from the results.
type GraphReader interface {
	// NodesByID returns the nodes with the given ids, keyed by id.
	NodesByID(ctx context.Context, ids []string) (map[string]Node, error)
	// Links returns, for each start id, its links along rel in a stable order.
	Links(ctx context.Context, rel Relation, ids []string) (map[string][]Link, error)
	// Fetch reads one level of a query in one round trip: the links of
	// each request (in the order of Links) and the nodes with the given ids.
	Fetch(ctx context.Context, reqs []LinkRequest, nodes NodeRequest) (*Fetched, error)
	// List returns one page of the nodes of kind that match filter.
	List(ctx context.Context, kind Kind, filter ListFilter, page Page) (*NodePage, error)
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
}

// LinkRequest asks for the links of some nodes along one relation.
type LinkRequest struct {
	Rel Relation
	IDs []string
	// Then are relations to follow in the same round trip from every node
	// reached (an attribution's actor, claim and sources), and from the
	// nodes those reach; the first Limit links of each are answered in
	// Fetched.Then.
	Then []Hop
}

// NodeRequest asks for nodes by id (following redirects) and, from each,
// for the hops of Then (their first links), in the same round trip.
type NodeRequest struct {
	IDs  []string
	Then []Hop
}

// Hop is a relation followed from the nodes that Rel of a LinkRequest
// reached, or the nodes a NodeRequest found (Parent -1), or the nodes that
// hop Parent of its Then reached.
type Hop struct {
	Rel    Relation
	Parent int
}

// Fetched is the answer to Fetch: Links[i] answers reqs[i].
type Fetched struct {
	Links []map[string][]Link
	Nodes map[string]Node
	// Then[i][j] answers reqs[i].Then[j]: the links of each node its
	// parent reached.
	Then [][]map[string][]Link
	// NodeThen[j] answers nodes.Then[j] as Then does.
	NodeThen []map[string][]Link
}

// Dataset is a set of nodes and the edges between them, read from a data file
// and written in one transaction.
type Dataset struct {
	// Origin names where the data came from; it is recorded on new nodes.
	Origin string
	Nodes  []Node
	Edges  []Edge
	// New says that none of the nodes was stored when the load was
	// planned (an import resolved their ids): they are created rather
	// than upserted, and upserted after all should one exist by then.
	New bool
	// NewEdges are relationships that could not be stored when the load
	// was planned (an end was new) and that the load holds once: they are
	// created rather than upserted.
	NewEdges []Edge
}
