package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/guard"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// The tests of this file drive the guard (package guard) through the real
// HTTP handler on the seeded test Neo4j: every limit of domain.Limits that
// a client can reach over HTTP or WebSocket, with the status, code and
// extensions it answers.

// guardLimits returns domain.DefaultLimits changed by change.
func guardLimits(change func(*domain.Limits)) domain.Limits {
	l := domain.DefaultLimits()
	if change != nil {
		change(&l)
	}
	return l
}

// guardServer starts the real handler on httptest; it is closed at cleanup.
func guardServer(t *testing.T, store *neo4jstore.Store, opts httpapi.Options) string {
	t.Helper()
	if opts.Limits == (domain.Limits{}) {
		opts.Limits = domain.DefaultLimits()
	}
	srv := httptest.NewServer(httpapi.Handler(store, opts))
	t.Cleanup(srv.Close)
	return srv.URL
}

// gqlResult is one HTTP answer of /graphql, decoded twice: raw keys (to see
// whether "data" is present at all) and typed.
type gqlResult struct {
	req    string // what was sent, for failure messages
	status int
	header http.Header
	body   []byte
	keys   map[string]json.RawMessage
	Data   json.RawMessage
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	}
	Extensions map[string]any
}

// String shows the request and the answer, for failure messages.
func (r *gqlResult) String() string {
	return fmt.Sprintf("\n  request: %s\n  status: %d\n  body: %s", r.req, r.status, r.body)
}

func (r *gqlResult) hasData() bool {
	_, ok := r.keys["data"]
	return ok
}

// code is errors[i].extensions.code, "" when there is no such error.
func (r *gqlResult) code(i int) string {
	if i >= len(r.Errors) {
		return ""
	}
	s, _ := r.Errors[i].Extensions["code"].(string)
	return s
}

// ext is errors[i].extensions[name].
func (r *gqlResult) ext(i int, name string) any {
	if i >= len(r.Errors) {
		return nil
	}
	return r.Errors[i].Extensions[name]
}

var guardClient = &http.Client{Timeout: 30 * time.Second} // a hang fails the test instead of blocking it

// guardDo sends req and decodes its answer; a body that is not JSON fails
// the test.
func guardDo(t *testing.T, req *http.Request, desc string) *gqlResult {
	t.Helper()
	r, err := guardTry(t, req)
	r.req = desc
	if err != nil {
		t.Fatalf("%s: %v%s", desc, err, r)
	}
	return r
}

// guardTry sends req and decodes its answer; err says why the body is not
// a JSON object. A failed round trip fails the test.
func guardTry(t *testing.T, req *http.Request) (*gqlResult, error) {
	t.Helper()
	desc := req.Method + " " + req.URL.RequestURI()
	res, err := guardClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", desc, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s: read body: %v", desc, err)
	}
	r := &gqlResult{req: desc, status: res.StatusCode, header: res.Header, body: body}
	if err := json.Unmarshal(body, &r.keys); err != nil {
		return r, fmt.Errorf("the body is not a JSON object: %w", err)
	}
	if err := json.Unmarshal(body, r); err != nil {
		return r, fmt.Errorf("decode: %w", err)
	}
	return r, nil
}

// guardJSONRequest is a POST of query with Accept: application/json.
func guardJSONRequest(t *testing.T, base, query string) *http.Request {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	return req
}

// guardPostRaw POSTs body as application/json with the given Accept.
func guardPostRaw(t *testing.T, base string, body []byte, accept, desc string) *gqlResult {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return guardDo(t, req, desc)
}

// guardPost POSTs a GraphQL request (query, variables, extensions…).
func guardPost(t *testing.T, base string, params map[string]any, accept string) *gqlResult {
	t.Helper()
	body, err := json.Marshal(params)
	if err != nil {
		t.Fatal(err)
	}
	desc := "POST /graphql " + string(body)
	if accept != "" {
		desc += " (Accept: " + accept + ")"
	}
	return guardPostRaw(t, base, body, accept, desc)
}

// guardQuery POSTs query with Accept: application/json.
func guardQuery(t *testing.T, base, query string) *gqlResult {
	t.Helper()
	return guardPost(t, base, map[string]any{"query": query}, "application/json")
}

