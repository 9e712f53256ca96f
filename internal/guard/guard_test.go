package guard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/guard"
)

// schema is the real schema, with its @listSize directives.
var schema = graph.NewExecutableSchema(graph.Config{}).Schema()

// operation validates q against the schema and returns its one operation.
func operation(t testing.TB, q string) *ast.OperationDefinition {
	t.Helper()
	doc, errs := gqlparser.LoadQueryWithRules(schema, q, nil)
	if len(errs) > 0 {
		t.Fatalf("the test document does not validate: %v\n%s", errs, q)
	}
	if len(doc.Operations) != 1 {
		t.Fatalf("the test document has %d operations, want 1", len(doc.Operations))
	}
	return doc.Operations[0]
}

// code is the domain code of a *domain.Error, "" for nil: passing a nil
// *domain.Error to domain.ErrorCode as an error would be a non-nil
// interface.
func code(e *domain.Error) string {
	if e == nil {
		return ""
	}
	return domain.ErrorCode(e)
}

func TestCost(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		vars  map[string]any
		want  int
	}{
		{"scalars and __typename cost nothing", `{ __typename }`, nil, 0},
		{"introspection costs nothing", `{ __schema { types { name fields { name type { name } } } } }`, nil, 0},
		{"one object costs 1", `{ claim(id: "x") { id text } }`, nil, 1},
		{"a list without first takes its default of 20", `{ claim(id: "x") { attributions { id } } }`, nil, 1 + 20*1},
		{"a list takes its first", `{ claim(id: "x") { attributions(first: 5) { id } } }`, nil, 1 + 5*1},
		{"nested lists multiply", `{ claim(id: "x") { attributions(first: 5) { sources { id } } } }`, nil, 1 + 5*(1+20*1)},
		{"a connection sizes its nodes and edges by first",
			`{ claims(first: 10) { nodes { id } edges { node { id } } } }`, nil,
			1 + 10*1 + 10*(1+1)},
		{"pageInfo is one object and totalCount a scalar",
			`{ claims(first: 10) { totalCount pageInfo { hasNextPage } } }`, nil, 1 + 1},
		{"a variable int sizes the list", `query($n: Int!) { claims(first: $n) { nodes { id } } }`, map[string]any{"n": 7}, 1 + 7},
		{"a variable from JSON (float64) sizes the list", `query($n: Int!) { claims(first: $n) { nodes { id } } }`, map[string]any{"n": float64(7)}, 1 + 7},
		{"a variable from JSON (json.Number) sizes the list", `query($n: Int!) { claims(first: $n) { nodes { id } } }`, map[string]any{"n": json.Number("7")}, 1 + 7},
		{"a list argument counts its items", `{ nodes(ids: ["person/a", "person/b", "claim/c"]) { id } }`, nil, 3},
		{"a list variable counts its items", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []any{"person/a", "person/b"}}, 2},
		{"each id of nodes takes the most expensive type",
			`{ nodes(ids: ["a", "b", "c"]) { ... on Person { statements { id } } } }`, nil, 3 * (1 + 20)},
		{"neighbourhood sums maxNeighbours^1..hops plus the addend",
			`{ neighbourhood(id: "x", hops: 2, maxNeighbours: 10) { nodes { id } } }`, nil, 1 + (10 + 10*10 + 1)},
		{"neighbourhood's size applies to nodes and edges",
			`{ neighbourhood(id: "x", hops: 2, maxNeighbours: 10) { nodes { id } edges { id claim { id } } } }`, nil,
			1 + 111*1 + 111*(1+1)},
		{"neighbourhood's defaults are hops 1 and maxNeighbours 25",
			`{ neighbourhood(id: "x") { nodes { id } } }`, nil, 1 + (25 + 1)},
		{"neighbourhood is capped by assumedSize 5000",
			`{ neighbourhood(id: "x", hops: 3, maxNeighbours: 200) { nodes { id } } }`, nil, 1 + 5000},
		{"a path's nodes and steps are sized by the ancestor's maxHops",
			`{ paths(from: "a", to: "b", maxHops: 3) { nodes { id } steps { from { id } } } }`, nil,
			10 * (1 + (3+1)*1 + 3*(1+1))},
		{"a path's steps use the default maxHops 4 and sources assumedSize 100",
			`{ paths(from: "a", to: "b", first: 2) { steps { sources { id } } } }`, nil,
			2 * (1 + 4*(1+100*1))},
		{"search sizes its hits by first; matched is assumedSize 10",
			`{ search(text: "x", first: 5) { hits { node { id } matched { field } } } }`, nil,
			1 + 5*(1+1+10*1)},
		{"an interface takes its most expensive possible type",
			`{ node(id: "x") { ... on Person { statements { id } } ... on Claim { id } } }`, nil, 1 + 20},
		{"a union takes its most expensive possible type",
			`{ attribution(id: "x") { actor { ... on Person { statements { id } } ... on Organisation { statements(first: 50) { id } } } } }`, nil,
			1 + 1*(1+50)},
		{"a fragment on an interface applies to every implementation",
			`{ node(id: "x") { ...N } } fragment N on Node { ... on Source { attributions(first: 7) { id } } }`, nil, 1 + 7},
		{"a fragment spread in two places counts twice",
			`{ a: claim(id: "x") { ...F } b: claim(id: "y") { ...F } } fragment F on Claim { attributions { id } }`, nil,
			2 * (1 + 20)},
		{"a fragment spread twice in one selection counts twice (an upper bound)",
			`{ claim(id: "x") { ...F ...F } } fragment F on Claim { attributions { id } }`, nil, 1 + 20 + 20},
		{"one fragment under two connections takes each one's first",
			`{ a: claims(first: 5) { ...C } b: claims(first: 50) { ...C } } fragment C on ClaimConnection { nodes { id } }`, nil,
			(1 + 5) + (1 + 50)},
		{"a mutation is costed from the Mutation type",
			`mutation { ingestArticle(input: {title: "t", language: "pl", text: "x"}) { source { id } mentions { entity { id } } suggestions { text } } }`, nil,
			1 + 1 + 1000*(1+1) + 1000*1},
		{"a subscription is costed from the Subscription type",
			`subscription { attributionAdded(about: "person/a") { id claim { id } } }`, nil, 1 + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := guard.Cost(schema, operation(t, tc.query), tc.vars); got != tc.want {
				t.Errorf("Cost = %d, want %d\n%s", got, tc.want, tc.query)
			}
		})
	}

	t.Run("the variables gqlgen coerces carry a variable's default", func(t *testing.T) {
		// Cost reads variables as given: gqlgen passes the coerced ones
		// (validator.VariableValues), which hold the defaults.
		op := operation(t, `query($n: Int = 7) { claims(first: $n) { nodes { id } } }`)
		vars, err := validator.VariableValues(schema, op, map[string]any{})
		if err != nil {
			t.Fatal(err)
		}
		if got := guard.Cost(schema, op, vars); got != 1+7 {
			t.Errorf("Cost = %d, want %d", got, 1+7)
		}
	})

	t.Run("a deep and wide neighbourhood is capped at 5000 nodes and 5000 edges", func(t *testing.T) {
		op := operation(t, `{ neighbourhood(id: "x", hops: 1000000000, maxNeighbours: 1000000000) { nodes { id } edges { id } } }`)
		if got := guard.Cost(schema, op, nil); got != 1+5000+5000 {
			t.Errorf("Cost = %d, want %d", got, 1+5000+5000)
		}
	})

	// GraphQL input coercion makes a single value given for a list a list
	// of one: gqlgen runs nodes(ids: "person/a") with one id
	// (graphql.CoerceList), and validator.VariableValues turns a single
	// value for $ids into a []string; both count their items.
	t.Run("a single id given for nodes(ids:) counts as one item", func(t *testing.T) {
		op := operation(t, `{ nodes(ids: "person/a") { ... on Person { statements { id } } } }`)
		if got := guard.Cost(schema, op, nil); got != 1*(1+20) {
			t.Errorf("Cost = %d, want %d", got, 1*(1+20))
		}
	})
	t.Run("a single id given for $ids counts as one item once coerced", func(t *testing.T) {
		op := operation(t, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { statements { id } } } }`)
		vars, err := validator.VariableValues(schema, op, map[string]any{"ids": "person/a"})
		if err != nil {
			t.Fatal(err)
		}
		if got := guard.Cost(schema, op, vars); got != 1*(1+20) {
			t.Errorf("Cost = %d (vars %#v), want %d", got, vars, 1*(1+20))
		}
	})
	t.Run("a []string of ids counts its items", func(t *testing.T) {
		op := operation(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`)
		if got := guard.Cost(schema, op, map[string]any{"ids": []string{"a", "b", "c"}}); got != 3 {
			t.Errorf("Cost = %d, want 3", got)
		}
	})
	t.Run("a JSON array of ids stays []any once coerced and counts its items", func(t *testing.T) {
		op := operation(t, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { statements { id } } } }`)
		vars, err := validator.VariableValues(schema, op, map[string]any{"ids": []any{"a", "b"}})
		if err != nil {
			t.Fatal(err)
		}
		if got := guard.Cost(schema, op, vars); got != 2*(1+20) {
			t.Errorf("Cost = %d, want %d", got, 2*(1+20))
		}
	})

	t.Run("a nil operation costs nothing", func(t *testing.T) {
		if got := guard.Cost(schema, nil, nil); got != 0 {
			t.Errorf("Cost(nil) = %d", got)
		}
	})

	limit := domain.DefaultLimits().Cost
	for _, tc := range []struct{ name, query string }{
		{"a huge first is over the default limit", `{ claims(first: 1000000000) { nodes { id } } }`},
		{"huge nested firsts saturate without overflow",
			`{ claims(first: 1000000000) { nodes { attributions(first: 1000000000) { sources(first: 1000000000) { cites(first: 1000000000) { id } } } } } }`},
		{"huge firsts under a huge nodes list saturate without overflow",
			`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Claim { attributions(first: 1000000000) { sources(first: 1000000000) { id } } } } }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]any{"ids": make([]any, 100)}
			got := guard.Cost(schema, operation(t, tc.query), vars)
			if got <= limit || got > 1<<40 {
				t.Errorf("Cost = %d, want more than the limit %d and at most 2^40", got, limit)
			}
		})
	}
}

