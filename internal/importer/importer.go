// Package importer loads JSON Lines data files (docs/dataset.md) into the
// graph in batches: nodes first, then relationships (those of one claim
// together), two batches at a time, each batch one transaction. Every write is an upsert by id, so an interrupted
// import is finished by running it again, without duplicates.
package importer

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
)

// Store is what an import needs of the database.
type Store = domain.BulkWriter

// writers is how many batches are written at once: a batch's commit
// does not wait for another's (see neo4jstore's change log), so two
// keep the database busy while one commits.
const writers = 2

// DefaultBatchSize is the number of records per transaction unless
// Options.BatchSize says otherwise. Smaller batches cost Neo4j less CPU per
// record (Import100k: 29 s at 10,000, 26 s at 5,000, 22 s at 2,500, 20 s
// at 1,000) and two of them commit side by side.
const DefaultBatchSize = 1000

// Options configures an import.
type Options struct {
	// Strict stops at the first bad line, before anything is written.
	Strict bool
	// BatchSize is the number of records per transaction (default
	// DefaultBatchSize).
	BatchSize int
	// Progress receives progress reports; nil for none.
	Progress io.Writer
	// Terminal draws a progress bar instead of printing progress lines.
	Terminal bool
	// Origin is recorded on new nodes, e.g. the file name.
	Origin string
	By     domain.Principal
	// NoHistory skips the change log, for bulk loads of millions of
	// relationships.
	NoHistory bool
}

// Summary is what an import did.
type Summary struct {
	Records   int // lines read that hold a record
	Created   int
	Updated   int
	Unchanged int
	Rejected  []dataset.LineError
	Elapsed   time.Duration
}

// String is the summary line printed at the end of an import.
func (s Summary) String() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Records) / s.Elapsed.Seconds()
	}
	return fmt.Sprintf("%d records: %d created, %d updated, %d unchanged, %d rejected in %s (%.0f records/s)",
		s.Records, s.Created, s.Updated, s.Unchanged, len(s.Rejected), s.Elapsed.Round(time.Millisecond), rate)
}

