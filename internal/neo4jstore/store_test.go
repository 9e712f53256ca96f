package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

func seed(t *testing.T) *domain.Dataset {
	t.Helper()
	ds, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestSeedInvariants(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	bad, err := neo4jtest.Violations(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Errorf("invariant broken: %s", b)
	}

	t.Run("StatusFollowsAttributions", func(t *testing.T) {
		// A new denial by a party flips a REPORTED claim to DISPUTED in the
		// same load, although the claim itself is not in the loaded data, and
		// the invariant check agrees.
		ds := &domain.Dataset{Origin: "test", Nodes: []domain.Node{
			&domain.Attribution{ID: "attribution/test-zelensky-denies", Stance: domain.StanceDenies, Sourcing: domain.SourcingNamed},
		}, Edges: []domain.Edge{
			{Type: domain.RelOn, From: "attribution/test-zelensky-denies", To: "claim/2025-03-trump-zelensky-call"},
			{Type: domain.RelMadeBy, From: "attribution/test-zelensky-denies", To: "person/volodymyr-zelensky"},
			{Type: domain.RelRecordedIn, From: "attribution/test-zelensky-denies", To: "source/pl-article-2025-03-trump-putin-calls"},
		}}
		if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
			t.Fatal(err)
		}
		if got := claimNode(t, s, "claim/2025-03-trump-zelensky-call").Status; got != domain.StatusDisputed {
			t.Errorf("status after a denial = %s, want DISPUTED", got)
		}
		if bad, _ := neo4jtest.Violations(ctx, s); len(bad) > 0 {
			t.Errorf("invariants broken after the denial: %v", bad)
		}
	})
	t.Run("ViolationsSeeABrokenGraph", func(t *testing.T) {
		// Written behind the store's back, a wrong status and an attribution
		// on no claim are both reported, and the graph is mended after.
		cfg := neo4jtest.Config()
		d := neo4jtest.Driver(t)
		run := func(cypher string) {
			t.Helper()
			if _, err := neo4j.ExecuteQuery(ctx, d, cypher, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
				t.Fatalf("%s: %v", cypher, err)
			}
		}
		run("MATCH (c:Claim {id: 'claim/2025-03-trump-zelensky-call'}) SET c.was = c.status, c.status = 'CONFIRMED'")
		run("CREATE (:Node:Attribution {id: 'attribution/test-orphan', stance: 'ASSERTS'})")
		defer run("MATCH (c:Claim {id: 'claim/2025-03-trump-zelensky-call'}) SET c.status = c.was REMOVE c.was")
		defer run("MATCH (a:Attribution {id: 'attribution/test-orphan'}) DETACH DELETE a")
		bad, err := neo4jtest.Violations(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(bad, "\n")
		for _, want := range []string{
			`claim claim/2025-03-trump-zelensky-call has status "CONFIRMED", but its attributions make it DISPUTED`,
			"attribution without exactly one ON: attribution/test-orphan",
			"attribution without RECORDED_IN: attribution/test-orphan",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("violations do not say %q:\n%s", want, got)
			}
		}
	})
}

func claimNode(t *testing.T, s *neo4jstore.Store, id string) *domain.Claim {
	t.Helper()
	nodes, err := s.NodesByID(context.Background(), []string{id})
	if err != nil {
		t.Fatal(err)
	}
	c, ok := nodes[id].(*domain.Claim)
	if !ok {
		t.Fatalf("%s not found", id)
	}
	return c
}

func TestSeedStatuses(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	want := map[string]domain.ClaimStatus{
		"claim/2024-11-trump-putin-call":              domain.StatusDisputed, // Reuters, WaPo, Axios vs the Kremlin
		"claim/trump-putin-seven-calls-after-2021":    domain.StatusDisputed, // Woodward vs the Kremlin; Trump non-committal
		"claim/trump-putin-contacts-more-frequent":    domain.StatusReported, // Reuters; Peskov declines to rule out
		"claim/2025-02-12-trump-putin-call":           domain.StatusReported,
		"claim/2025-03-us-ukraine-talks-saudi-arabia": domain.StatusReported,
	}
	for id, st := range want {
		if got := claimNode(t, s, id).Status; got != st {
			t.Errorf("%s: status %s, want %s", id, got, st)
		}
	}
}

