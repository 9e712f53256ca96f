// Package metrics is newsgraph's Prometheus instrumentation: one registry
// per process (per Handler in tests), served at /metrics. It observes GraphQL
// operations (a gqlgen extension), the store's Neo4j round trips and loader
// batches (neo4jstore.Observer), subscriptions and the change log's lag.
package metrics

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/internal/guard"
)

// Metrics holds newsgraph's collectors and their registry.
type Metrics struct {
	mu    sync.Mutex
	names map[string]bool // operation names with series of their own

	registry      *prometheus.Registry
	requests      *prometheus.CounterVec
	latency       *prometheus.HistogramVec
	cost          *prometheus.HistogramVec
	rateRefusals  prometheus.Counter
	roundTrips    *prometheus.CounterVec
	neo4jLatency  *prometheus.HistogramVec
	batchSize     prometheus.Histogram
	subscriptions prometheus.Gauge
	changeLogLag  prometheus.Gauge
	changeLogPos  prometheus.Gauge
}

// rateLimited is the extensions.code of a refused rate budget (graph.Codes;
// package graph is above this one).
const rateLimited = "RATE_LIMITED"

// New returns collectors registered on a registry of their own, with the Go
// runtime's and the process's.
func New() *Metrics {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	f := func(c prometheus.Collector) { r.MustRegister(c) }
	m := &Metrics{registry: r, names: map[string]bool{}}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsgraph_graphql_requests_total",
		Help: "GraphQL operations by operation name and outcome (OK or the first error's extensions.code)."}, []string{"operation", "type", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "newsgraph_graphql_request_duration_seconds",
		Help: "Time from an operation's start to its response.", Buckets: prometheus.ExponentialBuckets(0.001, 2, 15)}, []string{"operation", "type"})
	m.cost = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "newsgraph_graphql_cost",
		Help: "Operation cost: requested (static, before execution) and actual (objects resolved).", Buckets: prometheus.ExponentialBuckets(1, 4, 10)}, []string{"kind"})
	m.rateRefusals = prometheus.NewCounter(prometheus.CounterOpts{Name: "newsgraph_rate_limit_refusals_total",
		Help: "Operations refused because their client's rate budget was spent."})
	m.roundTrips = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "newsgraph_neo4j_round_trips_total",
		Help: "Neo4j queries and transactions by access (read, write) and outcome (ok, error)."}, []string{"access", "outcome"})
	m.neo4jLatency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "newsgraph_neo4j_round_trip_duration_seconds",
		Help: "Time of one Neo4j query or transaction, retries apart.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}, []string{"access"})
	m.batchSize = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "newsgraph_loader_batch_ids",
		Help: "Ids asked for by one batched fetch of the per-request loaders.", Buckets: prometheus.ExponentialBuckets(1, 2, 12)})
	m.subscriptions = prometheus.NewGauge(prometheus.GaugeOpts{Name: "newsgraph_subscriptions",
		Help: "Subscriptions open on this replica."})
	m.changeLogLag = prometheus.NewGauge(prometheus.GaugeOpts{Name: "newsgraph_change_log_lag_seconds",
		Help: "Age of the newest change-log entry this replica had not yet seen at its last poll (0 when caught up)."})
	m.changeLogPos = prometheus.NewGauge(prometheus.GaugeOpts{Name: "newsgraph_change_log_position",
		Help: "Position of the last change-log entry this replica has fanned out."})
	for _, c := range []prometheus.Collector{m.requests, m.latency, m.cost, m.rateRefusals, m.roundTrips, m.neo4jLatency,
		m.batchSize, m.subscriptions, m.changeLogLag, m.changeLogPos} {
		f(c)
	}
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// RoundTrip implements neo4jstore.Observer.
func (m *Metrics) RoundTrip(access string, d time.Duration, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.roundTrips.WithLabelValues(access, outcome).Inc()
	m.neo4jLatency.WithLabelValues(access).Observe(d.Seconds())
}

// FetchBatch implements neo4jstore.Observer.
func (m *Metrics) FetchBatch(ids int) { m.batchSize.Observe(float64(ids)) }

// SubscriptionStarted counts an open subscription; call the function it
// returns when the subscription ends.
func (m *Metrics) SubscriptionStarted() (ended func()) {
	m.subscriptions.Inc()
	return func() { m.subscriptions.Dec() }
}

// ChangeLog records the tailer's last poll: the position it reached and how
// far behind the log's head it was.
func (m *Metrics) ChangeLog(position int64, lag time.Duration) {
	m.changeLogPos.Set(float64(position))
	m.changeLogLag.Set(lag.Seconds())
}

// Extension returns a gqlgen extension that counts and times operations;
// use it first (srv.Use) so that it sees the response the client gets.
func (m *Metrics) Extension() graphql.HandlerExtension { return extension{m} }

type extension struct{ m *Metrics }

var (
	_ graphql.HandlerExtension     = extension{}
	_ graphql.OperationInterceptor = extension{}
)

func (extension) ExtensionName() string                   { return "newsgraph-metrics" }
func (extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation counts and times every operation that reached
// execution, including those the guard refuses (which never reach a
// response interceptor), and subscriptions while they are open.
func (e extension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation != nil && oc.Operation.Operation == ast.Subscription {
		ended := e.m.SubscriptionStarted()
		e.m.requests.WithLabelValues(e.m.label(operationName(oc)), "subscription", "OK").Inc()
		go func() {
			<-ctx.Done()
			ended()
		}()
		return next(ctx)
	}
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if resp != nil {
			e.m.observe(oc, resp)
		}
		return resp
	}
}

func operationName(oc *graphql.OperationContext) string {
	if oc.OperationName != "" {
		return oc.OperationName
	}
	if oc.Operation != nil && oc.Operation.Name != "" {
		return oc.Operation.Name
	}
	return "anonymous"
}

// maxOperationNames bounds the operation names that get series of their
// own: clients choose the names, and every name is a series per code.
// Later names are counted as "other".
const maxOperationNames = 200

// label is the operation's label value.
func (m *Metrics) label(name string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.names[name] {
		return name
	}
	if len(m.names) >= maxOperationNames || len(name) > 100 {
		return "other"
	}
	m.names[name] = true
	return name
}

// Refused counts an operation that never executed: it did not parse or
// validate, or the guard refused it (cost, rate) before execution.
func (m *Metrics) Refused(operation string, errs gqlerror.List) {
	if operation == "" {
		operation = "anonymous"
	}
	m.count(operation, "unknown", errs)
}

func (m *Metrics) count(operation, typ string, errs gqlerror.List) {
	code := "OK"
	if len(errs) > 0 {
		code = "ERROR"
		if c, ok := errs[0].Extensions["code"].(string); ok {
			code = c
		}
	}
	if code == rateLimited {
		m.rateRefusals.Inc()
	}
	m.requests.WithLabelValues(m.label(operation), typ, code).Inc()
}

func (m *Metrics) observe(oc *graphql.OperationContext, resp *graphql.Response) {
	name, typ := "unknown", "unknown"
	if oc.Operation != nil {
		name, typ = operationName(oc), string(oc.Operation.Operation)
	}
	m.count(name, typ, resp.Errors)
	m.latency.WithLabelValues(m.label(name), typ).Observe(time.Since(oc.Stats.OperationStart).Seconds())
	if u, ok := resp.Extensions["cost"].(guard.Usage); ok {
		m.cost.WithLabelValues("requested").Observe(float64(u.Requested))
		if u.Actual != nil {
			m.cost.WithLabelValues("actual").Observe(float64(*u.Actual))
		}
	}
}
