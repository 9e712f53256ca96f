package graph_test

import (
	"os"
	"regexp"
	"testing"
)

// TestExecutorSequentialBelowRoot: generated.go comes from
// internal/tools/gqlgen, which resolves objects below the root in their
// parent's goroutine (the planner has read their data already); only the
// root Query's fields start goroutines, so that independent root fields
// overlap.
func TestExecutorSequentialBelowRoot(t *testing.T) {
	src, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	if n := regexp.MustCompile(`graphql\.MarshalSliceConcurrently\(`).FindAll(src, -1); len(n) > 0 {
		t.Errorf("generated.go marshals %d lists of objects with a goroutine per element: run go generate ./graph/", len(n))
	}
	if n := regexp.MustCompile(`out\.ResolveConcurrently\(`).FindAll(src, -1); len(n) > 0 {
		t.Errorf("generated.go resolves %d fields below the root concurrently: run go generate ./graph/", len(n))
	}
	if n := regexp.MustCompile(`out\.ResolveRootConcurrently\(`).FindAll(src, -1); len(n) == 0 {
		t.Errorf("generated.go resolves no root field concurrently")
	}
}

// TestDeferAnsweredInline: @defer (in gqlparser's prelude) is accepted and
// its fields come in the one response, relationship fields included; the
// HTTP transport has no incremental delivery for a deferred part.
func TestDeferAnsweredInline(t *testing.T) {
	c := newClient(t)
	data, errs := raw(t, c, `{ claims(first: 3) { nodes { id ... @defer { summary attributions(first: 2) { id actor { __typename } } } } } }`)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	nodes := data["claims"].(map[string]any)["nodes"].([]any)
	if len(nodes) == 0 {
		t.Fatal("no claims")
	}
	for _, n := range nodes {
		m := n.(map[string]any)
		if _, ok := m["attributions"].([]any); !ok || m["summary"] == nil {
			t.Errorf("claim %v: the deferred fields are missing: %v", m["id"], m)
		}
	}
}