func TestLoadIsIdempotent(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	before, err := neo4jtest.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond) // a changed updatedAt would differ
	st, err := s.LoadDataset(ctx, seed(t), neo4jtest.Loader)
	if err != nil {
		t.Fatal(err)
	}
	if st.Created != 0 || st.Updated != 0 || st.Unchanged == 0 {
		t.Errorf("second load: %v, want everything unchanged", st)
	}
	after, err := neo4jtest.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := neo4jtest.Diff(before, after); d != "" {
		t.Errorf("re-loading the seed changed the graph:\n%s", d)
	}
}

func TestMigrate(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	t.Run("Idempotent", func(t *testing.T) {
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if v, err := s.StoredSchemaVersion(ctx); err != nil || v != neo4jstore.SchemaVersion {
			t.Errorf("stored version = %d, %v; want %d", v, err, neo4jstore.SchemaVersion)
		}
	})
	t.Run("FromVersion2", func(t *testing.T) {
		// A database version 2 wrote has no change_other index (History of
		// a relationship's end seeks it); migrating records version 3.
		cfg := neo4jtest.Config()
		d := neo4jtest.Driver(t)
		run := func(cypher string) *neo4j.EagerResult {
			t.Helper()
			res, err := neo4j.ExecuteQuery(ctx, d, cypher, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
			if err != nil {
				t.Fatalf("%s: %v", cypher, err)
			}
			return res
		}
		run("DROP INDEX change_other IF EXISTS")
		if err := s.SetSchemaVersion(ctx, 2); err != nil {
			t.Fatal(err)
		}
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if v, err := s.StoredSchemaVersion(ctx); err != nil || v != neo4jstore.SchemaVersion {
			t.Errorf("stored version after migrating version 2 = %d, %v; want %d", v, err, neo4jstore.SchemaVersion)
		}
		if res := run("SHOW INDEXES YIELD name WHERE name = 'change_other' RETURN name"); len(res.Records) != 1 {
			t.Error("migrating version 2 did not create the change_other index")
		}
	})
	t.Run("FromVersion4", func(t *testing.T) {
		// Version 4 numbered every entry (seq, and commit: its
		// transaction's first position); a load of version 5 may have
		// been left pending by a process that stopped before numbering it.
		cfg := neo4jtest.Config()
		d := neo4jtest.Driver(t)
		if _, err := neo4j.ExecuteQuery(ctx, d, `MERGE (log:NewsgraphLog {id: 'log'}) SET log.head = 3
CREATE (:NewsgraphChange {entity: 'person/v4-a', at: datetime('2024-01-01T00:00:00Z'), by: 'v4', op: 'created', what: 'Person', fields: ['name'], seq: 1, commit: 1})
CREATE (:NewsgraphChange {entity: 'person/v4-a', other: 'person/v4-b', rel: 'MENTIONS', at: datetime('2024-01-01T00:00:00Z'), by: 'v4', op: 'created', seq: 2, commit: 1})
CREATE (:NewsgraphChange {entity: 'person/v4-b', at: datetime('2024-01-02T00:00:00Z'), by: 'v4', op: 'updated', what: 'Person', fields: ['name'], seq: 3, commit: 3})
CREATE (:NewsgraphCommit {tx: 'left-pending', pending: 1, at: datetime(), by: 'v5'})
CREATE (:NewsgraphChange {tx: 'left-pending', ord: 0, entity: 'person/v4-b', op: 'updated', what: 'Person', fields: ['aliases']})`,
			nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSchemaVersion(ctx, 4); err != nil {
			t.Fatal(err)
		}
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		entries, head, err := s.ChangesAfter(ctx, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, fmt.Sprintf("%d/%d %s %s %s %s", e.Position, e.Commit, e.By, e.Op, e.Entity, e.What))
		}
		want := []string{"1/1 v4 created person/v4-a Person", "2/1 v4 created person/v4-a MENTIONS -> person/v4-b",
			"3/3 v4 updated person/v4-b Person", "4/4 v5 updated person/v4-b Person"}
		if !slices.Equal(got, want) || head != 4 {
			t.Errorf("log after migrating version 4 (head %d):\n got %q\nwant %q", head, got, want)
		}
		h, err := s.History(ctx, "person/v4-b", 10)
		if err != nil || len(h) != 3 || h[len(h)-1].By != "v4" {
			t.Errorf("history of person/v4-b = %+v, %v; want 3 changes, the oldest by v4", h, err)
		}
	})
	t.Run("ErrNewerSchema", func(t *testing.T) {
		if err := s.SetSchemaVersion(ctx, neo4jstore.SchemaVersion+1); err != nil {
			t.Fatal(err)
		}
		defer s.SetSchemaVersion(ctx, neo4jstore.SchemaVersion)
		err := s.Migrate(ctx)
		if domain.ErrorCode(err) != domain.ECONFLICT || !strings.Contains(domain.ErrorMessage(err), "upgrade newsgraph") {
			t.Errorf("Migrate on a newer schema = %v, want ECONFLICT saying to upgrade", err)
		}
	})
	t.Run("ErrDuplicateID", func(t *testing.T) {
		// The uniqueness constraint holds across labels via :Node.
		ds := &domain.Dataset{Origin: "test", Nodes: []domain.Node{&domain.Person{ID: "person/dup", Name: "A"}}}
		if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
			t.Fatal(err)
		}
		bad, err := neo4jtest.Violations(ctx, s)
		if err != nil || len(bad) > 0 {
			t.Errorf("violations = %v, %v", bad, err)
		}
	})
}

