package graph_test

import (
	"strings"
	"testing"
)

// TestRelayingIsNotAsserting: the seed article relays Woodward's, Reuters',
// The Washington Post's, Axios', Bloomberg's and Kyiv's reports; it never
// appears as asserting them, in attributions or disputes, and every claim's
// status is what the first-hand stances make it (issue 9).
func TestRelayingIsNotAsserting(t *testing.T) {
	c := newClient(t)
	const article = "source/pl-article-2025-03-trump-putin-calls"
	var got struct {
		Asserting struct{ TotalCount int }
		Relaying  struct {
			Nodes []struct {
				Claim struct{ ID string }
				Cites []struct{ ID string }
			}
		}
		Disputes []struct {
			Claim     struct{ ID string }
			Asserting []struct{ Actor *struct{ ID string } }
			Relaying  []struct{ Actor *struct{ ID string } }
		}
		Claims struct {
			Nodes []struct{ ID, Status string }
		}
	}
	mustQuery(t, c, `{
		asserting: attributions(first: 100, filter: {actor: "`+article+`", stances: [ASSERTS], claimStatuses: [DISPUTED]}) { totalCount }
		relaying: attributions(first: 100, filter: {actor: "`+article+`", stances: [REPORTS]}) { nodes { claim { id } cites { id } } }
		disputes(about: "person/donald-trump") { claim { id } asserting { actor { ... on Node { id } } } relaying { actor { ... on Node { id } } } }
		claims(first: 100, orderBy: {field: ID}) { nodes { id status } }
	}`, &got)
	if got.Asserting.TotalCount != 0 {
		t.Errorf("the article asserts %d disputed claims; it only relays them", got.Asserting.TotalCount)
	}
	if len(got.Relaying.Nodes) != 6 {
		t.Errorf("the article relays %d reports, want 6", len(got.Relaying.Nodes))
	}
	for _, n := range got.Relaying.Nodes {
		if len(n.Cites) == 0 {
			t.Errorf("the article's relay on %s cites nothing", n.Claim.ID)
		}
	}
	if len(got.Disputes) == 0 {
		t.Fatal("no disputes about Trump")
	}
	for _, d := range got.Disputes {
		relayed := false
		for _, a := range d.Asserting {
			if a.Actor != nil && a.Actor.ID == article {
				t.Errorf("disputes lists the article among those asserting %s", d.Claim.ID)
			}
		}
		for _, a := range d.Relaying {
			relayed = relayed || (a.Actor != nil && a.Actor.ID == article)
		}
		if !relayed {
			t.Errorf("disputes does not show the article relaying %s", d.Claim.ID)
		}
	}
	// The statuses are those the seed had before REPORTS: only first-hand
	// stances count, and every relayed report has its own first-hand one.
	want := map[string]string{
		"claim/2024-11-trump-putin-call":                "DISPUTED",
		"claim/trump-putin-seven-calls-after-2021":      "DISPUTED",
		"claim/trump-putin-contacts-more-frequent":      "REPORTED",
		"claim/2024-trump-putin-talked-before-election": "REPORTED",
		"claim/white-house-ceasefire-by-april-20":       "REPORTED",
		"claim/kyiv-expects-partial-ceasefire":          "REPORTED",
		"claim/2025-03-trump-zelensky-call":             "REPORTED",
	}
	for _, n := range got.Claims.Nodes {
		if w, ok := want[n.ID]; ok && n.Status != w {
			t.Errorf("%s is %s, want %s", n.ID, n.Status, w)
		}
	}
}

// TestReportsCitesWhatItRelays: a REPORTS attribution names the report it
// relays.
func TestReportsCitesWhatItRelays(t *testing.T) {
	c, _ := newAPI(t, true)
	mustFail(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-relay", claim: "claim/2024-11-trump-putin-call",
		actor: "organisation/the-washington-post", stance: REPORTS, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`, "BAD_USER_INPUT", "input.cites")
	got := mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-relay", claim: "claim/2024-11-trump-putin-call",
		actor: "organisation/the-washington-post", stance: REPORTS, sources: ["source/pl-article-2025-03-trump-putin-calls"],
		cites: ["attribution/reuters-early-november-call"]}) { stance claim { status } } }`)
	if jsonOf(got) != `{"recordAttribution":{"claim":{"status":"DISPUTED"},"stance":"REPORTS"}}` {
		t.Errorf("a relay: %s", jsonOf(got))
	}
}

