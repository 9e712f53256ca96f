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
