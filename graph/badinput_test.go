package graph_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

const article = "source/pl-article-2025-03-trump-putin-calls"

// TestBadWritesCannotPoisonReads probes every mutation with the bad input of
// issue 13 through the API on the real database, then reads every list and
// exports every format: none may fail because of what was written.
func TestBadWritesCannotPoisonReads(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	keys, err := auth.Parse("r:reader:"+auth.Hash(readerKey)+",e:editor:"+auth.Hash(editorKey), true)
	if err != nil {
		t.Fatal(err)
	}
	h := httpapi.Handler(store, httpapi.Options{Keys: keys})
	c := client.New(h, client.Path("/graphql"))

	t.Run("Coordinates", func(t *testing.T) { coordinates(t, c, store) })
	t.Run("StringLimits", func(t *testing.T) { stringLimits(t, c, store) })
	t.Run("ControlCharacters", func(t *testing.T) { controlCharacters(t, c) })
	t.Run("CitationCycles", func(t *testing.T) { citationCycles(t, c) })
	t.Run("NewClaimRetry", func(t *testing.T) { newClaimRetry(t, c, store) })
	t.Run("RequiredFields", func(t *testing.T) { requiredFields(t, c) })

	// After all of it, every list and every export format works.
	for _, q := range []string{
		`{ people(first: 100) { nodes { id name aliases description wikidataId } } }`,
		`{ organisations(first: 100) { nodes { id name aliases kind country description } } }`,
		`{ places(first: 100) { nodes { id name aliases kind countryCode lat lon } } }`,
		`{ negotiations(first: 100) { nodes { id name topic status start { value } end { value } } } }`,
		`{ events(first: 100) { nodes { id name kind description date { value earliest latest } } } }`,
		`{ sources(first: 100) { nodes { id title url language text publishedAt { value } } } }`,
		`{ claims(first: 100) { nodes { id text summary language rank status pointInTime { value } } } }`,
		`{ attributions(first: 100) { nodes { id stance quote summary cue sourcing cites(first: 10) { id } } } }`,
		`{ search(text: "P", first: 50) { hits { node { ... on Place { id lat lon } } matched { field } } } }`,
	} {
		mustOK(t, c, readerKey, q)
	}
	for _, f := range export.Formats {
		req := httptest.NewRequest(http.MethodGet, "/export/"+string(f), nil)
		req.Header.Set("Authorization", "Bearer "+readerKey)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
			t.Errorf("export %s after the bad-input suite: %d %s", f, rec.Code, rec.Body.String()[:min(rec.Body.Len(), 300)])
		}
	}
}

// coordinates sends random and extreme latitudes and longitudes: a finite
// value in range is stored and read back exactly, anything else is refused
// with its field, and nothing refused is stored.
func coordinates(t *testing.T, c *client.Client, store *neo4jstore.Store) {
	special := []string{`"NaN"`, `"Infinity"`, `"-Infinity"`, `"+Inf"`, "1e308", "-1e308", "90", "-90", "180", "-180",
		"90.0000001", "-180.0000001", "999", "0", "-0.0", "5e-324"}
	rng := rand.New(rand.NewPCG(13, 13))
	for range 40 {
		special = append(special, strconv.FormatFloat((rng.Float64()-0.5)*500, 'g', -1, 64))
	}
	for i, v := range special {
		for _, field := range []string{"lat", "lon"} {
			limit := map[string]float64{"lat": 90, "lon": 180}[field]
			id := fmt.Sprintf("place/test-coordinate-%s-%d", field, i)
			// As a variable, as a client sends it: a JSON number, or a
			// string that gqlgen's Float reads ("NaN", "Infinity").
			q := fmt.Sprintf(`mutation($v: Float) { upsertPlace(input: {id: %q, name: "P", kind: CITY, %s: $v}) { %s } }`, id, field, field)
			var value any = json.Number(v)
			if strings.HasPrefix(v, `"`) {
				value = strings.Trim(v, `"`)
			}
			f, err := strconv.ParseFloat(strings.Trim(v, `"`), 64)
			valid := err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) && math.Abs(f) <= limit
			if !valid {
				_, errs := raw(t, c, q, as(editorKey), client.Var("v", value))
				if len(errs) == 0 || errs[0].Extensions["code"] != "BAD_USER_INPUT" || errs[0].Extensions["field"] != "input."+field {
					t.Errorf("%s = %s: %+v, want BAD_USER_INPUT on input.%s", field, v, errs, field)
				}
				if got := mustOK(t, c, readerKey, fmt.Sprintf(`{ node(id: %q) { id } }`, id)); got["node"] != nil {
					t.Errorf("%s = %s was refused but stored", field, v)
				}
				continue
			}
			data, errs := raw(t, c, q, as(editorKey), client.Var("v", value))
			if len(errs) > 0 {
				t.Errorf("%s = %s refused: %+v", field, v, errs)
				continue
			}
			got := data["upsertPlace"].(map[string]any)[field]
			if g, _ := got.(float64); g != f {
				t.Errorf("%s = %s read back as %v", field, v, got)
			}
		}
	}
	if bad, _ := neo4jtest.Violations(t.Context(), store); len(bad) > 0 {
		t.Errorf("invariants: %v", bad)
	}
}

