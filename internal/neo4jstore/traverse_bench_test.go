package neo4jstore_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// BenchmarkTraversals loads a synthetic graph of 100,000 nodes and 1,000,000
// relationships (internal/synth) and reports p50 and p99 latencies of a
// search, a 2-hop neighbourhood and a 4-hop shortest path between random
// people:
//
//	scripts/bench Traversals
func BenchmarkTraversals(b *testing.B) {
	const nodes, rels, people = 100_000, 1_000_000, 30_000
	s := neo4jtest.MustOpen(b)
	ctx := context.Background()
	var file bytes.Buffer
	if err := synth.WriteGraph(&file, nodes, rels, 7); err != nil {
		b.Fatal(err)
	}
	sum, err := importer.Import(ctx, &file, s, importer.Options{Origin: "bench", By: neo4jtest.Loader, BatchSize: 10000, NoHistory: true})
	if err != nil || len(sum.Rejected) > 0 {
		b.Fatalf("load: %v %v", err, sum.Rejected)
	}
	b.Logf("loaded %d nodes and %d relationships: %v", nodes, rels, sum)
	r := rand.New(rand.NewPCG(1, 2))
	person := func() string { return fmt.Sprintf("person/p%d", r.IntN(people)) }
	terms := []string{"minister", "ceasefire talks", "energy", "sanctions border", "Person 1234", "pipeline", "summit treaty", "envoy"}
	measure := func(n int, op func(i int) error) (p50, p99 time.Duration) {
		lat := make([]time.Duration, 0, n)
		for i := range n {
			t0 := time.Now()
			if err := op(i); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
		slices.Sort(lat)
		return lat[n/2], lat[n*99/100]
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for b.Loop() {
		sp50, sp99 := measure(200, func(i int) error {
			_, _, err := s.Search(ctx, terms[i%len(terms)], nil, 20, 0)
			return err
		})
		np50, np99 := measure(200, func(int) error {
			_, err := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: person(), Hops: 2, PerNode: 25})
			return err
		})
		pp50, pp99 := measure(100, func(int) error {
			_, err := s.Paths(ctx, domain.PathQuery{From: person(), To: person(), MaxHops: 4, Limit: 1})
			return err
		})
		b.ReportMetric(ms(sp50), "search-p50-ms")
		b.ReportMetric(ms(sp99), "search-p99-ms")
		b.ReportMetric(ms(np50), "hood2-p50-ms")
		b.ReportMetric(ms(np99), "hood2-p99-ms")
		b.ReportMetric(ms(pp50), "path4-p50-ms")
		b.ReportMetric(ms(pp99), "path4-p99-ms")
		b.Logf("search p50 %v p99 %v; 2-hop neighbourhood p50 %v p99 %v; 4-hop shortest path p50 %v p99 %v", sp50, sp99, np50, np99, pp50, pp99)
	}
}
