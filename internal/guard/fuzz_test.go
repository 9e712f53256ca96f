package guard_test

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/guard"
)

// FuzzCost: Precheck never panics on any string and refuses only with
// ELIMIT naming the limit or EINVALID; when it lets a document through and
// gqlparser validates it against the real schema, Cost never panics and is
// between 0 and its saturation bound (2^40), with the variables absent and
// with the variables gqlgen would coerce from an empty set. The seed corpus
// is in testdata/fuzz/FuzzCost.
func FuzzCost(f *testing.F) {
	for _, s := range []string{
		`{ claim(id: "x") { attributions { id } } }`,
		`{ claims(first: 10) { nodes { id } edges { node { id } } } }`,
		`{ neighbourhood(id: "x", hops: 2, maxNeighbours: 10) { nodes { id } edges { id } } }`,
		`{ paths(from: "a", to: "b", maxHops: 3) { nodes { id } steps { from { id } sources { id } } } }`,
		`{ node(id: "x") { ... on Person { statements { id } } ... on Claim { id } } }`,
		`{ a: claim(id: "x") { ...F } b: claim(id: "y") { ...F } } fragment F on Claim { attributions { id } }`,
		journalistQuery,
		introspectionQuery,
	} {
		f.Add(s)
	}
	limits := domain.DefaultLimits()
	f.Fuzz(func(t *testing.T, query string) {
		if len(query) > limits.BodyBytes {
			t.Skip() // the HTTP layer refuses it first
		}
		if e := guard.Precheck(query, limits); e != nil {
			switch e.Code {
			case domain.ELIMIT:
				if l, _ := e.Extensions["limit"].(string); l == "" {
					t.Fatalf("ELIMIT without extensions.limit: %v", e)
				}
			case domain.EINVALID:
			default:
				t.Fatalf("Precheck refused with code %q: %v", e.Code, e)
			}
			if e.Message == "" {
				t.Fatalf("Precheck refused without a message: %#v", e)
			}
			return
		}
		doc, errs := gqlparser.LoadQueryWithRules(schema, query, nil)
		if len(errs) > 0 {
			return
		}
		for _, op := range doc.Operations {
			check := func(vars map[string]any) {
				if c := guard.Cost(schema, op, vars); c < 0 || c > 1<<40 {
					t.Fatalf("Cost = %d with variables %v", c, vars)
				}
			}
			check(nil)
			if vars, err := validator.VariableValues(schema, op, map[string]any{}); err == nil {
				check(vars)
			}
		}
	})
}
