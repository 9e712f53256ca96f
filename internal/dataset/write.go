package dataset

import (
	"bufio"
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Write encodes ds in the JSON Lines format that Read and Parse take: one
// record per node, with the relationships its record embeds, then the fact
// and MENTIONS records; nodes by kind and id, so that equal graphs give equal
// files. Claim statuses are not written: they are derived on import.
func Write(w io.Writer, ds *domain.Dataset) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	out := map[string][]domain.Edge{}
	var standalone []domain.Edge
	for _, e := range ds.Edges {
		if embedded[e.Type] {
			out[e.From] = append(out[e.From], e)
		} else {
			standalone = append(standalone, e)
		}
	}
	kindRank := map[domain.Kind]int{}
	for i, k := range domain.Kinds {
		kindRank[k] = i
	}
	nodes := slices.Clone(ds.Nodes)
	slices.SortFunc(nodes, func(a, b domain.Node) int {
		return cmp.Or(cmp.Compare(kindRank[a.NodeKind()], kindRank[b.NodeKind()]), cmp.Compare(a.NodeID(), b.NodeID()))
	})
	for _, n := range nodes {
		if err := enc.Encode(nodeRecord(n, out[n.NodeID()])); err != nil {
			return err
		}
	}
	slices.SortFunc(standalone, func(a, b domain.Edge) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(deref(a.Role)+deref(a.Side), deref(b.Role)+deref(b.Side)))
	})
	for _, e := range standalone {
		if err := enc.Encode(edgeRecord(e)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// embedded are the relationships that node records carry (domain.KindLinks).
var embedded = func() map[domain.RelType]bool {
	m := map[domain.RelType]bool{}
	for _, links := range domain.KindLinks {
		for _, l := range links {
			m[l.Type] = true
		}
	}
	return m
}()

// obj is a record under construction; empty values are left out.
type obj map[string]any

func (o obj) put(k string, v any) {
	switch v := v.(type) {
	case nil:
		return
	case string:
		if v == "" {
			return
		}
	case *string:
		if v == nil {
			return
		}
	case *float64:
		if v == nil {
			return
		}
	case []string:
		if len(v) == 0 {
			return
		}
	case *domain.PartialDate:
		if v == nil {
			return
		}
		o[k] = dateJSON(*v)
		return
	}
	o[k] = v
}

// dateJSON writes a PartialDate as its prefix, or as an object when its
// bounds are narrower than the prefix.
func dateJSON(d domain.PartialDate) any {
	full, err := domain.ParsePartialDate(d.Value)
	if err == nil && full.Earliest.Equal(d.Earliest) && full.Latest.Equal(d.Latest) {
		return d.Value
	}
	return obj{"value": d.Value, "earliest": d.Earliest.Format(domain.DateLayout), "latest": d.Latest.Format(domain.DateLayout)}
}

func targets(edges []domain.Edge, t domain.RelType) []string {
	var ids []string
	for _, e := range edges {
		if e.Type == t {
			ids = append(ids, e.To)
		}
	}
	slices.Sort(ids)
	return ids
}

func target(edges []domain.Edge, t domain.RelType) any {
	if ids := targets(edges, t); len(ids) > 0 {
		return ids[0]
	}
	return nil
}

// nodeRecord writes a node's described fields and the relationships its
// kind's record embeds.
func nodeRecord(n domain.Node, edges []domain.Edge) obj {
	o := obj{"type": string(n.NodeKind()), "id": n.NodeID()}
	spec := domain.SpecOf(n)
	for _, f := range spec.Fields {
		if f.Derived {
			continue
		}
		switch v := f.Get(n).(type) {
		case []domain.ClaimDate:
			if len(v) > 0 {
				dates := make([]obj, len(v))
				for i, d := range v {
					dates[i] = obj{"kind": string(d.Kind), "date": dateJSON(d.Date)}
				}
				o[f.Name] = dates
			}
		case *time.Time:
			if v != nil {
				o[f.Name] = v.UTC().Format(time.RFC3339)
			}
		default:
			o.put(f.Name, v)
		}
	}
	for _, l := range spec.Links {
		switch {
		case l.Roles != nil:
			var items []obj
			for _, e := range edges {
				if e.Type == l.Type {
					items = append(items, obj{"id": e.To, "role": deref(e.Role)})
				}
			}
			slices.SortFunc(items, func(a, b obj) int {
				return cmp.Or(cmp.Compare(a["id"].(string), b["id"].(string)), cmp.Compare(a["role"].(string), b["role"].(string)))
			})
			if len(items) > 0 {
				o[l.Name] = items
			}
		case l.Many:
			o.put(l.Name, targets(edges, l.Type))
		default:
			o.put(l.Name, target(edges, l.Type))
		}
	}
	return o
}

func edgeRecord(e domain.Edge) obj {
	o := obj{"type": string(e.Type), "from": e.From, "to": e.To}
	o.put("claim", e.ClaimID)
	o.put("role", e.Role)
	o.put("side", e.Side)
	o.put("start", e.Start)
	o.put("end", e.End)
	if e.Count != nil {
		o["count"] = *e.Count
	}
	if len(e.Offsets) > 0 {
		o["offsets"] = e.Offsets
	}
	return o
}
