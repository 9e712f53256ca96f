package dataset_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

func TestSeedParses(t *testing.T) {
	ds, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	count := map[domain.Kind]int{}
	var article *domain.Source
	for _, n := range ds.Nodes {
		count[n.NodeKind()]++
		if s, ok := n.(*domain.Source); ok && s.Kind == domain.SourceArticle {
			article = s
		}
	}
	for _, k := range domain.Kinds {
		if count[k] == 0 {
			t.Errorf("the seed has no %s", k)
		}
	}
	if article == nil || article.Text == nil {
		t.Fatal("the seed's root Source must be the article, with its text")
	}
	// Every quote is verbatim from the article.
	for _, n := range ds.Nodes {
		if a, ok := n.(*domain.Attribution); ok && a.Quote != nil && !strings.Contains(*article.Text, *a.Quote) {
			t.Errorf("%s: quote %q is not in the article", a.ID, *a.Quote)
		}
	}
}

func TestSeedNamesEveryActorOfTheArticle(t *testing.T) {
	ds, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range ds.Nodes {
		ids[n.NodeID()] = true
	}
	for _, id := range []string{
		"person/donald-trump", "person/vladimir-putin", "person/volodymyr-zelensky", "person/dmitry-peskov", "person/bob-woodward",
		"organisation/kremlin", "organisation/white-house", "organisation/reuters", "organisation/the-washington-post",
		"organisation/axios", "organisation/bloomberg", "place/saudi-arabia", "place/black-sea", "source/woodward-war-2024",
	} {
		if !ids[id] {
			t.Errorf("the seed lacks %s", id)
		}
	}
}

func TestReadReportsBadLines(t *testing.T) {
	input := strings.Join([]string{
		`{"type":"Person","id":"person/a","name":"A"}`,
		`{"type":"Person","id":"person/a","name":"A again"}`,
		`{"type":"Organisation","id":"organisation/b","name":"B","kind":"CLUB"}`,
		`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","pointInTime":"2025-13"}`,
		`{"type":"Attribution","id":"attribution/d","claim":"claim/missing","stance":"ASSERTS","sourcing":"NAMED","actor":"person/a","sources":[]}`,
		`{"type":"Person","id":"person/e","name":"E","shoeSize":44}`,
		`not json`,
		`{"type":"Attribution","id":"attribution/e","claim":"claim/missing","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/x"]}`,
	}, "\n")
	_, err := dataset.Read(strings.NewReader(input), "test")
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("Read error = %v, want EINVALID", err)
	}
	msg := domain.ErrorMessage(err)
	for _, want := range []string{
		"line 2: id: person/a is already defined on line 1",
		`line 3: kind: kind "CLUB" is not one of`,
		"line 4: pointInTime: invalid partial date",
		"line 5: sources: an attribution is recorded in at least one source",
		"line 8: claim: claim/missing is not defined in this file",
		"line 6: shoeSize: is not a field of a Person record",
		"line 7: not a valid record",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error message lacks %q:\n%s", want, msg)
		}
	}
}

func TestReadRejectsAnotherTypesFields(t *testing.T) {
	for _, line := range []string{
		`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","status":"CONFIRMED"}`,
		`{"type":"Person","id":"person/a","Name":"A"}`,
	} {
		if _, err := dataset.Read(strings.NewReader(line), "test"); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("Read(%s) = %v, want EINVALID", line, err)
		}
	}
}

// TestWriteRoundTrips: writing the seed and reading it back gives the same
// file again.
func TestWriteRoundTrips(t *testing.T) {
	ds, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	var first strings.Builder
	if err := dataset.Write(&first, ds); err != nil {
		t.Fatal(err)
	}
	again, err := dataset.Read(strings.NewReader(first.String()), "roundtrip")
	if err != nil {
		t.Fatalf("the written file does not read back: %v", err)
	}
	var second strings.Builder
	if err := dataset.Write(&second, again); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("write → read → write differs")
	}
	if len(again.Nodes) != len(ds.Nodes) || len(again.Edges) != len(ds.Edges) {
		t.Errorf("round trip: %d nodes %d edges, want %d and %d", len(again.Nodes), len(again.Edges), len(ds.Nodes), len(ds.Edges))
	}
}