// Import reads r and writes its records. Bad lines are rejected with their
// line number and reason and the rest is imported; with Strict the first bad
// line stops the import before anything is written (EINVALID). Lines that
// refer to ids neither in the file nor in the database are rejected too.
func Import(ctx context.Context, r io.Reader, st Store, opts Options) (Summary, error) {
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	var stop func(dataset.LineError) bool
	if opts.Strict {
		stop = func(dataset.LineError) bool { return true }
	}
	items, rejected, err := dataset.Parse(r, opts.Origin, stop)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Rejected: rejected}
	if opts.Strict && len(rejected) > 0 {
		return sum, strictError(rejected[0])
	}
	items, refRejects, stored, err := checkReferences(ctx, st, items)
	if err != nil {
		return sum, err
	}
	sum.Rejected = append(sum.Rejected, refRejects...)
	slices.SortStableFunc(sum.Rejected, func(a, b dataset.LineError) int { return a.Line - b.Line })
	if opts.Strict && len(sum.Rejected) > 0 {
		return sum, strictError(sum.Rejected[0])
	}
	sum.Records = len(items) + len(sum.Rejected)

	// Nodes first, so that every relationship finds both ends.
	// New nodes are created rather than upserted (domain.Dataset.New):
	// they are written first, in batches of their own.
	var nodes, old []domain.Node
	var edges []domain.Edge
	for _, it := range items {
		switch {
		case it.Node == nil:
		case stored[it.Node.NodeID()]:
			old = append(old, it.Node)
		default:
			nodes = append(nodes, it.Node)
		}
		edges = append(edges, it.Edges...)
	}
	fresh := len(nodes)
	nodes = append(nodes, old...)
	edges = byClaim(edges)
	prog := progress{w: opts.Progress, terminal: opts.Terminal, total: len(nodes) + len(edges), start: start}
	var mu sync.Mutex
	raced := false
	write := func(ctx context.Context, p domain.Batch) error {
		ls, err := st.LoadBatch(ctx, p, opts.By, !opts.NoHistory)
		if err != nil {
			return err
		}
		if ls.Missing > 0 {
			// The references were checked: only a concurrent delete gets here.
			return domain.Errorf(domain.ECONFLICT, "%d relationships lost an end while importing (deleted meanwhile?); run the import again", ls.Missing)
		}
		mu.Lock()
		defer mu.Unlock()
		raced = raced || ls.Raced
		sum.Created += ls.Created
		sum.Updated += ls.Updated
		sum.Unchanged += ls.Unchanged
		prog.add(p.Records())
		return nil
	}
	var sets []*domain.Dataset
	for b := range slices.Chunk(nodes[:fresh], opts.BatchSize) {
		sets = append(sets, &domain.Dataset{Origin: opts.Origin, Nodes: b, New: true})
	}
	for b := range slices.Chunk(nodes[fresh:], opts.BatchSize) {
		sets = append(sets, &domain.Dataset{Origin: opts.Origin, Nodes: b})
	}
	// Node batches hold distinct ids, so two can be written at once.
	if err := writeAll(ctx, st, sets, writers, write); err != nil {
		return sum, err
	}
	sets = nil
	// A relationship with a new end cannot be stored yet: it is created
	// rather than upserted, the first time the file holds it, unless
	// another writer stored one of the new nodes meanwhile.
	once := map[string]bool{}
	for b := range slices.Chunk(edges, opts.BatchSize) {
		ds := &domain.Dataset{Origin: opts.Origin}
		for _, e := range b {
			if !raced && (!stored[e.From] || !stored[e.To]) && !once[e.ID()] {
				once[e.ID()] = true
				ds.NewEdges = append(ds.NewEdges, e)
			} else {
				ds.Edges = append(ds.Edges, e)
			}
		}
		sets = append(sets, ds)
	}
	// Relationship batches lock the nodes they link, which others may
	// share (hubs): two batches at once wait for each other there, and a
	// deadlock Neo4j detects is retried by the store. A claim's status is
	// derived under its lock from what is committed by then, so the batch
	// that derives it last sees every attribution; an attribution's ON and
	// MADE_BY, if a claim's relationships straddle two batches, lock the
	// attribution, so the batch that writes the second waits for the other
	// to commit and then finds the claim to derive.
	if err := writeAll(ctx, st, sets, writers, write); err != nil {
		return sum, err
	}
	prog.done()
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// writeAll prepares the datasets in order, one ahead of the writers, and
// writes them with workers transactions at once. It stops at the first
// error and returns it.
func writeAll(ctx context.Context, st Store, sets []*domain.Dataset, workers int, write func(context.Context, domain.Batch) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var once sync.Once
	var first error
	fail := func(err error) {
		once.Do(func() { first = err; cancel() })
	}
	jobs := make(chan domain.Batch)
	go func() {
		defer close(jobs)
		for _, ds := range sets {
			p, err := st.PrepareBatch(ds)
			if err != nil {
				fail(err)
				return
			}
			select {
			case jobs <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				if err := write(ctx, j); err != nil {
					fail(err)
				}
			}
		}()
	}
	wg.Wait()
	once.Do(func() { first = ctx.Err() }) // the caller's context, if it ended
	return first
}

// byClaim orders the relationships so that those that change the status
// of one claim (its ABOUT and ON relationships, and those of the
// attributions ON it) follow each other, in the order of the file
// otherwise: most claims then have all of them in one batch, and their
// status is derived once, from all their attributions, rather than once
// per batch that holds one of them.
func byClaim(edges []domain.Edge) []domain.Edge {
	claimOf := map[string]string{} // attribution → the claim it is ON
	for _, e := range edges {
		if e.Type == domain.RelOn {
			claimOf[e.From] = e.To
		}
	}
	key := func(e domain.Edge) string {
		switch e.Type {
		case domain.RelAbout:
			return e.From
		case domain.RelOn:
			return e.To
		}
		return claimOf[e.From]
	}
	keys := make(map[string]int, len(claimOf))
	order := make([]int, len(edges)) // the first position of each edge's key
	for i, e := range edges {
		k := key(e)
		if k == "" {
			order[i] = i
			continue
		}
		if _, ok := keys[k]; !ok {
			keys[k] = i
		}
		order[i] = keys[k]
	}
	idx := make([]int, len(edges))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return order[a] - order[b] })
	out := make([]domain.Edge, len(edges))
	for i, j := range idx {
		out[i] = edges[j]
	}
	return out
}

