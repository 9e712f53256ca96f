package guard

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Shape is what the precheck measured of a document.
type Shape struct {
	Depth      int // deepest operation, fragments expanded, introspection excluded
	Aliases    int
	Directives int // most directives on one field, fragment or operation
	Fields     int // most field selections of one operation, fragments expanded
	RawFields  int // field selections written in the document
}

// saturate keeps expanded counts from overflowing: past it a document is
// over every limit anyway.
const saturate = 1 << 30

// Precheck parses query with the token limit and measures its shape, so that
// a document that would make validation slow (duplicated fields, fragment
// fan-out, directive floods) is refused before the validation rules run. It
// returns ELIMIT naming the limit, or nil when the document may be validated;
// a syntax error is left to the executor, which reports it in full.
func Precheck(query string, l domain.Limits) *domain.Error {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, l.Tokens)
	if err != nil {
		if ge, ok := err.(*gqlerror.Error); ok && strings.HasPrefix(ge.Message, "exceeded token limit") {
			e := domain.Errorf(domain.ELIMIT, "the document has more than %d tokens (--max-tokens)", l.Tokens)
			e.Extensions = map[string]any{"limit": "max-tokens", "allowed": l.Tokens}
			return e
		}
		return nil
	}
	s, cycle := Measure(doc)
	switch {
	case cycle != "":
		return &domain.Error{Code: domain.EINVALID, Message: "fragment " + cycle + " spreads itself"}
	case s.Directives > l.DirectivesPerField:
		return limitErr("max-directives", "directives on one selection:", l.DirectivesPerField, s.Directives)
	case s.Aliases > l.Aliases:
		return limitErr("max-aliases", "aliases in the document:", l.Aliases, s.Aliases)
	case s.RawFields > l.Fields || s.Fields > l.Fields:
		return limitErr("max-fields", "fields selected, fragments expanded:", l.Fields, max(s.Fields, s.RawFields))
	case s.Depth > l.Depth:
		return limitErr("max-depth", "selection depth:", l.Depth, s.Depth)
	}
	return nil
}

// limitErr is ELIMIT naming the limit (its flag) with what was asked and
// what is allowed, in the message and in extensions.
func limitErr(limit, what string, allowed, got int) *domain.Error {
	e := domain.Errorf(domain.ELIMIT, "%s %d, more than the limit of %d (--%s)", what, got, allowed, limit)
	e.Extensions = map[string]any{"limit": limit, "allowed": allowed, "requested": got}
	return e
}

// Measure returns the shape of doc without a schema, in time linear in the
// document: each fragment is measured once. cycle names a fragment that
// spreads itself, directly or not.
func Measure(doc *ast.QueryDocument) (s Shape, cycle string) {
	m := measurer{frags: map[string]*ast.FragmentDefinition{}, done: map[string]fragShape{}, busy: map[string]bool{}}
	for _, f := range doc.Fragments {
		m.frags[f.Name] = f
	}
	for _, f := range doc.Fragments {
		s.Directives = max(s.Directives, len(f.Directives))
		s.RawFields += rawFields(f.SelectionSet, &s)
	}
	for _, op := range doc.Operations {
		s.Directives = max(s.Directives, len(op.Directives))
		s.RawFields += rawFields(op.SelectionSet, &s)
		fs := m.set(op.SelectionSet)
		s.Depth = max(s.Depth, fs.depth)
		s.Fields = max(s.Fields, fs.fields)
	}
	return s, m.cycle
}

// rawFields counts the fields written in set and notes aliases and
// directives, without expanding fragment spreads.
func rawFields(set ast.SelectionSet, s *Shape) int {
	n := 0
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			n++
			if sel.Alias != "" && sel.Alias != sel.Name {
				s.Aliases++
			}
			s.Directives = max(s.Directives, len(sel.Directives))
			n += rawFields(sel.SelectionSet, s)
		case *ast.InlineFragment:
			s.Directives = max(s.Directives, len(sel.Directives))
			n += rawFields(sel.SelectionSet, s)
		case *ast.FragmentSpread:
			s.Directives = max(s.Directives, len(sel.Directives))
		}
	}
	return n
}

type fragShape struct{ depth, fields int }

type measurer struct {
	frags map[string]*ast.FragmentDefinition
	done  map[string]fragShape
	busy  map[string]bool
	cycle string
}

// set measures a selection set with fragments expanded: the depth below it
// and the number of fields in it.
func (m *measurer) set(set ast.SelectionSet) fragShape {
	var out fragShape
	for _, sel := range set {
		var s fragShape
		switch sel := sel.(type) {
		case *ast.Field:
			if sel.Name == "__schema" || sel.Name == "__type" {
				// Introspection is bounded by the validator's own depth rule.
				s = fragShape{fields: 1}
				break
			}
			s = m.set(sel.SelectionSet)
			s.depth++
			s.fields++
		case *ast.InlineFragment:
			s = m.set(sel.SelectionSet)
		case *ast.FragmentSpread:
			s = m.fragment(sel.Name)
		}
		out.depth = max(out.depth, s.depth)
		out.fields = min(out.fields+s.fields, saturate)
	}
	return out
}

func (m *measurer) fragment(name string) fragShape {
	if s, ok := m.done[name]; ok {
		return s
	}
	f, ok := m.frags[name]
	if !ok {
		return fragShape{} // unknown: the validator reports it
	}
	if m.busy[name] {
		if m.cycle == "" {
			m.cycle = name
		}
		return fragShape{}
	}
	m.busy[name] = true
	s := m.set(f.SelectionSet)
	m.busy[name] = false
	m.done[name] = s
	return s
}