// TestClaimDates: the White House's deadline ("do 20 kwietnia") is a date of
// its claim, found by a date filter on April 2025; the talks planned for
// Sunday and Monday carry the week the text supports, not an invented day.
func TestClaimDates(t *testing.T) {
	c := newClient(t)
	var got struct {
		April struct {
			Nodes []struct {
				ID    string
				Dates []struct {
					Kind string
					Date struct{ Value, Earliest, Latest string }
				}
			}
		}
		Sunday, Monday struct {
			PointInTime struct{ Value, Earliest, Latest string }
		}
	}
	mustQuery(t, c, `{
		april: claims(first: 20, filter: {date: {from: "2025-04-01", to: "2025-04-30"}}) { nodes { id dates { kind date { value earliest latest } } } }
		sunday: claim(id: "claim/2025-03-us-ukraine-talks-saudi-arabia") { pointInTime { value earliest latest } }
		monday: claim(id: "claim/2025-03-us-russia-talks-monday") { pointInTime { value earliest latest } }
	}`, &got)
	var ids []string
	for _, n := range got.April.Nodes {
		ids = append(ids, n.ID)
	}
	if strings.Join(ids, ",") != "claim/white-house-ceasefire-by-april-20" {
		t.Fatalf("claims dated in April 2025: %v, want the ceasefire deadline", ids)
	}
	if d := got.April.Nodes[0].Dates; len(d) != 1 || d[0].Kind != "DEADLINE" || d[0].Date.Value != "2025-04-20" {
		t.Errorf("the ceasefire claim's dates: %+v", d)
	}
	if p := got.Sunday.PointInTime; p.Value != "2025-03" || p.Earliest != "2025-03-23" || p.Latest != "2025-03-30" {
		t.Errorf("the Sunday talks: %+v", p)
	}
	if p := got.Monday.PointInTime; p.Value != "2025-03" || p.Earliest != "2025-03-24" || p.Latest != "2025-03-31" {
		t.Errorf("the Monday talks: %+v", p)
	}
	c2, _ := newAPI(t, true)
	updated := mustOK(t, c2, editorKey, `mutation { upsertClaim(input: {id: "claim/2025-03-us-russia-talks-monday", dates: [{kind: SCHEDULED, date: {value: "2025-03", earliest: "2025-03-24", latest: "2025-03-31"}}]}) { dates { kind date { value } } } }`)
	if jsonOf(updated) != `{"upsertClaim":{"dates":[{"date":{"value":"2025-03"},"kind":"SCHEDULED"}]}}` {
		t.Errorf("setting a claim's dates: %s", jsonOf(updated))
	}
	mustFail(t, c2, editorKey, `mutation { upsertClaim(input: {id: "claim/2025-03-us-russia-talks-monday", dates: [{kind: DEADLINE, date: {value: "2025-13"}}]}) { id } }`, "BAD_USER_INPUT", "input.dates[0].date")
}

// TestProvenanceInTwoRoles: Woodward's attribution was made in his book and
// read in the article; no path cites the book as where anything was read.
func TestProvenanceInTwoRoles(t *testing.T) {
	c := newClient(t)
	var got struct {
		Attribution struct {
			Sources, MadeIn []struct{ ID string }
		}
		Book struct {
			MadeHere     []struct{ ID string }
			Attributions []struct{ ID string }
		}
		Paths []struct {
			Steps []struct {
				Type    string
				Sources []struct{ ID string }
			}
		}
	}
	mustQuery(t, c, `{
		attribution(id: "attribution/woodward-seven-calls") { sources { id } madeIn { id } }
		book: source(id: "source/woodward-war-2024") { madeHere { id } attributions { id } }
		paths(from: "person/bob-woodward", to: "organisation/kremlin", maxHops: 4, first: 10) { steps { type sources { id } } }
	}`, &got)
	if jsonOf(got.Attribution) != `{"Sources":[{"ID":"source/pl-article-2025-03-trump-putin-calls"}],"MadeIn":[{"ID":"source/woodward-war-2024"}]}` {
		t.Errorf("Woodward's attribution: %s", jsonOf(got.Attribution))
	}
	if len(got.Book.MadeHere) != 1 || len(got.Book.Attributions) != 0 {
		t.Errorf("the book: made here %v, read here %v", got.Book.MadeHere, got.Book.Attributions)
	}
	if len(got.Paths) == 0 {
		t.Fatal("no path from Woodward to the Kremlin")
	}
	for _, p := range got.Paths {
		for _, s := range p.Steps {
			for _, src := range s.Sources {
				if src.ID == "source/woodward-war-2024" {
					t.Errorf("a %s step cites the book as where it was read", s.Type)
				}
			}
		}
	}
}

