package neo4jstore

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// props is a node's or relationship's properties as stored. Every key of a
// kind is present (nil removes it) so that SET n += props replaces.
type props map[string]any

func optString(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func optFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// putDate stores a PartialDate as <name> (the ISO prefix), <name>Precision,
// and <name>Earliest/<name>Latest as Neo4j dates.
func (p props) putDate(name string, d *domain.PartialDate) {
	if d == nil {
		p[name], p[name+"Precision"], p[name+"Earliest"], p[name+"Latest"] = nil, nil, nil, nil
		return
	}
	p[name] = d.Value
	p[name+"Precision"] = string(d.Precision)
	p[name+"Earliest"] = neo4j.DateOf(d.Earliest)
	p[name+"Latest"] = neo4j.DateOf(d.Latest)
}

// putDates stores a claim's dates as parallel lists: <name>Kind,
// <name>Value, <name>Precision, <name>Earliest and <name>Latest (dates).
func (p props) putDates(name string, ds []domain.ClaimDate) {
	kinds, values, precisions := make([]string, len(ds)), make([]string, len(ds)), make([]string, len(ds))
	earliest, latest := make([]neo4j.Date, len(ds)), make([]neo4j.Date, len(ds))
	for i, d := range ds {
		kinds[i], values[i], precisions[i] = string(d.Kind), d.Date.Value, string(d.Date.Precision)
		earliest[i], latest[i] = neo4j.DateOf(d.Date.Earliest), neo4j.DateOf(d.Date.Latest)
	}
	p[name+"Kind"], p[name+"Value"], p[name+"Precision"] = kinds, values, precisions
	p[name+"Earliest"], p[name+"Latest"] = earliest, latest
}

// nodeProps returns the stored properties of n, without bookkeeping: its
// described fields under their names, and the keys the store derives for
// search and sorting.
func nodeProps(n domain.Node) props {
	p := props{"id": n.NodeID()}
	for _, f := range domain.SpecOf(n).Fields {
		if f.Derived {
			continue // a claim's status: see refreshStatuses
		}
		switch v := f.Get(n).(type) {
		case *string:
			p[f.Name] = optString(v)
		case *float64:
			p[f.Name] = optFloat(v)
		case []string:
			if v == nil {
				v = []string{}
			}
			p[f.Name] = v
		case *domain.PartialDate:
			p.putDate(f.Name, v)
		case []domain.ClaimDate:
			p.putDates(f.Name, v)
		case *time.Time:
			if v != nil {
				p[f.Name] = *v
			} else {
				p[f.Name] = nil
			}
		default: // strings and enums
			p[f.Name] = v
		}
	}
	searchProps(n, p)
	p["sortDate"] = nil
	if d := domain.DateOf(n); d != nil {
		p["sortDate"] = d.Earliest.Format(domain.DateLayout)
	}
	return p
}

// searchProps derives the properties search and sorting read: searchKeys
// (names, aliases and titles, see domain.SearchKeys), aliasText, textKey
// (claims' and attributions' folded text) and sortName.
func searchProps(n domain.Node, p props) {
	switch n := n.(type) {
	case *domain.Source:
		p["searchKeys"] = domain.SearchKeys(n.Title, nil)
		p["sortName"] = domain.SortKey(domain.Fold(n.Title))
	case *domain.Claim:
		p["textKey"] = domain.Fold(n.Text + " " + n.Summary)
		p["sortName"] = domain.SortKey(domain.Fold(n.Summary))
	case *domain.Attribution:
		text := ""
		for _, s := range []*string{n.Quote, n.Summary, n.Cue} {
			if s != nil {
				text += *s + " "
			}
		}
		p["textKey"] = domain.Fold(text)
		p["sortName"] = domain.SortKey(domain.Fold(text))
	default: // the named kinds: name and aliases
		name, aliases := domain.Label(n), p["aliases"].([]string)
		p["aliasText"] = strings.Join(aliases, " | ")
		p["searchKeys"] = domain.SearchKeys(name, aliases)
		p["sortName"] = domain.SortKey(domain.Fold(name))
	}
}

// sortKeyOf is the Cypher expression of the sort key of v, a node or a
// node's property map: its sortDate ("~" when undated), a space, its
// sortName, a unit separator (U+001F) and its id. A folded name holds only
// letters, digits and single spaces, all above U+001F, and the dates are
// ISO days of one length below "~", so keys ordered as strings order nodes
// as sortDate, sortName, id do (undated last): one property to read and
// compare instead of three, which is most of what sorting a node's
// neighbours costs (a neighbourhood's capped expansion, neighboursCypher).
// Stored as sortKey by every node write (mergeNodeCypher, createNodeCypher); Migrate fills
// it in on nodes that schema versions before 5 wrote.
func sortKeyOf(v string) string {
	return `coalesce(` + v + `.sortDate, '~') + ' ' + coalesce(` + v + `.sortName, '') + '\u001f' + ` + v + `.id`
}

// contentHash fingerprints stored properties so that re-writing unchanged
// data leaves updatedAt alone: the SHA-256 of the properties as
// encoding/json writes the map (keys sorted, dates as ISO days), which is
// what earlier versions stored. An import hashes every record, so the
// common values (strings, numbers, lists of strings, dates) are written
// here without reflection; anything else, and any string that JSON would
// escape, goes through encoding/json, so the bytes stay the same
// (TestContentHashIsJSON).
func contentHash(p props) string {
	sum := sha256.Sum256(propsJSON(p))
	return hex.EncodeToString(sum[:12])
}

// propsJSON is p as encoding/json writes a map: keys sorted, dates as ISO
// days.
func propsJSON(p props) []byte { return appendPropsJSON(make([]byte, 0, 512), p, false) }

// stateJSON is p as propsJSON writes it, less the derived keys and the
// null values: what reading the node back needs (an attribution's state
// in a NewsgraphChangeSet, see logSetCypher).
func stateJSON(p props) string { return string(appendPropsJSON(make([]byte, 0, 256), p, true)) }

func appendPropsJSON(buf []byte, p props, state bool) []byte {
	keys := make([]string, 0, len(p))
	for k, v := range p {
		if !state || v != nil && !slices.Contains(derivedKeys, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	buf = append(buf, '{')
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, k)
		buf = append(buf, ':')
		buf = appendJSONValue(buf, p[k])
	}
	return append(buf, '}')
}

func appendJSONValue(buf []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(buf, "null"...)
	case string:
		return appendJSONString(buf, v)
	case int64:
		return strconv.AppendInt(buf, v, 10)
	case bool:
		return strconv.AppendBool(buf, v)
	case dbtype.Date:
		return appendJSONString(buf, v.Time().Format(domain.DateLayout))
	case []string:
		if v == nil {
			return append(buf, "null"...)
		}
		buf = append(buf, '[')
		for i, s := range v {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONString(buf, s)
		}
		return append(buf, ']')
	}
	b, _ := json.Marshal(v)
	return append(buf, b...)
}

