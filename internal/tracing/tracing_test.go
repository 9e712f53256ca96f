package tracing_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/newsgraph/newsgraph/internal/tracing"
)

// TestLogsCarryTheTraceID logs inside a span and finds its trace id.
func TestLogsCarryTheTraceID(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := tracing.Install(sdktrace.WithSpanProcessor(rec))
	defer tp.Shutdown(context.Background())
	var buf bytes.Buffer
	log := slog.New(tracing.LogHandler(slog.NewTextHandler(&buf, nil)))
	ctx, span := tp.Tracer("test").Start(context.Background(), "op")
	log.InfoContext(ctx, "inside")
	span.End()
	if want := "trace_id=" + span.SpanContext().TraceID().String(); !strings.Contains(buf.String(), want) {
		t.Errorf("log line %q lacks %s", buf.String(), want)
	}
}

func TestStartWithoutEndpointIsOff(t *testing.T) {
	stop, err := tracing.Start(context.Background(), "", "newsgraph")
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := tracing.Start(context.Background(), "not a url", "newsgraph"); err == nil {
		t.Error("Start accepted an endpoint that is not a URL")
	}
}
