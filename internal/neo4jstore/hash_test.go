package neo4jstore_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestContentHashIsJSON checks that the hash stored on every node and
// relationship is still the SHA-256 of encoding/json's bytes, so that data
// loaded by earlier versions is found unchanged when loaded again.
func TestContentHashIsJSON(t *testing.T) {
	check := func(name string, n domain.Node, e *domain.Edge, p map[string]any) {
		t.Helper()
		if got, want := neo4jstore.ContentHashes(n, e, p); got != want {
			t.Errorf("%s: contentHash %s, encoding/json's %s", name, got, want)
		}
	}
	for _, k := range domain.Kinds {
		n, _ := neo4jtest.FullNode(t, k)
		check(string(k), n, nil, nil)
		check(string(k)+" bare", domain.Spec(k).New(string(k)+"/bare"), nil, nil)
	}
	role, side, claim, count := "SUBJECT", "A", "claim/c1", 3
	start, _ := domain.ParsePartialDate("2025-03")
	check("edge", nil, &domain.Edge{Type: domain.RelMemberOf, From: "a", To: "b", Role: &role, Side: &side,
		Start: &start, End: &start, ClaimID: &claim, Count: &count, Offsets: []int{1, 20}}, nil)
	check("bare edge", nil, &domain.Edge{Type: domain.RelMentions, From: "a", To: "b"}, nil)
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "tab\tnewline\n\x01",
		"Pieskow – Песков", "line\u2028separator", "bad \xff utf-8", "~ tilde \x7f del"} {
		check(s, nil, nil, map[string]any{"text": s, s: []string{s, "x"}, "n": int64(-7), "f": 1.5e21, "b": true, "none": nil, "list": []string(nil)})
	}
}