// TestUnsized: every list of objects in the schema says how long it can be,
// so the static cost is never a guess (Guard.Validate refuses the schema
// otherwise).
func TestUnsized(t *testing.T) {
	t.Run("every list of objects in the schema is sized", func(t *testing.T) {
		if u := guard.Unsized(schema); len(u) != 0 {
			t.Errorf("lists without @listSize: %v", u)
		}
	})
	t.Run("an unsized list of objects is reported", func(t *testing.T) {
		s := gqlparser.MustLoadSchema(&ast.Source{Input: `
directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], depthArgument: String, addend: Int) on FIELD_DEFINITION
type Query { things: [Thing!]!  names: [String!]!  sized(first: Int! = 5): [Thing!]! @listSize(slicingArguments: ["first"]) conn(first: Int!): Conn! @listSize(slicingArguments: ["first"], sizedFields: ["nodes"]) }
type Conn { nodes: [Thing!]! others: [Thing!]! }
type Thing { id: ID! }`})
		got := fmt.Sprint(guard.Unsized(s))
		if !strings.Contains(got, "Query.things") || !strings.Contains(got, "Conn.others") ||
			strings.Contains(got, "Query.names") || strings.Contains(got, "Query.sized") || strings.Contains(got, "Conn.nodes") {
			t.Errorf("Unsized = %s, want Query.things and Conn.others only", got)
		}
	})
}

