package attack

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"syscall"
)

var syscallZero = syscall.Signal(0)

// Attack is one hostile request and the codes that may refuse it.
type Attack struct {
	Name  string
	Class string
	Send  func(ctx context.Context, base string) Result
	// Want lists the acceptable extensions.code values; Status the
	// acceptable HTTP statuses (Accept: application/graphql-response+json).
	Want   []string
	Status []int
}

func query(q string) func(context.Context, string) Result {
	return func(ctx context.Context, base string) Result { return Query(ctx, base, q, nil) }
}

func raw(body []byte) func(context.Context, string) Result {
	return func(ctx context.Context, base string) Result { return PostJSON(ctx, base, body) }
}

// nest wraps inner in n levels of open/close.
func nest(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

const claimID = "claim/2024-11-trump-putin-call"

// Attacks are the classes of the attack suite; each is refused before it
// does expensive work.
func Attacks() []Attack {
	limit := []string{"LIMIT_EXCEEDED"}
	cost := []string{"COST_LIMIT_EXCEEDED"}
	bad := []string{"BAD_USER_INPUT"}
	badOrCost := []string{"BAD_USER_INPUT", "COST_LIMIT_EXCEEDED"}
	s400 := []int{400}

	// Fragment fan-out: F0 spreads F1 twice, F1 spreads F2 twice… 2^30 fields.
	var fanout strings.Builder
	fanout.WriteString("query { ...F0 }")
	for i := range 30 {
		fmt.Fprintf(&fanout, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	fanout.WriteString(" fragment F30 on Query { __typename }")

	var aliasNeighbourhoods strings.Builder
	aliasNeighbourhoods.WriteString("{")
	for i := range 10 {
		fmt.Fprintf(&aliasNeighbourhoods, ` n%d: neighbourhood(id: "person/donald-trump", hops: 3, maxNeighbours: 200) { nodes { id } edges { id } }`, i)
	}
	aliasNeighbourhoods.WriteString("}")

	var manyAliases strings.Builder
	manyAliases.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&manyAliases, ` a%d: claims(first: 100) { nodes { id } }`, i)
	}
	manyAliases.WriteString("}")

	hugeVars, _ := json.Marshal(map[string]any{
		"query":     "query ($t: String!) { search(text: $t) { hits { node { id } } } }",
		"variables": map[string]any{"t": strings.Repeat("putin ", 9000)},
	})
	manyVars := map[string]any{}
	for i := range 3000 {
		manyVars[fmt.Sprintf("v%d", i)] = i
	}
	manyVarsBody, _ := json.Marshal(map[string]any{"query": "{ __typename }", "variables": manyVars})
	bigBody, _ := json.Marshal(map[string]any{"query": "{ __typename }", "padding": strings.Repeat("x", 200_000)})
	hugeString, _ := json.Marshal(map[string]any{"query": `{ node(id: "person/` + strings.Repeat("a", 50_000) + `") { id } }`})
	var batch []map[string]string
	for range 100 {
		batch = append(batch, map[string]string{"query": "{ claims(first: 100) { nodes { id } } }"})
	}
	batchBody, _ := json.Marshal(batch)

	return []Attack{
		{Name: "claim↔attribution, 20 levels", Class: "deep nesting",
			Send: query(`{ claim(id: "` + claimID + `") { ` + nest("attributions { claim { ", "id", " } }", 20) + ` } }`), Want: limit, Status: s400},
		{Name: "claim↔attribution, within the depth limit", Class: "deep nesting",
			Send: query(`{ claim(id: "` + claimID + `") { ` + nest("attributions(first: 100) { claim { ", "id", " } }", 5) + ` } }`), Want: cost, Status: s400},
		{Name: "person↔statement", Class: "deep nesting",
			Send: query(`{ person(id: "person/donald-trump") { ` + nest("statements { actor { ... on Person { ", "name", " } } }", 4) + ` } }`), Want: cost, Status: s400},
		{Name: "source↔citedBy", Class: "deep nesting",
			Send: query(`{ source(id: "source/pl-article-2025-03-trump-putin-calls") { ` + nest("citedBy(first: 100) { ", "id", " }", 8) + ` } }`), Want: cost, Status: s400},
		{Name: "10 aliased 3-hop neighbourhoods", Class: "wide aliasing", Send: query(aliasNeighbourhoods.String()), Want: cost, Status: s400},
		{Name: "40 aliased lists", Class: "wide aliasing", Send: query(manyAliases.String()), Want: limit, Status: s400},
		{Name: "3,000 × __typename", Class: "field duplication", Send: query("{" + strings.Repeat(" __typename", 3000) + " }"), Want: limit, Status: s400},
		{Name: "200 × the same list", Class: "field duplication", Send: query("{" + strings.Repeat(" claims(first: 100) { nodes { id } }", 200) + " }"), Want: limit, Status: s400},
		{Name: "10 directives on a field", Class: "directive flooding", Send: query("{ __typename" + strings.Repeat(" @skip(if: false)", 10) + " }"), Want: limit, Status: s400},
		{Name: "8,000 unknown directives", Class: "directive flooding", Send: query("{ __typename" + strings.Repeat(" @x", 8000) + " }"), Want: limit, Status: s400},
		{Name: "fragment cycle", Class: "fragments", Send: query("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), Want: []string{"GRAPHQL_VALIDATION_FAILED"}, Status: s400},
		{Name: "fragment fan-out 2^30", Class: "fragments", Send: query(fanout.String()), Want: limit, Status: s400},
		{Name: "54 KB search variable", Class: "huge variables", Send: raw(hugeVars), Want: bad, Status: []int{200}},
		{Name: "3,000 unused variables", Class: "huge variables", Send: raw(manyVarsBody), Want: []string{""}, Status: []int{200}},
		{Name: "50 KB id literal", Class: "huge strings", Send: raw(hugeString), Want: bad, Status: []int{200}},
		{Name: "200 KB body", Class: "oversized body", Send: raw(bigBody), Want: []string{"REQUEST_TOO_LARGE"}, Status: []int{413}},
		{Name: "JSON array of 100 operations", Class: "batching", Send: raw(batchBody), Want: bad, Status: s400},
		{Name: "trailing data after the body", Class: "batching", Send: raw([]byte(`{"query":"{ __typename }"} {"query":"{ __typename }"}`)), Want: bad, Status: s400},
		{Name: "900 KB GET query string", Class: "oversized body", Send: func(ctx context.Context, base string) Result {
			req, _ := http.NewRequest(http.MethodGet, base+"/graphql?query="+url.QueryEscape("{ __typename }"+strings.Repeat(" ", 900_000)), nil)
			req.Header.Set("Accept", "application/graphql-response+json")
			return Do(ctx, req)
		}, Want: []string{"REQUEST_TOO_LARGE", ""}, Status: []int{414, 431}},
		{Name: "subscription over plain HTTP", Class: "batching", Send: query(`subscription { attributionAdded(about: "person/donald-trump") { id } }`), Want: bad, Status: s400},
		{Name: "claims(first: 100000)", Class: "out-of-range arguments", Send: query(`{ claims(first: 100000) { nodes { id } } }`), Want: badOrCost, Status: []int{200, 400}},
		{Name: "claims(first: -1)", Class: "out-of-range arguments", Send: query(`{ claims(first: -1) { nodes { id } } }`), Want: bad, Status: []int{200}},
		{Name: "statements(first: 0)", Class: "out-of-range arguments", Send: query(`{ person(id: "person/donald-trump") { statements(first: 0) { id } } }`), Want: bad, Status: []int{200}},
		{Name: "statements(first: 1000000)", Class: "out-of-range arguments", Send: query(`{ person(id: "person/donald-trump") { statements(first: 1000000) { id } } }`), Want: cost, Status: s400},
		{Name: "nodes(ids: 150 ids)", Class: "out-of-range arguments", Send: query(`{ nodes(ids: [` + strings.TrimSuffix(strings.Repeat(`"person/x",`, 150), ",") + `]) { id } }`), Want: bad, Status: []int{200}},
		{Name: "search(first: 5000)", Class: "out-of-range arguments", Send: query(`{ search(text: "putin", first: 5000) { hits { node { id } } } }`), Want: bad, Status: []int{200}},
		{Name: "paths(maxHops: 50)", Class: "out-of-range arguments", Send: query(`{ paths(from: "person/donald-trump", to: "person/vladimir-putin", maxHops: 50) { length } }`), Want: bad, Status: []int{200}},
		{Name: "paths(first: 0)", Class: "out-of-range arguments", Send: query(`{ paths(from: "person/donald-trump", to: "person/vladimir-putin", first: 0) { length } }`), Want: bad, Status: []int{200}},
		{Name: "paths(maxDegree: -5)", Class: "out-of-range arguments", Send: query(`{ paths(from: "person/donald-trump", to: "person/vladimir-putin", maxDegree: -5) { length } }`), Want: bad, Status: []int{200}},
		{Name: "neighbourhood(hops: 10)", Class: "out-of-range arguments", Send: query(`{ neighbourhood(id: "person/donald-trump", hops: 10, maxNeighbours: 2) { nodes { id } } }`), Want: bad, Status: []int{200}},
		{Name: "neighbourhood(maxNeighbours: 100000)", Class: "out-of-range arguments", Send: query(`{ neighbourhood(id: "person/donald-trump", maxNeighbours: 100000) { nodes { id } } }`), Want: badOrCost, Status: []int{200, 400}},
		{Name: "timeline(first: 0)", Class: "out-of-range arguments", Send: query(`{ timeline(id: "person/donald-trump", first: 0) { what } }`), Want: bad, Status: []int{200}},
		{Name: "disputes(first: 100000)", Class: "out-of-range arguments", Send: query(`{ disputes(first: 100000) { claim { id } } }`), Want: badOrCost, Status: []int{200, 400}},
		{Name: "cooccurrences(first: -3)", Class: "out-of-range arguments", Send: query(`{ cooccurrences(id: "person/donald-trump", first: -3) { sources } }`), Want: bad, Status: []int{200}},
		{Name: "claimLinks(first: 0)", Class: "out-of-range arguments", Send: query(`{ claimLinks(a: "person/donald-trump", b: "person/vladimir-putin", first: 0) { kind } }`), Want: bad, Status: []int{200}},
		{Name: "history(first: 5000)", Class: "out-of-range arguments", Send: query(`{ history(id: "person/donald-trump", first: 5000) { at } }`), Want: badOrCost, Status: []int{200, 400}},
		{Name: "search of 40 words", Class: "out-of-range arguments", Send: query(`{ search(text: "` + strings.Repeat("putin ", 40) + `") { hits { node { id } } } }`), Want: bad, Status: []int{200}},
	}
}

// TypenameOK reports whether the service answers {__typename} right now.
func TypenameOK(ctx context.Context, base string) (bool, Result) {
	r := Query(ctx, base, "{ __typename }", nil)
	return r.Err == nil && r.Status == 200 && strings.Contains(string(r.Body), `"__typename":"Query"`), r
}