// A dataset planned as new (domain.Dataset.New) whose node another writer
// stored meanwhile is upserted after all: no duplicate, no error.
func TestLoadNewAfterAll(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	first := &domain.Dataset{Origin: "test", Nodes: []domain.Node{&domain.Person{ID: "person/raced", Name: "A"}}}
	if _, err := s.LoadDataset(ctx, first, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	planned := &domain.Dataset{Origin: "test", New: true, Nodes: []domain.Node{
		&domain.Person{ID: "person/raced", Name: "B"}, &domain.Person{ID: "person/fresh", Name: "C"}}}
	st, err := s.LoadDataset(ctx, planned, neo4jtest.Loader)
	if err != nil || !st.Raced || st.Created != 1 || st.Updated != 1 {
		t.Fatalf("LoadDataset(New, one stored) = %+v, %v; want raced, 1 created, 1 updated", st, err)
	}
	bad, err := neo4jtest.Violations(ctx, s)
	if err != nil || len(bad) > 0 {
		t.Errorf("violations = %v, %v", bad, err)
	}
}

func list(t *testing.T, s *neo4jstore.Store, kind domain.Kind, f domain.ListFilter, p domain.Page) *domain.NodePage {
	t.Helper()
	page, err := s.List(context.Background(), kind, f, p)
	if err != nil {
		t.Fatalf("List(%s, %+v): %v", kind, f, err)
	}
	return page
}

func ids(nodes []domain.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.NodeID()
	}
	return out
}

func TestNameMatching(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	for _, q := range []string{"Zelenski", "Zełenski", "zelensky", "ZELENSKYY", "wołodymyr"} {
		t.Run(q, func(t *testing.T) {
			got := ids(list(t, s, domain.KindPerson, domain.ListFilter{Name: &q}, domain.Page{First: 10}).Nodes)
			if len(got) != 1 || got[0] != "person/volodymyr-zelensky" {
				t.Errorf("people named %q = %v, want [person/volodymyr-zelensky]", q, got)
			}
		})
	}
	q := "pieskow"
	if got := ids(list(t, s, domain.KindPerson, domain.ListFilter{Name: &q}, domain.Page{First: 10}).Nodes); len(got) != 1 || got[0] != "person/dmitry-peskov" {
		t.Errorf("people named pieskow = %v", got)
	}
}

func TestDateWindowOverlap(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	d := func(s string) *time.Time { t, _ := time.Parse(domain.DateLayout, s); return &t }
	calls := []string{"PHONE_CALL"}
	cases := []struct {
		name     string
		from, to string
		want     []string
	}{
		// "early November 2024" is 2024-11-01..10: it overlaps a window ending on the 5th…
		{"EarlyNovemberOverlaps", "2024-11-05", "2024-11-30", []string{"event/2024-11-trump-putin-call"}},
		// …but not one that starts after the 10th.
		{"EarlyNovemberEndsOn10th", "2024-11-11", "2024-12-31", nil},
		// The Zelensky call (18 or 19 March) overlaps 19 March; the Putin call on the 18th does not.
		{"ZelenskyCallOn19th", "2025-03-19", "2025-03-19", []string{"event/2025-03-trump-zelensky-call"}},
		{"February2025", "2025-02-01", "2025-02-28", []string{"event/2025-02-12-trump-putin-call"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := domain.ListFilter{Kinds: calls, Date: domain.DateWindow{From: d(c.from), To: d(c.to)}}
			got := ids(list(t, s, domain.KindEvent, f, domain.Page{First: 50}).Nodes)
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("calls overlapping %s..%s = %v, want %v", c.from, c.to, got, c.want)
			}
		})
	}
}

