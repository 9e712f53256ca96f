package domain

import "time"

// Limits are every bound newsgraph puts on the work one request may cause.
// Each is defined here once, with its default, its flag and its reason
// (LimitSpecs); the layers that enforce them (HTTP, the GraphQL guard before
// validation, the static cost, the execution budget, the store) read them
// from one Limits value built at start.
type Limits struct {
	// HTTP layer.
	BodyBytes      int           // bytes of one request body; more answers 413
	RequestTimeout time.Duration // deadline of one request, Neo4j transactions included
	Rate           int           // cost points one anonymous client may spend per RateWindow (0: off)
	RateKey        int           // cost points one API key may spend per RateWindow (0: off)
	RateWindow     time.Duration // the window of Rate and RateKey
	MaxInFlight    int           // operations executing at once; more wait for a slot until their deadline

	// Before validation (on the parsed document).
	Tokens             int // lexical tokens of one document
	Depth              int // nesting of selections, fragments expanded, introspection excluded
	Aliases            int // aliased fields in one document
	DirectivesPerField int // directives on one field, fragment or operation
	Fields             int // field selections of one operation with its fragments expanded
	Errors             int // errors one response carries; the rest are summarised

	// Before execution.
	Cost          int // static cost: objects an operation may resolve, lists multiplied by their sizes
	PageSize      int // largest first of a connection, search, history or traversal list
	LinksMax      int // largest first of a plain relationship list
	IDsPerLookup  int // ids of one nodes(ids:) lookup
	PathHops      int // largest maxHops of paths
	Hops          int // largest hops of neighbourhood
	Neighbours    int // largest maxNeighbours of neighbourhood
	TraversalRows int // rows one traversal query returns at most (claimLinks, search depth)

	// During execution.
	BudgetNodes   int // objects resolved by one operation
	BudgetBytes   int // bytes of the response's values
	SubgraphNodes int // nodes of one neighbourhood

	// WebSocket subscriptions.
	WSInitTimeout  time.Duration // time a socket has to send connection_init
	WSOperations   int           // operations (subscriptions, running queries) one socket may hold
	WSMessageBytes int           // bytes of one WebSocket message
}

// LinksDefault is the default first of a relationship list; the schema
// says it (first: Int! = 20), so it is not a flag.
const LinksDefault = 20

// LimitSpec describes one limit: its flag (also its environment variable,
// NEWSGRAPH_ plus the flag in upper case with underscores), what it bounds
// and why its default is what it is.
type LimitSpec struct {
	Flag string
	Help string
	Int  func(*Limits) *int
	Dur  func(*Limits) *time.Duration
}

// DefaultLimits returns the defaults; the reasons are in LimitSpecs' help.
func DefaultLimits() Limits {
	return Limits{
		BodyBytes:      64 << 10,
		RequestTimeout: 30 * time.Second,
		Rate:           60_000,
		RateKey:        0,
		RateWindow:     time.Minute,
		MaxInFlight:    16,

		Tokens:             4_000,
		Depth:              12,
		Aliases:            30,
		DirectivesPerField: 4,
		Fields:             400,
		Errors:             50,

		Cost:          25_000,
		PageSize:      100,
		LinksMax:      100,
		IDsPerLookup:  100,
		PathHops:      6,
		Hops:          3,
		Neighbours:    200,
		TraversalRows: 1000,

		BudgetNodes:   25_000,
		BudgetBytes:   8 << 20,
		SubgraphNodes: 5000,

		WSInitTimeout:  10 * time.Second,
		WSOperations:   20,
		WSMessageBytes: 64 << 10,
	}
}

