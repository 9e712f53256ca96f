package guard

import (
	"reflect"

	"github.com/vektah/gqlparser/v2/ast"
)

// Cost is the static cost of op: an upper bound of the objects it can
// resolve, computed from the validated document and its variables before
// anything runs. Each field returning an object costs 1; a list of objects
// costs its size times (1 + the cost of its selection). A list's size comes
// from its @listSize directive in the schema: the value of a slicing
// argument (first, maxNeighbours, the length of ids), looked up on the field
// and then on the fields above it, or assumedSize. Scalars cost nothing;
// the precheck bounds how many of them a document may select. On an
// abstract type the most expensive possible type counts.
func Cost(schema *ast.Schema, op *ast.OperationDefinition, vars map[string]any) int {
	if op == nil {
		return 0
	}
	root := schema.Query
	switch op.Operation {
	case ast.Mutation:
		root = schema.Mutation
	case ast.Subscription:
		root = schema.Subscription
	}
	c := &coster{schema: schema, vars: vars, memo: map[memoKey]int{}, chains: map[chainKey]int{}}
	return c.set(op.SelectionSet, root, 0, nil)
}

// Unsized lists the fields of schema that return a list of objects without
// saying how long it can be: each would make the static cost a guess.
func Unsized(schema *ast.Schema) []string {
	var out []string
	sizedByParent := map[string]bool{}
	for _, t := range schema.Types {
		for _, f := range t.Fields {
			if d := f.Directives.ForName("listSize"); d != nil {
				if sf := d.Arguments.ForName("sizedFields"); sf != nil {
					for _, c := range sf.Value.Children {
						sizedByParent[f.Type.Name()+"."+c.Value.Raw] = true
					}
				}
			}
		}
	}
	for _, t := range schema.Types {
		if t.BuiltIn || t.Kind != ast.Object && t.Kind != ast.Interface {
			continue
		}
		for _, f := range t.Fields {
			if f.Type.Elem == nil || schema.Types[f.Type.Name()].IsLeafType() {
				continue
			}
			if f.Directives.ForName("listSize") == nil && !sizedByParent[t.Name+"."+f.Name] {
				out = append(out, t.Name+"."+f.Name)
			}
		}
	}
	return out
}

// most bounds every product so that a hostile document cannot overflow.
const most = 1 << 40

func mul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > most/b {
		return most
	}
	return a * b
}

func add(a, b int) int { return min(a+b, most) }

type memoKey struct {
	field *ast.Field
	chain int
	size  int
}

// chainKey identifies the path of fields a field is reached by, so that a
// field reached through a fragment used in several places is costed once
// per place, and once for all the possible types of an abstract parent.
type chainKey struct {
	parent int
	field  *ast.Field
}

type coster struct {
	schema *ast.Schema
	vars   map[string]any
	memo   map[memoKey]int
	chains map[chainKey]int
}

// frame is one field on the path from the root, with its arguments.
type frame struct {
	args   map[string]any
	sized  []string // fields of the returned object that take its list size
	size   int
	parent *frame
}

// set costs a selection set on type t: on an abstract type, the most
// expensive of its possible types.
func (c *coster) set(set ast.SelectionSet, t *ast.Definition, chain int, f *frame) int {
	if t == nil {
		return 0
	}
	if t.IsAbstractType() {
		worst := 0
		for _, pt := range c.schema.GetPossibleTypes(t) {
			worst = max(worst, c.concrete(set, pt, chain, f))
		}
		return worst
	}
	return c.concrete(set, t, chain, f)
}

func (c *coster) concrete(set ast.SelectionSet, t *ast.Definition, chain int, f *frame) int {
	total := 0
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			total = add(total, c.field(sel, chain, f))
		case *ast.InlineFragment:
			if c.applies(sel.TypeCondition, t) {
				total = add(total, c.concrete(sel.SelectionSet, t, chain, f))
			}
		case *ast.FragmentSpread:
			if sel.Definition != nil && c.applies(sel.Definition.TypeCondition, t) {
				total = add(total, c.concrete(sel.Definition.SelectionSet, t, chain, f))
			}
		}
	}
	return total
}