// appendJSONString writes s quoted as encoding/json does: printable ASCII
// that needs no escape as it is, anything else through encoding/json.
func appendJSONString(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s)
			return append(buf, b...)
		}
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

func edgeProps(e domain.Edge) props {
	p := props{"role": optString(e.Role), "side": optString(e.Side), "claim": optString(e.ClaimID)}
	p.putDate("start", e.Start)
	p.putDate("end", e.End)
	if e.Count != nil {
		p["count"] = int64(*e.Count)
	} else {
		p["count"] = nil
	}
	if e.Offsets != nil {
		offs := make([]int64, len(e.Offsets))
		for i, o := range e.Offsets {
			offs[i] = int64(o)
		}
		p["offsets"] = offs
	} else {
		p["offsets"] = nil
	}
	return p
}

// fieldProps is every node field a projection may name, with the stored
// properties it is read from (the whitelist of Relation.Fields): a field of
// several kinds has one name and one set of properties in all of them.
var fieldProps = func() map[string][]string {
	m := map[string][]string{}
	for _, f := range []string{"id", "createdAt", "updatedAt", "createdBy", "updatedBy", "origin"} {
		m[f] = []string{f}
	}
	for _, k := range domain.Kinds {
		for _, f := range domain.Spec(k).Fields {
			switch f.Type {
			case domain.TDate:
				m[f.Name] = []string{f.Name, f.Name + "Precision", f.Name + "Earliest", f.Name + "Latest"} // see putDate
			case domain.TClaimDates:
				m[f.Name] = []string{f.Name + "Kind", f.Name + "Value", f.Name + "Precision", f.Name + "Earliest", f.Name + "Latest"} // see putDates
			default:
				m[f.Name] = []string{f.Name}
			}
		}
	}
	return m
}()