// stringLimits: a value over a field's limit is BAD_USER_INPUT with the limit
// (never Neo4j's "too large to index"), and the longest allowed values, in
// 4-byte characters, are stored, listed and sorted.
func stringLimits(t *testing.T, c *client.Client, store *neo4jstore.Store) {
	long := func(n int) string { return strings.Repeat("ż", n) }
	for _, tc := range []struct{ query, field string }{
		{fmt.Sprintf(`mutation { upsertPerson(input: {id: "person/test-long", name: %q}) { id } }`, long(8200)), "input.name"},
		{fmt.Sprintf(`mutation { upsertOrganisation(input: {id: "organisation/test-long", name: %q, kind: MEDIA}) { id } }`, long(domain.MaxName+1)), "input.name"},
		{fmt.Sprintf(`mutation { upsertPerson(input: {id: "person/test-long", name: "N", aliases: ["a", %q]}) { id } }`, long(domain.MaxName+1)), "input.aliases[1]"},
		{fmt.Sprintf(`mutation { upsertClaim(input: {id: "claim/test-long", text: "t", language: "pl", summary: %q}) { id } }`, long(domain.MaxSummary+1)), "input.summary"},
		{fmt.Sprintf(`mutation { upsertSource(input: {id: "source/test-long", kind: BOOK, title: "T", language: "pl", url: %q}) { id } }`, long(domain.MaxURL+1)), "input.url"},
		{fmt.Sprintf(`mutation { recordAttribution(input: {id: "attribution/test-long", claim: "claim/2024-11-trump-putin-call", actor: "organisation/kremlin", stance: DENIES, sources: [%q], cue: %q}) { id } }`, article, long(domain.MaxCue+1)), "input.cue"},
		{fmt.Sprintf(`mutation { recordFact(input: {type: MEMBER_OF, from: "person/dmitry-peskov", to: "organisation/kremlin", claim: "claim/peskov-kremlin-spokesperson", role: %q}) { role } }`, long(domain.MaxCode+1)), "input.role"},
	} {
		mustFail(t, c, editorKey, tc.query, "BAD_USER_INPUT", tc.field)
	}
	got := mustOK(t, c, readerKey, `{ person(id: "person/test-long") { id } claim(id: "claim/test-long") { id } }`)
	if got["person"] != nil || got["claim"] != nil {
		t.Errorf("refused writes left %v", got)
	}

	// The longest allowed: a name of 500 four-byte characters (2,000 bytes),
	// a summary of 2,000 (8,000 bytes), a quote of 20,000 in a source that
	// holds it. Their sort keys would pass Neo4j's index limit uncut.
	wide := strings.Repeat("𝔸", domain.MaxName)
	mustOK(t, c, editorKey, fmt.Sprintf(`mutation { upsertPerson(input: {id: "person/test-widest", name: %q}) { id } }`, wide))
	quote := strings.Repeat("Słowo. ", domain.MaxText/7)
	mustOK(t, c, editorKey, fmt.Sprintf(`mutation { upsertSource(input: {id: "source/test-widest", kind: BOOK, title: "W", language: "pl", text: %q}) { id } }`, quote))
	mustOK(t, c, editorKey, fmt.Sprintf(`mutation { recordAttribution(input: {id: "attribution/test-widest", stance: ASSERTS, sourcing: UNSPECIFIED, quote: %q, sources: ["source/test-widest"],
		newClaim: {id: "claim/test-widest", text: "t", language: "pl", summary: %q}}) { id } }`, quote, strings.Repeat("𝔸", domain.MaxSummary)))
	got = mustOK(t, c, readerKey, `{ people(first: 100, orderBy: {field: NAME, direction: DESC}) { nodes { id } } }`)
	if !strings.Contains(jsonOf(got), "person/test-widest") {
		t.Errorf("the widest name is not listed: %s", jsonOf(got))
	}
	if bad, _ := neo4jtest.Violations(t.Context(), store); len(bad) > 0 {
		t.Errorf("invariants: %v", bad)
	}
}

// controlCharacters: refused in one-line fields, tab and line breaks kept in
// multi-line ones.
func controlCharacters(t *testing.T, c *client.Client) {
	for _, tc := range []struct{ input, field string }{
		{`{id: "person/test-ctl", name: "Bad\u0000Name"}`, "input.name"},
		{`{id: "person/test-ctl", name: "Bell\u0007"}`, "input.name"},
		{`{id: "person/test-ctl", name: "Esc\u001b[31m"}`, "input.name"},
		{`{id: "person/test-ctl", name: "Two\nlines"}`, "input.name"},
		{`{id: "person/test-ctl", name: "N", aliases: ["ok", "b\u0000d"]}`, "input.aliases[1]"},
		{`{id: "person/test-ctl", name: "N", description: "nul\u0000"}`, "input.description"},
		{`{id: "person/test-ctl", name: "N", description: "c1\u0085"}`, "input.description"},
	} {
		mustFail(t, c, editorKey, `mutation { upsertPerson(input: `+tc.input+`) { id } }`, "BAD_USER_INPUT", tc.field)
	}
	got := mustOK(t, c, editorKey, `mutation { upsertPerson(input: {id: "person/test-ctl", name: "Fine", description: "line one\n\tline two\r\n"}) { description } }`)
	if got["upsertPerson"].(map[string]any)["description"] != "line one\n\tline two\r\n" {
		t.Errorf("multi-line description: %q", got)
	}
}