// TestForeignFieldIsNamedInLineOrder: a line with several fields of other
// record types is blamed for the first of them in the line's own order (not
// the alphabetically first, not a random one), the same on every run.
func TestForeignFieldIsNamedInLineOrder(t *testing.T) {
	for _, tc := range []struct{ line, field string }{
		{`{"type":"Person","id":"person/a","name":"A","title":"T","kind":"MEDIA","status":"ONGOING","lat":1}`, "title"},
		{`{"type":"Person","id":"person/a","status":"ONGOING","name":"A","kind":"MEDIA","Title":"T"}`, "status"},
		{`{"type":"Claim","id":"claim/c","text":"t","Summary":"s","summary":"s","language":"pl","stance":"ASSERTS"}`, "Summary"},
		{`{"type":"MENTIONS","from":"source/s","to":"person/a","role":"x","claim":"claim/c","count":1}`, "role"},
	} {
		want := "line 1: " + tc.field + ": is not a field of a "
		for range 20 {
			_, errs, err := dataset.Parse(strings.NewReader(tc.line), "test", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(errs) != 1 || errs[0].Field != tc.field || !strings.HasPrefix(errs[0].Error(), want) {
				t.Fatalf("Parse(%s) = %v, want one error %q…", tc.line, errs, want)
			}
			_, err = dataset.Read(strings.NewReader(tc.line), "test")
			if msg := domain.ErrorMessage(err); !strings.Contains(msg, want) {
				t.Fatalf("Read(%s) = %q, want it to contain %q", tc.line, msg, want)
			}
		}
	}
}

// TestReadAppliesTheAPIRules: the file format refuses what the API refuses,
// through the same domain rules (issue 13).
func TestReadAppliesTheAPIRules(t *testing.T) {
	for line, want := range map[string]string{
		`{"type":"Place","id":"place/p","name":"P","kind":"CITY","lat":999}`:                                       "lat: lat 999 is outside -90..90 degrees",
		`{"type":"Place","id":"place/p","name":"P","kind":"CITY","lon":-180.5}`:                                    "lon: lon -180.5 is outside -180..180 degrees",
		`{"type":"Person","id":"person/p","name":"Bad\u0000Name"}`:                                                 "name: name contains a control character (U+0000)",
		`{"type":"Person","id":"person/p","name":"P","aliases":["x\u001b"]}`:                                       "aliases[0]: aliases[0] contains a control character (U+001B)",
		`{"type":"Organisation","id":"organisation/o","name":"O"}`:                                                 "kind: kind is required: one of",
		`{"type":"Person","id":"person/p","name":"` + strings.Repeat("x", domain.MaxName+1) + `"}`:                 "name: name is 501 characters long; at most 500 are allowed",
		`{"type":"Claim","id":"claim/c","text":"t","summary":"` + strings.Repeat("s", 2001) + `","language":"pl"}`: "summary: summary is 2001 characters long",
	} {
		_, err := dataset.Read(strings.NewReader(line), "test")
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), want) {
			t.Errorf("Read(%.80s) = %v, want %q", line, err, want)
		}
	}
	cycle := strings.Join([]string{
		`{"type":"Source","id":"source/s","kind":"BOOK","title":"S","language":"pl"}`,
		`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl"}`,
		`{"type":"Attribution","id":"attribution/a","claim":"claim/c","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/s"],"cites":["attribution/b"]}`,
		`{"type":"Attribution","id":"attribution/b","claim":"claim/c","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/s"],"cites":["attribution/a"]}`,
		`{"type":"Attribution","id":"attribution/self","claim":"claim/c","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/s"],"cites":["attribution/self"]}`,
	}, "\n")
	_, err := dataset.Read(strings.NewReader(cycle), "test")
	for _, want := range []string{"line 4: cites: attribution/b cites attribution/a, which cites it back", "line 5: cites: an attribution cannot cite itself"} {
		if !strings.Contains(domain.ErrorMessage(err), want) {
			t.Errorf("a citation cycle: %v, want %q", err, want)
		}
	}
}