// nodeProjection is the Cypher map projection of variable v that reads
// the fields of a Relation.Fields list (and the id), or v itself when the
// list is empty or names a field outside the whitelist.
func nodeProjection(v, fields string) string {
	if fields == "" {
		return v
	}
	seen := map[string]bool{"id": true}
	parts := []string{".id"}
	for _, f := range strings.Split(fields, ",") {
		ps, ok := fieldProps[f]
		if !ok {
			return v
		}
		for _, p := range ps {
			if !seen[p] {
				seen[p] = true
				parts = append(parts, "."+p)
			}
		}
	}
	return v + " {" + strings.Join(parts, ", ") + "}"
}

// edgeProjection is the Cypher map projection of relationship variable v
// with the properties edgeFromDB reads (those of edgeProps): not the
// bookkeeping (hash, key, updatedAt…). A relation that projects its nodes
// (Relation.Fields) returns nodes, not relationship views: it reads no
// relationship properties at all.
func edgeProjection(v, fields string) string {
	if !readsEdges(fields) {
		return "null"
	}
	return v + " {.role, .side, .claim, .start, .startPrecision, .startEarliest, .startLatest, " +
		".end, .endPrecision, .endEarliest, .endLatest, .count, .offsets}"
}

// readsEdges says whether a relation read with these node fields
// (domain.Relation.Fields) reads its relationships' properties: only one
// that reads whole nodes serves relationship views.
func readsEdges(fields string) bool { return fields == "" }

// ---- decoding

type propReader map[string]any

func (r propReader) str(k string) string {
	s, _ := r[k].(string)
	return s
}

func (r propReader) optStr(k string) *string {
	if s, ok := r[k].(string); ok {
		return ptr(s)
	}
	return nil
}

// ptr returns a pointer to a copy of v (a copy, so that the caller's
// variable stays on its stack).
func ptr[T any](v T) *T { return &v }

// noStrings is the empty list an absent list property reads as: shared,
// since appending to a list of capacity 0 copies it.
var noStrings = []string{}

