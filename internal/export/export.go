// Package export writes subgraphs in the formats journalists take to other
// tools: GraphML and GEXF (Gephi, yEd), CSV node and edge lists
// (spreadsheets), JSON for D3 and Cytoscape, and FollowTheMoney entities
// (Aleph). Every format carries the full entities and the provenance of each
// relationship (its claim and the sources that record it), not just ids.
package export

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Format names an export format.
type Format string

// The formats.
const (
	GraphML   Format = "graphml"
	GEXF      Format = "gexf"
	CSVNodes  Format = "csv-nodes"
	CSVEdges  Format = "csv-edges"
	JSON      Format = "json"
	Cytoscape Format = "cytoscape"
	FtM       Format = "ftm"
)

// Formats lists every format.
var Formats = []Format{GraphML, GEXF, CSVNodes, CSVEdges, JSON, Cytoscape, FtM}

// ContentType is the media type of a format.
func (f Format) ContentType() string {
	switch f {
	case GraphML:
		return "application/graphml+xml; charset=utf-8"
	case GEXF:
		return "application/gexf+xml; charset=utf-8"
	case CSVNodes, CSVEdges:
		return "text/csv; charset=utf-8"
	case JSON, Cytoscape:
		return "application/json; charset=utf-8"
	case FtM:
		return "application/x-ndjson; charset=utf-8"
	}
	return "application/octet-stream"
}

// Extension is a format's file name ending.
func (f Format) Extension() string {
	switch f {
	case CSVNodes:
		return "nodes.csv"
	case CSVEdges:
		return "edges.csv"
	case FtM:
		return "ftm.jsonl"
	case Cytoscape:
		return "cytoscape.json"
	}
	return string(f)
}

// Parse reads a format name; EINVALID lists the known ones.
func Parse(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", domain.Invalid("format", "unknown export format %q: want one of %s", s, strings.Join(names, ", "))
}

// Graph is what is exported: a subgraph and, per claim id, the sources that
// record it.
type Graph struct {
	domain.Subgraph
	Sources map[string][]string
	// Title describes the export, e.g. "neighbourhood of person/dmitry-peskov".
	Title string
}

// Write writes g in format f.
func Write(w io.Writer, f Format, g *Graph) error {
	switch f {
	case GraphML:
		return writeGraphML(w, g)
	case GEXF:
		return writeGEXF(w, g)
	case CSVNodes:
		return writeCSVNodes(w, g)
	case CSVEdges:
		return writeCSVEdges(w, g)
	case JSON:
		return writeJSON(w, g, false)
	case Cytoscape:
		return writeJSON(w, g, true)
	case FtM:
		return writeFtM(w, g)
	}
	return domain.Invalid("format", "unknown export format %q", f)
}

// field is one exported property.
type field struct {
	name  string
	value string
}

// num renders an optional number; "" when absent.
func num(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// dateFields expands a PartialDate into value, earliest and latest.
func dateFields(name string, d *domain.PartialDate) []field {
	if d == nil {
		return []field{{name, ""}, {name + "_earliest", ""}, {name + "_latest", ""}}
	}
	return []field{{name, d.Value}, {name + "_earliest", d.Earliest.Format(domain.DateLayout)}, {name + "_latest", d.Latest.Format(domain.DateLayout)}}
}

// nodeFields are a node's exported properties: its kind, its label and
// every field its kind's description exports (the first label field only
// as the label when it is always set), the same names for every node of a
// kind; lists are joined with " | ".
func nodeFields(n domain.Node) []field {
	f := []field{{"kind", string(n.NodeKind())}, {"label", domain.Label(n)}}
	labelled := false
	for _, d := range domain.SpecOf(n).Fields {
		if d.Label && !labelled {
			labelled = true
			if d.Required {
				continue
			}
		}
		if d.Export != "" {
			f = append(f, exported(d.Export, d.Get(n))...)
		}
	}
	return f
}

// exported renders one field's value, a value of domain.FieldSpec.Get, as
// columns: a date as its value and bounds.
func exported(name string, v any) []field {
	switch v := v.(type) {
	case string:
		return []field{{name, v}}
	case *string:
		return []field{{name, str(v)}}
	case []string:
		return []field{{name, strings.Join(v, " | ")}}
	case *float64:
		return []field{{name, num(v)}}
	case *domain.PartialDate:
		return dateFields(name, v)
	case []domain.ClaimDate:
		dates := make([]string, len(v))
		for i, d := range v {
			dates[i] = string(d.Kind) + " " + d.Date.Value + " (" + d.Date.Earliest.Format(domain.DateLayout) + ".." + d.Date.Latest.Format(domain.DateLayout) + ")"
		}
		return []field{{name, strings.Join(dates, " | ")}}
	case *time.Time:
		if v == nil {
			return []field{{name, ""}}
		}
		return []field{{name, v.UTC().Format(time.RFC3339)}}
	}
	return []field{{name, fmt.Sprint(v)}}
}

// edgeFields are a relationship's exported properties with its provenance.
func edgeFields(e domain.Edge, sources map[string][]string) []field {
	f := []field{{"type", string(e.Type)}, {"role", str(e.Role)}, {"side", str(e.Side)}, {"claim", str(e.ClaimID)}, {"sources", ""}, {"count", ""}}
	if e.ClaimID != nil {
		f[4].value = strings.Join(sources[*e.ClaimID], " | ")
	}
	if e.Count != nil {
		f[5].value = fmt.Sprint(*e.Count)
	}
	return f
}

// columns returns the union of field names of a set of field lists, in
// first-seen order.
func columns(lists [][]field) []string {
	var cols []string
	for _, l := range lists {
		for _, f := range l {
			if !slices.Contains(cols, f.name) {
				cols = append(cols, f.name)
			}
		}
	}
	return cols
}

func valueOf(l []field, name string) (string, bool) {
	for _, f := range l {
		if f.name == name {
			return f.value, true
		}
	}
	return "", false
}