// citationCycles: an attribution cannot cite itself, nor one that cites it
// directly or through others; a refused write leaves the citations as they
// were.
func citationCycles(t *testing.T, c *client.Client) {
	rec := func(id, cites string) string {
		return fmt.Sprintf(`mutation { recordAttribution(input: {id: %q, claim: "claim/2024-11-trump-putin-call", stance: ASSERTS, sourcing: UNSPECIFIED,
			sources: [%q], cites: [%s]}) { id cites(first: 10) { id } } }`, id, article, cites)
	}
	mustFail(t, c, editorKey, rec("attribution/test-cite-self", `"attribution/test-cite-self"`), "BAD_USER_INPUT", "input.cites")
	mustOK(t, c, editorKey, rec("attribution/test-cite-c", ``))
	mustOK(t, c, editorKey, rec("attribution/test-cite-b", `"attribution/test-cite-c"`))
	mustOK(t, c, editorKey, rec("attribution/test-cite-a", `"attribution/test-cite-b"`))
	mustFail(t, c, editorKey, rec("attribution/test-cite-b", `"attribution/test-cite-a"`), "BAD_USER_INPUT", "input.cites")
	mustFail(t, c, editorKey, rec("attribution/test-cite-c", `"attribution/test-cite-a"`), "BAD_USER_INPUT", "input.cites")
	got := mustOK(t, c, readerKey, `{ b: attribution(id: "attribution/test-cite-b") { cites(first: 10) { id } } c: attribution(id: "attribution/test-cite-c") { cites(first: 10) { id } } }`)
	if jsonOf(got) != `{"b":{"cites":[{"id":"attribution/test-cite-c"}]},"c":{"cites":[]}}` {
		t.Errorf("citations after refused cycles: %s", jsonOf(got))
	}
	// A chain without a cycle is fine, and a diamond too.
	mustOK(t, c, editorKey, rec("attribution/test-cite-d", `"attribution/test-cite-a", "attribution/test-cite-b"`))
}

// newClaimRetry: the same recordAttribution with newClaim twice gives the
// same answer and one claim; other content under the same id is a conflict.
func newClaimRetry(t *testing.T, c *client.Client, store *neo4jstore.Store) {
	m := func(text string) string {
		return fmt.Sprintf(`mutation { recordAttribution(input: {id: "attribution/test-retry", actor: "organisation/kremlin", stance: DENIES, sources: [%q],
			newClaim: {id: "claim/test-retry", text: %q, language: "pl", summary: "A retried claim.", about: [{id: "person/vladimir-putin", role: SUBJECT}]}
		}) { id stance claim { id text status about { role entity { id } } } } }`, article, text)
	}
	first := mustOK(t, c, editorKey, m("Ponowiona"))
	before, _ := neo4jtest.Dump(t.Context())
	again := mustOK(t, c, editorKey, m("Ponowiona"))
	after, _ := neo4jtest.Dump(t.Context())
	if jsonOf(first) != jsonOf(again) {
		t.Errorf("a retry answered differently:\n%s\n%s", jsonOf(first), jsonOf(again))
	}
	if d := neo4jtest.Diff(before, after); d != "" {
		t.Errorf("a retry changed the graph:\n%s", d)
	}
	mustFail(t, c, editorKey, m("Inna treść"), "CONFLICT", "input.newClaim.id")
}

// requiredFields: what docs/dataset.md calls required is required through
// the API too, with no silent default.
func requiredFields(t *testing.T, c *client.Client) {
	mustFail(t, c, editorKey, `mutation { upsertOrganisation(input: {id: "organisation/test-nokind", name: "No kind"}) { kind } }`, "BAD_USER_INPUT", "input.kind")
	mustFail(t, c, editorKey, `mutation { upsertNegotiation(input: {id: "negotiation/test-nostatus", name: "No status"}) { status } }`, "BAD_USER_INPUT", "input.status")
	mustFail(t, c, editorKey, `mutation { upsertPlace(input: {id: "place/test-nokind", name: "No kind"}) { kind } }`, "BAD_USER_INPUT", "input.kind")
	// An update may leave them out: the stored value stays.
	got := mustOK(t, c, editorKey, `mutation { upsertOrganisation(input: {id: "organisation/kremlin", description: "The Kremlin."}) { kind } }`)
	if jsonOf(got) != `{"upsertOrganisation":{"kind":"STATE_BODY"}}` && jsonOf(got) != `{"upsertOrganisation":{"kind":"GOVERNMENT"}}` {
		t.Errorf("an update without kind changed it: %s", jsonOf(got))
	}
}