func (r propReader) strs(k string) []string {
	raw, _ := r[k].([]any)
	if len(raw) == 0 {
		return noStrings
	}
	out := make([]string, 0, len(raw))
	for _, v := range raw {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (r propReader) time(k string) time.Time {
	switch v := r[k].(type) {
	case time.Time:
		return v
	case dbtype.Date:
		return v.Time()
	}
	return time.Time{}
}

func (r propReader) date(name string) *domain.PartialDate {
	v, ok := r[name].(string)
	if !ok {
		return nil
	}
	return &domain.PartialDate{Value: v, Precision: domain.Precision(r.str(name + "Precision")),
		Earliest: r.time(name + "Earliest"), Latest: r.time(name + "Latest")}
}

// dates reads what putDates stored.
func (r propReader) dates(name string) []domain.ClaimDate {
	kinds, values, precisions := r.strs(name+"Kind"), r.strs(name+"Value"), r.strs(name+"Precision")
	earliest, _ := r[name+"Earliest"].([]any)
	latest, _ := r[name+"Latest"].([]any)
	if len(kinds) != len(values) || len(kinds) != len(precisions) || len(kinds) != len(earliest) || len(kinds) != len(latest) {
		return nil
	}
	out := make([]domain.ClaimDate, len(kinds))
	for i := range kinds {
		e, _ := earliest[i].(neo4j.Date)
		l, _ := latest[i].(neo4j.Date)
		out[i] = domain.ClaimDate{Kind: domain.DateKind(kinds[i]), Date: domain.PartialDate{Value: values[i],
			Precision: domain.Precision(precisions[i]), Earliest: e.Time().UTC(), Latest: l.Time().UTC()}}
	}
	return out
}

func (r propReader) meta() domain.Meta {
	return domain.Meta{CreatedAt: r.time("createdAt"), UpdatedAt: r.time("updatedAt"), Origin: r.str("origin"),
		CreatedBy: r.str("createdBy"), UpdatedBy: r.str("updatedBy")}
}

// decodeNode builds the domain node of kind from stored properties.
func decodeNode(kind domain.Kind, raw map[string]any) domain.Node {
	spec := domain.Spec(kind)
	if spec == nil {
		return nil
	}
	r := propReader(raw)
	n := spec.New(r.str("id"))
	for i := range spec.Fields {
		f := &spec.Fields[i]
		switch f.Type {
		case domain.TString, domain.TEnum:
			s, ok := raw[f.Name].(string)
			switch {
			case f.Optional && ok:
				f.Set(n, ptr(s))
			case !f.Optional && (ok || f.Default != ""):
				f.SetString(n, s) // an absent property clears a default
			}
		case domain.TStrings:
			f.SetStrings(n, r.strs(f.Name))
		case domain.TFloat:
			if v, ok := raw[f.Name].(float64); ok {
				f.Set(n, ptr(v))
			}
		case domain.TDate:
			if d := r.date(f.Name); d != nil {
				f.Set(n, d)
			}
		case domain.TClaimDates:
			if d := r.dates(f.Name); d != nil {
				f.Set(n, d)
			}
		case domain.TTime:
			if t, ok := raw[f.Name].(time.Time); ok {
				f.Set(n, ptr(t))
			}
		}
	}
	*n.Bookkeeping() = r.meta()
	return n
}

// nodeFromDB decodes a neo4j.Node; its kind comes from its id's prefix.
func nodeFromDB(n neo4j.Node) domain.Node {
	id, _ := n.Props["id"].(string)
	kind, err := domain.KindOfID(id)
	if err != nil {
		return nil
	}
	return decodeNode(kind, n.Props)
}

// nodeFromValue decodes a node returned whole or as a map projection.
func nodeFromValue(v any) domain.Node {
	switch n := v.(type) {
	case neo4j.Node:
		return nodeFromDB(n)
	case map[string]any:
		return nodeFromDB(neo4j.Node{Props: n})
	}
	return nil
}

// edgeFromValue decodes a relationship returned whole or as a map
// projection.
func edgeFromValue(t domain.RelType, from, to string, v any) domain.Edge {
	switch r := v.(type) {
	case neo4j.Relationship:
		return edgeFromDB(t, from, to, r)
	case map[string]any:
		return edgeFromDB(t, from, to, neo4j.Relationship{Props: r})
	}
	return domain.Edge{Type: t, From: from, To: to}
}

func edgeFromDB(t domain.RelType, from, to string, r neo4j.Relationship) domain.Edge {
	pr := propReader(r.Props)
	e := domain.Edge{Type: t, From: from, To: to, Role: pr.optStr("role"), Side: pr.optStr("side"), ClaimID: pr.optStr("claim"),
		Start: pr.date("start"), End: pr.date("end")}
	if c, ok := r.Props["count"].(int64); ok {
		n := int(c)
		e.Count = &n
	}
	if offs, ok := r.Props["offsets"].([]any); ok {
		for _, o := range offs {
			if i, ok := o.(int64); ok {
				e.Offsets = append(e.Offsets, int(i))
			}
		}
	}
	return e
}
