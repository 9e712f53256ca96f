package graph

import (
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// concreteTypes are the node types a field of GraphQL type typeName can
// return.
func concreteTypes(typeName string) []string {
	switch typeName {
	case "Actor":
		return []string{string(domain.KindPerson), string(domain.KindOrganisation), string(domain.KindSource)}
	case "HeldInSubject":
		return []string{string(domain.KindEvent), string(domain.KindNegotiation)}
	case "Node":
		out := make([]string, len(domain.Kinds))
		for i, k := range domain.Kinds {
			out[i] = string(k)
		}
		return out
	}
	return []string{typeName}
}

// selectedFields is the Relation.Fields of a relationship field: the
// fields its selection reads of the nodes it reaches, sorted and
// comma-separated, so that the store reads only those properties. A
// relationship field below needs only the node's id, unless it returns
// views: a view holds the node itself, whose every field its selection may
// read, so then (and for a selection the planner cannot see through) it is
// "" (every field). The store checks the names against its whitelist.
func selectedFields(oc *graphql.OperationContext, sel ast.SelectionSet, target string) string {
	var names []string
	for _, t := range concreteTypes(target) {
		for _, f := range graphql.CollectFields(oc, sel, satisfies(t, true)) {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if r, ok := relations[t+"."+f.Name]; ok {
				if r.view != nil {
					return ""
				}
				continue
			}
			if !slices.Contains(names, f.Name) {
				names = append(names, f.Name)
			}
		}
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}

// fieldsOf is selectedFields of field f, computed once per request.
func (l *Loaders) fieldsOf(oc *graphql.OperationContext, f graphql.CollectedField) string {
	l.mu.Lock()
	v, ok := l.fields[f.Field]
	l.mu.Unlock()
	if ok {
		return v
	}
	v = selectedFields(oc, f.Selections, f.Definition.Type.Name())
	l.mu.Lock()
	l.fields[f.Field] = v
	l.mu.Unlock()
	return v
}
