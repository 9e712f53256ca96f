package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Loaders reads the graph for one request. After each root field resolves,
// the planner (plan.go) reads every level of the selection below it in one
// round trip per level and fills these caches, so the nested resolvers
// find their data in memory. A resolver whose data the planner did not
// read fetches it at once: nothing waits on a timer.
type Loaders struct {
	reader domain.GraphReader
	limits domain.Limits

	mu    sync.Mutex
	nodes map[string]domain.Node // a nil value: known to be absent; whole nodes only
	links map[linkKey][]domain.Link
	// fields caches selectedFields by the field it is of.
	fields map[*ast.Field]string
}

type linkKey struct {
	rel domain.Relation
	id  string
}

// NewLoaders returns the loaders of one request; limits bound the first of
// relationship lists.
func NewLoaders(reader domain.GraphReader, limits domain.Limits) *Loaders {
	return &Loaders{reader: reader, limits: limits, nodes: map[string]domain.Node{}, links: map[linkKey][]domain.Link{}, fields: map[*ast.Field]string{}}
}

// fetch reads link requests and node ids in one round trip and caches the
// answers, absent ones included. The nodes a relation with Fields reached
// hold only those fields: they are cached as its links, not as nodes.
func (l *Loaders) fetch(ctx context.Context, reqs []domain.LinkRequest, nodes domain.NodeRequest) error {
	if err := ctx.Err(); err != nil {
		return err // the request is over: schedule nothing more
	}
	f, err := l.reader.Fetch(ctx, reqs, nodes)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, req := range reqs {
		for _, id := range req.IDs {
			links := f.Links[i][id]
			if links == nil {
				links = []domain.Link{}
			}
			l.links[linkKey{req.Rel, id}] = links
			l.cacheWhole(req.Rel, links)
		}
	}
	for i, req := range reqs {
		l.cacheHops(req.Then, f.Then[i])
	}
	l.cacheHops(nodes.Then, f.NodeThen)
	for _, id := range nodes.IDs {
		l.nodes[id] = f.Nodes[id]
	}
	return nil
}

// cacheHops caches the answers to hops (Fetched.Then). Callers hold l.mu.
func (l *Loaders) cacheHops(hops []domain.Hop, answers []map[string][]domain.Link) {
	for j, hop := range hops {
		for id, links := range answers[j] {
			l.links[linkKey{hop.Rel, id}] = links
			l.cacheWhole(hop.Rel, links)
		}
	}
}

// cacheWhole caches the nodes links reached when rel read them whole.
// Callers hold l.mu.
func (l *Loaders) cacheWhole(rel domain.Relation, links []domain.Link) {
	if rel.Fields != "" {
		return
	}
	for _, ln := range links {
		l.nodes[ln.Other.NodeID()] = ln.Other
	}
}

// cachedLinks returns the cached links of id along rel.
func (l *Loaders) cachedLinks(rel domain.Relation, id string) ([]domain.Link, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	links, ok := l.links[linkKey{rel, id}]
	return links, ok
}

// missingNodes returns the ids not in the cache, once each.
func (l *Loaders) missingNodes(ids []string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := l.nodes[id]; !ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// Node loads one node; nil when the id is unknown.
func (l *Loaders) Node(ctx context.Context, id string) (domain.Node, error) {
	nodes, err := l.Nodes(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return nodes[0], nil
}

// Nodes loads nodes in the order of ids; nil for unknown ids.
func (l *Loaders) Nodes(ctx context.Context, ids []string) ([]domain.Node, error) {
	if missing := l.missingNodes(ids); len(missing) > 0 {
		if err := l.fetch(ctx, nil, domain.NodeRequest{IDs: missing, Then: RootHops(ctx)}); err != nil {
			return nil, err
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]domain.Node, len(ids))
	for i, id := range ids {
		out[i] = l.nodes[id]
	}
	return out, nil
}

// Links loads the first rel.Limit links of one node along rel (1 to
// Limits.LinksMax); the nodes at their other ends are cached too.
func (l *Loaders) Links(ctx context.Context, id string, rel domain.Relation) ([]domain.Link, error) {
	if links, ok := l.cachedLinks(rel, id); ok {
		return links, nil
	}
	if err := l.fetch(ctx, []domain.LinkRequest{{Rel: rel, IDs: []string{id}}}, domain.NodeRequest{}); err != nil {
		return nil, err
	}
	links, _ := l.cachedLinks(rel, id)
	return links, nil
}

// List reads a page of a list, and the hops the root field's selection
// fuses into it (PlanLevels), whose answers it caches.
func (l *Loaders) List(ctx context.Context, kind domain.Kind, f domain.ListFilter, page domain.Page) (*domain.NodePage, error) {
	page.Then = RootHops(ctx)
	res, err := l.reader.List(ctx, kind, f, page)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cacheHops(page.Then, res.Then)
	return res, nil
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