func strictError(e dataset.LineError) error {
	return &domain.Error{Code: domain.EINVALID, Field: e.Field, Message: "--strict: " + e.Error() + "; nothing was imported"}
}

// checkReferences rejects the lines that define an id an admin has merged
// into another, and the lines that refer to ids defined neither in the file
// nor in the database, then the lines that refer to ids of rejected lines,
// until nothing more is rejected. References to merged ids are rewritten to
// their survivors. It returns the ids that are stored too.
func checkReferences(ctx context.Context, st Store, items []dataset.Item) ([]dataset.Item, []dataset.LineError, map[string]bool, error) {
	var ids []string
	seen := map[string]bool{}
	for _, it := range items {
		if it.Node != nil && !seen[it.Node.NodeID()] {
			seen[it.Node.NodeID()] = true
			ids = append(ids, it.Node.NodeID())
		}
		for _, ref := range it.Refs {
			if !seen[ref.ID] {
				seen[ref.ID] = true
				ids = append(ids, ref.ID)
			}
		}
	}
	stored, err := st.ResolveIDs(ctx, ids)
	if err != nil {
		return nil, nil, nil, err
	}
	var rejected []dataset.LineError
	var live []dataset.Item
	for _, it := range items {
		if it.Node != nil {
			if to, ok := stored[it.Node.NodeID()]; ok && to != it.Node.NodeID() {
				rejected = append(rejected, dataset.LineError{Line: it.Line, Field: "id",
					Msg: it.Node.NodeID() + " was merged into " + to + "; write to " + to})
				continue
			}
		}
		for i, e := range it.Edges {
			if to, ok := stored[e.To]; ok {
				it.Edges[i].To = to
			}
			if from, ok := stored[e.From]; ok {
				it.Edges[i].From = from
			}
		}
		live = append(live, it)
	}
	items = live
	existing := map[string]bool{}
	for id, to := range stored {
		// A merged id's survivor is stored too: the edges above now
		// name it, and an edge to it is upserted, not created again.
		existing[id], existing[to] = true, true
	}
	for {
		defined := map[string]bool{}
		for _, it := range items {
			if it.Node != nil {
				defined[it.Node.NodeID()] = true
			}
		}
		var kept []dataset.Item
		before := len(rejected)
		for _, it := range items {
			var missing []string
			field := ""
			for _, ref := range it.Refs {
				if !defined[ref.ID] && !existing[ref.ID] {
					missing = append(missing, ref.ID)
					field = ref.Field
				}
			}
			if len(missing) > 0 {
				rejected = append(rejected, dataset.LineError{Line: it.Line, Field: field,
					Msg: strings.Join(missing, ", ") + " is neither in the file (on a line that was imported) nor in the database"})
				continue
			}
			kept = append(kept, it)
		}
		items = kept
		if len(rejected) == before {
			return items, rejected, existing, nil
		}
	}
}

// progress reports how far the writes are: a bar on a terminal, a line per
// report otherwise.
type progress struct {
	w        io.Writer
	terminal bool
	total    int
	written  int
	start    time.Time
	last     time.Time
}

func (p *progress) add(n int) {
	p.written += n
	if p.w == nil || p.total == 0 {
		return
	}
	if !p.terminal && time.Since(p.last) < 2*time.Second && p.written < p.total {
		return
	}
	p.last = time.Now()
	pct := 100 * p.written / p.total
	rate := float64(p.written) / time.Since(p.start).Seconds()
	if p.terminal {
		const width = 30
		bar := strings.Repeat("█", pct*width/100) + strings.Repeat("░", width-pct*width/100)
		fmt.Fprintf(p.w, "\r%s %3d%%  %d/%d  %.0f/s ", bar, pct, p.written, p.total, rate)
		return
	}
	fmt.Fprintf(p.w, "import: %d/%d nodes and relationships written (%d%%), %.0f/s\n", p.written, p.total, pct, rate)
}

func (p *progress) done() {
	if p.w != nil && p.terminal && p.total > 0 {
		fmt.Fprintln(p.w)
	}
}
