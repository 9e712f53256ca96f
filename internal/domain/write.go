package domain

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Outcome says what an upsert did.
type Outcome string

// The outcomes of an upsert.
const (
	Created   Outcome = "created"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
)

// FactEnds lists, per fact relationship, the kinds allowed at its start and
// at its end.
var FactEnds = map[RelType][2][]Kind{
	RelParticipant: {{KindEvent}, {KindPerson, KindOrganisation}},
	RelPartOf:      {{KindEvent}, {KindNegotiation}},
	RelHeldIn:      {{KindEvent, KindNegotiation}, {KindPlace}},
	RelParty:       {{KindNegotiation}, {KindOrganisation}},
	RelMemberOf:    {{KindPerson}, {KindOrganisation}},
}

// EntityKinds are the kinds that can be deleted and merged; claims and
// attributions are deprecated, never deleted.
var EntityKinds = []Kind{KindPerson, KindOrganisation, KindPlace, KindNegotiation, KindEvent, KindSource}

// WriteTx is one write transaction. Its methods return EINVALID, ECONFLICT,
// EUNAVAILABLE or EINTERNAL; nothing it did is kept when the function given
// to Writer.Write returns an error.
type WriteTx interface {
	// Node returns the node with id, or nil; the id of a node merged into
	// another returns the survivor.
	Node(ctx context.Context, id string) (Node, error)
	// ClaimsTouching returns the claims whose status depends on id: those
	// about it and those it made attributions on.
	ClaimsTouching(ctx context.Context, id string) ([]string, error)
	// SoleSourceOf counts the attributions recorded only in source id.
	SoleSourceOf(ctx context.Context, id string) (int, error)
	// PutNode upserts n by id with all its properties.
	PutNode(ctx context.Context, n Node) (Outcome, error)
	// PutEdge upserts a relationship; two of one type between the same
	// nodes are told apart by role or side.
	PutEdge(ctx context.Context, e Edge) (Outcome, error)
	// ReplaceEdges makes the relationships of type t from `from` exactly
	// edges; it reports whether any was added, changed or removed.
	ReplaceEdges(ctx context.Context, from string, t RelType, edges []Edge) (bool, error)
	// References counts the relationships that touch id.
	References(ctx context.Context, id string) (int, error)
	// DeleteNode removes id and its relationships.
	DeleteNode(ctx context.Context, id string) error
	// MergeInto moves every relationship of duplicate to survivor, merges
	// names into aliases, deletes duplicate and makes its id resolve to
	// survivor.
	MergeInto(ctx context.Context, survivor, duplicate string) error
	// RefreshStatuses derives the status of claims from their attributions.
	RefreshStatuses(ctx context.Context, claimIDs []string) error
	// ClaimOf returns the claim an attribution is ON, or "".
	ClaimOf(ctx context.Context, attributionID string) (string, error)
	// Attributed reports whether a claim has an attribution recorded in a source.
	Attributed(ctx context.Context, claimID string) (bool, error)
	// Edges returns the relationships of type t from `from`, with To and Role.
	Edges(ctx context.Context, from string, t RelType) ([]Edge, error)
	// CitationCycle returns an attribution that attributionID cites and that
	// cites attributionID back, directly or through others, or "".
	CitationCycle(ctx context.Context, attributionID string) (string, error)
}

// LoadStats counts what a bulk load did.
type LoadStats struct {
	Created   int
	Updated   int
	Unchanged int
	// Missing counts relationships not written because an end does not exist.
	Missing int
	// Raced says that a node of a Dataset.New had been stored by another
	// writer meanwhile: the dataset was upserted after all.
	Raced bool
}

// String renders the counts for people, e.g. "3 created, 0 updated, 5 unchanged".
func (s LoadStats) String() string {
	return fmt.Sprintf("%d created, %d updated, %d unchanged", s.Created, s.Updated, s.Unchanged)
}

// Batch is a dataset prepared for BulkWriter.LoadBatch: encoded once, so
// that preparing the next batch overlaps writing this one.
type Batch interface {
	// Records is how many nodes and relationships the batch holds.
	Records() int
}

// BulkWriter writes datasets in bulk (an import): each batch in one
// transaction, every node and relationship upserted by id, so that running
// a load again changes nothing.
type BulkWriter interface {
	// ResolveIDs returns, for each of ids that is stored, the id it is
	// stored under (a merged id resolves to its survivor).
	ResolveIDs(ctx context.Context, ids []string) (map[string]string, error)
	// PrepareBatch checks and encodes ds.
	PrepareBatch(ds *Dataset) (Batch, error)
	// LoadBatch writes a prepared batch on behalf of by; history false
	// leaves it out of the change log.
	LoadBatch(ctx context.Context, b Batch, by Principal, history bool) (LoadStats, error)
}

