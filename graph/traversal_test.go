package graph_test

import (
	"strings"
	"testing"
)

func TestTraversalsOverGraphQL(t *testing.T) {
	c := newClient(t)
	cases := []struct{ name, query, want string }{
		{"SearchInflected", `{ search(text: "Pieskowem", first: 3) { hits { node { id } matched { field } } } }`, `"id":"person/dmitry-peskov"`},
		{"SearchTypes", `{ search(text: "putin", types: [PERSON]) { hits { node { __typename } } } }`, `"hits":[{"node":{"__typename":"Person"}}]`},
		{"PathWithProvenance", `{ paths(from: "person/dmitry-peskov", to: "organisation/kremlin", maxHops: 1) { length steps { type direction from { id } to { id } claim { id } sources { id } } } }`,
			`"claim":{"id":"claim/peskov-kremlin-spokesperson"},"direction":"FORWARD","from":{"id":"person/dmitry-peskov"},"sources":[{"id":"source/pl-article-2025-03-trump-putin-calls"}]`},
		{"ClaimLinks", `{ claimLinks(a: "person/donald-trump", b: "person/volodymyr-zelensky") { kind claim { id } } }`, `"kind":"CO_SUBJECTS"`},
		{"Neighbourhood", `{ neighbourhood(id: "event/2025-03-us-ukraine-talks-saudi-arabia", hops: 1) { nodes { id } edges { id type source target claim { id } } } }`, `"source":"event/2025-03-us-ukraine-talks-saudi-arabia","target":"place/saudi-arabia","type":"HELD_IN"`},
		{"Timeline", `{ timeline(id: "person/volodymyr-zelensky") { what date { value earliest latest } node { id } } }`, `"earliest":"2025-03-18","latest":"2025-03-19"`},
		{"DisputesBothSides", `{ disputes(about: "person/vladimir-putin") { claim { id } asserting { actor { ... on Organisation { name } } } denying { actor { ... on Organisation { name } } } } }`, `"denying":[{"actor":{"name":"Kremlin"}}]`},
		{"Cooccurrences", `{ cooccurrences(id: "person/donald-trump", first: 1) { node { id } claims sources } }`, `"node":{"id":"person/vladimir-putin"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, errs := raw(t, c, tc.query)
			if len(errs) > 0 {
				t.Fatalf("errors %+v\nquery: %s", errs, tc.query)
			}
			if got := jsonOf(data); !strings.Contains(got, tc.want) {
				t.Errorf("query %s\nreturned %s\nwhich lacks %s", tc.query, got, tc.want)
			}
		})
	}
	bad := []struct{ name, query, code string }{
		{"ErrHops", `{ neighbourhood(id: "person/donald-trump", hops: 4) { nodes { id } } }`, "BAD_USER_INPUT"},
		{"ErrMaxHops", `{ paths(from: "person/donald-trump", to: "person/vladimir-putin", maxHops: 7) { length } }`, "BAD_USER_INPUT"},
		{"ErrSearchPastTheEnd", `{ search(text: "putin", first: 100, after: "czE6OTUw") { hits { score } } }`, "LIMIT_EXCEEDED"},
		{"ErrBadID", `{ timeline(id: "Trump") { what } }`, "BAD_USER_INPUT"},
		{"ErrSameEnds", `{ paths(from: "person/donald-trump", to: "person/donald-trump") { length } }`, "BAD_USER_INPUT"},
		{"ErrNegativeDegree", `{ paths(from: "person/donald-trump", to: "person/vladimir-putin", maxDegree: -1) { length } }`, "BAD_USER_INPUT"},
		{"ErrTooManyWords", `{ search(text: "a1 a2 a3 a4 a5 a6 a7 a8 a9 b1 b2 b3 b4 b5 b6 b7 b8 b9 c1 c2 c3") { hits { score } } }`, "BAD_USER_INPUT"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := raw(t, c, tc.query)
			if len(errs) == 0 || errs[0].Extensions["code"] != tc.code {
				t.Errorf("query %s: errors %+v, want %s", tc.query, errs, tc.code)
			}
		})
	}
}
