package importer_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

func opts() importer.Options {
	return importer.Options{Origin: "test", By: neo4jtest.Loader, BatchSize: 7}
}

func export(t *testing.T, s *neo4jstore.Store) string {
	t.Helper()
	ds, err := s.ReadAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := dataset.Write(&buf, ds); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestExportImportRoundTrip: export → empty database → import gives an
// identical graph (every node, relationship and property but bookkeeping).
func TestExportImportRoundTrip(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	// Add what the seed lacks: a MENTIONS edge and a fact with dates.
	count := 3
	start, _ := domain.ParsePartialDate("2012")
	role := "press secretary"
	claim := "claim/peskov-kremlin-spokesperson"
	extra := &domain.Dataset{Origin: "test", Edges: []domain.Edge{
		{Type: domain.RelMentions, From: "source/pl-article-2025-03-trump-putin-calls", To: "person/vladimir-putin", Count: &count, Offsets: []int{50, 120, 300}},
		{Type: domain.RelMemberOf, From: "person/dmitry-peskov", To: "organisation/kremlin", Role: &role, Start: &start, ClaimID: &claim},
	}}
	if _, err := s.LoadDataset(ctx, extra, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	before, err := neo4jtest.Dump(ctx, neo4jtest.Bookkeeping...)
	if err != nil {
		t.Fatal(err)
	}
	file := export(t, s)

	if err := neo4jtest.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	sum, err := importer.Import(ctx, strings.NewReader(file), s, opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Rejected) > 0 || sum.Updated != 0 || sum.Created == 0 {
		t.Errorf("import of the export: %v, rejected %v", sum, sum.Rejected)
	}
	after, err := neo4jtest.Dump(ctx, neo4jtest.Bookkeeping...)
	if err != nil {
		t.Fatal(err)
	}
	if d := neo4jtest.Diff(before, after); d != "" {
		t.Errorf("the graph differs after export → import:\n%s", d)
	}
	if again := export(t, s); again != file {
		t.Errorf("exporting the imported graph gives another file")
	}
}

const mixed = `{"type":"Person","id":"person/a","name":"A"}
{"type":"Person","id":"person/b","name":""}
{"type":"Organisation","id":"organisation/d","name":"D","kind":"NOPE"}
{"type":"MEMBER_OF","from":"person/a","to":"organisation/d","claim":"claim/peskov-kremlin-spokesperson"}
{"type":"Organisation","id":"organisation/c","name":"C","kind":"MEDIA"}
{"type":"MEMBER_OF","from":"person/a","to":"organisation/c","claim":"claim/not-anywhere"}
{"type":"MEMBER_OF","from":"person/a","to":"organisation/kremlin","claim":"claim/peskov-kremlin-spokesperson","role":"adviser"}
{"type":"Attribution","id":"attribution/x1","claim":"claim/none","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/pl-article-2025-03-trump-putin-calls"]}
{"type":"Attribution","id":"attribution/x2","claim":"claim/peskov-kremlin-spokesperson","stance":"ASSERTS","sourcing":"UNSPECIFIED","sources":["source/pl-article-2025-03-trump-putin-calls"],"cites":["attribution/x1"]}
`

func TestRejectedLines(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	sum, err := importer.Import(ctx, strings.NewReader(mixed), s, opts())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range sum.Rejected {
		got = append(got, r.Error())
	}
	want := []string{"line 2: name: name is required", `line 3: kind: kind "NOPE" is not one of GOVERNMENT, STATE_BODY, MEDIA, NEWS_AGENCY, DELEGATION, OTHER`,
		"line 4: to: organisation/d is neither in the file (on a line that was imported) nor in the database", "line 6: claim: claim/not-anywhere is neither in the file (on a line that was imported) nor in the database",
		"line 8: claim: claim/none is neither in the file (on a line that was imported) nor in the database",
		// Line 9 cites line 8's attribution, which was rejected.
		"line 9: cites: attribution/x1 is neither in the file (on a line that was imported) nor in the database"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rejected:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if sum.Records != 9 || sum.Created != 3 {
		t.Errorf("summary %v, want 9 records and 3 created (two nodes, one relationship to the seed's Kremlin)", sum)
	}

	t.Run("StrictWritesNothing", func(t *testing.T) {
		s := neo4jtest.MustOpenSeeded(t)
		before, _ := neo4jtest.Dump(ctx)
		o := opts()
		o.Strict = true
		_, err := importer.Import(ctx, strings.NewReader(mixed), s, o)
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "line 2") {
			t.Errorf("strict import error = %v, want EINVALID naming line 2", err)
		}
		after, _ := neo4jtest.Dump(ctx)
		if d := neo4jtest.Diff(before, after); d != "" {
			t.Errorf("a strict import that failed wrote:\n%s", d)
		}
	})
}

// TestResumeAfterInterruption: importing the first part of a file, as an
// interrupted import would, then the whole file finishes the job with no
// duplicates; a third run changes nothing.
func TestResumeAfterInterruption(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	ds, _ := dataset.Seed()
	var buf bytes.Buffer
	if err := dataset.Write(&buf, ds); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	half := strings.Join(lines[:len(lines)/2], "")
	if _, err := importer.Import(ctx, strings.NewReader(half), s, opts()); err != nil {
		t.Fatal(err)
	}
	full, err := importer.Import(ctx, strings.NewReader(buf.String()), s, opts())
	if err != nil || len(full.Rejected) > 0 {
		t.Fatalf("resumed import: %v %v", err, full.Rejected)
	}
	again, err := importer.Import(ctx, strings.NewReader(buf.String()), s, opts())
	if err != nil || again.Created != 0 || again.Updated != 0 {
		t.Errorf("third run: %v, %v; want everything unchanged", again, err)
	}
	bad, err := neo4jtest.Violations(ctx, s)
	if err != nil || len(bad) > 0 {
		t.Errorf("invariants after a resumed import: %v %v", bad, err)
	}
	nodes, _ := neo4jtest.Dump(ctx)
	want := len(ds.Nodes) + len(ds.Edges)
	if len(nodes) != want {
		t.Errorf("%d nodes and relationships after resuming, want %d (no duplicates)", len(nodes), want)
	}
}

// TestMergedIDs: a line that defines an id merged into another is rejected;
// a reference to it lands on the survivor.
func TestMergedIDs(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	if _, err := importer.Import(ctx, strings.NewReader(`{"type":"Person","id":"person/zelenskyy","name":"Zelenskyy"}`+"\n"), s, opts()); err != nil {
		t.Fatal(err)
	}
	err := s.Write(ctx, neo4jtest.Loader, func(tx domain.WriteTx) error {
		return tx.MergeInto(ctx, "person/volodymyr-zelensky", "person/zelenskyy")
	})
	if err != nil {
		t.Fatal(err)
	}
	const file = `{"type":"Person","id":"person/zelenskyy","name":"Zelenskyy"}
{"type":"MEMBER_OF","from":"person/zelenskyy","to":"organisation/kremlin","claim":"claim/peskov-kremlin-spokesperson","role":"test"}
`
	sum, err := importer.Import(ctx, strings.NewReader(file), s, opts())
	if err != nil {
		t.Fatal(err)
	}
	// Running the file again (finishing an interrupted import) upserts the
	// relationship on the survivor: it is stored, not new.
	if _, err := importer.Import(ctx, strings.NewReader(file), s, opts()); err != nil {
		t.Fatal(err)
	}
	if len(sum.Rejected) != 1 || sum.Rejected[0].Line != 1 || !strings.Contains(sum.Rejected[0].Msg, "was merged into person/volodymyr-zelensky") {
		t.Errorf("rejected %v", sum.Rejected)
	}
	links, err := s.Links(ctx, domain.Relation{Type: domain.RelMemberOf, Direction: domain.Out, Limit: 100}, []string{"person/volodymyr-zelensky"})
	if err != nil || len(links["person/volodymyr-zelensky"]) != 2 {
		t.Errorf("the survivor's memberships: %v %v; want the seed's and the imported one", links, err)
	}
	if nodes, _ := s.NodesByID(ctx, []string{"person/zelenskyy"}); nodes["person/zelenskyy"].NodeID() != "person/volodymyr-zelensky" {
		t.Errorf("the merged id came back as a node of its own")
	}
}

// TestNewRelationshipOnce: a relationship with a new end is created rather
// than upserted, once however often the file holds it.
func TestNewRelationshipOnce(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	const file = `{"type":"Person","id":"person/new","name":"New"}
{"type":"MEMBER_OF","from":"person/new","to":"organisation/kremlin","claim":"claim/peskov-kremlin-spokesperson"}
{"type":"MEMBER_OF","from":"person/new","to":"organisation/kremlin","claim":"claim/peskov-kremlin-spokesperson"}
`
	sum, err := importer.Import(ctx, strings.NewReader(file), s, opts())
	if err != nil || len(sum.Rejected) > 0 {
		t.Fatalf("import: %v, %v %v", sum, err, sum.Rejected)
	}
	if sum.Created != 2 || sum.Unchanged != 1 {
		t.Errorf("import = %v; want 2 created (the person and its MEMBER_OF), 1 unchanged (the repeated line)", sum)
	}
	edges, err := s.ReadAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range edges.Edges {
		if e.From == "person/new" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d relationships from person/new, want 1", n)
	}
}
