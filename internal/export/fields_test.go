package export

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// TestExportsCarryEveryField compares each kind's exported fields with the
// fields of its domain type, so that a field added to a kind cannot be left
// out of the exports unnoticed (Place's lat and lon once were).
func TestExportsCarryEveryField(t *testing.T) {
	// Fields exported under another name, or left out on purpose.
	other := map[string]string{
		"ID": "the node's id", "Meta": "bookkeeping", "Name": "label", "Title": "label",
		"Claim.Summary": "label", "Kind": "<kind>Kind or kind",
		"Source.Text":  "left out: up to a million characters in every row; the JSON export of the dataset carries it",
		"Claim.Status": "status", "Negotiation.Status": "status",
	}
	for _, n := range []domain.Node{&domain.Person{}, &domain.Organisation{}, &domain.Place{}, &domain.Negotiation{}, &domain.Event{}, &domain.Source{}, &domain.Claim{}, &domain.Attribution{}} {
		names := map[string]bool{}
		for _, f := range nodeFields(n) {
			names[strings.ToLower(f.name)] = true
		}
		typ := reflect.TypeOf(n).Elem()
		for i := range typ.NumField() {
			sf := typ.Field(i)
			if _, ok := other[sf.Name]; ok {
				continue
			}
			if _, ok := other[typ.Name()+"."+sf.Name]; ok {
				continue
			}
			if !names[strings.ToLower(sf.Name)] {
				t.Errorf("%s.%s is not exported (nodeFields)", typ.Name(), sf.Name)
			}
		}
	}
}