// expectRequestError checks an answer that is one request error: code,
// optionally extensions.limit, and no data entry.
func expectRequestError(t *testing.T, r *gqlResult, code, limit string) {
	t.Helper()
	if len(r.Errors) == 0 || r.code(0) != code {
		t.Errorf("want errors[0].extensions.code %s%s", code, r)
		return
	}
	if limit != "" && r.ext(0, "limit") != limit {
		t.Errorf("want errors[0].extensions.limit %q, got %v%s", limit, r.ext(0, "limit"), r)
	}
	if r.hasData() {
		t.Errorf("want no data entry in a request error%s", r)
	}
}

// expectData checks an answer with data and no errors.
func expectData(t *testing.T, r *gqlResult) {
	t.Helper()
	if r.status != http.StatusOK || len(r.Errors) != 0 || !r.hasData() || string(r.Data) == "null" {
		t.Errorf("want 200 with data and no errors%s", r)
	}
}

func number(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok
}

func TestGuardCost(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	base := guardServer(t, store, httpapi.Options{Limits: guardLimits(nil)})

	t.Run("extensions.cost reports requested, limit and actual", func(t *testing.T) {
		r := guardQuery(t, base, `{ claims(first: 10) { nodes { id attributions(first: 5) { id } } } }`)
		expectData(t, r)
		cost, ok := r.Extensions["cost"].(map[string]any)
		if !ok {
			t.Fatalf("no extensions.cost%s", r)
		}
		requested, ok1 := number(cost["requested"])
		limit, ok2 := number(cost["limit"])
		actual, ok3 := number(cost["actual"])
		if !ok1 || !ok2 || !ok3 {
			t.Fatalf("extensions.cost lacks a number among requested, limit, actual: %v%s", cost, r)
		}
		if limit != 25000 {
			t.Errorf("extensions.cost.limit = %v, want 25000%s", limit, r)
		}
		if requested <= 0 || actual <= 0 || actual > requested {
			t.Errorf("extensions.cost = %v, want 0 < actual <= requested%s", cost, r)
		}
	})

	const expensive = `{ claims(first: 100) { nodes { attributions(first: 100) { claim { attributions(first: 100) { id } } } } } }`
	check := func(t *testing.T, r *gqlResult) {
		t.Helper()
		expectRequestError(t, r, "COST_LIMIT_EXCEEDED", "")
		cost, _ := r.ext(0, "cost").(map[string]any)
		requested, ok1 := number(cost["requested"])
		limit, ok2 := number(cost["limit"])
		if !ok1 || !ok2 || requested <= limit {
			t.Errorf("want errors[0].extensions.cost.requested > limit, got %v%s", r.ext(0, "cost"), r)
		}
	}
	t.Run("COST_LIMIT_EXCEEDED with application/json is 200 without data", func(t *testing.T) {
		r := guardPost(t, base, map[string]any{"query": expensive}, "application/json")
		check(t, r)
		if r.status != http.StatusOK {
			t.Errorf("status %d, want 200 for application/json%s", r.status, r)
		}
	})
	t.Run("COST_LIMIT_EXCEEDED with application/graphql-response+json is 400", func(t *testing.T) {
		r := guardPost(t, base, map[string]any{"query": expensive}, "application/graphql-response+json")
		check(t, r)
		if r.status != http.StatusBadRequest {
			t.Errorf("status %d, want 400 for application/graphql-response+json%s", r.status, r)
		}
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql-response+json") {
			t.Errorf("Content-Type %q, want application/graphql-response+json%s", ct, r)
		}
	})
}