// journalistQuery is what the newsroom frontend asks: a person's
// statements with their claims and sources.
const journalistQuery = `query PersonStatements($id: ID!) {
  person(id: $id) {
    id
    name
    aliases
    statements(first: 10) {
      id
      stance
      quote
      statedAt { value earliest latest }
      claim {
        id
        text
        summary
        status
        about(first: 5) { role entity { id ... on Person { name } ... on Organisation { name } } }
      }
      sources(first: 3) { id title url publisher { id name } }
    }
  }
}`

// introspectionQuery is graphql-js getIntrospectionQuery() with its default
// options (typeDepth 9), which GraphiQL and most clients send.
const introspectionQuery = `
    query IntrospectionQuery {
      __schema {

        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description

          locations
          args {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description


      fields(includeDeprecated: true) {
        name
        description
        args {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue


    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  `

// introspectionQueryAllOptions is getIntrospectionQuery with every option
// on (descriptions, specifiedByUrl, directiveIsRepeatable,
// schemaDescription, inputValueDeprecation, oneOf): the heaviest a client
// asks for.
const introspectionQueryAllOptions = `
    query IntrospectionQuery {
      __schema {
        description
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description
          isRepeatable
          locations
          args(includeDeprecated: true) {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      specifiedByURL
      isOneOf
      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  `

