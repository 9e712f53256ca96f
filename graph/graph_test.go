package graph_test

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// newClient returns an in-process GraphQL client over a freshly seeded test
// database.
func newClient(t *testing.T) *client.Client {
	c, _ := newClientStore(t)
	return c
}

func newClientStore(t *testing.T) (*client.Client, *neo4jstore.Store) {
	t.Helper()
	store := neo4jtest.MustOpenSeeded(t)
	var h http.Handler = httpapi.GraphQL(store)
	return client.New(h), store
}

// gqlError is one error of a raw response.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func raw(t *testing.T, c *client.Client, query string, opts ...client.Option) (map[string]any, []gqlError) {
	t.Helper()
	resp, err := c.RawPost(query, opts...)
	if err != nil && resp == nil {
		// Validation failures come back as HTTP 422 with the body in the error.
		_, body, ok := strings.Cut(err.Error(), ": ")
		var r struct{ Errors []gqlError }
		if !ok || json.Unmarshal([]byte(body), &r) != nil {
			t.Fatalf("post %s: %v", query, err)
		}
		return nil, r.Errors
	}
	var errs []gqlError
	if len(resp.Errors) > 0 {
		if err := json.Unmarshal(resp.Errors, &errs); err != nil {
			t.Fatalf("errors: %s", resp.Errors)
		}
	}
	data, _ := resp.Data.(map[string]any)
	return data, errs
}

func mustQuery(t *testing.T, c *client.Client, query string, out any, opts ...client.Option) {
	t.Helper()
	if err := c.Post(query, out, opts...); err != nil {
		t.Fatalf("query failed: %v\nquery: %s", err, query)
	}
}

func sorted(xs []string) []string {
	sort.Strings(xs)
	return xs
}

func TestOutletsThatReportedADeniedCall(t *testing.T) {
	c := newClient(t)
	var resp struct {
		Attributions struct {
			TotalCount int
			Nodes      []struct {
				Actor struct {
					Typename string `json:"__typename"`
					Name     string
				}
				Claim struct{ Status string }
			}
		}
	}
	mustQuery(t, c, `{
	  attributions(first: 50, filter: {
	    about: ["person/donald-trump", "person/vladimir-putin"], stances: [ASSERTS], claimDeniedBy: "organisation/kremlin"
	  }) {
	    totalCount
	    nodes { actor { __typename ... on Organisation { name } ... on Person { name } } claim { status } }
	  }
	}`, &resp)
	var outlets []string
	for _, n := range resp.Attributions.Nodes {
		if n.Claim.Status != "DISPUTED" {
			t.Errorf("a claim the Kremlin denies and others assert has status %s, want DISPUTED", n.Claim.Status)
		}
		if n.Actor.Typename == "Organisation" {
			outlets = append(outlets, n.Actor.Name)
		}
	}
	want := []string{"Axios", "Reuters", "The Washington Post"}
	if got := sorted(outlets); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("outlets = %v, want %v", got, want)
	}
}

func TestWhatPeskovSaid(t *testing.T) {
	c := newClient(t)
	var resp struct {
		Person struct {
			Statements []struct {
				Stance string
				Quote  string
				Cue    string
				During struct{ Kind string }
				Claim  struct{ Summary string }
			}
			Memberships []struct {
				Role         string
				Organisation struct{ Name string }
				Claim        struct{ ID string }
			}
		}
	}
	mustQuery(t, c, `{ person(id: "person/dmitry-peskov") {
	  statements { stance quote cue during { kind } claim { summary } }
	  memberships { role organisation { name } claim { id } }
	} }`, &resp)
	stances := map[string]string{}
	for _, s := range resp.Person.Statements {
		stances[s.Stance] = s.Quote
		if s.During.Kind != "INTERVIEW" {
			t.Errorf("Peskov's statement %q was made during %q, want an INTERVIEW", s.Quote, s.During.Kind)
		}
	}
	if stances["DECLINES_TO_RULE_OUT"] != "Ale nie możemy wykluczyć wszystkiego innego" {
		t.Errorf("Peskov's stances = %v", stances)
	}
	if m := resp.Person.Memberships; len(m) != 1 || m[0].Role != "spokesperson" || m[0].Organisation.Name != "Kremlin" || m[0].Claim.ID == "" {
		t.Errorf("memberships = %+v", m)
	}
}