func TestGuardExecutionBudget(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)

	t.Run("budget-nodes stops the operation with one error and no data", func(t *testing.T) {
		base := guardServer(t, store, httpapi.Options{Limits: guardLimits(func(l *domain.Limits) { l.BudgetNodes = 5 })})
		r := guardQuery(t, base, `{ claims(first: 20) { nodes { id } } }`)
		expectRequestError(t, r, "LIMIT_EXCEEDED", "budget-nodes")
		if len(r.Errors) != 1 {
			t.Errorf("want exactly one error, got %d%s", len(r.Errors), r)
		}
		after := guardQuery(t, base, `{__typename}`)
		expectData(t, after)
	})

	t.Run("budget-bytes stops the operation with one error and no data", func(t *testing.T) {
		base := guardServer(t, store, httpapi.Options{Limits: guardLimits(func(l *domain.Limits) { l.BudgetBytes = 200 })})
		r := guardQuery(t, base, `{ claims(first: 20) { nodes { id text summary } } }`)
		expectRequestError(t, r, "LIMIT_EXCEEDED", "budget-bytes")
		if len(r.Errors) != 1 {
			t.Errorf("want exactly one error, got %d%s", len(r.Errors), r)
		}
		after := guardQuery(t, base, `{__typename}`)
		expectData(t, after)
	})
}

func TestGuardDeadline(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	base := guardServer(t, store, httpapi.Options{Limits: guardLimits(func(l *domain.Limits) { l.RequestTimeout = time.Nanosecond })})
	healthy := guardServer(t, store, httpapi.Options{Limits: guardLimits(nil)})
	const q = `{ claims(first: 20) { nodes { id text attributions(first: 5) { id } } } }`

	// outcome classifies an answer: "" when it is the one request error
	// LIMIT_EXCEEDED request-timeout without data (or, with dataOK, data
	// without errors), else a description of what came instead.
	outcome := func(r *gqlResult, err error, dataOK bool) string {
		switch {
		case err != nil:
			return fmt.Sprintf("status %d, Content-Type %q, body not JSON (%d bytes: %q)", r.status, r.header.Get("Content-Type"), len(r.body), r.body)
		case len(r.Errors) == 1 && r.code(0) == "LIMIT_EXCEEDED" && r.ext(0, "limit") == "request-timeout" && !r.hasData():
			return ""
		case dataOK && r.status == http.StatusOK && len(r.Errors) == 0 && r.hasData() && string(r.Data) != "null":
			return ""
		}
		return fmt.Sprintf("status %d, body %s", r.status, r.body)
	}
	label := func(r *gqlResult) string {
		if r.hasData() {
			return "data"
		}
		return "LIMIT_EXCEEDED request-timeout, no data"
	}

	t.Run("a request past its deadline answers LIMIT_EXCEEDED request-timeout without data", func(t *testing.T) {
		// The guard races the deadline against a slot: repeat so that both
		// branches are taken.
		for _, query := range []string{q, `{__typename}`} {
			for _, accept := range []string{"application/json", "application/graphql-response+json"} {
				want := http.StatusOK
				if accept != "application/json" {
					want = http.StatusBadRequest
				}
				counts := map[string]int{}
				var bad *gqlResult
				for range 10 {
					req := guardJSONRequest(t, base, query)
					req.Header.Set("Accept", accept)
					start := time.Now()
					r, err := guardTry(t, req)
					r.req = fmt.Sprintf("POST /graphql {\"query\": %q} (Accept: %s), RequestTimeout 1ns", query, accept)
					if took := time.Since(start); took > 5*time.Second {
						t.Errorf("took %s, want a quick answer%s", took, r)
					}
					o := outcome(r, err, false)
					switch {
					case o != "":
						bad = r
					case r.status != want:
						o = fmt.Sprintf("LIMIT_EXCEEDED request-timeout with status %d", r.status)
						bad = r
					default:
						o = "LIMIT_EXCEEDED request-timeout, no data"
					}
					counts[o]++
				}
				if bad != nil {
					t.Errorf("10 × POST /graphql {\"query\": %q} (Accept: %s) with RequestTimeout 1ns: want every answer HTTP %d with one error LIMIT_EXCEEDED (extensions.limit request-timeout) and no data; got %v; e.g.%s", query, accept, want, counts, bad)
				}
			}
		}
	})

	t.Run("whatever the timing, an answer is its data or one request-timeout error", func(t *testing.T) {
		for _, d := range []time.Duration{time.Millisecond, 2 * time.Millisecond, 3 * time.Millisecond, 5 * time.Millisecond, 10 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond} {
			srv := guardServer(t, store, httpapi.Options{Limits: guardLimits(func(l *domain.Limits) { l.RequestTimeout = d })})
			counts := map[string]int{}
			var bad *gqlResult
			for range 5 {
				r, err := guardTry(t, guardJSONRequest(t, srv, q))
				r.req = fmt.Sprintf("POST /graphql {\"query\": %q} (Accept: application/json), RequestTimeout %s", q, d)
				o := outcome(r, err, true)
				if o == "" {
					o = label(r)
				} else {
					bad = r
				}
				counts[o]++
			}
			t.Logf("RequestTimeout %s: %v", d, counts)
			if bad != nil {
				t.Errorf("5 × POST /graphql {\"query\": %q} with RequestTimeout %s: want data without errors or one error LIMIT_EXCEEDED request-timeout without data; got %v; e.g.%s", q, d, counts, bad)
			}
		}
	})

	t.Run("the server keeps answering after deadlines", func(t *testing.T) {
		expectData(t, guardQuery(t, healthy, q))
	})
}

