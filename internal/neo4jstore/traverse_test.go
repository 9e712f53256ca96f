package neo4jstore_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

func TestSearch(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	for q, want := range map[string]string{
		"Putinem":      "person/vladimir-putin",     // inflected Polish
		"pieskow":      "person/dmitry-peskov",      // alias, lower case
		"Zelenskiego":  "person/volodymyr-zelensky", // inflected, without diacritics
		"zełenski":     "person/volodymyr-zelensky",
		"woodward war": "source/woodward-war-2024",
		"zaprzeczył":   "attribution/kremlin-denies-woodward", // a cue
	} {
		t.Run(q, func(t *testing.T) {
			hits, _, err := s.Search(ctx, q, nil, 10, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Node.NodeID())
			}
			if !slices.Contains(got, want) {
				t.Errorf("search %q = %v, want %s among the hits", q, got, want)
			}
			for _, h := range hits {
				if h.Node.NodeID() == want && len(h.Matched) == 0 {
					t.Errorf("hit %s does not say what matched", want)
				}
			}
		})
	}
	t.Run("KindsAndPaging", func(t *testing.T) {
		first, more, err := s.Search(ctx, "putin", []domain.Kind{domain.KindClaim}, 2, 0)
		if err != nil || len(first) != 2 || !more {
			t.Fatalf("first page: %d hits, more %v, %v", len(first), more, err)
		}
		second, _, _ := s.Search(ctx, "putin", []domain.Kind{domain.KindClaim}, 2, 2)
		for _, h := range append(first, second...) {
			if h.Node.NodeKind() != domain.KindClaim {
				t.Errorf("a %s in a claims-only search", h.Node.NodeKind())
			}
		}
		if len(second) > 0 && second[0].Node.NodeID() == first[0].Node.NodeID() {
			t.Error("the second page repeats the first")
		}
	})
}

func TestPaths(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	paths, err := s.Paths(ctx, domain.PathQuery{From: "person/dmitry-peskov", To: "person/bob-woodward", MaxHops: 6, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no path between Peskov and Woodward")
	}
	for _, p := range paths {
		if p.NodeIDs[0] != "person/dmitry-peskov" || p.NodeIDs[len(p.NodeIDs)-1] != "person/bob-woodward" || len(p.Steps) != len(p.NodeIDs)-1 {
			t.Errorf("malformed path %v", p.NodeIDs)
		}
		for _, st := range p.Steps {
			if st.ClaimID == nil || len(st.SourceIDs) == 0 {
				t.Errorf("step %s %s→%s has no claim or source behind it", st.Type, st.From, st.To)
			}
		}
	}
	t.Run("FactsOnly", func(t *testing.T) {
		// Peskov —MEMBER_OF→ Kremlin has its claim; restricted to MEMBER_OF no path reaches Woodward.
		p, err := s.Paths(ctx, domain.PathQuery{From: "person/dmitry-peskov", To: "organisation/kremlin", MaxHops: 2, Types: []domain.RelType{domain.RelMemberOf}, Limit: 10})
		if err != nil || len(p) != 1 || p[0].Steps[0].Type != domain.RelMemberOf || !p[0].Steps[0].Forward || *p[0].Steps[0].ClaimID != "claim/peskov-kremlin-spokesperson" {
			t.Errorf("paths over MEMBER_OF = %+v, %v", p, err)
		}
		p, err = s.Paths(ctx, domain.PathQuery{From: "person/dmitry-peskov", To: "person/bob-woodward", MaxHops: 6, Types: []domain.RelType{domain.RelMemberOf}, Limit: 10})
		if err != nil || len(p) != 0 {
			t.Errorf("paths over MEMBER_OF only = %v, %v; want none", p, err)
		}
	})
	t.Run("Avoid", func(t *testing.T) {
		all, _ := s.Paths(ctx, domain.PathQuery{From: "person/donald-trump", To: "person/vladimir-putin", MaxHops: 2, Limit: 100})
		some, _ := s.Paths(ctx, domain.PathQuery{From: "person/donald-trump", To: "person/vladimir-putin", MaxHops: 2, Limit: 100, Avoid: []string{"claim/2024-11-trump-putin-call"}})
		if len(some) >= len(all) {
			t.Errorf("avoiding a claim left %d of %d paths", len(some), len(all))
		}
		for _, p := range some {
			if slices.Contains(p.NodeIDs, "claim/2024-11-trump-putin-call") {
				t.Errorf("path %v passes an avoided node", p.NodeIDs)
			}
		}
		hubless, _ := s.Paths(ctx, domain.PathQuery{From: "person/donald-trump", To: "person/vladimir-putin", MaxHops: 2, Limit: 100, MaxDegree: 2})
		for _, p := range hubless {
			t.Errorf("a path through a node of degree > 2: %v", p.NodeIDs)
		}
	})
	t.Run("ErrTooManyHops", func(t *testing.T) {
		if _, err := s.Paths(ctx, domain.PathQuery{From: "a/b", To: "c/d", MaxHops: 7, Limit: 10}); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("7 hops: %v", err)
		}
	})
	t.Run("ThroughClaims", func(t *testing.T) {
		links, err := s.ClaimLinks(ctx, "organisation/kremlin", "person/donald-trump", 100)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, l := range links {
			kinds = append(kinds, string(l.Kind)+":"+l.ClaimID)
		}
		for _, want := range []string{"A_REPORTS_ON_B:claim/2024-11-trump-putin-call", "A_REPORTS_ON_B:claim/trump-putin-seven-calls-after-2021"} {
			if !slices.Contains(kinds, want) {
				t.Errorf("links Kremlin–Trump %v lack %s", kinds, want)
			}
		}
	})
	t.Run("OppositeSides", func(t *testing.T) {
		// Woodward asserts the seven calls, the Kremlin denies them: linked
		// though neither is what the claim is about.
		links, err := s.ClaimLinks(ctx, "person/bob-woodward", "organisation/kremlin", 100)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, l := range links {
			kinds = append(kinds, string(l.Kind)+":"+l.ClaimID)
		}
		if !slices.Contains(kinds, "OPPOSITE_SIDES:claim/trump-putin-seven-calls-after-2021") {
			t.Errorf("links Woodward–Kremlin %v lack the seven calls, on opposite sides", kinds)
		}
	})
}

