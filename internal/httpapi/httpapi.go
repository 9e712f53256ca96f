// Package httpapi serves newsgraph over HTTP: the GraphQL endpoint (with
// WebSocket subscriptions), the explorer web app and the GraphiQL playground
// (both embedded, package webui), graph exports, and the health and
// readiness probes.
package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/changefeed"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/guard"
	"github.com/newsgraph/newsgraph/internal/metrics"
	"github.com/newsgraph/newsgraph/internal/tracing"
	"github.com/newsgraph/newsgraph/internal/webui"
)

// Store is what the API needs of the database.
type Store interface {
	domain.GraphReader
	domain.Writer
	graph.HistoryReader
	editor.NameIndex
	domain.Traverser
	export.Store
	changefeed.Log
}

// Options configures the handler.
type Options struct {
	// Keys authenticates requests; nil lets everyone read and nobody write.
	Keys *auth.Keys
	// Limits bound every request (zero: domain.DefaultLimits). Keep
	// RequestTimeout longer than the store's transaction timeout so that the
	// server, not the client, stops a slow query.
	Limits domain.Limits
	// ReadyTimeout bounds the Neo4j ping of /readyz.
	ReadyTimeout time.Duration
	// Trusted, when set, lets only its documents run (and turns off
	// automatic persisted queries, which would register any document).
	Trusted *guard.Manifest
	// Suggestions turns on "Did you mean…" in validation errors; off, the
	// error names no field of the schema that the client did not ask for.
	Suggestions bool
	// Metrics, when set, counts operations and is served at /metrics;
	// otherwise the handler makes its own (without the store's round trips,
	// which the store reports to the Metrics it was opened with).
	Metrics *metrics.Metrics
	// ChangePoll is how often the replica reads the change log while it
	// has subscribers (default 200ms).
	ChangePoll time.Duration
}

// GraphQL returns the gqlgen server for reader, with per-operation loaders,
// the guard and newsgraph's error presenter but no HTTP wiring; tests use
// it in-process.
func GraphQL(store Store) *handler.Server {
	return graphQL(store, Options{Limits: domain.DefaultLimits(), Metrics: metrics.New()})
}

// publicSchema is the schema clients see: gqlgen's own @goField directive,
// which only steers code generation, is left out of introspection.
func publicSchema() *ast.Schema {
	full := graph.NewExecutableSchema(graph.Config{}).Schema()
	s := *full
	s.Directives = maps.Clone(full.Directives)
	delete(s.Directives, "goField")
	return &s
}

func graphQL(store Store, opts Options) *handler.Server {
	keys, l := opts.Keys, opts.Limits
	schema := publicSchema()
	srv := handler.New(graph.NewExecutableSchema(graph.Config{
		Resolvers: &graph.Resolver{Graph: store, Writer: store, Editor: &editor.Service{W: store}, Changes: store, Names: store, Traversal: store, Limits: l,
			Feed: changefeed.New(store, changefeed.Options{Every: opts.ChangePoll, Observe: opts.Metrics.ChangeLog})},
		Schema: schema,
	}))
	readLimit := int64(l.WSMessageBytes)
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 15 * time.Second,
		InitTimeout:           l.WSInitTimeout,
		PayloadReadLimit:      &readLimit,
		// Frontend apps on other origins subscribe too; keys, not cookies,
		// authenticate, so there is no cross-site credential to protect.
		Implementation: transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{OriginPatterns: []string{"*"}}},
		// Browsers cannot set headers on a WebSocket: the key may come in the
		// connection_init payload instead.
		InitFunc: func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			ctx = guard.WithSocket(ctx)
			token := auth.BearerToken(payload.Authorization())
			if token == "" || keys == nil {
				return ctx, &payload, nil
			}
			p, err := keys.Authenticate(token)
			if err != nil {
				return ctx, nil, err
			}
			return domain.WithPrincipal(ctx, p), &payload, nil
		},
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(overHTTP{maxBody: l.BodyBytes, metrics: opts.Metrics})
	// Parsed documents share their source's memory: 256 of at most
	// --max-body-bytes each stay far below the service's memory budget.
	srv.SetQueryCache(lru.New[*ast.QueryDocument](256))
	// First, so that they see the response as the client gets it.
	srv.Use(tracing.Extension())
	srv.Use(opts.Metrics.Extension())
	srv.SetParserTokenLimit(l.Tokens)
	srv.SetDisableSuggestion(!opts.Suggestions)
	srv.Use(extension.Introspection{})
	if opts.Trusted == nil {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	}
	srv.AroundOperations(graph.RequireReader)
	// The guard runs after the persisted-query extension (it checks the
	// document a hash names) and after RequireReader (the key decides the
	// rate budget); see package guard for its stages.
	srv.Use(guard.New(schema, l, guard.Options{Trusted: opts.Trusted, Presenter: graph.ErrorPresenter}))
	srv.AroundOperations(graph.InstallLoaders(store, l))
	srv.AroundFields(graph.PlanLevels)
	srv.SetErrorPresenter(graph.ErrorPresenter)
	srv.SetRecoverFunc(graph.Recover)
	return srv
}