// TestNameFilterToleratesInflection: the list filters' name folds and stems
// as search does, so Polish forms find the entity (issue 9).
func TestNameFilterToleratesInflection(t *testing.T) {
	c := newClient(t)
	for q, want := range map[string]string{
		`{ people(first: 5, filter: {name: "Trumpa"}) { nodes { id } } }`:         "person/donald-trump",
		`{ people(first: 5, filter: {name: "Putina"}) { nodes { id } } }`:         "person/vladimir-putin",
		`{ people(first: 5, filter: {name: "Pieskowem"}) { nodes { id } } }`:      "person/dmitry-peskov",
		`{ people(first: 5, filter: {name: "Zełenskiego"}) { nodes { id } } }`:    "person/volodymyr-zelensky",
		`{ people(first: 5, filter: {name: "Donalda Trumpa"}) { nodes { id } } }`: "person/donald-trump",
		`{ organisations(first: 5, filter: {name: "Kremla"}) { nodes { id } } }`:  "organisation/kremlin",
	} {
		data, errs := raw(t, c, q)
		if len(errs) > 0 || !strings.Contains(jsonOf(data), want) {
			t.Errorf("%s: %s %v, want %s", q, jsonOf(data), errs, want)
		}
	}
	data, _ := raw(t, c, `{ people(first: 5, filter: {name: "Trumpa Putina"}) { nodes { id } } }`)
	if strings.Contains(jsonOf(data), "person/") {
		t.Errorf("two people's names matched one person: %s", jsonOf(data))
	}
}

// TestTimelineByKind: a timeline keeps only the kinds of entry asked for.
func TestTimelineByKind(t *testing.T) {
	c := newClient(t)
	var got struct {
		All, Events []struct{ What string }
	}
	mustQuery(t, c, `{
		all: timeline(id: "person/donald-trump") { what }
		events: timeline(id: "person/donald-trump", kinds: [EVENT]) { what }
	}`, &got)
	events := 0
	for _, e := range got.All {
		if e.What == "EVENT" {
			events++
		}
	}
	if events == 0 || len(got.Events) != events || len(got.All) == events {
		t.Fatalf("%d entries, %d events; kinds: [EVENT] gave %d", len(got.All), events, len(got.Events))
	}
	for _, e := range got.Events {
		if e.What != "EVENT" {
			t.Errorf("kinds: [EVENT] gave a %s entry", e.What)
		}
	}
}

// TestPathsSayMostFirst: of the shortest paths from Woodward to the Kremlin,
// the one through the claim they take opposite sides on comes first, before
// the paths that only pass through the article where both were read.
func TestPathsSayMostFirst(t *testing.T) {
	c := newClient(t)
	var got struct {
		Paths []struct{ Steps []struct{ Type string } }
	}
	mustQuery(t, c, `{ paths(from: "person/bob-woodward", to: "organisation/kremlin", maxHops: 4, first: 10) { steps { type } } }`, &got)
	if len(got.Paths) < 2 {
		t.Fatalf("%d paths, want several", len(got.Paths))
	}
	var first []string
	for _, s := range got.Paths[0].Steps {
		first = append(first, s.Type)
	}
	if strings.Join(first, " ") != "MADE_BY ON ON MADE_BY" {
		t.Errorf("the first path goes %v, want through the claim (MADE_BY ON ON MADE_BY)", first)
	}
}

// TestTimelineDatesAnArticleByItsPublication: the article's own report of
// the 18-19 March calls is dated by the article (19-31 March), not by all of
// March, so it sorts after the calls it reports.
func TestTimelineDatesAnArticleByItsPublication(t *testing.T) {
	c := newClient(t)
	var got struct {
		Timeline []struct {
			What string
			Date struct{ Value, Earliest, Latest string }
			Node struct{ ID string }
		}
	}
	mustQuery(t, c, `{ timeline(id: "person/donald-trump", date: {from: "2025-03-01", to: "2025-03-31"}) { what date { value earliest latest } node { ... on Node { id } } } }`, &got)
	call, report := -1, -1
	for i, e := range got.Timeline {
		switch e.Node.ID {
		case "event/2025-03-18-trump-putin-call":
			call = i
		case "attribution/article-calls-mar-18-19-putin":
			report = i
			if e.Date.Value != "2025-03" || e.Date.Earliest != "2025-03-19" || e.Date.Latest != "2025-03-31" {
				t.Errorf("the article's report is dated %+v, want 2025-03 narrowed to the article's 19-31 March", e.Date)
			}
		}
	}
	if call < 0 || report < 0 || report < call {
		t.Errorf("the call is entry %d and the article's report of it entry %d: the report must come after the call", call, report)
	}
}

