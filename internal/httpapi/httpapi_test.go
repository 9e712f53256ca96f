package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

type response struct {
	Data   map[string]any
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
}

func post(t *testing.T, url, query string) (response, time.Duration) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	start := time.Now()
	client := &http.Client{Timeout: 30 * time.Second} // a hang fails the test instead of blocking it
	res, err := client.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer res.Body.Close()
	var r response
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return r, time.Since(start)
}

// prober sends one query after another until stopped and keeps the worst
// latency; a response other than data or UNAVAILABLE is an error.
type prober struct {
	done   chan struct{}
	result chan proberResult
}

type proberResult struct {
	worst       time.Duration // of the requests that failed with UNAVAILABLE
	worstServed time.Duration // of those answered with data
	n, failed   int
	errs        []string
	slow        []string // requests over a second: when they started, how long they took
}

func startProbe(url, query string) *prober {
	p := &prober{done: make(chan struct{}), result: make(chan proberResult, 1)}
	body, _ := json.Marshal(map[string]string{"query": query})
	client := &http.Client{Timeout: 30 * time.Second}
	go func() {
		var r proberResult
		defer func() { p.result <- r }()
		for i := 0; i < 10000; i++ {
			select {
			case <-p.done:
				return
			case <-time.After(50 * time.Millisecond):
			}
			start := time.Now()
			res, err := client.Post(url+"/graphql", "application/json", bytes.NewReader(body))
			took := time.Since(start)
			r.n++
			if took > time.Second {
				r.slow = append(r.slow, fmt.Sprintf("%s +%s", start.Format("15:04:05.000"), took.Round(time.Millisecond)))
			}
			if err != nil {
				r.errs = append(r.errs, fmt.Sprintf("request %d: %v", r.n, err))
				continue
			}
			var resp response
			err = json.NewDecoder(res.Body).Decode(&resp)
			res.Body.Close()
			switch {
			case err != nil:
				r.errs = append(r.errs, fmt.Sprintf("request %d: decode: %v", r.n, err))
			case len(resp.Errors) > 0 && resp.Errors[0].Extensions["code"] != "UNAVAILABLE":
				r.errs = append(r.errs, fmt.Sprintf("request %d: %+v, want data or UNAVAILABLE", r.n, resp.Errors))
			case len(resp.Errors) > 0:
				r.failed++
				r.worst = max(r.worst, took)
			default:
				r.worstServed = max(r.worstServed, took)
			}
		}
	}()
	return p
}

func (p *prober) stop() proberResult {
	close(p.done)
	return <-p.result
}

