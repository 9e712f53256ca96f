package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// fullNode is a node of kind k with every described field set to a value
// of its own, and the rendering of each field's value an export carries.
func fullNode(t *testing.T, k domain.Kind) (domain.Node, map[string]string) {
	t.Helper()
	spec := domain.Spec(k)
	n := spec.New(strings.ToLower(string(k)) + "/full")
	want := map[string]string{}
	for i, f := range spec.Fields {
		text := fmt.Sprintf("%s-value-%d", f.Name, i)
		var v any
		switch f.Type {
		case domain.TString:
			v = text
			if f.Optional {
				v = &text
			}
		case domain.TEnum:
			v = f.Enum[len(f.Enum)-1]
			text = f.Enum[len(f.Enum)-1]
		case domain.TStrings:
			v = []string{text}
		case domain.TFloat:
			x := 12.25 + float64(i)
			v, text = &x, fmt.Sprint(x)
		case domain.TDate:
			d, err := domain.ParsePartialDate(fmt.Sprint(1900 + i))
			if err != nil {
				t.Fatal(err)
			}
			v, text = &d, d.Value
		case domain.TClaimDates:
			d, _ := domain.ParsePartialDate(fmt.Sprintf("18%02d", i))
			v, text = []domain.ClaimDate{{Kind: domain.DateDeadline, Date: d}}, d.Value
		case domain.TTime:
			tm := time.Date(1950+i, 1, 2, 3, 4, 5, 0, time.UTC)
			v, text = &tm, tm.Format(time.RFC3339)
		default:
			t.Fatalf("%s.%s: no sample value for its type", k, f.Name)
		}
		f.Set(n, v)
		want[f.Name] = text
	}
	return n, want
}

// TestExportsCarryEveryField sets every described field of every kind and
// looks for each value in every export format: a field added to a kind's
// description reaches every export without another edit (Place's lat and
// lon once did not). A field described export=- (a source's text) is left
// out of the tabular formats; FtM carries the fields described with an ftm
// property.
func TestExportsCarryEveryField(t *testing.T) {
	for _, k := range domain.Kinds {
		n, want := fullNode(t, k)
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