// TestSearchPhraseAndExcerpt: an exact phrase in a claim outranks an alias
// that shares one word with it, and a long text shows the passage around the
// match, not its opening lines.
func TestSearchPhraseAndExcerpt(t *testing.T) {
	c := newClient(t)
	var got struct {
		Phrase, Deep struct {
			Hits []struct {
				Node    struct{ ID string }
				Matched []struct{ Field, Value string }
			}
		}
	}
	mustQuery(t, c, `{
		phrase: search(text: "rozmowy telefoniczne", first: 3) { hits { node { ... on Node { id } } matched { field value } } }
		deep: search(text: "ujawniono informacje", first: 5) { hits { node { ... on Node { id } } matched { field value } } }
	}`, &got)
	if len(got.Phrase.Hits) == 0 || !strings.HasPrefix(got.Phrase.Hits[0].Node.ID, "claim/") {
		t.Errorf("\"rozmowy telefoniczne\" ranks %+v first, want a claim with the phrase", got.Phrase.Hits)
	}
	found := false
	for _, h := range got.Deep.Hits {
		if h.Node.ID != "source/pl-article-2025-03-trump-putin-calls" {
			continue
		}
		found = true
		for _, m := range h.Matched {
			if m.Field == "text" && (!strings.HasPrefix(m.Value, "…") || !strings.Contains(m.Value, "ujawniono informacje") || len([]rune(m.Value)) > 162) {
				t.Errorf("the article's excerpt: %q, want the passage around the match", m.Value)
			}
		}
	}
	if !found {
		t.Errorf("the article is not among the hits for a phrase in its text: %+v", got.Deep.Hits)
	}
}

// TestDateBoundThroughTheAPI: a date narrowed by another node's date, as
// "before the early-November call" would be.
func TestDateBoundThroughTheAPI(t *testing.T) {
	c, _ := newAPI(t, true)
	got := mustOK(t, c, editorKey, `mutation { upsertClaim(input: {id: "claim/test-bounded", text: "t", language: "pl", summary: "s",
		pointInTime: {value: "2024", notAfter: "event/2024-11-trump-putin-call"}}) { pointInTime { value earliest latest } } }`)
	if jsonOf(got) != `{"upsertClaim":{"pointInTime":{"earliest":"2024-01-01","latest":"2024-11-10","value":"2024"}}}` {
		t.Errorf("bounded by the early-November call: %s", jsonOf(got))
	}
	mustFail(t, c, editorKey, `mutation { upsertClaim(input: {id: "claim/test-bounded", pointInTime: {value: "2025", notAfter: "event/2024-11-trump-putin-call"}}) { id } }`, "BAD_USER_INPUT", "input.pointInTime")
	mustFail(t, c, editorKey, `mutation { upsertClaim(input: {id: "claim/test-bounded", pointInTime: {value: "2024", notAfter: "event/nope"}}) { id } }`, "BAD_USER_INPUT", "input.pointInTime.notAfter")
}

// TestNewClaimRetryComparesDates: a retried newClaim must carry the same
// dates; other dates under the same id are a conflict, not a silent drop.
func TestNewClaimRetryComparesDates(t *testing.T) {
	c, _ := newAPI(t, true)
	m := func(day string) string {
		return `mutation { recordAttribution(input: {id: "attribution/test-dated-retry", stance: ASSERTS, sourcing: UNSPECIFIED,
			sources: ["source/pl-article-2025-03-trump-putin-calls"],
			newClaim: {id: "claim/test-dated-retry", text: "t", language: "pl", summary: "s", dates: [{kind: DEADLINE, date: {value: "` + day + `"}}]}}) { claim { dates { date { value } } } } }`
	}
	first := mustOK(t, c, editorKey, m("2025-04-20"))
	if again := mustOK(t, c, editorKey, m("2025-04-20")); jsonOf(first) != jsonOf(again) {
		t.Errorf("a retry answered differently: %s %s", jsonOf(first), jsonOf(again))
	}
	mustFail(t, c, editorKey, m("2025-05-01"), "CONFLICT", "input.newClaim.id")
}
