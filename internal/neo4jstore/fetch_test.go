package neo4jstore_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

var (
	attributionsOf = domain.Relation{Type: domain.RelOn, Direction: domain.In, Limit: 20}
	actorOf        = domain.Relation{Type: domain.RelMadeBy, Direction: domain.Out, Limit: 1, Fields: "id,name,title"}
	sourcesOf      = domain.Relation{Type: domain.RelRecordedIn, Direction: domain.Out, Limit: 3, Fields: "id,title"}
	recordedHere   = domain.Relation{Type: domain.RelRecordedIn, Direction: domain.In, Limit: 3, Fields: "quote"}
	statementsOf   = domain.Relation{Type: domain.RelMadeBy, Direction: domain.In, Limit: 5}
	claimOf        = domain.Relation{Type: domain.RelOn, Direction: domain.Out, Limit: 1, Fields: "summary"}
)

// A chain of hops below attributions: each one's actor and sources, then
// the attributions each source records.
var chain = []domain.Hop{{Rel: actorOf, Parent: -1}, {Rel: sourcesOf, Parent: -1}, {Rel: recordedHere, Parent: 1}}

// TestFetchFollowsHops: the links that hops read in one statement — below
// a link request, a lookup by id and a list's page — are the links that
// reading each relation on its own returns.
func TestFetchFollowsHops(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	claims := []string{"claim/2024-11-trump-putin-call", "claim/peskov-kremlin-spokesperson"}
	f, err := s.Fetch(ctx, []domain.LinkRequest{{Rel: attributionsOf, IDs: claims, Then: chain}}, domain.NodeRequest{})
	if err != nil {
		t.Fatal(err)
	}
	n := checkHops(t, s, "link request", chain, f.Then[0], f.Links[0], claims)
	if n[0] == 0 || n[1] == 0 || n[2] == 0 {
		t.Fatalf("hops reached %v links: the seed should give every hop some, or the test proves nothing", n)
	}

	person := "person/dmitry-peskov"
	byID := []domain.Hop{{Rel: statementsOf, Parent: -1}, {Rel: claimOf, Parent: 0}, {Rel: attributionsOf, Parent: 1}, {Rel: actorOf, Parent: 2}}
	f, err = s.Fetch(ctx, nil, domain.NodeRequest{IDs: []string{person}, Then: byID})
	if err != nil {
		t.Fatal(err)
	}
	if f.Nodes[person] == nil {
		t.Fatalf("%s not found", person)
	}
	checkHops(t, s, "lookup by id", byID, f.NodeThen, nil, []string{person})

	page, err := s.List(ctx, domain.KindClaim, domain.ListFilter{}, domain.Page{First: 5, OrderBy: domain.OrderByID, Then: append([]domain.Hop{{Rel: attributionsOf, Parent: -1}}, shift(chain, 1)...)})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range page.Nodes {
		ids = append(ids, n.NodeID())
	}
	checkHops(t, s, "list page", append([]domain.Hop{{Rel: attributionsOf, Parent: -1}}, shift(chain, 1)...), page.Then, nil, ids)
}

// shift makes hops hang below hop 0 of a longer list.
func shift(hops []domain.Hop, by int) []domain.Hop {
	out := make([]domain.Hop, len(hops))
	for i, h := range hops {
		out[i] = domain.Hop{Rel: h.Rel, Parent: h.Parent + by}
		if h.Parent < 0 {
			out[i].Parent = 0
		}
	}
	return out
}

// checkHops compares every answer of hops with Links, starting from the
// nodes starts (or the nodes first reached, when reached is given), and
// returns how many links each hop had.
func checkHops(t *testing.T, s *neo4jstore.Store, what string, hops []domain.Hop, answers []map[string][]domain.Link, reached map[string][]domain.Link, starts []string) []int {
	t.Helper()
	ctx := context.Background()
	from := map[int][]string{-1: starts}
	if reached != nil {
		from[-1] = nil
		for _, links := range reached {
			for _, l := range links {
				from[-1] = append(from[-1], l.Other.NodeID())
			}
		}
	}
	counts := make([]int, len(hops))
	for j, h := range hops {
		slices.Sort(from[h.Parent])
		from[h.Parent] = slices.Compact(from[h.Parent]) // Links answers an id once per time it is asked
		want, err := s.Links(ctx, h.Rel, from[h.Parent])
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range from[h.Parent] {
			got := answers[j][id]
			if !reflect.DeepEqual(got, want[id]) && len(got)+len(want[id]) > 0 {
				t.Errorf("%s: hop %d (%s) from %s:\n got %s\nwant %s", what, j, h.Rel.Type, id, show(got), show(want[id]))
			}
			for _, l := range got {
				from[j] = append(from[j], l.Other.NodeID())
			}
			counts[j] += len(got)
		}
	}
	return counts
}

func show(links []domain.Link) string {
	out := ""
	for _, l := range links {
		out += fmt.Sprintf("%s %#v; ", l.Other.NodeID(), l.Edge)
	}
	return out
}