func TestCursorsSurviveAppends(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	var seen []string
	page := domain.Page{First: 5, OrderBy: domain.OrderByName, WithTotal: true}
	first := list(t, s, domain.KindOrganisation, domain.ListFilter{}, page)
	total := first.Total
	seen = append(seen, ids(first.Nodes)...)
	// Append organisations that sort before and after the cursor.
	ds := &domain.Dataset{Origin: "test", Nodes: []domain.Node{
		&domain.Organisation{ID: "organisation/aaa-new", Name: "AAA New", Kind: domain.OrgOther},
		&domain.Organisation{ID: "organisation/zzz-new", Name: "ZZZ New", Kind: domain.OrgOther},
	}}
	if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	cur := first
	for cur.HasNext {
		page.After = &cur.Cursors[len(cur.Cursors)-1]
		cur = list(t, s, domain.KindOrganisation, domain.ListFilter{}, page)
		seen = append(seen, ids(cur.Nodes)...)
	}
	// Everything that existed is seen once, the later-sorting new one too,
	// the earlier-sorting one (behind the cursor) not.
	count := map[string]int{}
	for _, id := range seen {
		count[id]++
	}
	for id, n := range count {
		if n > 1 {
			t.Errorf("%s seen %d times", id, n)
		}
	}
	if len(seen) != total+1 || count["organisation/zzz-new"] != 1 || count["organisation/aaa-new"] != 0 {
		t.Errorf("paged through %d organisations (%v), want the %d old ones plus zzz-new", len(seen), seen, total)
	}

	t.Run("Descending", func(t *testing.T) {
		p := domain.Page{First: 3, OrderBy: domain.OrderByName, Descending: true}
		a := list(t, s, domain.KindOrganisation, domain.ListFilter{}, p)
		p.After = &a.Cursors[2]
		b := list(t, s, domain.KindOrganisation, domain.ListFilter{}, p)
		if a.Nodes[0].NodeID() != "organisation/zzz-new" || b.Nodes[0].NodeID() == a.Nodes[2].NodeID() {
			t.Errorf("descending pages: %v then %v", ids(a.Nodes), ids(b.Nodes))
		}
	})
}

func TestLinksBothDirections(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	out, err := s.Links(ctx, domain.Relation{Type: domain.RelMemberOf, Direction: domain.Out, Limit: 100}, []string{"person/dmitry-peskov"})
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.Links(ctx, domain.Relation{Type: domain.RelMemberOf, Direction: domain.In, Limit: 100}, []string{"organisation/kremlin"})
	if err != nil {
		t.Fatal(err)
	}
	if len(out["person/dmitry-peskov"]) != 1 || len(in["organisation/kremlin"]) != 1 {
		t.Fatalf("MEMBER_OF links: out %v, in %v", out, in)
	}
	e := in["organisation/kremlin"][0].Edge
	if e.From != "person/dmitry-peskov" || e.To != "organisation/kremlin" || *e.Role != "spokesperson" || *e.ClaimID != "claim/peskov-kremlin-spokesperson" {
		t.Errorf("edge seen from the Kremlin = %+v", e)
	}
}

func TestUnavailable(t *testing.T) {
	cfg := neo4jtest.Config()
	cfg.URI = "bolt://127.0.0.1:1" // nothing listens there
	cfg.ConnectTimeout = 500 * time.Millisecond
	s, err := neo4jstore.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	if err := s.Ping(context.Background()); domain.ErrorCode(err) != domain.EUNAVAILABLE {
		t.Errorf("Ping on a closed port = %v, want EUNAVAILABLE", err)
	}
	t.Run("ErrBadURI", func(t *testing.T) {
		cfg.URI = "http://example.org"
		if _, err := neo4jstore.Open(cfg); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("Open(http://…) = %v, want EINVALID", err)
		}
	})
}

