package neo4jtest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// FullNode is a node of kind k, id "<kind>/full", with every described
// field set to a value of its own, and, by field name, the rendering of each
// value that an export or a data file carries. A field of a value type it
// does not know fails the test: the next type added to the description
// needs a sample here.
func FullNode(tb testing.TB, k domain.Kind) (domain.Node, map[string]string) {
	tb.Helper()
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
				tb.Fatal(err)
			}
			v, text = &d, d.Value
		case domain.TClaimDates:
			d, _ := domain.ParsePartialDate(fmt.Sprintf("18%02d", i))
			v, text = []domain.ClaimDate{{Kind: domain.DateDeadline, Date: d}}, d.Value
		case domain.TTime:
			tm := time.Date(1950+i, 1, 2, 3, 4, 5, 0, time.UTC)
			v, text = &tm, tm.Format(time.RFC3339)
		default:
			tb.Fatalf("%s.%s: no sample value for its type", k, f.Name)
		}
		f.Set(n, v)
		want[f.Name] = text
	}
	return n, want
}
