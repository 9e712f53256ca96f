package graph

import (
	"context"
	"reflect"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// maxPlanLevels bounds the planner's rounds; the depth limit is lower.
const maxPlanLevels = 32

// PlanLevels is a gqlgen field interceptor: when a root field has
// resolved, it reads every level of the selection below it, one round trip
// per level (all the relationship fields and node lookups of a level in one
// statement), and caches the answers for the nested resolvers. A query of
// depth d costs at most d round trips, and nothing waits on a timer.
func PlanLevels(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Object != "Query" && fc.Object != "Mutation" {
		return next(ctx)
	}
	l, _ := ctx.Value(loadersKey{}).(*Loaders)
	if l != nil && fc.Object == "Query" && len(fc.Field.Selections) > 0 && graphql.HasOperationContext(ctx) {
		// A lookup by id or a list's page reads the chains of
		// relationship fields below it in the same statement. Not in a
		// mutation: what a resolver reads before it writes may change.
		if hops := l.rootHops(graphql.GetOperationContext(ctx), fc.Field); len(hops) > 0 {
			ctx = context.WithValue(ctx, rootHopsKey{}, hops)
		}
	}
	res, err := next(ctx)
	if err != nil || res == nil || !graphql.HasOperationContext(ctx) {
		return res, err
	}
	if l != nil && len(fc.Field.Selections) > 0 {
		// A failed prefetch is not this field's error: the nested resolvers
		// fetch what is missing and report their own errors.
		_ = l.plan(ctx, graphql.GetOperationContext(ctx), []planEntry{{val: res, sel: fc.Field.Selections}})
	}
	return res, nil
}

// planEntry is a value whose selection the planner still has to read.
type planEntry struct {
	val any
	sel ast.SelectionSet
}

// waiting is a relationship field whose links a round is reading.
type waiting struct {
	self   domain.Node
	r      relation
	rel    domain.Relation
	sel    ast.SelectionSet
	target string // the type the field returns
}

func (l *Loaders) plan(ctx context.Context, oc *graphql.OperationContext, entries []planEntry) error {
	for level := 0; len(entries) > 0 && level < maxPlanLevels; level++ {
		var (
			reqs   []domain.LinkRequest
			reqOf  = map[domain.Relation]int{}
			asked  = map[linkKey]bool{}
			waits  []waiting
			ids    []string
			idSels = map[string][]ast.SelectionSet{}
			next   []planEntry
			queue  = entries
		)
		// Walk what is already in memory; note what this level must read.
		for len(queue) > 0 {
			e := queue[0]
			queue = queue[1:]
			children, w, refs := l.expand(oc, e)
			queue = append(queue, children...)
			for _, wt := range w {
				if links, ok := l.cachedLinks(wt.rel, wt.self.NodeID()); ok {
					// Read already (a hop fused into the level above):
					// its children join this level.
					queue = append(queue, follow(wt, links)...)
					continue
				}
				waits = append(waits, wt)
				key := linkKey{wt.rel, wt.self.NodeID()}
				if asked[key] {
					continue
				}
				asked[key] = true
				i, ok := reqOf[wt.rel]
				if !ok {
					i = len(reqs)
					reqOf[wt.rel] = i
					reqs = append(reqs, domain.LinkRequest{Rel: wt.rel})
				}
				reqs[i].IDs = append(reqs[i].IDs, wt.self.NodeID())
				reqs[i].Then = l.fusedHops(oc, wt, reqs[i].Then)
			}
			for _, ref := range refs {
				ids = append(ids, ref.id)
				idSels[ref.id] = append(idSels[ref.id], ref.sel)
			}
		}
		missing := l.missingNodes(ids)
		if len(reqs) > 0 || len(missing) > 0 {
			if err := l.fetch(ctx, reqs, domain.NodeRequest{IDs: missing}); err != nil {
				return err
			}
		}
		for _, wt := range waits {
			links, _ := l.cachedLinks(wt.rel, wt.self.NodeID())
			next = append(next, follow(wt, links)...)
		}
		nodes, err := l.Nodes(ctx, unique(ids))
		if err != nil {
			return err
		}
		for _, n := range nodes {
			if n == nil {
				continue
			}
			for _, sel := range idSels[n.NodeID()] {
				next = append(next, planEntry{val: n, sel: sel})
			}
		}
		entries = next
	}
	return nil
}

// follow turns the links a relationship field read into the entries of
// the next level: the nodes it returns, or its views.
func follow(wt waiting, links []domain.Link) []planEntry {
	var out []planEntry
	for i, ln := range links {
		if wt.r.one && i > 0 {
			break
		}
		var v any = ln.Other
		if wt.r.view != nil {
			if v = wt.r.view(wt.self, ln); v == nil {
				continue
			}
		}
		out = append(out, planEntry{val: v, sel: wt.sel})
	}
	return out
}

// idRef is a node the next level needs by id (a fact's claim, a path's
// nodes).
type idRef struct {
	id  string
	sel ast.SelectionSet
}

// satisfies lists the type conditions a value of typeName meets; a node
// meets every abstract type that may hold one (extra conditions only make
// the planner read a little more).
func satisfies(typeName string, node bool) []string {
	if node {
		return []string{typeName, "Node", "Actor", "HeldInSubject"}
	}
	return []string{typeName}
}

// expand collects the fields of one entry: for a node, the relationship
// fields to read; for any other object (connections, edges, views, paths,
// search hits…), the objects its fields hold in memory and the node ids
// they name.
func (l *Loaders) expand(oc *graphql.OperationContext, e planEntry) (children []planEntry, waits []waiting, refs []idRef) {
	v := reflect.ValueOf(e.val)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil, nil, nil
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Slice {
		for i := range v.Len() {
			children = append(children, planEntry{val: v.Index(i).Interface(), sel: e.sel})
		}
		return children, nil, nil
	}
	if v.Kind() != reflect.Struct {
		return nil, nil, nil
	}
	node, isNode := e.val.(domain.Node)
	typeName := v.Type().Name()
	if isNode {
		typeName = string(node.NodeKind())
	}
	for _, f := range graphql.CollectFields(oc, e.sel, satisfies(typeName, isNode)) {
		if len(f.Selections) == 0 {
			continue // a scalar or an enum
		}
		if isNode {
			r, ok := relations[typeName+"."+f.Name]
			if !ok {
				continue // an object held in the node (a PartialDate)
			}
			rel := r.rel
			rel.Limit = 1
			if !r.one {
				rel.Limit = firstArg(f, oc.Variables)
				if rel.Limit < 1 || rel.Limit > l.limits.LinksMax {
					continue // the resolver reports it
				}
			}
			if r.view == nil {
				rel.Fields = l.fieldsOf(oc, f)
			}
			waits = append(waits, waiting{self: node, r: r, rel: rel, sel: f.Selections, target: f.Definition.Type.Name()})
			continue
		}
		name := strings.ToUpper(f.Name[:1]) + f.Name[1:]
		if fv := v.FieldByName(name); fv.IsValid() && (fv.Kind() != reflect.String) {
			if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String {
				for i := range fv.Len() {
					refs = append(refs, idRef{id: fv.Index(i).String(), sel: f.Selections})
				}
				continue
			}
			children = append(children, planEntry{val: fv.Interface(), sel: f.Selections})
			continue
		}
	ids:
		for _, candidate := range []string{name, name + "ID", name + "IDs", strings.TrimSuffix(name, "s") + "IDs"} {
			fv := v.FieldByName(candidate)
			if !fv.IsValid() {
				continue
			}
			for fv.Kind() == reflect.Pointer && !fv.IsNil() {
				fv = fv.Elem()
			}
			switch {
			case fv.Kind() == reflect.String && fv.String() != "":
				refs = append(refs, idRef{id: fv.String(), sel: f.Selections})
			case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
				for i := range fv.Len() {
					refs = append(refs, idRef{id: fv.Index(i).String(), sel: f.Selections})
				}
			}
			break ids
		}
	}
	return children, waits, refs
}

// rootHopsKey carries the hops of a root field's lookups by id.
type rootHopsKey struct{}

// RootHops returns the hops a root field's lookup by id or page of a list
// reads in its statement (PlanLevels put them in ctx).
func RootHops(ctx context.Context) []domain.Hop {
	hops, _ := ctx.Value(rootHopsKey{}).([]domain.Hop)
	return hops
}

// rootHops are the hops that a root field returning nodes (a lookup by
// id) or a connection of them (a list's nodes and edges' node) fuses into
// its statement, for every node type it may return.
func (l *Loaders) rootHops(oc *graphql.OperationContext, f graphql.CollectedField) []domain.Hop {
	var hops []domain.Hop
	typeName := f.Definition.Type.Name()
	if kind, ok := strings.CutSuffix(typeName, "Connection"); ok && slices.Contains(domain.Kinds, domain.Kind(kind)) {
		for _, g := range graphql.CollectFields(oc, f.Selections, []string{typeName}) {
			switch g.Name {
			case "nodes":
				hops = l.fuse(oc, g.Selections, kind, -1, 1, hops)
			case "edges":
				for _, e := range graphql.CollectFields(oc, g.Selections, []string{kind + "Edge"}) {
					if e.Name == "node" {
						hops = l.fuse(oc, e.Selections, kind, -1, 1, hops)
					}
				}
			}
		}
		return hops
	}
	for _, t := range concreteTypes(typeName) {
		if slices.Contains(domain.Kinds, domain.Kind(t)) {
			hops = l.fuse(oc, f.Selections, t, -1, 1, hops)
		}
	}
	return hops
}

// fuseFanOut bounds how many nodes, per node a level starts from, the
// hops fused into its statement may reach (the product of the firsts
// along each chain of hops: a list of 20 and the lists of 20 below it).
// Beyond it, the next list waits for the next level: a statement that
// repeats the lists below a node for every path to it reads more than one
// read per level does. Measured in-process over the seed and 20,000
// synthetic records, p50 by bound (1 / 20 / 400 / 8,000 / none):
// claims→attributions→actor+sources 6.3 / 4.2 / 3.3 / 3.4 / 3.4 ms;
// claims(5)→attributions(10)→sources(5)→attributions(20) 4.8 / 4.4 / 3.8 /
// 4.2 / 4.9 ms; sources→attributions→claim→attributions→actor 14.2 / 9.6 /
// 8.2 / 9.0 / 8.4 ms.
const fuseFanOut = 400

// fusedHops adds to hops the relationship fields that wt's selection asks
// of the nodes wt reaches (an attribution's actor, claim and sources), and
// those their selections ask in turn, so that wt's level reads them in the
// same statement with their firsts and fields, as long as the fan-out
// stays within fuseFanOut. Only fields that return one node type are
// fused; views and derived relations are read on their own level.
func (l *Loaders) fusedHops(oc *graphql.OperationContext, wt waiting, hops []domain.Hop) []domain.Hop {
	if wt.r.view != nil {
		return hops
	}
	return l.fuse(oc, wt.sel, wt.target, -1, wt.rel.Limit, hops)
}

func (l *Loaders) fuse(oc *graphql.OperationContext, sel ast.SelectionSet, target string, parent, fanOut int, hops []domain.Hop) []domain.Hop {
	for _, g := range graphql.CollectFields(oc, sel, satisfies(target, true)) {
		r, ok := relations[target+"."+g.Name]
		if !ok || r.view != nil || r.rel.Type == domain.RelCitesSource {
			continue
		}
		rel := r.rel
		rel.Limit = 1
		if !r.one {
			rel.Limit = firstArg(g, oc.Variables)
			if rel.Limit < 1 || rel.Limit > l.limits.LinksMax {
				continue // the resolver reports it
			}
		}
		if fanOut*rel.Limit > fuseFanOut {
			continue
		}
		rel.Fields = l.fieldsOf(oc, g)
		hop := domain.Hop{Rel: rel, Parent: parent}
		i := slices.Index(hops, hop)
		if i < 0 {
			i = len(hops)
			hops = append(hops, hop)
		}
		hops = l.fuse(oc, g.Selections, g.Definition.Type.Name(), i, fanOut*rel.Limit, hops)
	}
	return hops
}

// firstArg is a relationship field's first, with its default.
func firstArg(f graphql.CollectedField, vars map[string]any) int {
	switch n := f.ArgumentMap(vars)["first"].(type) {
	case int64:
		return int(n)
	case int:
		return n
	case interface{ Int64() (int64, error) }:
		i, _ := n.Int64()
		return int(i)
	}
	return domain.LinksDefault
}

func unique(ids []string) []string {
	seen := map[string]bool{}
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
