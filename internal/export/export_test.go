package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

func load(t *testing.T) map[string]*export.Graph {
	t.Helper()
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	whole, err := export.Load(ctx, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	around, err := export.Load(ctx, s, &domain.NeighbourhoodQuery{ID: "person/dmitry-peskov", Hops: 2, PerNode: 25})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*export.Graph{"whole": whole, "neighbourhood": around}
}

func write(t *testing.T, f export.Format, g *export.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(&buf, f, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// validate checks an XML export against its published schema with
// scripts/xsd-validate (Java's validator and the schemas from Maven Central).
func validate(t *testing.T, schema string, data []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "export.xml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Without Maven the schemas cannot be fetched: a developer's machine may
	// skip, CI (which installs Maven) never does.
	if _, err := exec.LookPath("mvn"); err != nil && os.Getenv("CI") != "true" {
		t.Skip("no Maven to fetch the GraphML and GEXF schemas")
	}
	out, err := exec.Command(filepath.Join(neo4jtest.RepoRoot(t), "scripts", "xsd-validate"), schema, file).CombinedOutput()
	if err != nil {
		t.Fatalf("%s does not validate: %v\n%s", schema, err, out)
	}
}

func TestXMLFormats(t *testing.T) {
	for name, g := range load(t) {
		for _, c := range []struct {
			f      export.Format
			schema string
			node   string
		}{{export.GraphML, "graphml.xsd", "node"}, {export.GEXF, "gexf.xsd", "node"}} {
			t.Run(name+"/"+string(c.f), func(t *testing.T) {
				data := write(t, c.f, g)
				// It parses, and holds every node and edge.
				dec := xml.NewDecoder(bytes.NewReader(data))
				nodes, edges := 0, 0
				for {
					tok, err := dec.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s does not parse: %v", c.f, err)
					}
					if se, ok := tok.(xml.StartElement); ok {
						switch se.Name.Local {
						case "node":
							nodes++
						case "edge":
							edges++
						}
					}
				}
				if nodes != len(g.Nodes) || edges != len(g.Edges) {
					t.Errorf("%s holds %d nodes and %d edges, want %d and %d", c.f, nodes, edges, len(g.Nodes), len(g.Edges))
				}
				validate(t, c.schema, data)
			})
		}
	}
}

func TestCSVRoundTrips(t *testing.T) {
	g := load(t)["whole"]
	rows := func(data []byte) [][]string {
		r, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		return r
	}
	nodes := rows(write(t, export.CSVNodes, g))
	if len(nodes) != len(g.Nodes)+1 || nodes[0][0] != "id" {
		t.Fatalf("nodes.csv: %d rows for %d nodes, header %v", len(nodes), len(g.Nodes), nodes[0])
	}
	col := slices.Index(nodes[0], "quote")
	found := false
	for _, r := range nodes[1:] {
		// A quote with commas and Polish letters comes back verbatim.
		if r[0] == "attribution/peskov-cannot-rule-out-other-calls" && r[col] == "Ale nie możemy wykluczyć wszystkiego innego" {
			found = true
		}
	}
	if !found {
		t.Error("Peskov's quote did not round-trip through nodes.csv")
	}
	edges := rows(write(t, export.CSVEdges, g))
	if len(edges) != len(g.Edges)+1 {
		t.Errorf("edges.csv: %d rows for %d edges", len(edges), len(g.Edges))
	}
	src := slices.Index(edges[0], "sources")
	for _, r := range edges[1:] {
		if r[3] == "MEMBER_OF" && r[src] == "" {
			t.Errorf("edge %v has no provenance", r)
		}
	}
}

func TestJSONShapes(t *testing.T) {
	g := load(t)["neighbourhood"]
	var d3 struct {
		Nodes []map[string]any
		Links []map[string]any
	}
	if err := json.Unmarshal(write(t, export.JSON, g), &d3); err != nil {
		t.Fatal(err)
	}
	var cy struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(write(t, export.Cytoscape, g), &cy); err != nil {
		t.Fatal(err)
	}
	if len(d3.Nodes) != len(g.Nodes) || len(d3.Links) != len(g.Edges) || len(cy.Elements.Nodes) != len(g.Nodes) || len(cy.Elements.Edges) != len(g.Edges) {
		t.Errorf("D3 %d/%d, Cytoscape %d/%d, want %d/%d", len(d3.Nodes), len(d3.Links), len(cy.Elements.Nodes), len(cy.Elements.Edges), len(g.Nodes), len(g.Edges))
	}
	if d3.Nodes[0]["id"] != "person/dmitry-peskov" || d3.Nodes[0]["label"] != "Dmitry Peskov" {
		t.Errorf("first node %v", d3.Nodes[0])
	}
}

// TestFtMEntitiesAreWellFormed: every line is an entity of a FollowTheMoney
// schema with list-of-string properties, and every entity reference
// resolves to an entity of the file.
func TestFtMEntitiesAreWellFormed(t *testing.T) {
	g := load(t)["whole"]
	data := write(t, export.FtM, g)
	known := []string{"Person", "Organization", "PublicBody", "Address", "Event", "Article", "Note", "Membership", "Documentation"}
	refs := map[string]bool{"member": true, "organization": true, "entity": true, "document": true, "involved": true}
	ids := map[string]bool{}
	var all []export.FtMEntity
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var e export.FtMEntity
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("line %d is not an entity: %v", i+1, err)
		}
		if e.ID == "" || !slices.Contains(known, e.Schema) || len(e.Properties) == 0 {
			t.Errorf("line %d: %+v", i+1, e)
		}
		ids[e.ID] = true
		all = append(all, e)
	}
	schemas := map[string]int{}
	for _, e := range all {
		schemas[e.Schema]++
		for prop, values := range e.Properties {
			for _, v := range values {
				if refs[prop] && !ids[v] {
					t.Errorf("%s %s: %s refers to %s, which is not in the file", e.Schema, e.ID, prop, v)
				}
			}
		}
	}
	for _, s := range []string{"Person", "PublicBody", "Organization", "Event", "Article", "Note", "Membership"} {
		if schemas[s] == 0 {
			t.Errorf("no %s entity in %v", s, schemas)
		}
	}
}