func TestWhoTalkedBeforeTheSaudiTalks(t *testing.T) {
	c := newClient(t)
	var resp struct {
		Events struct {
			Nodes []struct {
				ID           string
				Participants []struct {
					Participant struct{ Name string }
					Claim       struct{ Status string }
				}
			}
		}
	}
	mustQuery(t, c, `{ events(first: 20, orderBy: {field: DATE}, filter: {kinds: [PHONE_CALL], date: {to: "2025-03-22"}}) {
	  nodes { id participants { participant { ... on Person { name } } claim { status } } }
	} }`, &resp)
	var got []string
	for _, e := range resp.Events.Nodes {
		var names []string
		for _, p := range e.Participants {
			names = append(names, p.Participant.Name)
		}
		got = append(got, e.ID+":"+strings.Join(sorted(names), "+"))
	}
	want := []string{
		"event/2024-11-trump-putin-call:Donald Trump+Vladimir Putin",
		"event/2025-02-12-trump-putin-call:Donald Trump+Vladimir Putin",
		// Both March calls start on the 18th (the Zelensky call is "18 or 19 March"); ties go by id.
		"event/2025-03-18-trump-putin-call:Donald Trump+Vladimir Putin",
		"event/2025-03-trump-zelensky-call:Donald Trump+Volodymyr Zelensky",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("calls before the talks, by date:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNavigableFromBothEnds walks every relationship of domain.md from each end.
func TestNavigableFromBothEnds(t *testing.T) {
	c := newClient(t)
	cases := []struct{ name, query, want string }{
		{"SourceCitesBook", `{ source(id: "source/pl-article-2025-03-trump-putin-calls") { cites { id } } }`, `source/woodward-war-2024`},
		{"BookCitedByArticle", `{ source(id: "source/woodward-war-2024") { citedBy { id } authors { name } } }`, `source/pl-article-2025-03-trump-putin-calls`},
		{"AuthorOfBook", `{ person(id: "person/bob-woodward") { authored { title } } }`, `"War"`},
		{"EventParticipants", `{ event(id: "event/2025-03-us-ukraine-talks-saudi-arabia") { participants { role participant { ... on Organisation { id } } } } }`, `organisation/ukrainian-delegation`},
		{"EventPlace", `{ event(id: "event/2025-03-us-ukraine-talks-saudi-arabia") { places { place { id } claim { id } } } }`, `place/saudi-arabia`},
		{"PlaceHosts", `{ place(id: "place/saudi-arabia") { hosted { subject { ... on Event { id } } } } }`, `event/2025-03-us-ukraine-talks-saudi-arabia`},
		{"EventNegotiation", `{ event(id: "event/2025-03-us-russia-talks") { negotiations { negotiation { id } } } }`, `negotiation/2025-ukraine-ceasefire-talks`},
		{"NegotiationEvents", `{ negotiation(id: "negotiation/2025-ukraine-ceasefire-talks") { events { event { id } } parties { side organisation { id } } } }`, `event/2025-03-us-russia-talks`},
		{"OrganisationNegotiations", `{ organisation(id: "organisation/government-of-ukraine") { negotiations { side negotiation { id } } } }`, `negotiation/2025-ukraine-ceasefire-talks`},
		{"OrganisationMembers", `{ organisation(id: "organisation/kremlin") { members { person { id } } statements { stance } } }`, `person/dmitry-peskov`},
		{"PersonEvents", `{ person(id: "person/volodymyr-zelensky") { events { role event { id } } } }`, `event/2025-03-trump-zelensky-call`},
		{"PersonClaimsAbout", `{ person(id: "person/vladimir-putin") { claimsAbout { role claim { id } } } }`, `claim/2024-11-trump-putin-call`},
		{"ClaimAbout", `{ claim(id: "claim/2024-11-trump-putin-call") { about { role entity { id } } } }`, `person/vladimir-putin`},
		{"ClaimAttributions", `{ claim(id: "claim/2024-11-trump-putin-call") { attributions { actor { ... on Organisation { id } } } } }`, `organisation/axios`},
		{"AttributionNested", `{ attribution(id: "attribution/reuters-more-frequent-contacts") { citedBy { actor { ... on Source { id } } } sources { id } claim { id } } }`, `"citedBy":[{"actor":{"id":"source/pl-article-2025-03-trump-putin-calls"}}]`},
		{"SourceMadeHere", `{ source(id: "source/woodward-war-2024") { madeHere { actor { ... on Person { id } } } } }`, `person/bob-woodward`},
		{"EventStatements", `{ event(id: "event/2024-trump-bloomberg-interview") { statements { quote } participants { participant { ... on Organisation { id } } } } }`, `Jeśli tak zrobiłem, to było mądre`},
		{"NodeInterface", `{ nodes(ids: ["person/dmitry-peskov", "claim/nope", "organisation/axios"]) { id __typename } }`, `"id":"person/dmitry-peskov"},null,{"__typename":"Organisation"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, errs := raw(t, c, tc.query)
			if len(errs) > 0 {
				t.Fatalf("errors: %+v\nquery: %s", errs, tc.query)
			}
			b, _ := json.Marshal(data)
			if !strings.Contains(string(b), tc.want) {
				t.Errorf("query %s\nreturned %s\nwhich lacks %s", tc.query, b, tc.want)
			}
		})
	}
}

// TestRoundTripsBoundedByDepth shows there is no N+1: a query of depth 5 over
// lists costs at most one Neo4j round trip per field that navigates a
// relationship, for 2 claims as for all of them.
func TestRoundTripsBoundedByDepth(t *testing.T) {
	c, store := newClientStore(t)
	const query = `query ($first: Int!) {
	  claims(first: $first) {
	    nodes {
	      status
	      about(first: 5) { role entity { id } }
	      attributions(first: 8) {
	        stance
	        sources(first: 3) { title publisher { name } }
	        cites(first: 3) { actor { __typename } }
	        actor {
	          ... on Person { name memberships(first: 3) { role organisation { name } claim { status } } }
	          ... on Organisation { name members(first: 3) { person { name } } }
	          ... on Source { title }
	        }
	      }
	    }
	  }
	}`
	count := func(first int) (trips int64, claims, attributions int) {
		before := store.RoundTrips()
		data, errs := raw(t, c, query, client.Var("first", first))
		trips = store.RoundTrips() - before
		if len(errs) > 0 {
			t.Fatalf("errors: %+v", errs)
		}
		nodes := data["claims"].(map[string]any)["nodes"].([]any)
		for _, n := range nodes {
			attributions += len(n.(map[string]any)["attributions"].([]any))
		}
		return trips, len(nodes), attributions
	}
	smallTrips, smallClaims, _ := count(2)
	bigTrips, bigClaims, bigAttributions := count(100)
	t.Logf("round trips: %d for %d claims; %d for %d claims with %d attributions", smallTrips, smallClaims, bigTrips, bigClaims, bigAttributions)
	// One round trip per level of the query, whatever the list sizes and
	// however many relationship fields a level has: claims; about and
	// attributions; sources, cites and actor; publisher, cites.actor,
	// memberships and members; memberships.claim.
	const bound = 5
	if bigTrips > bound || smallTrips > bound {
		t.Errorf("round trips: %d for %d claims, %d for %d claims (%d attributions); want at most %d for both",
			smallTrips, smallClaims, bigTrips, bigClaims, bigAttributions, bound)
	}
	if bigAttributions <= bound {
		t.Fatalf("the seed should have more attributions (%d) than the bound, or the test proves nothing", bigAttributions)
	}
}

func TestBadInput(t *testing.T) {
	c := newClient(t)
	cases := []struct {
		name, query, code, message string
	}{
		{"ErrMalformedID", `{ node(id: "Dmitry Peskov") { id } }`, "BAD_USER_INPUT", "malformed id"},
		{"ErrWrongTypeID", `{ person(id: "claim/2024-11-trump-putin-call") { id } }`, "BAD_USER_INPUT", "is a Claim, want Person"},
		{"ErrFirstTooSmall", `{ people(first: 0) { totalCount } }`, "BAD_USER_INPUT", "first must be between 1 and 100"},
		{"ErrFirstTooLarge", `{ people(first: 101) { totalCount } }`, "BAD_USER_INPUT", "first must be between 1 and 100"},
		{"ErrFirstMissing", `{ people { totalCount } }`, "GRAPHQL_VALIDATION_FAILED", "first"},
		{"ErrBadCursor", `{ people(first: 5, after: "not-a-cursor") { totalCount } }`, "BAD_USER_INPUT", "invalid cursor"},
		{"ErrInvalidDate", `{ events(first: 5, filter: {date: {from: "2025-02-30"}}) { totalCount } }`, "BAD_USER_INPUT", "invalid date"},
		{"ErrReversedWindow", `{ claims(first: 5, filter: {date: {from: "2025-03-01", to: "2025-02-01"}}) { totalCount } }`, "BAD_USER_INPUT", "ends"},
		{"ErrFilterIDType", `{ claims(first: 5, filter: {deniedBy: "claim/x"}) { totalCount } }`, "BAD_USER_INPUT", "want Person or Organisation or Source"},
		{"ErrOrderNotSupported", `{ people(first: 5, orderBy: {field: DATE}) { totalCount } }`, "BAD_USER_INPUT", "cannot be ordered by DATE"},
		{"ErrCursorOfAnotherOrder", "", "BAD_USER_INPUT", "pass the same orderBy"},
		{"ErrUnknownEnum", `{ claims(first: 5, filter: {statuses: [TRUE]}) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED", "TRUE"},
	}
	// A cursor from a list ordered by name, replayed on one ordered by id.
	var byName struct {
		People struct{ PageInfo struct{ EndCursor string } }
	}
	mustQuery(t, c, `{ people(first: 1, orderBy: {field: NAME}) { pageInfo { endCursor } } }`, &byName)
	cases[len(cases)-2].query = `{ people(first: 1, orderBy: {field: ID}, after: "` + byName.People.PageInfo.EndCursor + `") { totalCount } }`
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := raw(t, c, tc.query)
			if len(errs) == 0 {
				t.Fatalf("query %s succeeded, want %s", tc.query, tc.code)
			}
			if errs[0].Extensions["code"] != tc.code || !strings.Contains(errs[0].Message, tc.message) {
				t.Errorf("query %s\nerror %q code %v, want code %s and a message with %q", tc.query, errs[0].Message, errs[0].Extensions["code"], tc.code, tc.message)
			}
		})
	}
	t.Run("InvalidDateNamesTheField", func(t *testing.T) {
		_, errs := raw(t, c, `{ events(first: 5, filter: {date: {from: "2025-02-30"}}) { totalCount } }`)
		if len(errs) == 0 || errs[0].Extensions["field"] != "filter.date.from" {
			t.Errorf("errors %+v, want extensions.field filter.date.from", errs)
		}
	})
	t.Run("UnknownIDIsNull", func(t *testing.T) {
		data, errs := raw(t, c, `{ node(id: "person/nobody") { id } person(id: "person/nobody") { id } }`)
		if len(errs) > 0 || data["node"] != nil || data["person"] != nil {
			t.Errorf("unknown id: data %v errors %v, want nulls and no error", data, errs)
		}
	})
}

func TestConnections(t *testing.T) {
	c := newClient(t)
	type page struct {
		People struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	var all []string
	var after *string
	total := -1
	for i := 0; i < 10; i++ {
		var p page
		mustQuery(t, c, `query ($after: String) { people(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, &p, client.Var("after", after))
		total = p.People.TotalCount
		for _, e := range p.People.Edges {
			all = append(all, e.Node.ID)
		}
		if !p.People.PageInfo.HasNextPage {
			break
		}
		after = p.People.PageInfo.EndCursor
	}
	if len(all) != total || total != 5 {
		t.Errorf("paged %v, totalCount %d; want all 5 people once", all, total)
	}
	if all[0] != "person/bob-woodward" {
		t.Errorf("people by name start with %s, want person/bob-woodward", all[0])
	}
}

// TestRoundTripsPerLevel runs the common shapes — an entity page, a lookup,
// traversal results with nested links — and checks that each costs at most
// one Neo4j round trip per level of nesting: the planner reads a level's
// relationship fields and node lookups in one statement, and fuses the
// chains of relationship fields below into it (an entity page, nested
// lists without views: one statement with the root's).
func TestRoundTripsPerLevel(t *testing.T) {
	c, store := newClientStore(t)
	for _, q := range []struct {
		name   string
		query  string
		levels int64
	}{
		{"entity page", `{ person(id: "person/donald-trump") { name statements { quote claim { summary attributions { stance actor { __typename ... on Person { name } ... on Organisation { name } } } } } } }`, 1},
		{"claim with attributions, actors and sources", `{ claim(id: "claim/2024-11-trump-putin-call") { text attributions { stance actor { __typename } sources { title publisher { name } } } about { role entity { id } } } }`, 2},
		{"people page", `{ people(first: 10) { nodes { name statements(first: 5) { claim { attributions { actor { __typename } } } } } } }`, 1},
		{"nodes by id", `{ nodes(ids: ["person/dmitry-peskov", "claim/2024-11-trump-putin-call"]) { id ... on Person { memberships { organisation { name } claim { status } } } ... on Claim { attributions { id } } } }`, 3},
		{"search hits", `{ search(text: "Pieskow") { hits { node { id ... on Person { statements { claim { summary } } } } } } }`, 3},
		{"paths", `{ paths(from: "person/donald-trump", to: "person/vladimir-putin", maxHops: 2) { nodes { id } steps { from { id } to { id } claim { summary } sources { title } } } }`, 3}, // paths reads the paths and their claims' sources: 2
		{"disputes", `{ disputes(first: 5) { claim { summary } asserting { actor { __typename } sources(first: 3) { title } } denying { actor { __typename } } } }`, 3},
	} {
		t.Run(q.name, func(t *testing.T) {
			before := store.RoundTrips()
			_, errs := raw(t, c, q.query)
			trips := store.RoundTrips() - before
			if len(errs) > 0 {
				t.Fatalf("%s: errors %+v", q.query, errs)
			}
			t.Logf("%d round trips", trips)
			if trips > q.levels {
				t.Errorf("%s: %d round trips, want at most %d (one per level)", q.query, trips, q.levels)
			}
		})
	}
}
