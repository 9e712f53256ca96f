package neo4jstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/loadavg"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// TestProfileTraversals prints the Cypher PROFILE (operators with rows, db
// hits and page-cache hits) of the benchmark's queries, their planning time
// with empty query caches, and their server time warm. It needs the
// synthetic graph BenchmarkTraversals loads (it never loads or wipes
// anything) and runs only when asked:
//
//	NEWSGRAPH_PROFILE=1 go test -run ProfileTraversals -v ./internal/neo4jstore/
//
// NEWSGRAPH_PROFILE=name,name limits it to some queries.
func TestProfileTraversals(t *testing.T) {
	only := os.Getenv("NEWSGRAPH_PROFILE")
	if only == "" {
		t.Skip("set NEWSGRAPH_PROFILE=1 (or a list of query names) to profile the traversal queries")
	}
	var file bytes.Buffer
	if err := synth.WriteGraph(&file, 100_000, 1_000_000, 7); err != nil {
		t.Fatal(err)
	}
	digest := sha256.Sum256(file.Bytes())
	if _, ok := reuseSynthGraph(t, hex.EncodeToString(digest[:]), 100_000); !ok {
		t.Skip("the synthetic graph is not loaded: run BenchmarkTraversals first")
	}
	ctx := context.Background()
	cfg := neo4jtest.Config()
	d := neo4jtest.Driver(t)
	r := rand.New(rand.NewPCG(1, 2))
	person := func() string { return fmt.Sprintf("person/p%d", r.IntN(30_000)) }
	q, _ := neo4jstore.SearchQueryForTests("sanctions border")
	type query struct {
		name   string
		cypher string
		params func() map[string]any
	}
	hood := func() map[string]any {
		return map[string]any{"p": map[string]any{"id": person(), "ids": nil, "kinds": nil, "perNode": 25, "from": nil, "to": nil, "rows": 5001}}
	}
	queries := []query{
		{"search", neo4jstore.SearchCypherForTests(false), func() map[string]any {
			return map[string]any{"p": map[string]any{"q": q, "kinds": nil, "skip": 0, "first": 21, "limit": 1000}}
		}},
		{"hood1", neo4jstore.NeighboursCypherForTests(true, false, false, false), hood},
		{"hood2", neo4jstore.NeighboursCypherForTests(false, false, false, false), func() map[string]any {
			// The second hop of a person: the neighbours the first one found.
			p := hood()
			res, err := neo4j.ExecuteQuery(ctx, d, neo4jstore.NeighboursCypherForTests(true, false, false, false), p, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, row := range res.Records[0].Values[1].([]any) {
				ids = append(ids, row.([]any)[4].(map[string]any)["id"].(string))
			}
			p["p"].(map[string]any)["ids"] = ids
			return p
		}},
		{"path4", neo4jstore.PathsCypherForTests("", 4, false), func() map[string]any {
			return map[string]any{"p": map[string]any{"from": person(), "to": person(), "avoid": []string{}, "maxDegree": 0, "limit": 1}}
		}},
		{"path4hubs", neo4jstore.PathsCypherForTests("", 4, true), func() map[string]any {
			return map[string]any{"p": map[string]any{"from": person(), "to": person(), "avoid": []string{}, "maxDegree": 200, "limit": 1}}
		}},
	}
	for _, qu := range queries {
		if only != "1" && !strings.Contains(","+only+",", ","+qu.name+",") {
			continue
		}
		t.Run(qu.name, func(t *testing.T) {
			run := func(prefix string, p map[string]any) neo4j.ResultSummary {
				s := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: cfg.Database, AccessMode: neo4j.AccessModeRead})
				defer s.Close(ctx)
				res, err := s.Run(ctx, prefix+qu.cypher, p)
				if err != nil {
					t.Fatal(err)
				}
				sum, err := res.Consume(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return sum
			}
			if _, err := neo4j.ExecuteQuery(ctx, d, "CALL db.clearQueryCaches()", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
				t.Fatal(err)
			}
			p := qu.params()
			t0 := time.Now()
			sum := run("EXPLAIN ", p)
			t.Logf("planning with empty caches: %v (server %v)", time.Since(t0).Round(100*time.Microsecond), sum.ResultAvailableAfter())
			sum = run("PROFILE ", p)
			var b strings.Builder
			var total int64
			var walk func(pl neo4j.ProfiledPlan, depth int)
			walk = func(pl neo4j.ProfiledPlan, depth int) {
				total += pl.DbHits()
				det, _ := pl.Arguments()["Details"].(string)
				if len(det) > 110 {
					det = det[:110] + "…"
				}
				fmt.Fprintf(&b, "%s%-28s rows %7d  dbhits %8d  pc %7d/%d  %s\n", strings.Repeat("  ", depth), pl.Operator(), pl.Records(), pl.DbHits(), pl.PageCacheHits(), pl.PageCacheMisses(), strings.ReplaceAll(det, "\n", " "))
				for _, c := range pl.Children() {
					walk(c, depth+1)
				}
			}
			walk(sum.Profile(), 0)
			rt, _ := sum.Profile().Arguments()["runtime-impl"].(string)
			t.Logf("PROFILE (runtime %s, %d db hits, server %v):\n%s", rt, total, sum.ResultAvailableAfter()+sum.ResultConsumedAfter(), b.String())
			var lat, server []time.Duration
			for range 30 {
				p := qu.params()
				t0 := time.Now()
				sum := run("", p)
				lat = append(lat, time.Since(t0))
				server = append(server, sum.ResultAvailableAfter()+sum.ResultConsumedAfter())
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			sort.Slice(server, func(i, j int) bool { return server[i] < server[j] })
			t.Logf("30 more runs, warm: p50 %v max %v (server: p50 %v max %v); load average %s", lat[15].Round(100*time.Microsecond), lat[29].Round(100*time.Microsecond),
				server[15], server[29], loadavg.String())
		})
	}
}