// TestSeedSourcesAreWhereWeReadIt: an attribution's sources are where we
// read it, so every one is a source whose text we hold; where the actor made
// it (Woodward's book) is madeIn (issue 9).
func TestSeedSourcesAreWhereWeReadIt(t *testing.T) {
	ds, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]bool{}
	for _, n := range ds.Nodes {
		if s, ok := n.(*domain.Source); ok && s.Text != nil && *s.Text != "" {
			read[s.ID] = true
		}
	}
	madeIn := 0
	for _, e := range ds.Edges {
		switch e.Type {
		case domain.RelRecordedIn:
			if !read[e.To] {
				t.Errorf("%s lists %s among its sources, but we hold no text of it: where it was made is madeIn", e.From, e.To)
			}
		case domain.RelMadeIn:
			madeIn++
			if e.From == "attribution/woodward-seven-calls" && e.To != "source/woodward-war-2024" {
				t.Errorf("Woodward's attribution was made in %s", e.To)
			}
		}
	}
	if madeIn == 0 {
		t.Error("no attribution says where it was made: Woodward's was made in his book")
	}
}

// TestDateBoundByAnotherNode: "before Trump's election" is the year 2024 no
// later than the election's date, when the file has the election (issue 9).
func TestDateBoundByAnotherNode(t *testing.T) {
	file := strings.Join([]string{
		`{"type":"Event","id":"event/election","kind":"STATEMENT","name":"Election","date":"2024-11-05"}`,
		`{"type":"Claim","id":"claim/talked-before","text":"t","summary":"s","language":"pl","pointInTime":{"value":"2024","notAfter":"event/election"}}`,
	}, "\n")
	ds, err := dataset.Read(strings.NewReader(file), "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ds.Nodes {
		if c, ok := n.(*domain.Claim); ok {
			if got := c.PointInTime.String(); got != "2024 (YEAR, 2024-01-01..2024-11-05)" {
				t.Errorf("before the election: %s", got)
			}
		}
	}
	for line, want := range map[string]string{
		`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","pointInTime":{"value":"2024","notAfter":"event/missing"}}`: "pointInTime.notAfter: event/missing is not defined in this file",
		`{"type":"Event","id":"event/e","kind":"STATEMENT","name":"E","date":"2023-05"}` + "\n" +
			`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","pointInTime":{"value":"2024","notAfter":"event/e"}}`: "pointInTime: 2024 cannot lie between",
	} {
		if _, err := dataset.Read(strings.NewReader(line), "test"); !strings.Contains(domain.ErrorMessage(err), want) {
			t.Errorf("%v, want %q", err, want)
		}
	}
}

// TestDateBoundsAndCyclesInParse: bounds reach a claim's other dates, are
// checked against the node's rules, are not chained, and Parse (the import)
// refuses citation cycles as Read does.
func TestDateBoundsAndCyclesInParse(t *testing.T) {
	file := strings.Join([]string{
		`{"type":"Event","id":"event/call","kind":"PHONE_CALL","name":"Call","date":{"value":"2025-03","earliest":"2025-03-01","latest":"2025-03-10"}}`,
		`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","dates":[{"kind":"DEADLINE","date":{"value":"2025-03","notAfter":"event/call"}}]}`,
	}, "\n")
	ds, err := dataset.Read(strings.NewReader(file), "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ds.Nodes {
		if c, ok := n.(*domain.Claim); ok && c.Dates[0].Date.String() != "2025-03 (MONTH, 2025-03-01..2025-03-10)" {
			t.Errorf("a claim's bounded deadline: %s", c.Dates[0].Date)
		}
	}
	for file, want := range map[string]string{
		`{"type":"Event","id":"event/a","kind":"PHONE_CALL","name":"A","date":"2025-03"}` + "\n" +
			`{"type":"Event","id":"event/b","kind":"PHONE_CALL","name":"B","date":{"value":"2025","notAfter":"event/a"}}` + "\n" +
			`{"type":"Event","id":"event/c","kind":"PHONE_CALL","name":"C","date":{"value":"2025","notAfter":"event/b"}}`: "event/b's date is itself bounded",
		`{"type":"Event","id":"event/a","kind":"PHONE_CALL","name":"A","date":"2025-06"}` + "\n" +
			`{"type":"Negotiation","id":"negotiation/n","name":"N","status":"ONGOING","start":{"value":"2025","notBefore":"event/a"},"end":"2025-03"}`: "ends (2025-03) before it starts",
	} {
		if _, err := dataset.Read(strings.NewReader(file), "test"); !strings.Contains(domain.ErrorMessage(err), want) {
			t.Errorf("%v, want %q", err, want)
		}
	}
	cycle := strings.Join([]string{
		`{"type":"Attribution","id":"attribution/a","claim":"claim/c","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/s"],"cites":["attribution/b"]}`,
		`{"type":"Attribution","id":"attribution/b","claim":"claim/c","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/s"],"cites":["attribution/a"]}`,
	}, "\n")
	items, errs, err := dataset.Parse(strings.NewReader(cycle), "import", nil)
	if err != nil || len(errs) != 1 || !strings.Contains(errs[0].Error(), "cannot form a cycle") || len(items) != 1 {
		t.Errorf("Parse of a citation cycle: %d items, %v, %v", len(items), errs, err)
	}
}

