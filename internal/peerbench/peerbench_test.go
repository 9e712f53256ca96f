package peerbench

import (
	"context"
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkPeer runs the side-by-side benchmark against a throwaway Neo4j; it
// writes to that database, so it runs only with NEWSGRAPH_PEER_BENCH=1 and
// NEWSGRAPH_PEER_NEO4J_URI set, as scripts/bench-peer (make bench-peer) does:
//
//	go test -run '^$' -bench Peer -benchtime 1x -timeout 30m ./internal/peerbench/
func BenchmarkPeer(b *testing.B) {
	if os.Getenv("NEWSGRAPH_PEER_BENCH") != "1" {
		b.Skip("set NEWSGRAPH_PEER_BENCH=1 (make bench-peer does) to run newsgraph against the Neo4j GraphQL Library")
	}
	cfg, err := ConfigFromEnv()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Run(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCanonEqualAcrossShapes(t *testing.T) {
	// newsgraph: a connection's nodes, single objects; the peer: plain lists,
	// another order; the Cypher floor: one-item lists.
	ng := `{"claims": {"nodes": [{"id": "claim/b", "actor": {"__typename": "Person", "id": "p1"}, "sources": [{"id": "s2"}, {"id": "s1"}]},
		{"id": "claim/a", "actor": null, "sources": []}]}}`
	peer := `{"claims": [{"id": "claim/a", "actor": null, "sources": []},
		{"id": "claim/b", "actor": {"id": "p1", "__typename": "Person"}, "sources": [{"id": "s1"}, {"id": "s2"}]}]}`
	cypher := `{"claims": [{"sources": [{"id": "s2"}, {"id": "s1"}], "id": "claim/b", "actor": [{"__typename": "Person", "id": "p1"}]},
		{"id": "claim/a", "actor": null, "sources": []}]}`
	want, err := canonOf([]byte(ng))
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{peer, cypher} {
		got, err := canonOf([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("canon:\n got %s\nwant %s", got, want)
		}
	}
	var v any
	_ = json.Unmarshal([]byte(want), &v)
	if n := countObjects(v); n != 6 { // the root, two claims, one actor and two sources
		t.Errorf("countObjects = %d, want 6", n)
	}
}

func TestCanonTellsDifferentData(t *testing.T) {
	a, _ := canonOf([]byte(`{"people": [{"id": "p1", "statements": [{"id": "a1"}, {"id": "a2"}]}]}`))
	b, _ := canonOf([]byte(`{"people": [{"id": "p1", "statements": [{"id": "a1"}]}]}`))
	if a == b {
		t.Fatalf("different answers have the same canonical form %s", a)
	}
	x, y := firstDifference(a, b)
	if x == y {
		t.Fatalf("firstDifference: %q %q", x, y)
	}
}