func TestNeighbourhood(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	g, err := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: "person/dmitry-peskov", Hops: 1, PerNode: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) < 4 || len(g.Edges) < 3 {
		t.Errorf("Peskov's 1-hop neighbourhood: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
	}
	capped, _ := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: "person/donald-trump", Hops: 2, PerNode: 2})
	// With at most 2 neighbours per expanded node: 1 + 2 + 2*2 nodes at most.
	if len(capped.Nodes) > 7 {
		t.Errorf("cap of 2 per node gave %d nodes", len(capped.Nodes))
	}
	kinds, _ := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: "person/donald-trump", Hops: 1, PerNode: 50, Kinds: []domain.Kind{domain.KindEvent}})
	for _, n := range kinds.Nodes[1:] {
		if n.NodeKind() != domain.KindEvent {
			t.Errorf("a %s in an events-only neighbourhood", n.NodeKind())
		}
	}
	d := func(s string) *time.Time { t, _ := time.Parse(domain.DateLayout, s); return &t }
	in2025, _ := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: "person/donald-trump", Hops: 1, PerNode: 50, Kinds: []domain.Kind{domain.KindEvent}, Date: domain.DateWindow{From: d("2025-01-01")}})
	for _, n := range in2025.Nodes[1:] {
		if e := n.(*domain.Event); e.Date.Latest.Before(*d("2025-01-01")) {
			t.Errorf("event %s (%s) outside the window", e.ID, e.Date.Value)
		}
	}
	if len(in2025.Nodes) >= len(kinds.Nodes) {
		t.Errorf("the window removed nothing: %d vs %d", len(in2025.Nodes), len(kinds.Nodes))
	}
	if _, err := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: "person/donald-trump", Hops: 4, PerNode: 5}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("4 hops: %v", err)
	}
}

func TestTimeline(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	entries, err := s.Timeline(context.Background(), "person/donald-trump", domain.DateWindow{}, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	var line []string
	for i, e := range entries {
		line = append(line, e.Date.Value+" "+e.What+" "+e.Node.NodeID())
		if i > 0 {
			prev := entries[i-1].Date
			if e.Date.Earliest.Before(prev.Earliest) || (e.Date.Earliest.Equal(prev.Earliest) && e.Date.Latest.Before(prev.Latest)) {
				t.Errorf("out of order: %s after %s", e.Date, prev)
			}
		}
	}
	text := strings.Join(line, "\n")
	// "2024" (the Bloomberg interview, a whole year) starts before "2024-11"
	// (early November), which starts before the February 2025 call.
	i2024 := strings.Index(text, "2024 EVENT event/2024-trump-bloomberg-interview")
	iNov := strings.Index(text, "2024-11 EVENT event/2024-11-trump-putin-call")
	iFeb := strings.Index(text, "2025-02-12 EVENT event/2025-02-12-trump-putin-call")
	if i2024 < 0 || iNov < 0 || iFeb < 0 || !(i2024 < iNov && iNov < iFeb) {
		t.Errorf("timeline:\n%s", text)
	}
	d := func(s string) *time.Time { t, _ := time.Parse(domain.DateLayout, s); return &t }
	window, _ := s.Timeline(context.Background(), "person/donald-trump", domain.DateWindow{From: d("2025-03-19"), To: d("2025-03-19")}, nil, 100)
	for _, e := range window {
		if e.Date.Latest.Before(*d("2025-03-19")) || e.Date.Earliest.After(*d("2025-03-19")) {
			t.Errorf("%s (%s) outside 2025-03-19", e.Node.NodeID(), e.Date)
		}
	}
	if len(window) == 0 || len(window) >= len(entries) {
		t.Errorf("window gave %d of %d entries", len(window), len(entries))
	}
}

func TestDisputesAndCooccurrence(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	all, err := s.Disputes(ctx, nil, 50)
	if err != nil || len(all) != 2 {
		t.Fatalf("disputes = %v, %v; want the two disputed claims", ids(all), err)
	}
	woodward := "person/bob-woodward"
	none, _ := s.Disputes(ctx, &woodward, 50)
	if len(none) != 0 {
		t.Errorf("disputes about Woodward = %v, want none (claims are about Trump and Putin)", ids(none))
	}
	co, err := s.Cooccurrences(ctx, "person/donald-trump", 20)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]domain.Cooccurrence{}
	for _, c := range co {
		got[c.Node.NodeID()] = c
	}
	putin := got["person/vladimir-putin"]
	if putin.Claims < 6 || putin.Sources < 1 {
		t.Errorf("Trump–Putin co-occurrence %+v, want ≥ 6 claims and ≥ 1 source", putin)
	}
	if co[0].Node.NodeID() != "person/vladimir-putin" {
		t.Errorf("Trump's most frequent companion is %s, want Putin", co[0].Node.NodeID())
	}
}

// TestWarm plans every traversal statement: each must be valid Cypher,
// and Warm must not fail on a database without matching data.
func TestWarm(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	if err := s.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
}