// applies says whether a fragment on condition applies to the concrete type t.
func (c *coster) applies(condition string, t *ast.Definition) bool {
	if condition == "" || condition == t.Name {
		return true
	}
	cond := c.schema.Types[condition]
	if cond == nil || !cond.IsAbstractType() {
		return false
	}
	for _, pt := range c.schema.GetPossibleTypes(cond) {
		if pt.Name == t.Name {
			return true
		}
	}
	return false
}

func (c *coster) field(fd *ast.Field, chain int, parent *frame) int {
	def := fd.Definition
	if def == nil || len(fd.Name) > 1 && fd.Name[:2] == "__" {
		return 0
	}
	t := c.schema.Types[def.Type.Name()]
	if t == nil || t.IsLeafType() {
		return 0
	}
	size := 1
	inherited := 0
	if parent != nil {
		for _, s := range parent.sized {
			if s == fd.Name {
				inherited = parent.size
			}
		}
	}
	fr := &frame{args: fd.ArgumentMap(c.vars), parent: parent}
	ls := def.Directives.ForName("listSize")
	listSize := c.listSize(ls, fr)
	switch {
	case inherited > 0:
		size = inherited
	case def.Type.Elem != nil:
		size = listSize
	}
	if ls != nil {
		if sf := ls.Arguments.ForName("sizedFields"); sf != nil {
			for _, ch := range sf.Value.Children {
				fr.sized = append(fr.sized, ch.Value.Raw)
			}
			fr.size = listSize
		}
	}
	key := memoKey{field: fd, chain: chain, size: size}
	if v, ok := c.memo[key]; ok {
		return v
	}
	ck := chainKey{parent: chain, field: fd}
	child, ok := c.chains[ck]
	if !ok {
		child = len(c.chains) + 1
		c.chains[ck] = child
	}
	v := mul(size, add(1, c.set(fd.SelectionSet, t, child, fr)))
	c.memo[key] = v
	return v
}

// listSize reads @listSize(slicingArguments, assumedSize, depthArgument,
// addend) against the arguments of the field and of the fields above it.
func (c *coster) listSize(d *ast.Directive, fr *frame) int {
	if d == nil {
		return 1
	}
	assumed := -1
	if a := d.Arguments.ForName("assumedSize"); a != nil {
		if v, err := a.Value.Value(nil); err == nil {
			assumed = toInt(v)
		}
	}
	size := -1
	if a := d.Arguments.ForName("slicingArguments"); a != nil {
		for _, name := range a.Value.Children {
			if v, ok := lookup(fr, name.Value.Raw); ok {
				size = v
				break
			}
		}
	}
	if size >= 0 {
		if a := d.Arguments.ForName("depthArgument"); a != nil {
			if depth, ok := lookup(fr, a.Value.Raw); ok {
				total, level := 0, 1
				for range min(max(depth, 0), 64) {
					level = mul(level, size)
					total = add(total, level)
				}
				size = total
			}
		}
	}
	if a := d.Arguments.ForName("addend"); a != nil && size >= 0 {
		if v, err := a.Value.Value(nil); err == nil {
			size = add(size, toInt(v))
		}
	}
	switch {
	case size < 0 && assumed >= 0:
		return assumed
	case size < 0:
		return 1
	case assumed >= 0:
		return min(size, assumed)
	}
	return size
}

// lookup finds an argument's value on the field or the fields above it; a
// list counts its items, and a single value where a list is expected (which
// GraphQL coerces to a list of one) counts as one.
func lookup(fr *frame, name string) (int, bool) {
	for f := fr; f != nil; f = f.parent {
		v, ok := f.args[name]
		if !ok || v == nil {
			continue
		}
		switch rv := reflect.ValueOf(v); {
		case rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array:
			return rv.Len(), true
		case rv.Kind() == reflect.String:
			if _, isNumber := v.(interface{ Int64() (int64, error) }); !isNumber {
				return 1, true
			}
		}
		return max(toInt(v), 0), true
	}
	return 0, false
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(min(max(n, -most), most))
	case int32:
		return int(n)
	case float64:
		if n > most {
			return most
		}
		return int(n)
	case interface{ Int64() (int64, error) }:
		i, err := n.Int64()
		if err != nil {
			return most
		}
		return int(min(max(i, -most), most))
	}
	return 0
}
