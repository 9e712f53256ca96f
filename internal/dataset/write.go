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
		switch e.Type {
		case domain.RelPublishedBy, domain.RelAuthoredBy, domain.RelDerivedFrom, domain.RelAbout,
			domain.RelOn, domain.RelMadeBy, domain.RelRecordedIn, domain.RelMadeIn, domain.RelCites, domain.RelDuring:
			out[e.From] = append(out[e.From], e)
		default:
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

func nodeRecord(n domain.Node, edges []domain.Edge) obj {
	o := obj{"type": string(n.NodeKind()), "id": n.NodeID()}
	switch n := n.(type) {
	case *domain.Person:
		o.put("name", n.Name)
		o.put("aliases", n.Aliases)
		o.put("description", n.Description)
		o.put("wikidataId", n.WikidataID)
	case *domain.Organisation:
		o.put("name", n.Name)
		o.put("aliases", n.Aliases)
		o.put("kind", string(n.Kind))
		o.put("country", n.Country)
		o.put("description", n.Description)
	case *domain.Place:
		o.put("name", n.Name)
		o.put("aliases", n.Aliases)
		o.put("kind", string(n.Kind))
		o.put("countryCode", n.CountryCode)
		o.put("lat", n.Lat)
		o.put("lon", n.Lon)
	case *domain.Negotiation:
		o.put("name", n.Name)
		o.put("aliases", n.Aliases)
		o.put("topic", n.Topic)
		o.put("start", n.Start)
		o.put("end", n.End)
		o.put("status", string(n.Status))
	case *domain.Event:
		o.put("kind", string(n.Kind))
		o.put("name", n.Name)
		o.put("aliases", n.Aliases)
		o.put("description", n.Description)
		o.put("date", n.Date)
	case *domain.Source:
		o.put("kind", string(n.Kind))
		o.put("title", n.Title)
		o.put("url", n.URL)
		o.put("language", n.Language)
		o.put("publishedAt", n.PublishedAt)
		if n.RetrievedAt != nil {
			o.put("retrievedAt", n.RetrievedAt.UTC().Format(time.RFC3339))
		}
		o.put("text", n.Text)
		o.put("publisher", target(edges, domain.RelPublishedBy))
		o.put("authors", targets(edges, domain.RelAuthoredBy))
		o.put("derivedFrom", targets(edges, domain.RelDerivedFrom))
	case *domain.Claim:
		o.put("text", n.Text)
		o.put("language", n.Language)
		o.put("summary", n.Summary)
		o.put("pointInTime", n.PointInTime)
		if len(n.Dates) > 0 {
			dates := make([]obj, len(n.Dates))
			for i, d := range n.Dates {
				dates[i] = obj{"kind": string(d.Kind), "date": dateJSON(d.Date)}
			}
			o["dates"] = dates
		}
		o.put("rank", string(n.Rank))
		var about []obj
		for _, e := range edges {
			if e.Type == domain.RelAbout {
				about = append(about, obj{"id": e.To, "role": deref(e.Role)})
			}
		}
		slices.SortFunc(about, func(a, b obj) int {
			return cmp.Or(cmp.Compare(a["id"].(string), b["id"].(string)), cmp.Compare(a["role"].(string), b["role"].(string)))
		})
		if len(about) > 0 {
			o["about"] = about
		}
	case *domain.Attribution:
		o.put("claim", target(edges, domain.RelOn))
		o.put("actor", target(edges, domain.RelMadeBy))
		o.put("stance", string(n.Stance))
		o.put("quote", n.Quote)
		o.put("summary", n.Summary)
		o.put("cue", n.Cue)
		o.put("sourcing", string(n.Sourcing))
		o.put("statedAt", n.StatedAt)
		o.put("sources", targets(edges, domain.RelRecordedIn))
		o.put("madeIn", targets(edges, domain.RelMadeIn))
		o.put("cites", targets(edges, domain.RelCites))
		o.put("during", target(edges, domain.RelDuring))
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