func status(t *testing.T, url string) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func TestProbesAndPages(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	srv := httptest.NewServer(httpapi.Handler(s, httpapi.Options{}))
	defer srv.Close()
	if got := status(t, srv.URL+"/healthz"); got != http.StatusOK {
		t.Errorf("/healthz = %d", got)
	}
	if got := status(t, srv.URL+"/readyz"); got != http.StatusOK {
		t.Errorf("/readyz = %d", got)
	}
	get := func(t *testing.T, path string) (*http.Response, string) {
		t.Helper()
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res, string(body)
	}
	for _, c := range []struct{ path, want string }{
		{"/", `<div id="root">`},
		{"/person/dmitry-peskov", `<div id="root">`},
		{"/claim/2024-11-trump-putin-call", `<div id="root">`},
		{"/graph/person/dmitry-peskov", `<div id="root">`},
		{"/graphiql", `<div id="graphiql">`},
	} {
		t.Run(c.path, func(t *testing.T) {
			res, page := get(t, c.path)
			if res.StatusCode != http.StatusOK || !strings.Contains(page, c.want) {
				t.Fatalf("GET %s = %d without %s:\n%s", c.path, res.StatusCode, c.want, page)
			}
			csp := res.Header.Get("Content-Security-Policy")
			if !strings.HasPrefix(csp, "default-src 'self';") || strings.Contains(csp, "http") || strings.Contains(csp, "unsafe") {
				t.Errorf("GET %s: Content-Security-Policy %q: want default-src 'self', no other host, nothing unsafe", c.path, csp)
			}
			if strings.Contains(page, "http://") || strings.Contains(page, "https://") {
				t.Errorf("GET %s names another host:\n%s", c.path, page)
			}
		})
	}
	t.Run("assets are served gzipped", func(t *testing.T) {
		_, page := get(t, "/")
		_, src, ok := strings.Cut(page, `src="`)
		src, _, _ = strings.Cut(src, `"`)
		if !ok || !strings.HasPrefix(src, "/assets/") {
			t.Fatalf("the explorer's page names no script under /assets/:\n%s", page)
		}
		req, _ := http.NewRequest("GET", srv.URL+src, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
			t.Errorf("GET %s = %d, Content-Encoding %q, Content-Type %q", src, res.StatusCode, res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"))
		}
	})
	for _, path := range []string{"/nope", "/assets/nope.js", "/graphiql/x"} {
		if got := status(t, srv.URL+path); got != http.StatusNotFound {
			t.Errorf("%s = %d, want 404", path, got)
		}
	}
}

// TestNeo4jOutageAndRecovery stops and restarts Neo4j under a running
// service: requests fail fast with UNAVAILABLE, /readyz says not ready, and
// the service recovers by itself.
func TestNeo4jOutageAndRecovery(t *testing.T) {
	neo := neo4jtest.StartInstance(t, 7689)
	cfg := neo4jtest.Config()
	cfg.URI = neo.URI
	cfg.ConnectTimeout = time.Second
	store, err := neo4jstore.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(context.Background())
	ctx := context.Background()
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	ds, _ := dataset.Seed()
	if _, err := store.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.Handler(store, httpapi.Options{Limits: func() domain.Limits { l := domain.DefaultLimits(); l.RequestTimeout = 10 * time.Second; return l }(), ReadyTimeout: time.Second}))
	defer srv.Close()

	const query = `{ person(id: "person/dmitry-peskov") { name } }`
	ok := func(r response) bool {
		p, _ := r.Data["person"].(map[string]any)
		return len(r.Errors) == 0 && p != nil && p["name"] == "Dmitry Peskov"
	}
	if r, _ := post(t, srv.URL, query); !ok(r) {
		t.Fatalf("before the outage: %+v", r)
	}

	// Requests keep coming while Neo4j shuts down, is down and starts again
	// (one at a time, 20 a second at most): each answers with data or
	// UNAVAILABLE, and an UNAVAILABLE comes within the connect timeout (plus
	// half a second of slack). A request served by a database that has just
	// opened may be slower (a cold first query): that is printed.
	probe := startProbe(srv.URL, query)
	t.Logf("stopping Neo4j at %s", time.Now().Format("15:04:05.000"))
	neo.Stop()
	t.Logf("stopped at %s", time.Now().Format("15:04:05.000"))
	r, took := post(t, srv.URL, query)
	t.Logf("request during the outage answered in %s: %+v", took.Round(time.Millisecond), r.Errors)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAVAILABLE" {
		t.Errorf("during the outage: %+v, want an error with code UNAVAILABLE", r)
	}
	if took >= 10*time.Second {
		t.Errorf("a request during the outage took %s: it waited for the request deadline instead of failing fast", took)
	}
	if got := status(t, srv.URL+"/readyz"); got != http.StatusServiceUnavailable {
		t.Errorf("/readyz during the outage = %d, want 503", got)
	}
	if got := status(t, srv.URL+"/healthz"); got != http.StatusOK {
		t.Errorf("/healthz during the outage = %d, want 200 (the process is alive)", got)
	}

	t.Logf("starting Neo4j at %s", time.Now().Format("15:04:05.000"))
	neo.Start()
	t.Logf("started at %s", time.Now().Format("15:04:05.000"))
	restarted := time.Now()
	deadline := restarted.Add(60 * time.Second)
	for {
		r, _ := post(t, srv.URL, query)
		if ok(r) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the service did not recover within 60s after Neo4j came back: %+v", r)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("recovered %s after Neo4j was back", time.Since(restarted).Round(time.Millisecond))
	pr := probe.stop()
	t.Logf("requests during shutdown, outage and restart: %d, %d failed with UNAVAILABLE; worst latency of a failure %s (connect timeout %s), of an answer %s; over a second: %v",
		pr.n, pr.failed, pr.worst.Round(time.Millisecond), cfg.ConnectTimeout, pr.worstServed.Round(time.Millisecond), pr.slow)
	for _, e := range pr.errs {
		t.Error(e)
	}
	if limit := cfg.ConnectTimeout + time.Second/2; pr.worst > limit {
		t.Errorf("a request failed after %s while Neo4j was restarting, past the connect timeout %s (+0.5s)", pr.worst.Round(time.Millisecond), cfg.ConnectTimeout)
	}
	if got := status(t, srv.URL+"/readyz"); got != http.StatusOK {
		t.Errorf("/readyz after recovery = %d, want 200", got)
	}
}