func TestGuardRateLimit(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	base := guardServer(t, store, httpapi.Options{Limits: guardLimits(func(l *domain.Limits) {
		l.Rate = 100
		l.RateWindow = time.Minute
	})})
	const q = `{ claims(first: 50) { nodes { id } } }`

	var refused *gqlResult
	t.Run("the first answer carries RateLimit headers", func(t *testing.T) {
		r := guardQuery(t, base, q)
		expectData(t, r)
		if got := r.header.Get("RateLimit-Limit"); got != "100" {
			t.Errorf("RateLimit-Limit %q, want 100%s", got, r)
		}
		for _, h := range []string{"RateLimit-Remaining", "RateLimit-Reset"} {
			if _, err := strconv.Atoi(r.header.Get(h)); err != nil {
				t.Errorf("%s %q is not an integer%s", h, r.header.Get(h), r)
			}
		}
		for range 9 {
			r := guardQuery(t, base, q)
			if r.status == http.StatusTooManyRequests {
				refused = r
				return
			}
			if r.status != http.StatusOK || len(r.Errors) != 0 {
				t.Fatalf("want 200 with data or 429%s", r)
			}
		}
	})
	t.Run("a spent budget answers 429 with Retry-After and RATE_LIMITED", func(t *testing.T) {
		if refused == nil {
			t.Fatalf("10 requests of %s (static cost 51) with a budget of 100 per minute were all admitted", q)
		}
		r := refused
		secs, err := strconv.Atoi(r.header.Get("Retry-After"))
		if err != nil || secs <= 0 {
			t.Errorf("Retry-After %q, want a positive number of seconds%s", r.header.Get("Retry-After"), r)
		}
		expectRequestError(t, r, "RATE_LIMITED", "")
	})
}

