package neo4jstore_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestNeighbourOrder: a capped expansion keeps a node's first neighbours by
// date (undated last), then by folded name, then by id, which the stored
// sort keys encode: names that extend one another and equal names
// included. Migrate fills the keys in on nodes an older version wrote.
func TestNeighbourOrder(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	date := func(v string) *domain.PartialDate {
		d, err := domain.ParsePartialDate(v)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	ds := &domain.Dataset{Origin: "test", Nodes: []domain.Node{
		&domain.Person{ID: "person/hub", Name: "Hub"},
		&domain.Person{ID: "person/b", Name: "Ab"},
		&domain.Person{ID: "person/a", Name: "AB"},   // the same folded name: by id
		&domain.Person{ID: "person/c", Name: "Ab C"}, // extends "ab": after it
		&domain.Person{ID: "person/d", Name: "Abc"},  // "ab c" before "abc"
		&domain.Person{ID: "person/e", Name: "Ąa"},   // "aa"
		&domain.Event{ID: "event/y", Kind: domain.EventMeeting, Name: "Alpha", Date: date("2025-03-19")},
		&domain.Event{ID: "event/x", Kind: domain.EventMeeting, Name: "Zed", Date: date("2025-03")}, // from 1 March
	}}
	want := []string{"event/x", "event/y", "person/e", "person/a", "person/b", "person/c", "person/d"}
	for _, id := range want {
		ds.Edges = append(ds.Edges, domain.Edge{Type: domain.RelMentions, From: "person/hub", To: id})
	}
	if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T) {
		t.Helper()
		for k := 1; k <= len(want); k++ {
			g, err := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: "person/hub", Hops: 1, PerNode: k})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range g.Nodes[1:] {
				got = append(got, n.NodeID())
			}
			if !slices.Equal(got, want[:k]) {
				t.Errorf("first %d neighbours = %v, want %v", k, got, want[:k])
			}
		}
	}
	t.Run("Capped", check)

	cfg := neo4jtest.Config()
	d := neo4jtest.Driver(t)
	ids := func(cypher string) string {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, d, cypher, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatalf("%s: %v", cypher, err)
		}
		var out []string
		for _, r := range res.Records {
			out = append(out, r.Values[0].(string))
		}
		return strings.Join(out, " ")
	}
	keysOrderAsSortFields := func(t *testing.T) {
		t.Helper()
		byKey := ids("MATCH (n:Node) RETURN n.id ORDER BY n.sortKey")
		byFields := ids("MATCH (n:Node) RETURN n.id ORDER BY n.sortDate, n.sortName, n.id")
		if byKey != byFields {
			t.Errorf("by sort key: %s\nby sortDate, sortName, id: %s", byKey, byFields)
		}
	}
	t.Run("KeysOrderAsSortFields", func(t *testing.T) {
		keysOrderAsSortFields(t)
	})
	t.Run("MigrateFillsKeys", func(t *testing.T) {
		ids("MATCH (n:Node) REMOVE n.sortKey RETURN n.id")
		if err := s.SetSchemaVersion(ctx, 4); err != nil {
			t.Fatal(err)
		}
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if missing := ids("MATCH (n:Node) WHERE n.sortKey IS NULL RETURN n.id"); missing != "" {
			t.Errorf("no sort key after migrating version 4: %s", missing)
		}
		check(t)
	})
	t.Run("CreatedByAFreshLoad", func(t *testing.T) {
		// An import creates the nodes it found absent (Dataset.New) with
		// another statement than the upsert's: it stores the key too.
		fresh := &domain.Dataset{Origin: "test", New: true, Nodes: []domain.Node{
			&domain.Person{ID: "person/f", Name: "Fresh"},
			&domain.Event{ID: "event/z", Kind: domain.EventMeeting, Name: "New", Date: date("2025-04")},
		}}
		if _, err := s.LoadDataset(ctx, fresh, neo4jtest.Loader); err != nil {
			t.Fatal(err)
		}
		if missing := ids("MATCH (n:Node) WHERE n.sortKey IS NULL RETURN n.id"); missing != "" {
			t.Errorf("no sort key on nodes a fresh load created: %s", missing)
		}
		// Its change lists the fields as an upsert's would: not the id.
		h, err := s.History(ctx, "person/f", 10)
		if err != nil || len(h) != 1 || slices.Contains(h[0].Fields, "id") || !slices.Contains(h[0].Fields, "name") {
			t.Errorf("history of a created node = %+v, %v; want one change listing name, not id", h, err)
		}
		keysOrderAsSortFields(t)
	})
}