// nested returns claim(id: "x") with levels-1 object fields nested below
// it (attributions, claim, attributions…) around an id: levels+1 deep.
func nested(levels int) string {
	var b strings.Builder
	b.WriteString(`{ claim(id: "x") { `)
	for i := 1; i < levels; i++ {
		if i%2 == 1 {
			b.WriteString("attributions { ")
		} else {
			b.WriteString("claim { ")
		}
	}
	b.WriteString("id")
	b.WriteString(strings.Repeat(" }", levels))
	b.WriteString(" }")
	return b.String()
}

// aliases returns a document with n aliased fields.
func aliases(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: __typename", i)
	}
	b.WriteString(" }")
	return b.String()
}

// directives returns a document with one field carrying n directives.
func directives(n int) string {
	return "{ __typename" + strings.Repeat(" @include(if: true)", n) + " }"
}

// fanOut returns fragments F0…Fn, each spreading the next twice: 2^n
// fields once expanded, from a few hundred bytes. name pads the fragment
// names.
func fanOut(n int, name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "query { ...%s0 }\n", name)
	for i := range n {
		fmt.Fprintf(&b, "fragment %s%d on Query { ...%s%d ...%s%d }\n", name, i, name, i+1, name, i+1)
	}
	fmt.Fprintf(&b, "fragment %s%d on Query { __typename }\n", name, n)
	return b.String()
}