func TestGuardTrustedDocuments(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	const trusted = `{ claims(first: 3) { nodes { id } } }`
	manifest, err := json.Marshal(map[string]string{guard.Hash(trusted): trusted})
	if err != nil {
		t.Fatal(err)
	}
	m, err := guard.ParseManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	base := guardServer(t, store, httpapi.Options{Limits: guardLimits(nil), Trusted: m})

	t.Run("the registered document runs", func(t *testing.T) {
		expectData(t, guardQuery(t, base, trusted))
	})
	t.Run("the registered document runs by its hash alone", func(t *testing.T) {
		r := guardPost(t, base, map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": guard.Hash(trusted)}}}, "application/json")
		expectData(t, r)
	})
	t.Run("another document is PERSISTED_QUERY_NOT_IN_LIST", func(t *testing.T) {
		r := guardQuery(t, base, `{ claims(first: 4) { nodes { id } } }`)
		expectRequestError(t, r, "PERSISTED_QUERY_NOT_IN_LIST", "")
	})
	t.Run("an unknown hash is PERSISTED_QUERY_NOT_IN_LIST", func(t *testing.T) {
		r := guardPost(t, base, map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": guard.Hash("{__typename}")}}}, "application/json")
		expectRequestError(t, r, "PERSISTED_QUERY_NOT_IN_LIST", "")
	})
}

func TestGuardAutomaticPersistedQueries(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	base := guardServer(t, store, httpapi.Options{Limits: guardLimits(nil)})
	q := fmt.Sprintf(`{ claims(first: 2) { nodes { id } } apq: __typename # %d
}`, time.Now().UnixNano())
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": guard.Hash(q)}}

	t.Run("an unknown hash alone is PERSISTED_QUERY_NOT_FOUND", func(t *testing.T) {
		r := guardPost(t, base, map[string]any{"extensions": ext}, "application/json")
		expectRequestError(t, r, "PERSISTED_QUERY_NOT_FOUND", "")
	})
	t.Run("hash and query run", func(t *testing.T) {
		expectData(t, guardPost(t, base, map[string]any{"query": q, "extensions": ext}, "application/json"))
	})
	t.Run("then the hash alone runs", func(t *testing.T) {
		expectData(t, guardPost(t, base, map[string]any{"extensions": ext}, "application/json"))
	})
}

func TestGuardHTTPRequests(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	base := guardServer(t, store, httpapi.Options{Limits: guardLimits(nil)})

	t.Run("a body over max-body-bytes is 413 REQUEST_TOO_LARGE", func(t *testing.T) {
		pad := strings.Repeat(" ", 70_000-len(`{"query":"{__typename}"}`))
		body := []byte(`{"query":"{__typename}"` + pad + `}`)
		if len(body) != 70_000 {
			t.Fatalf("body of %d bytes", len(body))
		}
		r := guardPostRaw(t, base, body, "application/json", "POST /graphql with a 70,000-byte body")
		if r.status != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413%s", r.status, r)
		}
		expectRequestError(t, r, "REQUEST_TOO_LARGE", "")
	})
	t.Run("a chunked body over max-body-bytes is 413 REQUEST_TOO_LARGE", func(t *testing.T) {
		body := `{"query":"{__typename}"` + strings.Repeat(" ", 70_000) + `}`
		// A reader of unknown length: the request has no Content-Length.
		req, err := http.NewRequest(http.MethodPost, base+"/graphql", io.MultiReader(strings.NewReader(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json")
		r := guardDo(t, req, "POST /graphql with a chunked 70,025-byte body")
		if r.status != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413%s", r.status, r)
		}
		expectRequestError(t, r, "REQUEST_TOO_LARGE", "")
	})
	t.Run("a JSON array body is 400 BAD_USER_INPUT", func(t *testing.T) {
		r := guardPostRaw(t, base, []byte(`[{"query":"{__typename}"},{"query":"{__typename}"}]`), "application/json", `POST /graphql [{"query":"{__typename}"},{"query":"{__typename}"}]`)
		if r.status != http.StatusBadRequest {
			t.Errorf("status %d, want 400%s", r.status, r)
		}
		expectRequestError(t, r, "BAD_USER_INPUT", "")
	})
	t.Run("a mutation by GET is 405 with Allow POST", func(t *testing.T) {
		const m = `mutation { deprecateClaim(id: "claim/2024-11-trump-putin-call") { id } }`
		req, err := http.NewRequest(http.MethodGet, base+"/graphql?query="+url.QueryEscape(m), nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept", "application/json")
		r := guardDo(t, req, "GET /graphql?query="+m)
		if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST" {
			t.Errorf("status %d Allow %q, want 405 with Allow: POST%s", r.status, r.header.Get("Allow"), r)
		}
		if r.hasData() || len(r.Errors) == 0 {
			t.Errorf("want an error and no data%s", r)
		}
	})

	t.Run("errors are capped at max-errors plus one summary", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{")
		for i := 1; i <= 60; i++ {
			fmt.Fprintf(&b, " a%d", i)
		}
		b.WriteString(" }")
		r := guardQuery(t, base, b.String())
		if len(r.Errors) == 0 || len(r.Errors) > 51 {
			t.Fatalf("got %d errors, want 1 to 51%s", len(r.Errors), r)
		}
		if len(r.Errors) == 51 {
			if last := r.Errors[50]; last.Extensions["limit"] != "max-errors" {
				t.Errorf("the 51st error is not the max-errors summary: %+v%s", last, r)
			}
		}
		if r.hasData() {
			t.Errorf("want no data for a document that does not validate%s", r)
		}
	})

	const typo = `{ clam(id: "x") { id } }`
	t.Run("validation errors make no suggestions by default", func(t *testing.T) {
		r := guardQuery(t, base, typo)
		if len(r.Errors) == 0 {
			t.Fatalf("want a validation error%s", r)
		}
		for _, e := range r.Errors {
			if strings.Contains(e.Message, "Did you mean") {
				t.Errorf("the error suggests a field: %q%s", e.Message, r)
			}
		}
	})
	t.Run("validation errors make suggestions with Options.Suggestions", func(t *testing.T) {
		withSuggestions := guardServer(t, store, httpapi.Options{Limits: guardLimits(nil), Suggestions: true})
		r := guardQuery(t, withSuggestions, typo)
		if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "Did you mean") {
			t.Errorf("want a \"Did you mean\" suggestion%s", r)
		}
	})

	t.Run("introspection hides goField and lists include and skip", func(t *testing.T) {
		r := guardQuery(t, base, `{ __schema { directives { name } } }`)
		expectData(t, r)
		var data struct {
			Schema struct {
				Directives []struct{ Name string }
			} `json:"__schema"`
		}
		if err := json.Unmarshal(r.Data, &data); err != nil {
			t.Fatalf("decode data: %v%s", err, r)
		}
		var names []string
		for _, d := range data.Schema.Directives {
			names = append(names, d.Name)
		}
		if slices.Contains(names, "goField") {
			t.Errorf("introspection lists goField: %v%s", names, r)
		}
		if !slices.Contains(names, "include") || !slices.Contains(names, "skip") {
			t.Errorf("introspection lacks include or skip: %v%s", names, r)
		}
	})

	t.Run("the explorer page sends security headers", func(t *testing.T) {
		res, err := guardClient.Get(base + "/")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("GET /: Content-Security-Policy %q lacks frame-ancestors 'none'", csp)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET /: X-Content-Type-Options %q, want nosniff", got)
		}
	})
}

type guardWSMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func guardDial(t *testing.T, ctx context.Context, base string) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	if conn.Subprotocol() != "graphql-transport-ws" {
		t.Fatalf("subprotocol %q", conn.Subprotocol())
	}
	return conn
}

