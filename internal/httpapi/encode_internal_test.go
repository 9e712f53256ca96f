package httpapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestEncodeResponse: a response's data is copied as gqlgen wrote it (not
// re-compacted), and the whole answer is the JSON that json.Marshal of the
// response would give, with and without errors and extensions.
func TestEncodeResponse(t *testing.T) {
	data := `{"claim":{"id":"claim/a","text":"<b>\"Tak\" & nie</b> – \u2028 ünïcode \n"},"list":[1,2.5,null,true]}`
	for name, resp := range map[string]*graphql.Response{
		"data":                {Data: json.RawMessage(data)},
		"no data":             {Errors: gqlerror.List{{Message: "boom", Extensions: map[string]any{"code": "X"}}}},
		"errors + extensions": {Data: json.RawMessage(data), Errors: gqlerror.List{{Message: "partial <x>", Path: ast.Path{ast.PathName("claim"), ast.PathName("text")}}}, Extensions: map[string]any{"outcomes": []any{"CREATED"}, "bookmark": "b:1"}},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := encode(resp)
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(got) {
				t.Fatalf("not JSON: %s", got)
			}
			want, err := json.Marshal(resp)
			if err != nil {
				t.Fatal(err)
			}
			var g, w any
			_ = json.Unmarshal(got, &g)
			_ = json.Unmarshal(want, &w)
			if !reflect.DeepEqual(g, w) {
				t.Errorf("encode = %s\njson.Marshal = %s", got, want)
			}
			if resp.Data != nil && !bytes.Contains(got, []byte(data)) {
				t.Errorf("the data was not copied as written: %s", got)
			}
		})
	}
}