func TestPrecheck(t *testing.T) {
	limits := domain.DefaultLimits()

	for _, tc := range []struct{ name, query string }{
		{"a journalist's query passes", journalistQuery},
		{"graphql-js getIntrospectionQuery() passes", introspectionQuery},
		{"getIntrospectionQuery() with every option passes", introspectionQueryAllOptions},
		{"a depth of exactly the limit passes", nested(limits.Depth - 1)},
		{"exactly the alias limit passes", aliases(limits.Aliases)},
		{"exactly the directive limit passes", directives(limits.DirectivesPerField)},
		{"a modest fan-out passes", fanOut(8, "F")},
		{"a syntax error is left to the executor", `{ claim(id: "x" { id }`},
		{"an empty document is left to the executor", ``},
		{"an unknown fragment is left to the validator", `{ ...Nope }`},
		{"nesting past the parser's 1000 levels is a syntax error, left to the executor", "{" + strings.Repeat(" a {", 1001) + " b" + strings.Repeat(" }", 1002)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if e := guard.Precheck(tc.query, limits); e != nil {
				t.Errorf("Precheck = %v, want nil", e)
			}
		})
	}

	t.Run("the documents that pass are valid and within the cost limit", func(t *testing.T) {
		for _, q := range []string{journalistQuery, introspectionQuery, introspectionQueryAllOptions} {
			if c := guard.Cost(schema, operation(t, q), map[string]any{"id": "person/a"}); c > limits.Cost {
				t.Errorf("Cost = %d, over the limit %d:\n%s", c, limits.Cost, q)
			}
		}
	})

	for _, tc := range []struct{ name, query, limit string }{
		{"20 levels of nesting hit max-depth", nested(20), "max-depth"},
		{"31 aliases hit max-aliases", aliases(31), "max-aliases"},
		{"5 directives on a field hit max-directives", directives(5), "max-directives"},
		{"5 directives on a fragment spread hit max-directives", `{ ...F` + strings.Repeat(" @include(if: true)", 5) + ` } fragment F on Query { __typename }`, "max-directives"},
		{"5 directives on the operation hit max-directives", `query Q` + strings.Repeat(" @skip(if: false)", 5) + ` { __typename }`, "max-directives"},
		{"a fragment fan-out F0{...F1 ...F1} … F25 hits max-fields", fanOut(25, "F"), "max-fields"},
		{"401 written fields hit max-fields", "{" + strings.Repeat(" __typename", 401) + " }", "max-fields"},
		{"5,000 tokens hit max-tokens", "{" + strings.Repeat(" a", 4998) + " }", "max-tokens"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := guard.Precheck(tc.query, limits)
			if code(e) != domain.ELIMIT {
				t.Fatalf("Precheck = %v, want %s", e, domain.ELIMIT)
			}
			if e.Extensions["limit"] != tc.limit {
				t.Errorf("extensions.limit = %v, want %s (%s)", e.Extensions["limit"], tc.limit, e.Message)
			}
			if !strings.Contains(e.Message, "--"+tc.limit) {
				t.Errorf("the message %q does not name --%s", e.Message, tc.limit)
			}
		})
	}

	for _, tc := range []struct{ name, query string }{
		{"a fragment cycle is invalid", `{ ...A } fragment A on Query { ...B } fragment B on Query { __typename ...A }`},
		{"a fragment spreading itself is invalid", `{ ...A } fragment A on Query { __typename ...A }`},
		{"a cycle through a field is invalid", `{ ...A } fragment A on Query { claim(id: "x") { ...B } } fragment B on Claim { attributions { claim { ...B } } }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if e := guard.Precheck(tc.query, limits); code(e) != domain.EINVALID {
				t.Errorf("Precheck = %v, want %s", e, domain.EINVALID)
			}
		})
	}

	t.Run("a cycle in an unused fragment is left to the validator", func(t *testing.T) {
		// Measure follows the operations' spreads only; the validator
		// refuses the cycle (and the unused fragments) at once.
		q := `{ __typename } fragment A on Query { ...B } fragment B on Query { ...A }`
		if e := guard.Precheck(q, limits); e != nil {
			t.Errorf("Precheck = %v, want nil", e)
		}
		if _, errs := gqlparser.LoadQueryWithRules(schema, q, nil); len(errs) == 0 {
			t.Errorf("the validator accepts a fragment cycle")
		}
	})

	// Documents of about 60 KB (the body limit is 64 KB), each built to hit
	// one limit, are refused; fragment expansion is memoised, so none of
	// them takes long (not asserted: timings are flaky).
	long := strings.Repeat("x", 40)
	var deep strings.Builder
	for range 390 {
		deep.WriteString(strings.Repeat(long, 4) + " { ")
	}
	deep.WriteString("id" + strings.Repeat("}", 390))
	var longAliases strings.Builder
	longAliases.WriteString("{")
	for i := range 1100 {
		fmt.Fprintf(&longAliases, " %s%d: __typename", long, i)
	}
	longAliases.WriteString(" }")
	for _, tc := range []struct{ name, query, limit string }{
		{"60 KB of tokens", "{" + strings.Repeat(" __typename", 5500) + " }", "max-tokens"},
		{"60 KB of nesting", "{ " + deep.String() + " }", "max-depth"},
		{"60 KB of aliases", longAliases.String(), "max-aliases"},
		{"60 KB of directives", "{ __typename" + strings.Repeat(" @"+long+long, 700) + " }", "max-directives"},
		{"60 KB of fragment fan-out", fanOut(25, strings.Repeat("F", 800)), "max-fields"},
		{"60 KB of fields", "{" + strings.Repeat(" "+long+long+long, 500) + " }", "max-fields"},
	} {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			if len(tc.query) < 50<<10 || len(tc.query) > 64<<10 {
				t.Fatalf("the document has %d bytes, want about 60 KB", len(tc.query))
			}
			e := guard.Precheck(tc.query, limits)
			if code(e) != domain.ELIMIT || e.Extensions["limit"] != tc.limit {
				t.Errorf("Precheck = %v, want %s %s", e, domain.ELIMIT, tc.limit)
			}
		})
	}
}

func TestMeasure(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		want        guard.Shape
		cycle       string
	}{
		{"depth counts fields, not fragments", `{ ...F } fragment F on Query { claim(id: "x") { ... on Claim { id } } }`,
			guard.Shape{Depth: 2, Fields: 2, RawFields: 2}, ""},
		{"introspection does not count towards depth", `{ __schema { types { fields { type { ofType { name } } } } } }`,
			guard.Shape{Depth: 0, Fields: 1, RawFields: 6}, ""},
		{"a fragment spread twice counts its fields twice", `{ ...F ...F } fragment F on Query { a b }`,
			guard.Shape{Depth: 1, Fields: 4, RawFields: 2}, ""},
		{"aliases and directives are counted", `{ a: b @skip(if: true) @include(if: true) c: c }`,
			guard.Shape{Depth: 1, Fields: 2, RawFields: 2, Aliases: 1, Directives: 2}, ""},
		{"the cycle is named", `{ ...A } fragment A on Query { ...A }`, guard.Shape{RawFields: 0}, "A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			s, cycle := guard.Measure(doc)
			if s != tc.want || cycle != tc.cycle {
				t.Errorf("Measure = %+v, %q; want %+v, %q", s, cycle, tc.want, tc.cycle)
			}
		})
	}
}

func TestRateLimiter(t *testing.T) {
	const budget = 100
	addr := func() context.Context { return guard.WithClient(context.Background(), "192.0.2.1") }

	t.Run("concurrent operations cannot overspend: admission reserves the static cost", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		if ch, err := rl.Take(addr(), 60); err != nil || ch == nil {
			t.Fatalf("first Take = %v, %v; want a charge", ch, err)
		}
		// The first is still running: its 60 points are reserved.
		if ch, err := rl.Take(addr(), 60); ch != nil || code(err) != domain.ERATE {
			t.Fatalf("second concurrent Take = %v, %v; want ERATE", ch, err)
		}
	})
	t.Run("settling at the actual cost gives back the unused reservation", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		ch, err := rl.Take(addr(), 60)
		if err != nil {
			t.Fatal(err)
		}
		ch.Settle(5)
		if ch, err := rl.Take(addr(), 90); err != nil || ch == nil {
			t.Fatalf("Take(90) after a 60-point reservation settled at 5 = %v, %v; want a charge", ch, err)
		}
	})
	t.Run("an IPv6 client's budget is its /64's", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		a := guard.WithClient(context.Background(), "2001:db8:1:2::1")
		b := guard.WithClient(context.Background(), "2001:db8:1:2:ffff::9")
		if _, err := rl.Take(a, 60); err != nil {
			t.Fatal(err)
		}
		if ch, err := rl.Take(b, 60); ch != nil || code(err) != domain.ERATE {
			t.Fatalf("another address of the same /64 = %v, %v; want ERATE", ch, err)
		}
	})
	t.Run("a client over its budget waits, with retryAfter", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		ch, err := rl.Take(addr(), 60)
		if err != nil || ch == nil {
			t.Fatalf("first Take = %v, %v; want a charge", ch, err)
		}
		ch.Settle(60)
		ch, err = rl.Take(addr(), 60)
		if ch != nil || code(err) != domain.ERATE {
			t.Fatalf("second Take = %v, %v; want %s", ch, err, domain.ERATE)
		}
		retry, ok := err.Extensions["retryAfter"].(float64)
		if !ok || retry <= 0 {
			t.Errorf("extensions.retryAfter = %#v, want seconds > 0", err.Extensions["retryAfter"])
		}
		// 40 points left, 60 needed, 100 points a minute: 12 seconds.
		if retry > 13 {
			t.Errorf("retryAfter = %v, want about 12 s", retry)
		}
	})

	t.Run("another client has its own budget", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		ch, _ := rl.Take(addr(), 100)
		ch.Settle(100)
		if _, err := rl.Take(addr(), 1); code(err) != domain.ERATE {
			t.Fatalf("Take after spending the budget = %v, want %s", err, domain.ERATE)
		}
		if ch, err := rl.Take(guard.WithClient(context.Background(), "192.0.2.2"), 100); err != nil || ch == nil {
			t.Errorf("another address: Take = %v, %v; want a charge", ch, err)
		}
	})

	t.Run("RateInfo gets the limit, what remains and when to retry", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		info := &guard.RateInfo{}
		ch, err := rl.Take(guard.WithRateInfo(addr(), info), 60)
		if err != nil {
			t.Fatal(err)
		}
		if info.Limit != budget || info.Remaining != 40 || info.RetryAfter != 0 {
			t.Errorf("after an admitted Take: %+v, want Limit 100, Remaining 40, no RetryAfter", *info)
		}
		h := http.Header{}
		info.Header(h)
		if h.Get("RateLimit-Limit") != "100" || h.Get("RateLimit-Remaining") != "40" || h.Get("Retry-After") != "" {
			t.Errorf("headers of an admitted request: %v", h)
		}
		ch.Settle(60)

		info = &guard.RateInfo{}
		if _, err := rl.Take(guard.WithRateInfo(addr(), info), 60); code(err) != domain.ERATE {
			t.Fatalf("Take = %v, want %s", err, domain.ERATE)
		}
		if info.Limit != budget || info.RetryAfter <= 0 || info.Reset <= 0 || info.Remaining > 41 {
			t.Errorf("after a refused Take: %+v, want Limit 100, RetryAfter > 0, Reset > 0, about 40 remaining", *info)
		}
		h = http.Header{}
		info.Header(h)
		for _, name := range []string{"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"} {
			if h.Get(name) == "" {
				t.Errorf("no %s header: %v", name, h)
			}
		}
		if h.Get("RateLimit-Limit") != "100" {
			t.Errorf("RateLimit-Limit = %q", h.Get("RateLimit-Limit"))
		}
		if n, err := strconv.Atoi(h.Get("Retry-After")); err != nil || n <= 0 {
			t.Errorf("Retry-After = %q, want whole seconds > 0", h.Get("Retry-After"))
		}
	})

	t.Run("an empty RateInfo writes no headers", func(t *testing.T) {
		h := http.Header{}
		(&guard.RateInfo{}).Header(h)
		(*guard.RateInfo)(nil).Header(h)
		if len(h) != 0 {
			t.Errorf("headers: %v", h)
		}
	})

	t.Run("a cost over the whole budget is refused without retryAfter", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		_, err := rl.Take(addr(), budget+1)
		if code(err) != domain.ERATE {
			t.Fatalf("Take = %v, want %s", err, domain.ERATE)
		}
		if err.Extensions["budget"] != budget {
			t.Errorf("extensions.budget = %v", err.Extensions["budget"])
		}
		if _, ok := err.Extensions["retryAfter"]; ok {
			t.Errorf("retryAfter for an operation that can never fit: %v", err.Extensions)
		}
	})

	t.Run("a client without address or key is not limited", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, budget, time.Minute)
		for range 3 {
			ch, err := rl.Take(context.Background(), 1_000_000)
			if ch != nil || err != nil {
				t.Fatalf("Take = %v, %v; want nil, nil", ch, err)
			}
			ch.Settle(1_000_000) // a nil charge settles to nothing
		}
	})

	t.Run("the anonymous principal spends its address's budget", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		ctx := domain.WithPrincipal(addr(), domain.Anonymous)
		if _, err := rl.Take(ctx, budget+1); code(err) != domain.ERATE {
			t.Errorf("Take = %v, want %s", err, domain.ERATE)
		}
	})

	t.Run("an API key with keyed budget 0 is unlimited", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		ctx := domain.WithPrincipal(addr(), domain.Principal{Key: "k", Role: domain.RoleReader})
		for range 3 {
			ch, err := rl.Take(ctx, 1_000_000)
			if ch != nil || err != nil {
				t.Fatalf("Take = %v, %v; want nil, nil", ch, err)
			}
		}
	})

	t.Run("an API key spends the keyed budget, not its address's", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 50, time.Minute)
		ch, _ := rl.Take(addr(), 100)
		ch.Settle(100)
		if _, err := rl.Take(addr(), 1); code(err) != domain.ERATE {
			t.Fatalf("the address's budget is not spent: %v", err)
		}
		key := domain.WithPrincipal(addr(), domain.Principal{Key: "k", Role: domain.RoleReader})
		if ch, err := rl.Take(key, 50); err != nil || ch == nil {
			t.Fatalf("keyed Take = %v, %v; want a charge", ch, err)
		}
		_, err := rl.Take(key, 51)
		if code(err) != domain.ERATE || err.Extensions["budget"] != 50 {
			t.Errorf("keyed Take over the keyed budget = %v %v, want %s with budget 50", err, err.Extensions, domain.ERATE)
		}
	})

	t.Run("a key without a role spends its address's budget", func(t *testing.T) {
		rl := guard.NewRateLimiter(budget, 0, time.Minute)
		ctx := domain.WithPrincipal(addr(), domain.Principal{Key: "k", Role: domain.RoleNone})
		if _, err := rl.Take(ctx, budget+1); code(err) != domain.ERATE {
			t.Errorf("Take = %v, want %s", err, domain.ERATE)
		}
	})
}

func TestManifest(t *testing.T) {
	const (
		claimDoc  = `query Claim($id: ID!) { claim(id: $id) { id text } }`
		personDoc = `query Person($id: ID!) { person(id: $id) { id name } }`
	)
	claimHash := guard.Hash(claimDoc)
	personHash := guard.Hash(personDoc)
	manifest := func(t *testing.T, v any) *guard.Manifest {
		t.Helper()
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		m, err := guard.ParseManifest(b)
		if err != nil {
			t.Fatalf("ParseManifest(%s) = %v", b, err)
		}
		return m
	}
	persisted := func(id string) map[string]any {
		return map[string]any{"persistedQuery": map[string]any{"version": float64(1), "sha256Hash": id}}
	}

	t.Run("Hash is the SHA-256 hex digest", func(t *testing.T) {
		if h := guard.Hash(""); h != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
			t.Errorf("Hash(\"\") = %s", h)
		}
	})

	t.Run("a flat map of id to document parses", func(t *testing.T) {
		m := manifest(t, map[string]string{claimHash: claimDoc, "PersonQuery": personDoc})
		if m.Len() != 2 {
			t.Errorf("Len = %d, want 2", m.Len())
		}
	})

	t.Run("Apollo's persisted query manifest parses", func(t *testing.T) {
		m := manifest(t, map[string]any{
			"format":  "apollo-persisted-query-manifest",
			"version": 1,
			"operations": []map[string]string{
				{"id": claimHash, "name": "Claim", "type": "query", "body": claimDoc},
				{"id": personHash, "name": "Person", "type": "query", "body": personDoc},
			},
		})
		if m.Len() != 2 {
			t.Errorf("Len = %d, want 2", m.Len())
		}
		raw := &graphql.RawParams{Extensions: persisted(personHash)}
		if err := m.Resolve(raw); err != nil || raw.Query != personDoc {
			t.Errorf("Resolve = %v, query %q", err, raw.Query)
		}
	})

	for _, tc := range []struct{ name, manifest string }{
		{"a SHA-256 id that is not its document's digest is refused", `{"` + personHash + `": ` + strconv.Quote(claimDoc) + `}`},
		{"the same in Apollo's format is refused", `{"operations": [{"id": "` + personHash + `", "body": ` + strconv.Quote(claimDoc) + `}]}`},
		{"an empty manifest is refused", `{}`},
		{"an empty Apollo manifest is refused", `{"operations": []}`},
		{"an entry that is not a string is refused", `{"a": 1}`},
		{"a manifest that is not JSON is refused", `claims`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := guard.ParseManifest([]byte(tc.manifest))
			if domain.ErrorCode(err) != domain.EINVALID || m != nil {
				t.Errorf("ParseManifest = %v, %v; want %s", m, err, domain.EINVALID)
			}
		})
	}

	m := manifest(t, map[string]string{claimHash: claimDoc, "PersonQuery": personDoc})
	t.Run("a registered full query is accepted", func(t *testing.T) {
		for _, doc := range []string{claimDoc, personDoc} {
			raw := &graphql.RawParams{Query: doc}
			if err := m.Resolve(raw); err != nil || raw.Query != doc {
				t.Errorf("Resolve = %v, query %q", err, raw.Query)
			}
		}
	})
	t.Run("a registered sha256Hash fills in the query", func(t *testing.T) {
		raw := &graphql.RawParams{Extensions: persisted(claimHash)}
		if err := m.Resolve(raw); err != nil || raw.Query != claimDoc {
			t.Errorf("Resolve = %v, query %q", err, raw.Query)
		}
	})
	t.Run("a registered non-hash id fills in the query", func(t *testing.T) {
		raw := &graphql.RawParams{Extensions: persisted("PersonQuery")}
		if err := m.Resolve(raw); err != nil || raw.Query != personDoc {
			t.Errorf("Resolve = %v, query %q", err, raw.Query)
		}
	})
	t.Run("a hash with its own query is accepted", func(t *testing.T) {
		raw := &graphql.RawParams{Query: claimDoc, Extensions: persisted(claimHash)}
		if err := m.Resolve(raw); err != nil {
			t.Errorf("Resolve = %v", err)
		}
	})
	for _, tc := range []struct {
		name string
		raw  graphql.RawParams
	}{
		{"an unregistered query is refused", graphql.RawParams{Query: `{ claims(first: 100) { nodes { id } } }`}},
		{"a registered query with other whitespace is refused", graphql.RawParams{Query: claimDoc + " "}},
		{"an unknown hash is refused", graphql.RawParams{Extensions: persisted(guard.Hash("{ __typename }"))}},
		{"a hash with another query is refused", graphql.RawParams{Query: personDoc, Extensions: persisted(claimHash)}},
		{"a request without query or hash is refused", graphql.RawParams{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := tc.raw
			err := m.Resolve(&raw)
			if code(err) != domain.EUNTRUSTED {
				t.Errorf("Resolve = %v, want %s", err, domain.EUNTRUSTED)
			}
		})
	}
}
