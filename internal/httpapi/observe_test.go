package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/metrics"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

const observeEditorKey = "observe-editor-secret"

// observedServer serves the seed data through a store that reports to m.
func observedServer(t *testing.T, m *metrics.Metrics, limits domain.Limits) string {
	t.Helper()
	neo4jtest.MustOpenSeeded(t) // wipes and seeds
	cfg := neo4jtest.Config()
	cfg.Observer = m
	store, err := neo4jstore.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close(context.Background()) })
	keys, err := auth.Parse("e:editor:"+auth.Hash(observeEditorKey), true)
	if err != nil {
		t.Fatal(err)
	}
	return guardServer(t, store, httpapi.Options{Keys: keys, Limits: limits, Metrics: m})
}

func withHeader(req *http.Request, name, value string) *http.Request {
	req.Header.Set(name, value)
	return req
}

// TestBookmarks shows read-your-writes: a mutation answers the bookmark of
// its transaction in the Neo4j-Bookmark header and in extensions.bookmark; a
// read that sends it back waits for that write (here, on one member, it is
// there at once); a header that is not a bookmark is refused, which shows
// that reads do pass it to Neo4j.
func TestBookmarks(t *testing.T) {
	base := observedServer(t, metrics.New(), guardLimits(nil))
	const write = `mutation { upsertPerson(input: {id: "person/bookmark-test", name: "Bookmark Test"}) { id } }`
	r := guardDo(t, withHeader(guardJSONRequest(t, base, write), "Authorization", "Bearer "+observeEditorKey), write)
	expectData(t, r)
	bookmark := r.header.Get(httpapi.BookmarkHeader)
	if bookmark == "" {
		t.Fatalf("mutation answered no %s header%s", httpapi.BookmarkHeader, r)
	}
	if got, _ := r.Extensions["bookmark"].(string); got != bookmark {
		t.Errorf("extensions.bookmark %q, want the header's %q%s", got, bookmark, r)
	}

	t.Run("a read with the bookmark sees the write", func(t *testing.T) {
		const read = `{ node(id: "person/bookmark-test") { id } }`
		r := guardDo(t, withHeader(guardJSONRequest(t, base, read), httpapi.BookmarkHeader, bookmark), read)
		expectData(t, r)
		if !strings.Contains(string(r.Data), "person/bookmark-test") {
			t.Errorf("read after the write's bookmark did not see it%s", r)
		}
		if r.header.Get(httpapi.BookmarkHeader) != "" {
			t.Errorf("a read answered a bookmark%s", r)
		}
	})
	t.Run("a query without a bookmark answers none", func(t *testing.T) {
		r := guardQuery(t, base, `{ node(id: "person/bookmark-test") { id } }`)
		expectData(t, r)
		if _, ok := r.Extensions["bookmark"]; ok {
			t.Errorf("extensions.bookmark in a read%s", r)
		}
	})
	t.Run("ErrBookmarkInvalid", func(t *testing.T) {
		const read = `{ node(id: "person/bookmark-test") { id } }`
		r := guardDo(t, withHeader(guardJSONRequest(t, base, read), httpapi.BookmarkHeader, "not-a-bookmark"), read)
		if len(r.Errors) == 0 || r.code(0) != "BAD_USER_INPUT" {
			t.Errorf("want BAD_USER_INPUT for a malformed bookmark%s", r)
		}
	})
}

// TestMetrics scrapes /metrics after a query, a mutation, a subscription-free
// rate refusal and a batched read, and finds every series of issue 12.
func TestMetrics(t *testing.T) {
	m := metrics.New()
	base := observedServer(t, m, guardLimits(func(l *domain.Limits) {
		l.Rate = 2100
		l.RateWindow = time.Minute
	}))
	const q = `query ClaimsPage { claims(first: 50) { nodes { id about { role entity { id } } } } }`
	refused := false
	for range 50 {
		r := guardQuery(t, base, q)
		if r.status == http.StatusTooManyRequests {
			refused = true
			break
		}
		expectData(t, r)
	}
	if !refused {
		t.Fatalf("50 requests of %s were all admitted: the rate budget did not bite", q)
	}
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d %s", res.StatusCode, body)
	}
	text := string(body)
	for _, want := range []string{
		`newsgraph_graphql_requests_total{code="OK",operation="ClaimsPage",type="query"}`,
		`newsgraph_graphql_requests_total{code="RATE_LIMITED",operation="ClaimsPage",type="query"} 1`,
		`newsgraph_graphql_request_duration_seconds_bucket{operation="ClaimsPage",type="query",le=`,
		`newsgraph_graphql_cost_bucket{kind="requested",`,
		`newsgraph_graphql_cost_bucket{kind="actual",`,
		`newsgraph_rate_limit_refusals_total 1`,
		`newsgraph_neo4j_round_trips_total{access="read",outcome="ok"}`,
		`newsgraph_neo4j_round_trip_duration_seconds_bucket{access="read",`,
		`newsgraph_loader_batch_ids_bucket{le=`,
		`newsgraph_subscriptions 0`,
		`newsgraph_change_log_lag_seconds`,
		`newsgraph_change_log_position`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if t.Failed() {
		t.Logf("/metrics:\n%s", grepLines(text, "newsgraph_"))
	}
}

func grepLines(text, prefix string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