// Handler returns the HTTP handler: /graphql, / and its deep links (the
// explorer), /graphiql, /assets/, /export/{format}, /healthz, /readyz,
// /metrics (Prometheus).
func Handler(store Store, opts Options) http.Handler {
	if opts.Limits == (domain.Limits{}) {
		opts.Limits = domain.DefaultLimits()
	}
	if opts.ReadyTimeout <= 0 {
		opts.ReadyTimeout = 2 * time.Second
	}
	if opts.Metrics == nil {
		opts.Metrics = metrics.New()
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", opts.Metrics.Handler())
	if opts.Keys == nil {
		opts.Keys, _ = auth.Parse("", true)
	}
	timeout := opts.Limits.RequestTimeout
	mux.Handle("/graphql", opts.Keys.Middleware(withLimits(timeout, graphQL(store, opts))))
	app := withPageHeaders(webui.App())
	mux.Handle("GET /{$}", app)
	for _, route := range webui.AppRoutes {
		mux.Handle("GET /"+route+"/{rest...}", app)
	}
	mux.Handle("GET /graphiql", withPageHeaders(webui.GraphiQL()))
	mux.Handle("GET /assets/", webui.Assets())
	mux.Handle("GET /export/{format}", opts.Keys.Middleware(withLimits(timeout, exportHandler(store))))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), opts.ReadyTimeout)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": domain.ErrorMessage(err)})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	return mux
}

// withLimits gives a request its client's address (for the anonymous rate
// budget) and a deadline; a WebSocket (a subscription) lives as long as its
// client keeps it. The GraphQL transport bounds the body.
func withLimits(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
			ctx = guard.WithClient(ctx, host)
		}
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		ctx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// pageCSP lets the explorer and the playground load their bundled scripts
// and styles from this server only and talk to it only; nobody frames them.
// Beyond 'self': font-src data: because GraphiQL's stylesheet embeds its
// fonts as data URLs; img-src data: blob: for GraphiQL's icons and the graph
// view's PNG export. No inline scripts or styles, no eval, no workers.
const pageCSP = "default-src 'self'; font-src 'self' data:; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// withPageHeaders adds the security headers of an HTML page.
func withPageHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers an HTTP request with one error, as a GraphQL-shaped
// body under tr's status.
func writeError(w http.ResponseWriter, tr domain.Transport, message string) {
	if tr.HTTP == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
	}
	writeJSON(w, tr.HTTP, map[string]any{"errors": []map[string]any{{"message": message, "extensions": map[string]string{"code": tr.GraphQL}}}})
}

// exportHandler serves /export/{format}: the whole graph, or with ?id= the
// neighbourhood of a node (hops, maxNeighbours, types as in GraphQL), as a
// download.
func exportHandler(store Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(err error) {
			tr := domain.TransportOf(domain.ErrorCode(err))
			if tr == domain.Transports[domain.EINTERNAL] {
				slog.Error("export", "err", err)
				err = domain.Errorf(domain.EINTERNAL, "internal error")
			}
			writeError(w, tr, domain.ErrorMessage(err))
		}
		if domain.PrincipalFrom(r.Context()).Role < domain.RoleReader {
			fail(domain.Errorf(domain.EUNAUTHENTICATED, "exporting needs an API key"))
			return
		}
		format, err := export.Parse(r.PathValue("format"))
		if err != nil {
			fail(err)
			return
		}
		q, err := neighbourhoodQuery(r)
		if err != nil {
			fail(err)
			return
		}
		if q == nil && domain.PrincipalFrom(r.Context()).Key == domain.Anonymous.Key {
			// The whole graph is read into memory: only for known users. A
			// neighbourhood is bounded by --max-subgraph-nodes.
			fail(domain.Errorf(domain.EUNAUTHENTICATED, "exporting the whole graph needs an API key; without one, export a neighbourhood with ?id="))
			return
		}
		g, err := export.Load(r.Context(), store, q)
		if err != nil {
			fail(err)
			return
		}
		name := "newsgraph"
		if q != nil {
			name += "-" + strings.NewReplacer("/", "-").Replace(q.ID)
		}
		w.Header().Set("Content-Type", format.ContentType())
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, format.Extension()))
		if err := export.Write(w, format, g); err != nil {
			slog.Error("export write", "err", err)
		}
	})
}

func neighbourhoodQuery(r *http.Request) (*domain.NeighbourhoodQuery, error) {
	v := r.URL.Query()
	id := v.Get("id")
	if id == "" {
		return nil, nil
	}
	if err := domain.CheckID("id", id); err != nil {
		return nil, err
	}
	q := &domain.NeighbourhoodQuery{ID: id, Hops: 1, PerNode: 25}
	for name, dst := range map[string]*int{"hops": &q.Hops, "maxNeighbours": &q.PerNode} {
		if s := v.Get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, domain.Invalid(name, "%s must be a number, got %q", name, s)
			}
			*dst = n
		}
	}
	for _, t := range v["types"] {
		if t == "" {
			return nil, domain.Invalid("types", "empty type")
		}
		k := domain.Kind(strings.ToUpper(t[:1]) + strings.ToLower(t[1:]))
		if !slices.Contains(domain.Kinds, k) {
			return nil, domain.Invalid("types", "unknown type %q", t)
		}
		q.Kinds = append(q.Kinds, k)
	}
	return q, nil
}