func TestDescendingDatesKeepUndatedLast(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	var seen []domain.Node
	p := domain.Page{First: 4, OrderBy: domain.OrderByDate, Descending: true}
	for {
		page := list(t, s, domain.KindAttribution, domain.ListFilter{}, p)
		seen = append(seen, page.Nodes...)
		if !page.HasNext {
			break
		}
		p.After = &page.Cursors[len(page.Cursors)-1]
	}
	all := list(t, s, domain.KindAttribution, domain.ListFilter{}, domain.Page{First: 100, WithTotal: true})
	if len(seen) != all.Total {
		t.Fatalf("paged %d attributions newest first, want %d", len(seen), all.Total)
	}
	undated := false
	var last string
	for _, n := range seen {
		a := n.(*domain.Attribution)
		if a.StatedAt == nil {
			undated = true
			continue
		}
		if undated {
			t.Fatalf("%s is dated but comes after undated attributions", a.ID)
		}
		if last != "" && a.StatedAt.Earliest.Format(domain.DateLayout) > last {
			t.Errorf("%s (%s) comes after an earlier date %s", a.ID, a.StatedAt.Value, last)
		}
		last = a.StatedAt.Earliest.Format(domain.DateLayout)
	}
	if !undated {
		t.Error("the seed should have undated attributions for this test to prove anything")
	}
}

func TestLinksKeepEveryRole(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	topic := string(domain.AboutTopic)
	ds := &domain.Dataset{Origin: "test", Edges: []domain.Edge{
		{Type: domain.RelAbout, From: "claim/2024-11-trump-putin-call", To: "person/donald-trump", Role: &topic},
	}}
	if _, err := s.LoadDataset(ctx, ds, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	links, err := s.Links(ctx, domain.Relation{Type: domain.RelAbout, Direction: domain.Out, Limit: 100}, []string{"claim/2024-11-trump-putin-call"})
	if err != nil {
		t.Fatal(err)
	}
	var roles []string
	for _, l := range links["claim/2024-11-trump-putin-call"] {
		if l.Other.NodeID() == "person/donald-trump" {
			roles = append(roles, *l.Edge.Role)
		}
	}
	if strings.Join(roles, ",") != "PARTICIPANT,TOPIC" {
		t.Errorf("the claim is about Trump in roles %v, want PARTICIPANT and TOPIC", roles)
	}
}

func TestNegotiationWindowWithOpenEnds(t *testing.T) {
	s := neo4jtest.MustOpenSeeded(t)
	d := func(s string) *time.Time { t, _ := time.Parse(domain.DateLayout, s); return &t }
	// The seed's negotiation has no known start: any window that reaches its
	// time overlaps it.
	got := list(t, s, domain.KindNegotiation, domain.ListFilter{Date: domain.DateWindow{To: d("2025-01-01")}}, domain.Page{First: 10})
	if len(got.Nodes) != 1 {
		t.Errorf("negotiations overlapping ..2025-01-01 = %v, want the one with an unknown start", ids(got.Nodes))
	}
}

// TestEveryDescribedFieldIsStored writes a node of every kind with every
// described field set, through a single write and through a bulk load, and
// reads each back: a field added to a kind's description is stored and read
// without another edit (projections read the same description, fieldProps).
func TestEveryDescribedFieldIsStored(t *testing.T) {
	s := neo4jtest.MustOpen(t)
	ctx := context.Background()
	var nodes []domain.Node
	for _, k := range domain.Kinds {
		n, _ := neo4jtest.FullNode(t, k)
		nodes = append(nodes, n)
	}
	check := func(how string) {
		t.Helper()
		ids := make([]string, len(nodes))
		for i, n := range nodes {
			ids[i] = n.NodeID()
		}
		got, err := s.NodesByID(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range nodes {
			if g := got[n.NodeID()]; g == nil || !domain.SameFields(g, n) {
				t.Errorf("%s: %s read back as %+v, written %+v", how, n.NodeID(), g, n)
			}
		}
	}
	err := s.Write(ctx, neo4jtest.Loader, func(tx domain.WriteTx) error {
		for _, n := range nodes {
			if _, err := tx.PutNode(ctx, n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("a single write")
	neo4jtest.MustOpen(t) // wiped
	if _, err := s.LoadDataset(ctx, &domain.Dataset{Origin: "test", Nodes: nodes}, neo4jtest.Loader); err != nil {
		t.Fatal(err)
	}
	check("a bulk load")
}
