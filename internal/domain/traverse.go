package domain

import "context"

// SearchHit is one full-text search result.
type SearchHit struct {
	Node  Node
	Score float64
	// Matched lists the fields whose text matched, with their value.
	Matched []FieldMatch
}

// FieldMatch is a field that matched a search.
type FieldMatch struct {
	Field string
	Value string
}

// PathStep is one relationship of a path, in the path's direction.
type PathStep struct {
	Type RelType
	From string // the node the step leaves
	To   string // the node the step reaches
	// Forward is true when the relationship points from From to To.
	Forward bool
	Role    *string
	// ClaimID is the claim behind the step (a fact's claim, the claim an
	// ABOUT or ON belongs to…), and SourceIDs where it is recorded.
	ClaimID   *string
	SourceIDs []string
}

// Path is a chain of steps between two nodes.
type Path struct {
	NodeIDs []string
	Steps   []PathStep
}

// PathQuery asks for the shortest paths between two nodes.
type PathQuery struct {
	From, To string
	MaxHops  int
	Types    []RelType // empty: every type
	Avoid    []string  // ids no path may pass through
	// MaxDegree skips hub nodes with more relationships than this (0: no limit).
	MaxDegree int
	Limit     int
}

// ClaimLinkKind says how a claim connects two entities.
type ClaimLinkKind string

// The ways a claim connects two entities.
const (
	CoSubjects  ClaimLinkKind = "CO_SUBJECTS" // the claim is about both
	AReportsOnB ClaimLinkKind = "A_REPORTS_ON_B"
	BReportsOnA ClaimLinkKind = "B_REPORTS_ON_A"
	// OppositeSides: A and B speak first-hand on one claim, one for it and
	// one against.
	OppositeSides ClaimLinkKind = "OPPOSITE_SIDES"
)

// ClaimLink is one claim connecting two entities.
type ClaimLink struct {
	Kind          ClaimLinkKind
	ClaimID       string
	AttributionID *string // for reports: the attribution made by the reporter
}

// Subgraph is a set of nodes and the relationships among them.
type Subgraph struct {
	Nodes []Node
	Edges []Edge
}

// NeighbourhoodQuery asks for the subgraph around a node.
type NeighbourhoodQuery struct {
	ID    string
	Hops  int
	Kinds []Kind // empty: every kind
	Date  DateWindow
	// PerNode caps how many neighbours of each node are expanded.
	PerNode int
}

// TimelineEntry is one dated thing about an entity.
type TimelineEntry struct {
	Date PartialDate
	// What: EVENT (took part), STATEMENT (said), REPORTED_ABOUT (an
	// attribution on a claim about it), CLAIM (a claim about it),
	// PUBLICATION (wrote, published or was mentioned in).
	What string
	Role *string
	Node Node
}

// Cooccurrence is an entity that appears with another one.
type Cooccurrence struct {
	Node    Node
	Sources int // sources that mention both or record claims about both
	Claims  int // claims about both
}

// Traverser answers the journalist traversals. Errors: EINVALID, ELIMIT,
// EUNAVAILABLE, EINTERNAL.
type Traverser interface {
	Search(ctx context.Context, text string, kinds []Kind, first, offset int) ([]SearchHit, bool, error)
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
	ClaimLinks(ctx context.Context, a, b string, first int) ([]ClaimLink, error)
	Neighbourhood(ctx context.Context, q NeighbourhoodQuery) (*Subgraph, error)
	// Timeline lists what is dated about id; kinds, when not empty, keeps
	// only entries of those kinds (EVENT, STATEMENT, REPORTED_ABOUT, CLAIM,
	// PUBLICATION, SELF).
	Timeline(ctx context.Context, id string, window DateWindow, kinds []string, first int) ([]TimelineEntry, error)
	Disputes(ctx context.Context, about *string, first int) ([]Node, error)
	Cooccurrences(ctx context.Context, id string, first int) ([]Cooccurrence, error)
}
