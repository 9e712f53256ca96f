package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/internal/domain"
)

type xmlWriter struct {
	w   io.Writer
	err error
}

func (x *xmlWriter) printf(format string, args ...any) {
	if x.err == nil {
		_, x.err = fmt.Fprintf(x.w, format, args...)
	}
}

// esc escapes text for XML attributes and content; characters XML 1.0 does
// not allow become U+FFFD.
func esc(s string) string {
	var b []byte
	buf := &bytesWriter{&b}
	_ = xml.EscapeText(buf, []byte(s))
	return string(b)
}

type bytesWriter struct{ b *[]byte }

func (w *bytesWriter) Write(p []byte) (int, error) { *w.b = append(*w.b, p...); return len(p), nil }

// nmtoken makes a GraphML id (an XML NMTOKEN, which has no "/") of a
// newsgraph id: person/dmitry-peskov becomes person:dmitry-peskov. The
// original id is kept in the "id" data of every node.
func nmtoken(id string) string { return strings.ReplaceAll(id, "/", ":") }

func writeGraphML(w io.Writer, g *Graph) error {
	x := &xmlWriter{w: w}
	nodeLists, edgeLists, ncols, ecols := tables(g, true)
	x.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	x.printf("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
	x.printf("  <desc>%s</desc>\n", esc(g.Title))
	for i, c := range ncols {
		x.printf("  <key id=\"n%d\" for=\"node\" attr.name=\"%s\" attr.type=\"string\"/>\n", i, esc(c))
	}
	for i, c := range ecols {
		x.printf("  <key id=\"e%d\" for=\"edge\" attr.name=\"%s\" attr.type=\"string\"/>\n", i, esc(c))
	}
	x.printf("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n")
	for i, n := range g.Nodes {
		x.printf("    <node id=\"%s\">\n", esc(nmtoken(n.NodeID())))
		for j, c := range ncols {
			if v, ok := valueOf(nodeLists[i], c); ok && v != "" {
				x.printf("      <data key=\"n%d\">%s</data>\n", j, esc(v))
			}
		}
		x.printf("    </node>\n")
	}
	for i, e := range g.Edges {
		x.printf("    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, esc(nmtoken(e.From)), esc(nmtoken(e.To)))
		for j, c := range ecols {
			if v, ok := valueOf(edgeLists[i], c); ok && v != "" {
				x.printf("      <data key=\"e%d\">%s</data>\n", j, esc(v))
			}
		}
		x.printf("    </edge>\n")
	}
	x.printf("  </graph>\n</graphml>\n")
	return x.err
}

// writeGEXF writes GEXF 1.2 (the version Gephi reads and writes).
func writeGEXF(w io.Writer, g *Graph) error {
	x := &xmlWriter{w: w}
	nodeLists, edgeLists, ncols, ecols := tables(g, false)
	x.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	x.printf("<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n")
	x.printf("  <meta>\n    <creator>newsgraph</creator>\n    <description>%s</description>\n  </meta>\n", esc(g.Title))
	x.printf("  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
	x.printf("    <attributes class=\"node\">\n")
	for i, c := range ncols {
		x.printf("      <attribute id=\"n%d\" title=\"%s\" type=\"string\"/>\n", i, esc(c))
	}
	x.printf("    </attributes>\n    <attributes class=\"edge\">\n")
	for i, c := range ecols {
		x.printf("      <attribute id=\"e%d\" title=\"%s\" type=\"string\"/>\n", i, esc(c))
	}
	x.printf("    </attributes>\n    <nodes>\n")
	for i, n := range g.Nodes {
		x.printf("      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", esc(n.NodeID()), esc(domain.Label(n)))
		for j, c := range ncols {
			if v, ok := valueOf(nodeLists[i], c); ok && v != "" {
				x.printf("          <attvalue for=\"n%d\" value=\"%s\"/>\n", j, esc(v))
			}
		}
		x.printf("        </attvalues>\n      </node>\n")
	}
	x.printf("    </nodes>\n    <edges>\n")
	for i, e := range g.Edges {
		x.printf("      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\">\n        <attvalues>\n", esc(e.ID()), esc(e.From), esc(e.To), esc(string(e.Type)))
		for j, c := range ecols {
			if v, ok := valueOf(edgeLists[i], c); ok && v != "" {
				x.printf("          <attvalue for=\"e%d\" value=\"%s\"/>\n", j, esc(v))
			}
		}
		x.printf("        </attvalues>\n      </edge>\n")
	}
	x.printf("    </edges>\n  </graph>\n</gexf>\n")
	return x.err
}

// tables computes every node's and edge's fields and their column names;
// withID adds the node id as a field (for formats whose ids are rewritten).
func tables(g *Graph, withID bool) (nodeLists, edgeLists [][]field, ncols, ecols []string) {
	nodeLists = make([][]field, len(g.Nodes))
	for i, n := range g.Nodes {
		nodeLists[i] = nodeFields(n)
		if withID {
			nodeLists[i] = append([]field{{"id", n.NodeID()}}, nodeLists[i]...)
		}
	}
	edgeLists = make([][]field, len(g.Edges))
	for i, e := range g.Edges {
		edgeLists[i] = edgeFields(e, g.Sources)
	}
	return nodeLists, edgeLists, columns(nodeLists), columns(edgeLists)
}
