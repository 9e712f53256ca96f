package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestCompactLogOfLoads: a load logs each of its statements as one
// NewsgraphChangeSet (schema version 6), not one NewsgraphChange per
// change. History still lists every change once, whether what it is
// about is as the load left it, changed by a later load, deleted, or
// merged into another node; the change feed reads every position once,
// with an attribution's state as each load wrote it; pruning deletes the
// sets and the copies.
func TestCompactLogOfLoads(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	count := func(label string) int64 {
		t.Helper()
		recs, err := neo4jtest.Query(ctx, "MATCH (n:"+label+") RETURN count(n)")
		if err != nil {
			t.Fatal(err)
		}
		return recs[0].Values[0].(int64)
	}
	load := func(ds *domain.Dataset) {
		t.Helper()
		if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
			t.Fatal(err)
		}
	}
	write := func(fn func(tx domain.WriteTx) error) {
		t.Helper()
		if err := s.Write(ctx, neo4jtest.Loader, fn); err != nil {
			t.Fatal(err)
		}
	}
	subject, object := "SUBJECT", "OBJECT"
	once, twice := 1, 2
	quote := "Nie było żadnej rozmowy"
	statedAt, err := domain.ParsePartialDate("2025-03")
	if err != nil {
		t.Fatal(err)
	}
	attribution := func(stance domain.Stance) *domain.Attribution {
		return &domain.Attribution{ID: "attribution/a", Quote: &quote, Stance: stance, Sourcing: domain.SourcingNamed, StatedAt: &statedAt}
	}
	// As the importer writes a file: new nodes created, then the
	// relationships that have a new end.
	load(&domain.Dataset{Origin: "load-1", New: true, Nodes: []domain.Node{
		&domain.Person{ID: "person/p", Name: "P"},
		&domain.Person{ID: "person/q", Name: "Q"},
		&domain.Person{ID: "person/dup", Name: "P again"},
		&domain.Source{ID: "source/s", Kind: domain.SourceArticle, Title: "S", Language: "pl"},
		&domain.Claim{ID: "claim/c", Text: "P spoke to Q", Language: "en", Summary: "P spoke to Q"},
		attribution(domain.StanceDenies),
	}})
	load(&domain.Dataset{Origin: "load-1", NewEdges: []domain.Edge{
		{Type: domain.RelAbout, From: "claim/c", To: "person/p", Role: &subject},
		{Type: domain.RelAbout, From: "claim/c", To: "person/q", Role: &object},
		{Type: domain.RelOn, From: "attribution/a", To: "claim/c"},
		{Type: domain.RelMadeBy, From: "attribution/a", To: "person/p"},
		{Type: domain.RelRecordedIn, From: "attribution/a", To: "source/s"},
		{Type: domain.RelMentions, From: "source/s", To: "person/dup", Count: &once},
	}})
	if n := count("NewsgraphChange"); n != 0 {
		t.Errorf("the loads wrote %d NewsgraphChange nodes, want none (one NewsgraphChangeSet per statement)", n)
	}
	if n := count("NewsgraphChangeSet"); n == 0 || n > 12 {
		t.Errorf("the loads wrote %d NewsgraphChangeSets, want one per statement that changed something", n)
	}
	// A later load changes what the first logged: the attribution's
	// stance (and so the claim's status), Q's name, a mention's count
	// (their entries move to copies).
	load(&domain.Dataset{Origin: "load-2", Nodes: []domain.Node{
		attribution(domain.StanceAsserts),
		&domain.Person{ID: "person/q", Name: "Q renamed"},
	}, Edges: []domain.Edge{
		{Type: domain.RelMentions, From: "source/s", To: "person/dup", Count: &twice},
	}})
	// Single writes delete a relationship, merge a node away and delete one.
	write(func(tx domain.WriteTx) error {
		_, err := tx.ReplaceEdges(ctx, "claim/c", domain.RelAbout, []domain.Edge{{Type: domain.RelAbout, From: "claim/c", To: "person/p", Role: &subject}})
		return err
	})
	write(func(tx domain.WriteTx) error { return tx.MergeInto(ctx, "person/p", "person/dup") })
	write(func(tx domain.WriteTx) error { return tx.DeleteNode(ctx, "source/s") })
	if n := count("NewsgraphChange {copy: true}"); n == 0 {
		t.Error("no entry was copied out of its set")
	}

	history := func(id string) []string {
		t.Helper()
		h, err := s.History(ctx, id, 100)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range h {
			e := c.Op + " " + c.What
			if c.Note != nil {
				e += ": " + *c.Note
			}
			out = append(out, e)
		}
		slices.Sort(out)
		return out
	}
	want := map[string][]string{
		"person/p":   {"created Person", "created ABOUT <- claim/c", "created MADE_BY <- attribution/a", "merged person/dup"},
		"person/q":   {"created Person", "updated Person", "created ABOUT <- claim/c", "deleted ABOUT <- claim/c"},
		"person/dup": {"created Person", "created MENTIONS <- source/s", "updated MENTIONS <- source/s", "merged into person/p"},
		"attribution/a": {"created Attribution", "updated Attribution", "created ON -> claim/c", "created MADE_BY -> person/p",
			"created RECORDED_IN -> source/s"},
		"claim/c": {"created Claim", "created ABOUT -> person/p", "created ABOUT -> person/q", "deleted ABOUT -> person/q",
			"created ON <- attribution/a", "updated Claim: REPORTED -> DENIED", "updated Claim: DENIED -> REPORTED"},
		"source/s": {"created Source", "created MENTIONS -> person/dup", "updated MENTIONS -> person/dup", "created RECORDED_IN <- attribution/a",
			"deleted Source with 2 relationships"},
	}
	for id, w := range want {
		slices.Sort(w)
		if got := history(id); !slices.Equal(got, w) {
			t.Errorf("history of %s:\n got %q\nwant %q", id, got, w)
		}
	}

	// The feed: every position once, in order, no copy.
	all := readLog(ctx, t, s, 4)
	var stances []domain.Stance
	for i, e := range all {
		if e.Position != int64(i+1) {
			t.Fatalf("entry %d has position %d (gap or repeat)", i, e.Position)
		}
		if e.Entity == "attribution/a" && e.Rel == "" {
			a, ok := e.State.(*domain.Attribution)
			if !ok {
				t.Fatalf("%s %s has no state", e.Op, e.Entity)
			}
			if a.Quote == nil || *a.Quote != quote || a.StatedAt == nil || *a.StatedAt != statedAt || a.Sourcing != domain.SourcingNamed ||
				a.Origin != "load-1" || a.CreatedAt.IsZero() || a.CreatedBy != neo4jtest.Loader.Key || !a.UpdatedAt.Equal(e.At) || a.UpdatedBy != e.By {
				t.Errorf("state of %s %s = %+v, want the attribution as written", e.Op, e.Entity, a)
			}
			stances = append(stances, a.Stance)
		}
	}
	if !slices.Equal(stances, []domain.Stance{domain.StanceDenies, domain.StanceAsserts}) {
		t.Errorf("the attribution's states have stances %v, want as each load wrote it", stances)
	}
	// 6 nodes created; 6 relationships created and the claim's status;
	// 2 nodes and a relationship updated and the status; a relationship
	// deleted; a merge (2); a node deleted.
	if len(all) != 21 {
		t.Errorf("the feed holds %d entries, want 21", len(all))
	}

	// Pruning everything leaves neither sets nor copies.
	for {
		n, err := s.PruneChanges(ctx, time.Now().Add(time.Hour), 3)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	if n, m := count("NewsgraphChange"), count("NewsgraphChangeSet"); n+m != 0 {
		t.Errorf("after pruning everything, %d entries and %d sets are left", n, m)
	}
	if h := history("person/q"); len(h) != 0 {
		t.Errorf("history of person/q after pruning everything = %q", h)
	}
}

// TestCompactLogConcurrentLoads: loads that change one node at once each
// move its logTx on; each copies the entries of the one before under the
// node's lock, so history lists every change once.
func TestCompactLogConcurrentLoads(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	const writers, each = 3, 6
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				ds := &domain.Dataset{Origin: "test", Nodes: []domain.Node{
					&domain.Person{ID: "person/contested", Name: fmt.Sprintf("Name %d-%d", w, i)},
					&domain.Person{ID: fmt.Sprintf("person/own-%d-%d", w, i), Name: "Own"},
				}}
				if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	h, err := s.History(ctx, "person/contested", 100)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]int{}
	for _, c := range h {
		ops[c.Op]++
	}
	if ops["created"] != 1 || ops["updated"] != writers*each-1 || len(h) != writers*each {
		t.Errorf("history of a node %d loads changed: %v, want 1 created and %d updated", writers*each, ops, writers*each-1)
	}
}