// TestEmptyAndMalformedValues: an empty or null value is "not given" (rank
// takes its default, an optional text is absent), and values of the wrong
// shape are refused with their field.
func TestEmptyAndMalformedValues(t *testing.T) {
	file := strings.Join([]string{
		`{"type":"Claim","id":"claim/a","text":"t","summary":"s","language":"pl","rank":""}`,
		`{"type":"Claim","id":"claim/b","text":"t","summary":"s","language":"pl","rank":null}`,
		`{"type":"Source","id":"source/s","kind":"ARTICLE","title":"S","language":"pl","text":"","url":null}`,
	}, "\n")
	ds, err := dataset.Read(strings.NewReader(file), "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ds.Nodes {
		switch n := n.(type) {
		case *domain.Claim:
			if n.Rank != domain.RankNormal {
				t.Errorf("%s: rank %q, want NORMAL", n.ID, n.Rank)
			}
		case *domain.Source:
			if n.Text != nil || n.URL != nil {
				t.Errorf("an empty text and a null url: %v %v, want both absent", n.Text, n.URL)
			}
		}
	}
	for line, want := range map[string]string{
		`{"type":"Place","id":"place/p","name":"P","kind":"CITY","lat":"12.5"}`:                                                          "lat: lat must be a number",
		`{"type":"Source","id":"source/s","kind":"ARTICLE","title":"S","language":"pl","authors":"person/x"}`:                            "authors: authors must be a list",
		`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","dates":[{"kind":"DEADLINE","date":"2025","dat":"x"}]}`: "dates[0].dat: dat is not a field of dates[0]",
		`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","about":[{"id":"person/x","role":"SUBJECT","as":"x"}]}`: "about[0].as: as is not a field of about[0]",
		`{"type":"Person","id":"person/p","name":["P"]}`:                                                                                 "name: name must be a string",
	} {
		_, err := dataset.Read(strings.NewReader(line), "test")
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), want) {
			t.Errorf("Read(%.80s) = %v, want %q", line, err, want)
		}
	}
}

// TestEveryDescribedFieldRoundTrips writes a node of every kind with every
// described field set and reads the file back: a field added to a kind's
// description reaches data files without another edit.
func TestEveryDescribedFieldRoundTrips(t *testing.T) {
	ds := &domain.Dataset{Origin: "test"}
	for _, k := range domain.Kinds {
		n, _ := neo4jtest.FullNode(t, k)
		if a, ok := n.(*domain.Attribution); ok {
			a.Stance = domain.StanceAsserts // REPORTS, the last, needs a cited attribution
			ds.Edges = append(ds.Edges, domain.Edge{Type: domain.RelOn, From: a.ID, To: "claim/full"},
				domain.Edge{Type: domain.RelRecordedIn, From: a.ID, To: "source/full"})
		}
		ds.Nodes = append(ds.Nodes, n)
	}
	var buf bytes.Buffer
	if err := dataset.Write(&buf, ds); err != nil {
		t.Fatal(err)
	}
	items, errs, err := dataset.Parse(&buf, "test", nil)
	if err != nil || len(errs) > 0 {
		t.Fatalf("parse what Write wrote: %v %v\n%s", err, errs, buf.String())
	}
	byID := map[string]domain.Node{}
	for _, it := range items {
		byID[it.Node.NodeID()] = it.Node
	}
	for _, n := range ds.Nodes {
		if got := byID[n.NodeID()]; got == nil || !domain.SameFields(got, n) {
			t.Errorf("%s: read back %+v, wrote %+v", n.NodeID(), got, n)
		}
	}
}
