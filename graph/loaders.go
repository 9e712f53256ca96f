package graph

import (
	"context"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vikstrous/dataloadgen"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// batchWait is how long a loader collects keys before it queries Neo4j. The
// sibling resolvers of a list run concurrently, so a few milliseconds gather
// a whole level of the query into one round trip.
const batchWait = 10 * time.Millisecond

// Loaders batches and caches the reads of one request, so that a nested
// query costs a number of Neo4j round trips bounded by its depth, not by
// the sizes of its lists.
type Loaders struct {
	reader domain.GraphReader
	limits domain.Limits
	nodes  *dataloadgen.Loader[string, domain.Node]

	mu    sync.Mutex
	links map[domain.Relation]*dataloadgen.Loader[string, []domain.Link]
}

// NewLoaders returns the loaders of one request; limits bound the first of
// relationship lists.
func NewLoaders(reader domain.GraphReader, limits domain.Limits) *Loaders {
	l := &Loaders{reader: reader, limits: limits, links: map[domain.Relation]*dataloadgen.Loader[string, []domain.Link]{}}
	l.nodes = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]domain.Node, []error) {
		found, err := reader.NodesByID(ctx, ids)
		return inOrder(ids, found, err)
	}, dataloadgen.WithWait(batchWait))
	return l
}

// inOrder lines up a keyed result with the keys; missing keys get the zero
// value and no error (an unknown id is not an error).
func inOrder[V any](keys []string, found map[string]V, err error) ([]V, []error) {
	vals := make([]V, len(keys))
	errs := make([]error, len(keys))
	for i, k := range keys {
		if err != nil {
			errs[i] = err
			continue
		}
		vals[i] = found[k]
	}
	return vals, errs
}

func (l *Loaders) linkLoader(rel domain.Relation) *dataloadgen.Loader[string, []domain.Link] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.links[rel]; ok {
		return ld
	}
	ld := dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]domain.Link, []error) {
		found, err := l.reader.Links(ctx, rel, ids)
		return inOrder(ids, found, err)
	}, dataloadgen.WithWait(batchWait))
	l.links[rel] = ld
	return ld
}

// Node loads one node; nil when the id is unknown.
func (l *Loaders) Node(ctx context.Context, id string) (domain.Node, error) {
	if err := ctx.Err(); err != nil {
		return nil, err // the request is over: schedule nothing more
	}
	return l.nodes.Load(ctx, id)
}

// Nodes loads nodes in the order of ids; nil for unknown ids.
func (l *Loaders) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return l.nodes.LoadAll(ctx, ids)
}

// Links loads the first rel.Limit links of one node along rel (1 to
// Limits.LinksMax), and primes the node cache with the nodes at their other
// ends.
func (l *Loaders) Links(ctx context.Context, id string, rel domain.Relation) ([]domain.Link, error) {
	if err := domain.InRange("first", rel.Limit, 1, l.limits.LinksMax); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	links, err := l.linkLoader(rel).Load(ctx, id)
	for _, ln := range links {
		l.nodes.Prime(ln.Other.NodeID(), ln.Other)
	}
	return links, err
}

type loadersKey struct{}

// WithLoaders returns ctx carrying loaders.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// For returns the loaders of the request ctx belongs to.
func For(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}

// InstallLoaders is a gqlgen operation interceptor that gives every
// operation its own loaders (srv.AroundOperations(graph.InstallLoaders(r))).
func InstallLoaders(reader domain.GraphReader, limits domain.Limits) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(WithLoaders(ctx, NewLoaders(reader, limits)))
	}
}

// RequireReader refuses an operation whose principal may not read
// (anonymous reads switched off and no key) with UNAUTHENTICATED. Requests
// without a principal in their context (in-process tests) read as anonymous.
func RequireReader(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	p := domain.PrincipalFrom(ctx)
	if p.Key == "none" {
		ctx = domain.WithPrincipal(ctx, domain.Anonymous)
	} else if p.Role < domain.RoleReader {
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
			Message:    "reading needs an API key: send Authorization: Bearer <key>",
			Extensions: map[string]any{"code": Codes[domain.EUNAUTHENTICATED]},
		}}})
	}
	return next(ctx)
}
