// Package httpapi serves newsgraph over HTTP: the GraphQL endpoint (with
// WebSocket subscriptions), the GraphiQL playground, graph exports, and the
// health and readiness probes.
package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
	"github.com/newsgraph/newsgraph/internal/export"
)

// Store is what the API needs of the database.
type Store interface {
	domain.GraphReader
	domain.Writer
	graph.HistoryReader
	editor.NameIndex
	domain.Traverser
	export.Store
}

// Options configures the handler.
type Options struct {
	// Keys authenticates requests; nil lets everyone read and nobody write.
	Keys *auth.Keys
	// RequestTimeout bounds one GraphQL request; keep it longer than the
	// store's transaction timeout so that the server, not the client, stops
	// a slow query.
	RequestTimeout time.Duration
	// ReadyTimeout bounds the Neo4j ping of /readyz.
	ReadyTimeout time.Duration
}

// MaxComplexity bounds the number of fields one GraphQL operation selects.
const MaxComplexity = 300

// MaxBodyBytes bounds a GraphQL request body.
const MaxBodyBytes = 1 << 20

// GraphQL returns the gqlgen server for reader, with per-operation loaders
// and newsgraph's error presenter but no HTTP wiring; tests use it in-process.
func GraphQL(store Store) *handler.Server { return graphQL(store, nil, graph.NewBroker()) }

func graphQL(store Store, keys *auth.Keys, events *graph.Broker) *handler.Server {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Graph: store, Writer: store, Changes: store, Names: store, Events: events, Traversal: store}}))
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 15 * time.Second,
		// Frontend apps on other origins subscribe too; keys, not cookies,
		// authenticate, so there is no cross-site credential to protect.
		Implementation: transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{OriginPatterns: []string{"*"}}},
		// Browsers cannot set headers on a WebSocket: the key may come in the
		// connection_init payload instead.
		InitFunc: func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
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
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	// Fields per operation, not rows: lists are bounded by first (≤100) and
	// MaxLinksPerNode, so this caps how far one query can fan out.
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.AroundOperations(graph.InstallLoaders(store))
	srv.AroundOperations(graph.RequireReader)
	srv.SetErrorPresenter(graph.ErrorPresenter)
	srv.SetRecoverFunc(graph.Recover)
	return srv
}

// Handler returns the HTTP handler: /graphql, / (GraphiQL), /healthz, /readyz.
func Handler(store Store, opts Options) http.Handler {
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = 30 * time.Second
	}
	if opts.ReadyTimeout <= 0 {
		opts.ReadyTimeout = 2 * time.Second
	}
	mux := http.NewServeMux()
	if opts.Keys == nil {
		opts.Keys, _ = auth.Parse("", true)
	}
	mux.Handle("/graphql", opts.Keys.Middleware(withLimits(opts.RequestTimeout, graphQL(store, opts.Keys, graph.NewBroker()))))
	mux.Handle("GET /{$}", playground.Handler("newsgraph", "/graphql"))
	mux.Handle("GET /export/{format}", opts.Keys.Middleware(withLimits(opts.RequestTimeout, exportHandler(store))))
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

// withLimits gives a request a deadline and a bounded body; a WebSocket
// (a subscription) lives as long as its client keeps it.
func withLimits(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// exportHandler serves /export/{format}: the whole graph, or with ?id= the
// neighbourhood of a node (hops, maxNeighbours, types as in GraphQL), as a
// download.
func exportHandler(store Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail := func(err error) {
			status := map[string]int{domain.EINVALID: 400, domain.EUNAUTHENTICATED: 401, domain.EFORBIDDEN: 403, domain.ENOTFOUND: 404,
				domain.ECONFLICT: 409, domain.ELIMIT: 422, domain.EUNAVAILABLE: 503}[domain.ErrorCode(err)]
			if status == 401 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
			}
			if status == 0 {
				status = 500
				slog.Error("export", "err", err)
			}
			if status == 500 {
				err = domain.Errorf(domain.EINTERNAL, "internal error")
			}
			writeJSON(w, status, map[string]any{"errors": []map[string]any{{"message": domain.ErrorMessage(err), "extensions": map[string]string{"code": graph.Codes[domain.ErrorCode(err)]}}}})
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
