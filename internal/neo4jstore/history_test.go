package neo4jstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// A change of a relationship is stored once and listed under both ends, as
// the two entries schema version 2 wrote; those are still read.
func TestHistoryOfRelationships(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	role := "member"
	ds := &domain.Dataset{Origin: "test", Nodes: []domain.Node{
		&domain.Person{ID: "person/a", Name: "A"},
		&domain.Organisation{ID: "organisation/o", Name: "O", Kind: domain.OrganisationKind("OTHER")},
	}, Edges: []domain.Edge{
		{Type: domain.RelMemberOf, From: "person/a", To: "organisation/o", Role: &role},
		{Type: domain.RelMentions, From: "person/a", To: "person/a"}, // a loop: listed twice under its one node
	}}
	if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, neo4jtest.Loader, func(tx domain.WriteTx) error {
		_, err := tx.ReplaceEdges(ctx, "person/a", domain.RelMemberOf, nil)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// What schema version 2 wrote for a relationship: one entry per end.
	cfg := neo4jtest.Config()
	d := neo4jtest.Driver(t)
	if _, err := neo4j.ExecuteQuery(ctx, d, `CREATE (:NewsgraphChange {entity: 'person/a', at: datetime('2020-01-01T00:00:00Z'), by: 'old', op: 'created', what: 'MEMBER_OF -> organisation/x', fields: []})`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
		t.Fatal(err)
	}
	entries := func(id string) []string {
		h, err := s.History(ctx, id, 50)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range h {
			out = append(out, c.Op+" "+c.What)
		}
		slices.Sort(out)
		return out
	}
	want := map[string][]string{
		"person/a": {"created MEMBER_OF -> organisation/o", "created MENTIONS -> person/a", "created MENTIONS <- person/a", "created MEMBER_OF -> organisation/x",
			"created Person", "deleted MEMBER_OF -> organisation/o"},
		"organisation/o": {"created MEMBER_OF <- person/a", "created Organisation", "deleted MEMBER_OF <- person/a"},
	}
	for id, w := range want {
		slices.Sort(w)
		if got := entries(id); !slices.Equal(got, w) {
			t.Errorf("history of %s:\n got %q\nwant %q", id, got, w)
		}
	}
	h, _ := s.History(ctx, "person/a", 50)
	if last := h[len(h)-1]; last.By != "old" || len(last.Fields) != 0 {
		t.Errorf("oldest entry = %+v, want the one schema version 2 wrote", last)
	}
}
