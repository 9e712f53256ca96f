package httpapi_test

import (
	"go.opentelemetry.io/otel/codes"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/tracing"
)

// TestTracing exports the spans of one query to tracetest's in-process
// recorder: the operation, its root resolver and the Neo4j calls, in one
// trace, each a descendant of the operation.
func TestTracing(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	rec := tracetest.NewSpanRecorder()
	tp := tracing.Install(sdktrace.WithSpanProcessor(rec))
	t.Cleanup(func() { _ = tp.Shutdown(t.Context()); tracing.Install() })
	base := guardServer(t, store, httpapi.Options{})

	expectData(t, guardQuery(t, base, `query TracedClaims { claims(first: 5) { nodes { id about { role entity { id } } } } }`))

	spans := rec.Ended()
	byName := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range spans {
		byName[s.Name()] = s
	}
	op, ok := byName["graphql.query TracedClaims"]
	if !ok {
		var names []string
		for _, s := range spans {
			names = append(names, s.Name())
		}
		t.Fatalf("no span graphql.query TracedClaims among %v", names)
	}
	ids := map[string]string{} // span id -> parent span id
	for _, s := range spans {
		ids[s.SpanContext().SpanID().String()] = s.Parent().SpanID().String()
	}
	under := func(s sdktrace.ReadOnlySpan) bool {
		for id := s.Parent().SpanID().String(); id != ""; id = ids[id] {
			if id == op.SpanContext().SpanID().String() {
				return true
			}
			if _, known := ids[id]; !known {
				return false
			}
		}
		return false
	}
	for _, name := range []string{"resolve Query.claims", "neo4j.read"} {
		s, ok := byName[name]
		if !ok {
			t.Errorf("no span %s", name)
			continue
		}
		if s.SpanContext().TraceID() != op.SpanContext().TraceID() || !under(s) {
			t.Errorf("span %s is not under the operation's span", name)
		}
	}

	// A root field that fails marks its span, and only its own.
	rec2 := tracetest.NewSpanRecorder()
	tp.RegisterSpanProcessor(rec2)
	_ = guardQuery(t, base, `query Mixed { bad: person(id: "not an id") { id } claims(first: 1) { nodes { id } } }`)
	found := false
	for _, s := range rec2.Ended() {
		switch s.Name() {
		case "resolve Query.person":
			found = true
			if s.Status().Code != codes.Error {
				t.Errorf("the failing root field's span has status %v, want Error", s.Status())
			}
		case "resolve Query.claims":
			if s.Status().Code == codes.Error {
				t.Errorf("the succeeding root field's span has status Error: %v", s.Status())
			}
		}
	}
	if !found {
		t.Error("no span for the failing root field")
	}
}
