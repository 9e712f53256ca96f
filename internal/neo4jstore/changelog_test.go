package neo4jstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestChangeLogPositions writes from concurrent transactions and reads the
// log back: positions are 1..n with no gap and no repeat, and a tail that
// reads "after the last position seen" while the writers run sees every
// entry once, in order.
func TestChangeLogPositions(t *testing.T) {
	store := neo4jtest.MustOpen(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	by := domain.Principal{Key: "test", Role: domain.RoleAdmin}
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	writePeople(ctx, store, by, &wg, errs, "person/log", writers, each)
	// Tail while they write.
	var seen []int64
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	tail := func() {
		last := int64(0)
		if len(seen) > 0 {
			last = seen[len(seen)-1]
		}
		entries, _, err := store.ChangesAfter(ctx, last, 7)
		if err != nil {
			t.Fatalf("ChangesAfter(%d): %v", last, err)
		}
		for _, e := range entries {
			seen = append(seen, e.Position)
		}
	}
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
			tail()
		}
	}
	for n := -1; n != len(seen); {
		n = len(seen)
		tail()
	}
	close(errs)
	for err := range errs {
		t.Fatalf("write: %v", err)
	}
	if len(seen) != writers*each {
		t.Fatalf("tail saw %d entries, want %d: %v", len(seen), writers*each, seen)
	}
	for i, p := range seen {
		if p != int64(i+1) {
			t.Fatalf("position %d is %d, want %d (gap or repeat): %v", i, p, i+1, seen)
		}
	}
	t.Run("ErrBeyondHead", func(t *testing.T) {
		if _, _, err := store.ChangesAfter(ctx, 1000, 10); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("ChangesAfter(1000) = %v, want EINVALID", err)
		}
	})
	t.Run("ErrPastRetention", func(t *testing.T) {
		n, err := store.PruneChanges(ctx, time.Now().Add(time.Hour), 5)
		if err != nil || n != 5 {
			t.Fatalf("PruneChanges = %d, %v; want 5 pruned", n, err)
		}
		if _, _, err := store.ChangesAfter(ctx, 2, 10); domain.ErrorCode(err) != domain.EGONE {
			t.Errorf("ChangesAfter(2) after pruning 1..5 = %v, want EGONE", err)
		}
		entries, _, err := store.ChangesAfter(ctx, 5, 1)
		if err != nil || len(entries) != 1 || entries[0].Position != 6 {
			t.Errorf("ChangesAfter(5) = %v, %v; want position 6", entries, err)
		}
	})
}

// TestChangeLogPositionsWithLoads mixes loads of nodes and loads of
// relationships (batches of an import) with single writes: positions are still
// 1..n with no gap, every entry has one, and the entries of one
// transaction follow each other, each with the transaction's first
// position as its commit.
func TestChangeLogPositionsWithLoads(t *testing.T) {
	store := neo4jtest.MustOpen(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	by := domain.Principal{Key: "test", Role: domain.RoleAdmin}
	const writers, loaders, each = 2, 2, 5
	var wg sync.WaitGroup
	errs := make(chan error, (writers+2*loaders)*each)
	writePeople(ctx, store, by, &wg, errs, "person/w", writers, each)
	subject, object := "SUBJECT", "OBJECT"
	for l := range loaders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id := func(what string, n int) string { return fmt.Sprintf("%s/l-%d-%d-%d", what, l, i, n) }
				// Nodes, then their relationships, as the importer writes them.
				nodes := &domain.Dataset{Origin: "test", Nodes: []domain.Node{
					&domain.Person{ID: id("person", 0), Name: "Load Test"},
					&domain.Person{ID: id("person", 1), Name: "Load Test"},
					&domain.Person{ID: id("person", 2), Name: "Load Test"},
					&domain.Claim{ID: id("claim", 0), Text: "Load test claim", Language: "en"},
				}}
				edges := &domain.Dataset{Origin: "test", Edges: []domain.Edge{
					{Type: domain.RelAbout, From: id("claim", 0), To: id("person", 0), Role: &subject},
					{Type: domain.RelAbout, From: id("claim", 0), To: id("person", 1), Role: &object},
				}}
				for _, ds := range []*domain.Dataset{nodes, edges} {
					if _, err := store.LoadDataset(ctx, ds, by); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("write: %v", err)
	}
	all := readLog(ctx, t, store, 50)
	created := 0
	commits := map[int64]bool{}
	for i, e := range all {
		if e.Position != int64(i+1) {
			t.Fatalf("entry %d has position %d (gap or repeat)", i, e.Position)
		}
		if e.Op == "created" {
			created++
		}
		switch {
		case i > 0 && e.Commit == all[i-1].Commit:
		case e.Commit != e.Position || commits[e.Commit]:
			t.Fatalf("entry %d (%s %s) starts a transaction at %d but has commit %d", e.Position, e.Op, e.Entity, e.Position, e.Commit)
		}
		commits[e.Commit] = true
	}
	// Each writer's person, and each loader's 4 nodes and 2 relationships.
	if want := writers*each + loaders*each*6; created != want {
		t.Errorf("%d creations logged, want %d", created, want)
	}
	// A claim's status may be derived in the load of its nodes, of its
	// relationships, or both: every transaction logged something.
	if want := (writers + 2*loaders) * each; len(commits) != want {
		t.Errorf("%d transactions in the log, want %d", len(commits), want)
	}
}

// readLog reads the whole change log, pages of page entries at a time,
// up to its head.
func readLog(ctx context.Context, t *testing.T, store *neo4jstore.Store, page int) []domain.LogEntry {
	t.Helper()
	var all []domain.LogEntry
	for {
		after := int64(0)
		if len(all) > 0 {
			after = all[len(all)-1].Position
		}
		entries, head, err := store.ChangesAfter(ctx, after, page)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, entries...)
		if len(entries) == 0 {
			if after != head {
				t.Fatalf("read up to %d, head is %d", after, head)
			}
			return all
		}
	}
}

// writePeople starts writers goroutines, each writing each people
// (prefix-w-i) in a transaction of its own; errors go to errs.
func writePeople(ctx context.Context, store *neo4jstore.Store, by domain.Principal, wg *sync.WaitGroup, errs chan<- error, prefix string, writers, each int) {
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				err := store.Write(ctx, by, func(tx domain.WriteTx) error {
					_, err := tx.PutNode(ctx, &domain.Person{ID: fmt.Sprintf("%s-%d-%d", prefix, w, i), Name: "Log Test"})
					return err
				})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
}