// Writer runs write transactions.
type Writer interface {
	// Write runs fn in one transaction on behalf of by; fn may be retried on
	// transient failures, so it must not have effects outside tx.
	Write(ctx context.Context, by Principal, fn func(tx WriteTx) error) error
}

// Validate checks a Person's fields against their description.
func (n *Person) Validate() error { return validateFields(n) }

// Validate checks an Organisation's fields against their description.
func (n *Organisation) Validate() error { return validateFields(n) }

// Validate checks a Place's fields against their description.
func (n *Place) Validate() error { return validateFields(n) }

// Validate checks a Negotiation's fields and that it does not end before it
// starts.
func (n *Negotiation) Validate() error {
	if err := validateFields(n); err != nil {
		return err
	}
	if n.Start != nil && n.End != nil && n.End.Latest.Before(n.Start.Earliest) {
		return Invalid("end", "the negotiation ends (%s) before it starts (%s)", n.End.Value, n.Start.Value)
	}
	return nil
}

// Validate checks an Event's fields against their description.
func (n *Event) Validate() error { return validateFields(n) }

// Validate checks a Source's fields against their description.
func (n *Source) Validate() error { return validateFields(n) }

// Validate checks a Claim's fields against their description.
func (n *Claim) Validate() error { return validateFields(n) }

// Validate checks an Attribution's fields against their description.
func (n *Attribution) Validate() error { return validateFields(n) }

// CheckLinks checks the rules an attribution's relationships obey: it is
// recorded in at least one source, has an actor unless its sourcing is
// UNSPECIFIED or ANONYMOUS, cites what it REPORTS, and does not cite itself.
func (n *Attribution) CheckLinks(actor *string, sources, cites []string) error {
	switch {
	case len(sources) == 0:
		return Invalid("sources", "an attribution is recorded in at least one source")
	case actor == nil && n.Sourcing != SourcingUnspecified && n.Sourcing != SourcingAnonymous:
		return Invalid("actor", "an actor is required unless sourcing is UNSPECIFIED or ANONYMOUS")
	case n.Stance == StanceReports && len(cites) == 0:
		return Invalid("cites", "a REPORTS attribution cites the attribution it relays: record that one first")
	case slices.Contains(cites, n.ID):
		return Invalid("cites", "an attribution cannot cite itself")
	}
	return nil
}

// Validate checks an edge's free-text properties (a fact's role and side).
func (e *Edge) Validate() error {
	return first(optLine("role", e.Role, MaxCode), optLine("side", e.Side, MaxCode))
}

func required(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return Invalid(field, "%s is required", field)
	}
	return nil
}

func oneOf[T ~string](field, v string, allowed ...T) error {
	names := make([]string, len(allowed))
	for i, a := range allowed {
		if string(a) == v {
			return nil
		}
		names[i] = string(a)
	}
	if v == "" {
		return Invalid(field, "%s is required: one of %s", field, strings.Join(names, ", "))
	}
	return Invalid(field, "%s %q is not one of %s", field, v, strings.Join(names, ", "))
}

func first(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// Change is one entry of an entity's history.
type Change struct {
	At time.Time
	// By is the API key's name (or "cli:import"…) that made the change.
	By string
	// Op is created, updated, deleted or merged.
	Op string
	// What names the node's type or the relationship ("MEMBER_OF -> organisation/kremlin").
	What string
	// Fields lists the properties an update changed.
	Fields []string
	Note   *string
}

// LogEntry is one entry of the change log with its position: positions are
// consecutive integers in commit order, the same on every replica, so a
// subscriber resumes after the last position it saw.
type LogEntry struct {
	Position int64
	// Commit is the position of the first entry of the transaction that
	// wrote this one: the entries of one transaction share it and are
	// consecutive, in the order the transaction wrote them.
	Commit int64
	Change
	// Entity is the node changed, or the start of the relationship changed.
	Entity string
	// Other and Rel are the end and the type of the relationship changed.
	Other, Rel string
	// About lists the entities the changed claim (or the changed
	// attribution's claim) is about, as the graph is when the entry is read.
	About []string
	// State is the attribution as the change left it (created or updated
	// attributions only, the ones subscriptions read; nil otherwise).
	State Node
}

// Touches reports whether the entry changed id, or a claim (or an
// attribution on a claim) about id.
func (e LogEntry) Touches(id string) bool {
	return e.Entity == id || e.Other == id || slices.Contains(e.About, id)
}
