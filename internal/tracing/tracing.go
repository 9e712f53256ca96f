// Package tracing sets up OpenTelemetry tracing: spans for GraphQL
// operations and their root resolvers (a gqlgen extension), the store's
// Neo4j calls (neo4jstore uses the global tracer provider), exported over
// OTLP/HTTP when an endpoint is configured and off otherwise; and a log
// handler that adds the trace and span ids to every record logged with a
// context.
package tracing

import (
	"context"
	"log/slog"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Start installs the global tracer provider: with an OTLP/HTTP endpoint
// (http://collector:4318) it exports every span in batches; without one,
// tracing is off (the no-op provider) and costs nothing. Call shutdown at
// exit to flush.
func Start(ctx context.Context, endpoint, service string) (shutdown func(context.Context) error, err error) {
	if endpoint == "" {
		return func(context.Context) error { return nil }, nil
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, domain.Invalid("otlp-endpoint", "--otlp-endpoint must be an http:// or https:// URL, got %q", endpoint)
	}
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(endpoint+"/v1/traces"))
	if err != nil {
		return nil, domain.Invalid("otlp-endpoint", "cannot export traces to %s: %v", endpoint, err)
	}
	tp := Install(sdktrace.WithBatcher(exp), sdktrace.WithResource(resource.NewSchemaless(semconv.ServiceName(service))))
	return tp.Shutdown, nil
}

// Install makes a tracer provider with opts (an exporter, a span processor)
// the global one and returns it; tests pass tracetest's recorder.
func Install(opts ...sdktrace.TracerProviderOption) *sdktrace.TracerProvider {
	tp := sdktrace.NewTracerProvider(opts...)
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return tp
}

const instrumentation = "github.com/newsgraph/newsgraph"

// Extension returns a gqlgen extension with a span per operation and per
// root field (the resolvers that go to Neo4j; nested fields are batched by
// the loaders, whose Neo4j calls have spans of their own).
func Extension() graphql.HandlerExtension { return extension{} }

type extension struct{}

var (
	_ graphql.OperationInterceptor = extension{}
	_ graphql.RootFieldInterceptor = extension{}
)

func (extension) ExtensionName() string                   { return "newsgraph-tracing" }
func (extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation starts the operation's span, a child of the caller's
// (W3C traceparent header) when it sent one; it ends with the response.
func (extension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Headers != nil {
		ctx = otel.GetTextMapPropagator().Extract(ctx, propagation.HeaderCarrier(oc.Headers))
	}
	name, typ := oc.OperationName, "unknown"
	if oc.Operation != nil {
		typ = string(oc.Operation.Operation)
		if name == "" {
			name = oc.Operation.Name
		}
	}
	ctx, span := otel.Tracer(instrumentation).Start(ctx, "graphql."+typ+" "+name, trace.WithSpanKind(trace.SpanKindServer),
		trace.WithAttributes(attribute.String("graphql.operation.name", name), attribute.String("graphql.operation.type", typ)))
	if typ == "subscription" {
		// A subscription lives as long as its client; its span covers the start.
		defer span.End()
		return next(ctx)
	}
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if resp != nil && len(resp.Errors) > 0 {
			span.SetStatus(codes.Error, resp.Errors[0].Message)
			if c, ok := resp.Errors[0].Extensions["code"].(string); ok {
				span.SetAttributes(attribute.String("graphql.error.code", c))
			}
		}
		span.End()
		return resp
	}
}

// InterceptRootField spans each root field (introspection aside), from
// its resolver to its marshalled answer; an error on its path marks the
// span. A root-field interceptor runs once per root field, where a field
// interceptor would add a closure and a lookup to every field of the
// answer.
func (extension) InterceptRootField(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	rc := graphql.GetRootFieldContext(ctx)
	if rc == nil || strings.HasPrefix(rc.Field.Name, "__") {
		return next(ctx)
	}
	ctx, span := otel.Tracer(instrumentation).Start(ctx, "resolve "+rootObject(ctx)+"."+rc.Field.Name,
		trace.WithAttributes(attribute.String("graphql.field.path", rc.Field.Alias)))
	defer span.End()
	res := next(ctx)
	for _, e := range graphql.GetErrors(ctx) {
		if len(e.Path) > 0 && e.Path[0] == ast.PathName(rc.Field.Alias) {
			span.RecordError(e)
			span.SetStatus(codes.Error, e.Message)
			break
		}
	}
	return res
}

// rootObject names the root type of the operation ctx runs.
func rootObject(ctx context.Context) string {
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil {
		switch oc.Operation.Operation {
		case ast.Mutation:
			return "Mutation"
		case ast.Subscription:
			return "Subscription"
		}
	}
	return "Query"
}

// LogHandler adds trace_id and span_id to records logged with a context
// that carries a span.
func LogHandler(h slog.Handler) slog.Handler { return logHandler{h} }

type logHandler struct{ slog.Handler }

func (l logHandler) Handle(ctx context.Context, r slog.Record) error {
	if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
		r.AddAttrs(slog.String("trace_id", sc.TraceID().String()), slog.String("span_id", sc.SpanID().String()))
	}
	return l.Handler.Handle(ctx, r)
}

func (l logHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return logHandler{l.Handler.WithAttrs(attrs)}
}

func (l logHandler) WithGroup(name string) slog.Handler { return logHandler{l.Handler.WithGroup(name)} }
