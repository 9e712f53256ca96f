package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestExportsCarryEveryField sets every described field of every kind and
// looks for each value in every export format: a field added to a kind's
// description reaches every export without another edit (Place's lat and
// lon once did not). A field described export=- (a source's text) is left
// out of the tabular formats; FtM carries the fields described with an ftm
// property.
func TestExportsCarryEveryField(t *testing.T) {
	for _, k := range domain.Kinds {
		n, want := neo4jtest.FullNode(t, k)
		g := &Graph{Subgraph: domain.Subgraph{Nodes: []domain.Node{n}}, Title: "fields"}
		for _, format := range Formats {
			if format == CSVEdges { // relationships only
				continue
			}
			var buf bytes.Buffer
			if err := Write(&buf, format, g); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, f := range domain.Spec(k).Fields {
				carried := f.Export != "" && format != FtM
				if format == FtM { // country codes are lower case there
					carried = f.FtM != "" && ftmSchemas[k] != ""
					out = strings.ToLower(out)
					want[f.Name] = strings.ToLower(want[f.Name])
				}
				if carried && !strings.Contains(out, want[f.Name]) {
					t.Errorf("%s export of a %s lacks %s (%q)", format, k, f.Name, want[f.Name])
				}
			}
		}
	}
}

// TestFtMCoordinates: a place's coordinates reach FtM's latitude and
// longitude through the description alone.
func TestFtMCoordinates(t *testing.T) {
	lat, lon := 24.71, 46.68
	e := ftmEntity(&domain.Place{ID: "place/riyadh", Name: "Riyadh", Kind: domain.PlaceCity, Lat: &lat, Lon: &lon})
	if got := e.Properties["latitude"]; len(got) != 1 || got[0] != "24.71" {
		t.Errorf("latitude = %v", got)
	}
	if got := e.Properties["longitude"]; len(got) != 1 || got[0] != "46.68" {
		t.Errorf("longitude = %v", got)
	}
}