func TestExportEndpoint(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	readers, err := auth.Parse("r:reader:"+auth.Hash("reader-secret"), true)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.Handler(s, httpapi.Options{Keys: readers}))
	defer srv.Close()
	for path, want := range map[string][2]string{
		"/export/gexf?id=person/dmitry-peskov&hops=2": {"application/gexf+xml; charset=utf-8", `attachment; filename="newsgraph-person-dmitry-peskov.gexf"`},
		"/export/graphml":   {"application/graphml+xml; charset=utf-8", `attachment; filename="newsgraph.graphml"`},
		"/export/csv-edges": {"text/csv; charset=utf-8", `attachment; filename="newsgraph.edges.csv"`},
		"/export/ftm?id=event/2025-03-us-ukraine-talks-saudi-arabia": {"application/x-ndjson; charset=utf-8", `attachment; filename="newsgraph-event-2025-03-us-ukraine-talks-saudi-arabia.ftm.jsonl"`},
		"/export/cytoscape?id=place/black-sea&types=claim":           {"application/json; charset=utf-8", `attachment; filename="newsgraph-place-black-sea.cytoscape.json"`},
	} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer reader-secret")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want[0] || res.Header.Get("Content-Disposition") != want[1] || len(body) == 0 {
			t.Errorf("GET %s: %d %q %q (%d bytes)", path, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"), len(body))
		}
	}
	if res, err := http.Get(srv.URL + "/export/graphml"); err != nil || res.StatusCode != http.StatusUnauthorized {
		t.Errorf("an anonymous export of the whole graph: %v %v, want 401", res.StatusCode, err)
	}
	if got := status(t, srv.URL+"/export/gexf?id=person/dmitry-peskov"); got != http.StatusOK {
		t.Errorf("an anonymous export of a neighbourhood: %d, want 200", got)
	}
	keys, _ := auth.Parse("", false)
	closed := httptest.NewServer(httpapi.Handler(s, httpapi.Options{Keys: keys}))
	defer closed.Close()
	if res, err := http.Get(closed.URL + "/export/json"); err != nil || res.StatusCode != http.StatusUnauthorized || res.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("export without a key when anonymous reads are off: %v %v", res.StatusCode, err)
	}
	for path, want := range map[string]string{
		"/export/pdf":                     "BAD_USER_INPUT",
		"/export/gexf?id=Peskov":          "BAD_USER_INPUT",
		"/export/gexf?id=person/nobody":   "NOT_FOUND",
		"/export/gexf?id=person/x&hops=9": "BAD_USER_INPUT",
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode < 400 || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %d %s, want %s", path, res.StatusCode, body, want)
		}
	}
}
