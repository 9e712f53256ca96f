package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

var readmeExample = regexp.MustCompile("(?s)```graphql\n(.*?)```\\s*```json\n(.*?)```")

// TestREADMEExamples runs every query of the README on the seed data and
// compares the answer with the output the README shows.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(neo4jtest.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExample.FindAllSubmatch(readme, -1)
	if len(examples) < 5 {
		t.Fatalf("the README shows %d examples, want at least 5", len(examples))
	}
	s := neo4jtest.MustOpenSeeded(t)
	srv := httptest.NewServer(httpapi.Handler(s, httpapi.Options{}))
	defer srv.Close()
	for i, ex := range examples {
		query, shown := string(ex[1]), ex[2]
		t.Run(string(rune('1'+i)), func(t *testing.T) {
			body, _ := json.Marshal(map[string]string{"query": query})
			res, err := srv.Client().Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var got, want any
			if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(shown, &want); err != nil {
				t.Fatalf("the README's output for example %d is not JSON: %v", i+1, err)
			}
			// An example may leave out extensions.cost for brevity.
			if _, ok := want.(map[string]any)["extensions"]; !ok {
				delete(got.(map[string]any), "extensions")
			}
			if !reflect.DeepEqual(got, want) {
				pretty, _ := json.MarshalIndent(got, "", "  ")
				t.Errorf("README example %d:\n%s\nreturns:\n%s", i+1, query, pretty)
			}
		})
	}
}
