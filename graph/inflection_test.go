package graph_test

import (
	"fmt"
	"strings"
	"testing"
)

// inflected are Polish forms of the seed's names, each with the entity both
// search and article ingestion must resolve it to (issue 10's table).
var inflected = []struct{ form, entity string }{
	{"Putinem", "person/vladimir-putin"},
	{"Pieskowem", "person/dmitry-peskov"},
	{"Zełenskim", "person/volodymyr-zelensky"},
	{"Zelenskiego", "person/volodymyr-zelensky"},
	{"Trumpa", "person/donald-trump"},
	{"Białego Domu", "organisation/white-house"},
	{"Arabii Saudyjskiej", "place/saudi-arabia"},
	{"Waszyngtonu", "organisation/white-house"},
	{"Kijowem", "organisation/government-of-ukraine"},
	{"Moskwą", "organisation/government-of-russia"},
}

// TestInflectionTable: search and ingestion resolve the same inflected forms
// to the same entities, through the same text rules (domain.Fold, Stem).
func TestInflectionTable(t *testing.T) {
	c, _ := newAPI(t, true)
	for _, tc := range inflected {
		data := mustOK(t, c, readerKey, fmt.Sprintf(`{ search(text: %q, first: 5) { hits { node { ... on Node { id } } } } }`, tc.form))
		if !strings.Contains(jsonOf(data), tc.entity) {
			t.Errorf("search %q: %s, want %s among the first 5", tc.form, jsonOf(data), tc.entity)
		}
		got := mustOK(t, c, editorKey, fmt.Sprintf(`mutation { ingestArticle(input: {title: %q, language: "pl", text: %q}) { mentions { entity { ... on Node { id } } forms } } }`,
			"Inflection "+tc.form, "Rozmawiano wczoraj z "+tc.form+" o pokoju."))
		if !strings.Contains(jsonOf(got), tc.entity) {
			t.Errorf("ingesting %q: %s, want a mention of %s", tc.form, jsonOf(got), tc.entity)
		}
	}
}
