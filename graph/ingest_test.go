package graph_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestIngestSeedArticle ingests the seed article as a new source and checks
// that it links every person, organisation and place of the dataset that the
// article names, in whatever inflected form.
func TestIngestSeedArticle(t *testing.T) {
	c, _ := newAPI(t, true)
	raw, err := os.ReadFile(filepath.Join(neo4jtest.RepoRoot(t), "internal", "mentions", "testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	const q = `mutation ($text: String!) { ingestArticle(input: {
		id: "source/test-ingested-article", title: "Rozmowy Trump-Putin", language: "pl",
		publishedAt: {value: "2025-03"}, publisher: "organisation/reuters", text: $text
	}) {
		source { id publisher { id } mentions(first: 100) { entity { id } count } }
		mentions { entity { id } count offsets forms }
		suggestions { text count }
	} }`
	var resp struct {
		IngestArticle struct {
			Source struct {
				ID        string
				Publisher struct{ ID string }
				Mentions  []struct {
					Entity struct{ ID string }
					Count  int
				}
			}
			Mentions []struct {
				Entity  struct{ ID string }
				Count   int
				Offsets []int
				Forms   []string
			}
			Suggestions []struct {
				Text  string
				Count int
			}
		}
	}
	if err := c.Post(q, &resp, client.Var("text", text), as(editorKey)); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	runes := []rune(text)
	for _, m := range resp.IngestArticle.Mentions {
		got[m.Entity.ID] = m.Count
		for i, off := range m.Offsets {
			if off < 0 || off >= len(runes) {
				t.Errorf("%s: offset %d outside the text", m.Entity.ID, off)
				continue
			}
			if !slices.ContainsFunc(m.Forms, func(f string) bool { return strings.HasPrefix(string(runes[off:]), f) }) {
				t.Errorf("%s: occurrence %d at %d does not start with any of its forms %v", m.Entity.ID, i, off, m.Forms)
			}
		}
	}
	for _, id := range []string{
		"person/donald-trump", "person/vladimir-putin", "person/volodymyr-zelensky", "person/dmitry-peskov", "person/bob-woodward",
		"organisation/kremlin", "organisation/white-house", "organisation/reuters", "organisation/the-washington-post",
		"organisation/axios", "organisation/bloomberg", "organisation/government-of-ukraine", "organisation/government-of-russia",
		"place/saudi-arabia", "place/black-sea", "place/russia", "place/ukraine", "place/united-states",
	} {
		if got[id] == 0 {
			t.Errorf("the article's mention of %s was not linked", id)
		}
	}
	if got["person/vladimir-putin"] < 5 || got["person/donald-trump"] < 6 {
		t.Errorf("counts: Putin %d, Trump %d; the article names Putin at least 5 times and Trump at least 6", got["person/vladimir-putin"], got["person/donald-trump"])
	}
	if len(resp.IngestArticle.Source.Mentions) != len(resp.IngestArticle.Mentions) {
		t.Errorf("the stored MENTIONS (%d) differ from the found mentions (%d)", len(resp.IngestArticle.Source.Mentions), len(resp.IngestArticle.Mentions))
	}
	var sugg []string
	for _, s := range resp.IngestArticle.Suggestions {
		sugg = append(sugg, s.Text)
	}
	if !slices.Contains(sugg, "War") {
		t.Errorf("suggestions %v should offer the unlinked title \"War\"", sugg)
	}

	t.Run("Idempotent", func(t *testing.T) {
		var again struct {
			IngestArticle struct{ Source struct{ UpdatedAt string } }
		}
		if err := c.Post(`mutation ($text: String!) { ingestArticle(input: {id: "source/test-ingested-article", title: "Rozmowy Trump-Putin", language: "pl", publishedAt: {value: "2025-03"}, publisher: "organisation/reuters", text: $text}) { source { updatedAt } } }`,
			&again, client.Var("text", text), as(editorKey)); err != nil {
			t.Fatal(err)
		}
		h := jsonOf(mustOK(t, c, "", `{ history(id: "source/test-ingested-article", first: 100) { op what } }`))
		if strings.Count(h, `"op":"created","what":"Source"`) != 1 || strings.Contains(h, `"op":"updated"`) || strings.Contains(h, `"op":"deleted"`) {
			t.Errorf("ingesting twice: history %s, want one creation of the Source and no other change", h)
		}
	})
	t.Run("ErrNeedsEditor", func(t *testing.T) {
		mustFail(t, c, readerKey, `mutation { ingestArticle(input: {title: "x", language: "pl", text: "Putin"}) { source { id } } }`, "FORBIDDEN", "")
	})
}