// guardWSInit sends connection_init and waits for connection_ack.
func guardWSInit(t *testing.T, ctx context.Context, conn *websocket.Conn) {
	t.Helper()
	if err := wsjson.Write(ctx, conn, guardWSMessage{Type: "connection_init"}); err != nil {
		t.Fatalf("write connection_init: %v", err)
	}
	var m guardWSMessage
	if err := wsjson.Read(ctx, conn, &m); err != nil {
		t.Fatalf("read connection_ack: %v", err)
	}
	if m.Type != "connection_ack" {
		t.Fatalf("got %s %s, want connection_ack", m.Type, m.Payload)
	}
}

func TestGuardWebSocket(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	base := guardServer(t, store, httpapi.Options{Limits: guardLimits(func(l *domain.Limits) {
		l.WSInitTimeout = 500 * time.Millisecond
		l.WSOperations = 3
	})})

	t.Run("a socket without connection_init is closed after ws-init-timeout", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		conn := guardDial(t, ctx, base)
		start := time.Now()
		_, msg, err := conn.Read(ctx)
		if err == nil {
			t.Fatalf("read %s, want the server to close the socket", msg)
		}
		if ctx.Err() != nil {
			t.Fatalf("the server did not close a socket without connection_init within 3s (ws-init-timeout 500ms): %v", err)
		}
		t.Logf("closed after %s: %v", time.Since(start).Round(time.Millisecond), err)
	})

	t.Run("subscriptions past ws-operations are refused with LIMIT_EXCEEDED", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		conn := guardDial(t, ctx, base)
		guardWSInit(t, ctx, conn)
		const sub = `subscription { attributionAdded(about: "person/vladimir-putin") { id } }`
		subscribe := func(id string) {
			payload, _ := json.Marshal(map[string]string{"query": sub})
			if err := wsjson.Write(ctx, conn, guardWSMessage{ID: id, Type: "subscribe", Payload: payload}); err != nil {
				t.Fatalf("subscribe %s: %v", id, err)
			}
		}
		// The server starts each subscription in a goroutine: give the first
		// three time to be admitted before the others arrive.
		for i := 1; i <= 3; i++ {
			subscribe(strconv.Itoa(i))
		}
		time.Sleep(300 * time.Millisecond)
		for i := 4; i <= 8; i++ {
			subscribe(strconv.Itoa(i))
		}
		refused := map[string]bool{}
		completed := map[string]bool{}
		var got []string
		for len(refused) < 5 || len(completed) < 5 {
			var m guardWSMessage
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				t.Fatalf("read: %v; messages so far:\n%s", err, strings.Join(got, "\n"))
			}
			got = append(got, m.Type+" "+m.ID+" "+string(m.Payload))
			if len(got) > 50 {
				t.Fatalf("too many messages:\n%s", strings.Join(got, "\n"))
			}
			switch m.Type {
			case "ping", "pong", "ka":
				continue
			case "complete":
				completed[m.ID] = true
				continue
			case "next", "error":
			default:
				t.Fatalf("unexpected message %s %s %s", m.Type, m.ID, m.Payload)
			}
			var errs []struct {
				Message    string
				Extensions map[string]any
			}
			if m.Type == "next" {
				var p struct {
					Errors []struct {
						Message    string
						Extensions map[string]any
					}
				}
				_ = json.Unmarshal(m.Payload, &p)
				errs = p.Errors
			} else {
				_ = json.Unmarshal(m.Payload, &errs)
			}
			n, _ := strconv.Atoi(m.ID)
			if n <= 3 {
				t.Errorf("subscription %s (within the limit of 3) got %s %s", m.ID, m.Type, m.Payload)
				continue
			}
			if len(errs) == 0 || errs[0].Extensions["code"] != "LIMIT_EXCEEDED" || errs[0].Extensions["limit"] != "ws-operations" {
				t.Errorf("subscription %s (past the limit of 3) got %s %s, want an error LIMIT_EXCEEDED ws-operations", m.ID, m.Type, m.Payload)
				continue
			}
			refused[m.ID] = true
		}
		for i := 4; i <= 8; i++ {
			if !refused[strconv.Itoa(i)] || !completed[strconv.Itoa(i)] {
				t.Errorf("subscription %d was not refused and completed; messages:\n%s", i, strings.Join(got, "\n"))
			}
		}
		t.Logf("messages:\n%s", strings.Join(got, "\n"))

		// Completing one subscription makes room for another.
		if err := wsjson.Write(ctx, conn, guardWSMessage{ID: "1", Type: "complete"}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		subscribe("9")
		// Nothing may arrive for the admitted subscriptions: read briefly (a
		// timed-out read closes the socket, so this is the last read).
		quiet, stop := context.WithTimeout(ctx, 700*time.Millisecond)
		defer stop()
		for range 10 {
			var m guardWSMessage
			if err := wsjson.Read(quiet, conn, &m); err != nil {
				break
			}
			if m.Type == "ping" || m.Type == "pong" || m.Type == "ka" || m.Type == "complete" && m.ID == "1" {
				continue
			}
			t.Errorf("after completing subscription 1, got %s %s %s; want subscription 9 admitted silently", m.Type, m.ID, m.Payload)
		}
	})

	t.Run("a malformed frame closes the socket and the server keeps answering", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn := guardDial(t, ctx, base)
		guardWSInit(t, ctx, conn)
		if err := conn.Write(ctx, websocket.MessageText, []byte("not json")); err != nil {
			t.Fatalf("write: %v", err)
		}
		var got []string
		for {
			typ, msg, err := conn.Read(ctx)
			if err != nil {
				if ctx.Err() != nil {
					t.Fatalf("the server did not close the socket within 10s after a malformed frame; messages: %v", got)
				}
				t.Logf("closed: %v (close status %d); messages before: %v", err, websocket.CloseStatus(err), got)
				break
			}
			got = append(got, fmt.Sprintf("%v %s", typ, msg))
			if len(got) > 10 {
				t.Fatalf("the server keeps the socket open after a malformed frame: %v", got)
			}
		}
		expectData(t, guardQuery(t, base, `{__typename}`))
	})
}
