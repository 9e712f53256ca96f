package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
)

// cell guards a value against spreadsheet formula injection: a cell that
// starts with = + - or @ is prefixed with an apostrophe.
func cell(v string) string {
	if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
		return "'" + v
	}
	return v
}

func writeCSVNodes(w io.Writer, g *Graph) error {
	lists := make([][]field, len(g.Nodes))
	for i, n := range g.Nodes {
		lists[i] = nodeFields(n)
	}
	cols := append([]string{"id"}, columns(lists)...)
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return err
	}
	for i, n := range g.Nodes {
		row := []string{n.NodeID()}
		for _, c := range cols[1:] {
			v, _ := valueOf(lists[i], c)
			row = append(row, cell(v))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeCSVEdges(w io.Writer, g *Graph) error {
	cols := []string{"id", "source", "target", "type", "role", "side", "claim", "sources", "count"}
	cw := csv.NewWriter(w)
	if err := cw.Write(cols); err != nil {
		return err
	}
	for _, e := range g.Edges {
		f := edgeFields(e, g.Sources)
		row := []string{e.ID(), e.From, e.To}
		for _, c := range cols[3:] {
			v, _ := valueOf(f, c)
			row = append(row, cell(v))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes {"nodes": [...], "links": [...]} for D3, or Cytoscape's
// {"elements": {"nodes": [{"data": …}], "edges": [{"data": …}]}}.
func writeJSON(w io.Writer, g *Graph, cytoscape bool) error {
	nodes := make([]map[string]any, 0, len(g.Nodes))
	for _, n := range g.Nodes {
		m := map[string]any{"id": n.NodeID()}
		for _, f := range nodeFields(n) {
			if f.value != "" {
				m[f.name] = f.value
			}
		}
		nodes = append(nodes, m)
	}
	links := make([]map[string]any, 0, len(g.Edges))
	for _, e := range g.Edges {
		m := map[string]any{"id": e.ID(), "source": e.From, "target": e.To}
		for _, f := range edgeFields(e, g.Sources) {
			if f.value != "" {
				m[f.name] = f.value
			}
		}
		links = append(links, m)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if !cytoscape {
		return enc.Encode(map[string]any{"title": g.Title, "nodes": nodes, "links": links})
	}
	wrap := func(xs []map[string]any) []map[string]any {
		out := make([]map[string]any, len(xs))
		for i, x := range xs {
			out[i] = map[string]any{"data": x}
		}
		return out
	}
	return enc.Encode(map[string]any{"data": map[string]any{"title": g.Title}, "elements": map[string]any{"nodes": wrap(nodes), "edges": wrap(links)}})
}