// LimitSpecs lists every limit with its flag; the command line registers
// them from here.
var LimitSpecs = []LimitSpec{
	{Flag: "max-body-bytes", Help: "bytes of one request body, 413 past it (the largest real query is a few KB)", Int: func(l *Limits) *int { return &l.BodyBytes }},
	{Flag: "request-timeout", Help: "deadline of one GraphQL request; cancels its Neo4j transactions", Dur: func(l *Limits) *time.Duration { return &l.RequestTimeout }},
	{Flag: "rate-anonymous", Help: "cost points one anonymous client address may spend per --rate-window, 429 past it (0: off)", Int: func(l *Limits) *int { return &l.Rate }},
	{Flag: "rate-key", Help: "cost points one API key may spend per --rate-window (0: off)", Int: func(l *Limits) *int { return &l.RateKey }},
	{Flag: "rate-window", Help: "the window of the rate limits", Dur: func(l *Limits) *time.Duration { return &l.RateWindow }},
	{Flag: "max-in-flight", Help: "GraphQL operations executing at once; the rest wait for a slot until their deadline", Int: func(l *Limits) *int { return &l.MaxInFlight }},
	{Flag: "max-tokens", Help: "lexical tokens of one GraphQL document (GraphiQL's introspection query has ~1,000)", Int: func(l *Limits) *int { return &l.Tokens }},
	{Flag: "max-depth", Help: "selection nesting of one operation, fragments expanded, introspection excluded", Int: func(l *Limits) *int { return &l.Depth }},
	{Flag: "max-aliases", Help: "aliased fields in one document", Int: func(l *Limits) *int { return &l.Aliases }},
	{Flag: "max-directives", Help: "directives on one field, fragment or operation", Int: func(l *Limits) *int { return &l.DirectivesPerField }},
	{Flag: "max-fields", Help: "field selections of one operation with its fragments expanded (checked before validation)", Int: func(l *Limits) *int { return &l.Fields }},
	{Flag: "max-errors", Help: "errors one response carries", Int: func(l *Limits) *int { return &l.Errors }},
	{Flag: "max-cost", Help: "static cost of one operation: objects it may resolve, lists multiplied by their first or cap", Int: func(l *Limits) *int { return &l.Cost }},
	{Flag: "max-page-size", Help: "largest first of connections, search, history and paths", Int: func(l *Limits) *int { return &l.PageSize }},
	{Flag: "links-max", Help: "largest first of a plain relationship list", Int: func(l *Limits) *int { return &l.LinksMax }},
	{Flag: "max-ids", Help: "ids of one nodes(ids:) lookup", Int: func(l *Limits) *int { return &l.IDsPerLookup }},
	{Flag: "max-path-hops", Help: "largest maxHops of paths", Int: func(l *Limits) *int { return &l.PathHops }},
	{Flag: "max-hops", Help: "largest hops of neighbourhood and export --around", Int: func(l *Limits) *int { return &l.Hops }},
	{Flag: "neighbours-max", Help: "largest maxNeighbours of neighbourhood and export --around", Int: func(l *Limits) *int { return &l.Neighbours }},
	{Flag: "max-traversal-rows", Help: "rows one traversal query returns at most, and the largest first of timeline, disputes, cooccurrences and claimLinks", Int: func(l *Limits) *int { return &l.TraversalRows }},
	{Flag: "budget-nodes", Help: "objects one operation may resolve while it runs; past it LIMIT_EXCEEDED and no data", Int: func(l *Limits) *int { return &l.BudgetNodes }},
	{Flag: "budget-bytes", Help: "bytes of values one response may carry; past it LIMIT_EXCEEDED and no data", Int: func(l *Limits) *int { return &l.BudgetBytes }},
	{Flag: "max-subgraph-nodes", Help: "nodes of one neighbourhood or export --around", Int: func(l *Limits) *int { return &l.SubgraphNodes }},
	{Flag: "ws-init-timeout", Help: "time a WebSocket has to send connection_init", Dur: func(l *Limits) *time.Duration { return &l.WSInitTimeout }},
	{Flag: "ws-operations", Help: "operations (subscriptions and running queries) one WebSocket may hold at once", Int: func(l *Limits) *int { return &l.WSOperations }},
	{Flag: "ws-message-bytes", Help: "bytes of one WebSocket message", Int: func(l *Limits) *int { return &l.WSMessageBytes }},
}

// Validate reports a limit that cannot work (zero or negative where a
// positive bound is needed).
func (l Limits) Validate() error {
	for _, s := range LimitSpecs {
		switch {
		case s.Int != nil:
			v := *s.Int(&l)
			if v < 0 || v == 0 && s.Flag != "rate-anonymous" && s.Flag != "rate-key" {
				return Invalid(s.Flag, "--%s must be positive, got %d", s.Flag, v)
			}
		case s.Dur != nil:
			if v := *s.Dur(&l); v <= 0 {
				return Invalid(s.Flag, "--%s must be a positive duration, got %s", s.Flag, v)
			}
		}
	}
	if l.LinksMax < LinksDefault {
		return Invalid("links-max", "--links-max (%d) must be at least the schema's default first of a relationship list (%d)", l.LinksMax, LinksDefault)
	}
	return nil
}

// InRange is the one check of a bounded integer argument: EINVALID naming
// the field unless lo <= v <= hi.
func InRange(field string, v, lo, hi int) error {
	if v < lo || v > hi {
		return Invalid(field, "%s must be between %d and %d, got %d", field, lo, hi, v)
	}
	return nil
}

// LimitError is ELIMIT with the limit's name in the message.
func LimitError(what string, got, limit int) *Error {
	return Errorf(ELIMIT, "%s: %d exceeds the limit of %d", what, got, limit)
}

// The checks of the service's arguments, next to the limits they apply:
// the store calls them once, where a query enters it; the API layer maps
// arguments and does not check them again. Field names are the API's.

// Check bounds a path query: two different nodes, maxHops, first (Limit)
// and maxDegree.
func (q PathQuery) Check(l Limits) error {
	for _, id := range q.Avoid {
		if err := CheckID("avoid", id); err != nil {
			return err
		}
	}
	switch {
	case CheckID("from", q.From) != nil:
		return CheckID("from", q.From)
	case CheckID("to", q.To) != nil:
		return CheckID("to", q.To)
	case q.From == q.To:
		return Invalid("to", "a path needs two different nodes")
	case q.MaxDegree < 0:
		return Invalid("maxDegree", "maxDegree must be 0 (no limit) or positive, got %d", q.MaxDegree)
	}
	return first(InRange("maxHops", q.MaxHops, 1, l.PathHops), InRange("first", q.Limit, 1, l.PageSize))
}

// Check bounds a neighbourhood query: hops and maxNeighbours.
func (q NeighbourhoodQuery) Check(l Limits) error {
	return first(InRange("hops", q.Hops, 1, l.Hops), InRange("maxNeighbours", q.PerNode, 1, l.Neighbours))
}

// Check bounds a page of a list: first.
func (p Page) Check(l Limits) error { return InRange("first", p.First, 1, l.PageSize) }

// Check bounds the links asked of each node: first (Limit).
func (r Relation) Check(l Limits) error { return InRange("first", r.Limit, 1, l.LinksMax) }

// Rows bounds the rows of a traversal list (timeline, disputes,
// co-occurrences, claim links): first.
func (l Limits) Rows(n int) error { return InRange("first", n, 1, l.TraversalRows) }

// Results bounds a page of search hits or of a node's history: first.
func (l Limits) Results(n int) error { return InRange("first", n, 1, l.PageSize) }
