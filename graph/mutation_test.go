package graph_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

const (
	readerKey = "reader-secret"
	editorKey = "editor-secret"
	adminKey  = "admin-secret"
)

// newAPI serves the full HTTP handler (with API keys) over a seeded database.
func newAPI(t *testing.T, anonymousReads bool) (*client.Client, *neo4jstore.Store) {
	t.Helper()
	store := neo4jtest.MustOpenSeeded(t)
	keys, err := auth.Parse("r:reader:"+auth.Hash(readerKey)+",e:editor:"+auth.Hash(editorKey)+",a:admin:"+auth.Hash(adminKey), anonymousReads)
	if err != nil {
		t.Fatal(err)
	}
	return client.New(httpapi.Handler(store, httpapi.Options{Keys: keys}), client.Path("/graphql")), store
}

func as(key string) client.Option { return client.AddHeader("Authorization", "Bearer "+key) }

// mustOK runs a query and fails on any error.
func mustOK(t *testing.T, c *client.Client, key, query string) map[string]any {
	t.Helper()
	data, errs := raw(t, c, query, as(key))
	if len(errs) > 0 {
		t.Fatalf("errors %+v\nquery: %s", errs, query)
	}
	return data
}

// mustFail runs a query and checks its first error's code (and field).
func mustFail(t *testing.T, c *client.Client, key, query, code, field string) {
	t.Helper()
	opts := []client.Option{}
	if key != "" {
		opts = append(opts, as(key))
	}
	_, errs := raw(t, c, query, opts...)
	if len(errs) == 0 {
		t.Fatalf("query succeeded, want %s\nquery: %s", code, query)
	}
	if errs[0].Extensions["code"] != code || (field != "" && errs[0].Extensions["field"] != field) {
		t.Fatalf("error %q code %v field %v, want code %s field %q\nquery: %s", errs[0].Message, errs[0].Extensions["code"], errs[0].Extensions["field"], code, field, query)
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestUpsert(t *testing.T) {
	c, _ := newAPI(t, true)
	const create = `mutation { upsertPerson(input: {id: "person/sergey-lavrov", name: "Sergey Lavrov", aliases: ["Siergiej Ławrow"], wikidataId: "Q19215"}) { id name aliases wikidataId updatedAt } }`
	first := mustOK(t, c, editorKey, create)

	t.Run("IdempotentRerun", func(t *testing.T) {
		before, _ := neo4jtest.Dump(t.Context())
		again := mustOK(t, c, editorKey, create)
		after, _ := neo4jtest.Dump(t.Context())
		if jsonOf(first) != jsonOf(again) || strings.Join(before, "\n") != strings.Join(after, "\n") {
			t.Errorf("running the same upsert twice changed something:\n%s\n%s", jsonOf(first), jsonOf(again))
		}
	})
	t.Run("OmittedKeepsNullClears", func(t *testing.T) {
		got := mustOK(t, c, editorKey, `mutation { upsertPerson(input: {id: "person/sergey-lavrov", wikidataId: null}) { name aliases wikidataId } }`)
		p := got["upsertPerson"].(map[string]any)
		if p["name"] != "Sergey Lavrov" || jsonOf(p["aliases"]) != `["Siergiej Ławrow"]` || p["wikidataId"] != nil {
			t.Errorf("after clearing wikidataId only: %v", p)
		}
	})
	t.Run("RecordsTheKey", func(t *testing.T) {
		got := mustOK(t, c, "", `{ person(id: "person/sergey-lavrov") { createdBy updatedBy origin } }`)
		if jsonOf(got) != `{"person":{"createdBy":"e","origin":"api:e","updatedBy":"e"}}` {
			t.Errorf("bookkeeping: %s", jsonOf(got))
		}
	})
	t.Run("SearchableAtOnce", func(t *testing.T) {
		got := mustOK(t, c, "", `{ people(first: 5, filter: {name: "lawrow"}) { nodes { id } } }`)
		if !strings.Contains(jsonOf(got), "person/sergey-lavrov") {
			t.Errorf("the new alias is not searchable: %v", got)
		}
	})
	t.Run("History", func(t *testing.T) {
		got := mustOK(t, c, "", `{ history(id: "person/sergey-lavrov") { op by fields } }`)
		h := got["history"].([]any)
		if len(h) != 2 || h[0].(map[string]any)["op"] != "updated" || h[1].(map[string]any)["op"] != "created" ||
			h[0].(map[string]any)["by"] != "e" || jsonOf(h[0].(map[string]any)["fields"]) != `["wikidataId"]` {
			t.Errorf("history newest first = %v, want updated (wikidataId, by e) then created", jsonOf(h))
		}
	})
	t.Run("ErrNameRequired", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { upsertPerson(input: {id: "person/nobody-yet"}) { id } }`, "BAD_USER_INPUT", "input.name")
		if got := mustOK(t, c, "", `{ person(id: "person/nobody-yet") { id } }`); got["person"] != nil {
			t.Errorf("a failed upsert wrote %v", got)
		}
	})
	t.Run("ErrIDOfAnotherType", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { upsertPerson(input: {id: "organisation/x", name: "X"}) { id } }`, "BAD_USER_INPUT", "input.id")
	})
	t.Run("ErrBadPartialDate", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { upsertEvent(input: {id: "event/x", kind: MEETING, name: "X", date: {value: "2025-02", earliest: "2025-03-01"}}) { id } }`, "BAD_USER_INPUT", "input.date")
	})
	t.Run("SourceWithPublisherAndAuthors", func(t *testing.T) {
		got := mustOK(t, c, editorKey, `mutation { upsertSource(input: {id: "source/reuters-2025-03-23", kind: AGENCY_REPORT, title: "Trump-Putin contacts", language: "en",
			publishedAt: {value: "2025-03-23"}, publisher: "organisation/reuters", authors: []}) { publisher { name } authors { name } } }`)
		if jsonOf(got) != `{"upsertSource":{"authors":[],"publisher":{"name":"Reuters"}}}` {
			t.Errorf("source = %s", jsonOf(got))
		}
		mustFail(t, c, editorKey, `mutation { upsertSource(input: {id: "source/reuters-2025-03-23", publisher: "organisation/nope"}) { id } }`, "BAD_USER_INPUT", "input.publisher")
	})
}

func TestRecordAttribution(t *testing.T) {
	c, store := newAPI(t, true)
	t.Run("DenialDisputesTheClaim", func(t *testing.T) {
		got := mustOK(t, c, editorKey, `mutation { recordAttribution(input: {
			id: "attribution/test-kremlin-denies-zelensky-call", claim: "claim/2025-03-trump-zelensky-call",
			actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]
		}) { stance claim { status } actor { ... on Organisation { name } } } }`)
		if jsonOf(got) != `{"recordAttribution":{"actor":{"name":"Kremlin"},"claim":{"status":"DISPUTED"},"stance":"DENIES"}}` {
			t.Errorf("after a denial: %s", jsonOf(got))
		}
		if bad, _ := neo4jtest.Violations(t.Context(), store); len(bad) > 0 {
			t.Errorf("invariants: %v", bad)
		}
	})
	t.Run("WithNewClaim", func(t *testing.T) {
		got := mustOK(t, c, editorKey, `mutation { recordAttribution(input: {
			id: "attribution/test-peskov-smile", actor: "person/dmitry-peskov", stance: ASSERTS,
			quote: "Słuchajcie, informujemy   was o rozmowach", sources: ["source/pl-article-2025-03-trump-putin-calls"],
			newClaim: {id: "claim/test-kremlin-informs", text: "informujemy was o rozmowach", language: "pl", summary: "The Kremlin informs about calls.",
				about: [{id: "organisation/kremlin", role: SUBJECT}]}
		}) { claim { id status about { role entity { id } } } } }`)
		if !strings.Contains(jsonOf(got), `"about":[{"entity":{"id":"organisation/kremlin"},"role":"SUBJECT"}]`) {
			t.Errorf("new claim: %s", jsonOf(got))
		}
	})
	t.Run("ErrQuoteNotInSource", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { recordAttribution(input: {
			id: "attribution/test-fake-quote", actor: "person/dmitry-peskov", stance: DENIES, quote: "Nigdy nie rozmawiali",
			sources: ["source/pl-article-2025-03-trump-putin-calls"],
			newClaim: {id: "claim/test-never-talked", text: "t", language: "pl", summary: "s"}
		}) { id } }`, "BAD_USER_INPUT", "input.quote")
		got := mustOK(t, c, "", `{ claim(id: "claim/test-never-talked") { id } attribution(id: "attribution/test-fake-quote") { id } }`)
		if got["claim"] != nil || got["attribution"] != nil {
			t.Errorf("a refused attribution left %v behind", got)
		}
	})
	t.Run("ErrNoSource", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-x", claim: "claim/2025-03-trump-zelensky-call", actor: "organisation/kremlin", stance: DENIES, sources: []}) { id } }`, "BAD_USER_INPUT", "input.sources")
	})
	t.Run("ErrUnknownClaim", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-x", claim: "claim/nope", actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`, "BAD_USER_INPUT", "input.claim")
	})
}

func TestRecordFactAndDeprecate(t *testing.T) {
	c, _ := newAPI(t, true)
	got := mustOK(t, c, editorKey, `mutation { recordFact(input: {type: HELD_IN, from: "event/2025-03-us-russia-talks", to: "place/saudi-arabia", claim: "claim/2025-03-us-russia-talks-monday"}) { type from { id } to { id } claim { id } } }`)
	if !strings.Contains(jsonOf(got), `"to":{"id":"place/saudi-arabia"}`) {
		t.Errorf("fact: %s", jsonOf(got))
	}
	mustOK(t, c, editorKey, `mutation { upsertClaim(input: {id: "claim/test-unattributed", text: "t", language: "en", summary: "s"}) { id } }`)
	mustFail(t, c, editorKey, `mutation { recordFact(input: {type: HELD_IN, from: "event/2025-03-us-russia-talks", to: "place/saudi-arabia", claim: "claim/test-unattributed"}) { type } }`, "BAD_USER_INPUT", "input.claim")
	mustFail(t, c, editorKey, `mutation { recordFact(input: {type: HELD_IN, from: "person/donald-trump", to: "place/saudi-arabia", claim: "claim/2025-03-us-russia-talks-monday"}) { type } }`, "BAD_USER_INPUT", "input.from")
	dep := mustOK(t, c, editorKey, `mutation { deprecateClaim(id: "claim/test-unattributed") { rank } }`)
	if jsonOf(dep) != `{"deprecateClaim":{"rank":"DEPRECATED"}}` {
		t.Errorf("deprecate: %s", jsonOf(dep))
	}
}

func TestDeleteAndMerge(t *testing.T) {
	c, _ := newAPI(t, true)
	t.Run("ErrReferenced", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { deleteEntity(id: "organisation/axios") { deleted } }`, "CONFLICT", "")
	})
	t.Run("ErrForceNeedsAdmin", func(t *testing.T) {
		mustFail(t, c, editorKey, `mutation { deleteEntity(id: "organisation/axios", force: true) { deleted } }`, "FORBIDDEN", "")
	})
	t.Run("ErrClaimsAreNotDeleted", func(t *testing.T) {
		mustFail(t, c, adminKey, `mutation { deleteEntity(id: "claim/2024-11-trump-putin-call", force: true) { deleted } }`, "CONFLICT", "")
	})
	t.Run("ErrSoleSource", func(t *testing.T) {
		// Forcing it would leave attributions without provenance.
		mustFail(t, c, adminKey, `mutation { deleteEntity(id: "source/pl-article-2025-03-trump-putin-calls", force: true) { deleted } }`, "CONFLICT", "")
	})
	t.Run("AdminForces", func(t *testing.T) {
		got := mustOK(t, c, adminKey, `mutation { deleteEntity(id: "organisation/axios", force: true) { id deleted } }`)
		if jsonOf(got) != `{"deleteEntity":{"deleted":true,"id":"organisation/axios"}}` {
			t.Errorf("forced delete: %s", jsonOf(got))
		}
	})
	t.Run("UnreferencedByEditor", func(t *testing.T) {
		mustOK(t, c, editorKey, `mutation { upsertPlace(input: {id: "place/riyadh", name: "Riyadh", kind: CITY}) { id } }`)
		got := mustOK(t, c, editorKey, `mutation { deleteEntity(id: "place/riyadh") { deleted } }`)
		if jsonOf(got) != `{"deleteEntity":{"deleted":true}}` {
			t.Errorf("delete: %s", jsonOf(got))
		}
	})
	t.Run("Merge", func(t *testing.T) {
		mustOK(t, c, editorKey, `mutation { upsertPerson(input: {id: "person/zelenskyy", name: "Zelenskyy", aliases: ["W. Zełenski"]}) { id } }`)
		mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-zelenskyy-says", claim: "claim/kyiv-expects-partial-ceasefire", actor: "person/zelenskyy", stance: ASSERTS, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)
		mustFail(t, c, editorKey, `mutation { mergeEntities(survivor: "person/volodymyr-zelensky", duplicate: "person/zelenskyy") { id } }`, "FORBIDDEN", "")
		got := mustOK(t, c, adminKey, `mutation { mergeEntities(survivor: "person/volodymyr-zelensky", duplicate: "person/zelenskyy") { id ... on Person { aliases statements { id } } } }`)
		s := jsonOf(got)
		if !strings.Contains(s, `"W. Zełenski"`) || !strings.Contains(s, `"Zelenskyy"`) || !strings.Contains(s, "attribution/test-zelenskyy-says") {
			t.Errorf("merged survivor: %s", s)
		}
		old := mustOK(t, c, "", `{ node(id: "person/zelenskyy") { id } person(id: "person/zelenskyy") { name } }`)
		if jsonOf(old) != `{"node":{"id":"person/volodymyr-zelensky"},"person":{"name":"Volodymyr Zelensky"}}` {
			t.Errorf("the duplicate's id resolves to %s", jsonOf(old))
		}
		mustFail(t, c, adminKey, `mutation { mergeEntities(survivor: "person/volodymyr-zelensky", duplicate: "organisation/kremlin") { id } }`, "BAD_USER_INPUT", "duplicate")
		mustFail(t, c, editorKey, `mutation { upsertPerson(input: {id: "person/zelenskyy", name: "Back again"}) { id } }`, "CONFLICT", "")
		// Links to the merged id land on the survivor.
		got = mustOK(t, c, editorKey, `mutation { recordFact(input: {type: PARTICIPANT, from: "event/2024-trump-bloomberg-interview", to: "person/zelenskyy", claim: "claim/trump-bloomberg-interview-2024", role: "test"}) { to { id } } }`)
		if !strings.Contains(jsonOf(got), "person/volodymyr-zelensky") {
			t.Errorf("a fact to a merged id: %s", jsonOf(got))
		}
	})
}

func TestAccessControl(t *testing.T) {
	c, _ := newAPI(t, true)
	const write = `mutation { upsertPerson(input: {id: "person/test-intruder", name: "X"}) { id } }`
	mustFail(t, c, "", write, "UNAUTHENTICATED", "")
	mustFail(t, c, readerKey, write, "FORBIDDEN", "")
	mustFail(t, c, "wrong-key", `{ people(first: 1) { totalCount } }`, "UNAUTHENTICATED", "")
	mustOK(t, c, readerKey, `{ people(first: 1) { totalCount } }`)
	mustOK(t, c, "", `{ people(first: 1) { totalCount } }`)
	if got := mustOK(t, c, "", `{ person(id: "person/test-intruder") { id } }`); got["person"] != nil {
		t.Errorf("a refused write happened: %v", got)
	}

	t.Run("AnonymousReadsOff", func(t *testing.T) {
		closed, _ := newAPI(t, false)
		mustFail(t, closed, "", `{ people(first: 1) { totalCount } }`, "UNAUTHENTICATED", "")
		mustOK(t, closed, readerKey, `{ people(first: 1) { totalCount } }`)
	})
}

// TestUpsertOutcomes: every node write reports what it did in the
// response's extensions, per mutation field (issue 10): created, updated,
// or unchanged when the same input is sent again.
func TestUpsertOutcomes(t *testing.T) {
	c, _ := newAPI(t, true)
	outcomes := func(query string) map[string]any {
		t.Helper()
		resp, err := c.RawPost(query, as(editorKey))
		if err != nil || len(resp.Errors) > 0 {
			t.Fatalf("%v %s\nquery: %s", err, resp.Errors, query)
		}
		out, _ := resp.Extensions["outcomes"].(map[string]any)
		return out
	}
	const create = `mutation {
		a: upsertPlace(input: {id: "place/test-jeddah", name: "Jeddah", kind: CITY, lat: 21.54, lon: 39.17}) { id }
		b: upsertPerson(input: {id: "person/test-walz", name: "Mike Waltz"}) { id } }`
	got := jsonOf(outcomes(create))
	if want := `{"a":{"id":"place/test-jeddah","outcome":"created"},"b":{"id":"person/test-walz","outcome":"created"}}`; got != want {
		t.Errorf("first write: %s, want %s", got, want)
	}
	got = jsonOf(outcomes(create))
	if want := `{"a":{"id":"place/test-jeddah","outcome":"unchanged"},"b":{"id":"person/test-walz","outcome":"unchanged"}}`; got != want {
		t.Errorf("the same write again: %s, want %s", got, want)
	}
	got = jsonOf(outcomes(`mutation { upsertPlace(input: {id: "place/test-jeddah", lat: 21.5433}) { id } }`))
	if want := `{"upsertPlace":{"id":"place/test-jeddah","outcome":"updated"}}`; got != want {
		t.Errorf("a change: %s, want %s", got, want)
	}
	const attribution = `mutation { recordAttribution(input: {id: "attribution/test-outcome", claim: "claim/2025-03-trump-zelensky-call",
		actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`
	if got := jsonOf(outcomes(attribution)); !strings.Contains(got, `"outcome":"created"`) {
		t.Errorf("a new attribution: %s", got)
	}
	if got := jsonOf(outcomes(attribution)); !strings.Contains(got, `"outcome":"unchanged"`) {
		t.Errorf("the same attribution again: %s", got)
	}
	// A change of links only is an update too.
	const source = `mutation { upsertSource(input: {id: "source/test-outcome", kind: ARTICLE, title: "T", language: "en", publisher: %s}) { id } }`
	outcomes(fmt.Sprintf(source, `"organisation/axios"`))
	if got := jsonOf(outcomes(fmt.Sprintf(source, `"organisation/the-washington-post"`))); !strings.Contains(got, `"outcome":"updated"`) {
		t.Errorf("a new publisher: %s", got)
	}
	if got := jsonOf(outcomes(fmt.Sprintf(source, `"organisation/the-washington-post"`))); !strings.Contains(got, `"outcome":"unchanged"`) {
		t.Errorf("the same publisher again: %s", got)
	}
}

// TestExplicitNulls: null is "not given" for a link list that an input
// leaves alone when absent (madeIn) and for newClaim beside claim, as the
// explorer's editor sends them.
func TestExplicitNulls(t *testing.T) {
	c, _ := newAPI(t, true)
	const record = `mutation { recordAttribution(input: {id: "attribution/test-nulls", claim: "claim/2025-03-trump-zelensky-call",
		actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"], madeIn: %s, newClaim: null}) {
		madeIn { id } } }`
	got := mustOK(t, c, editorKey, fmt.Sprintf(record, `["source/pl-article-2025-03-trump-putin-calls"]`))
	if jsonOf(got) != `{"recordAttribution":{"madeIn":[{"id":"source/pl-article-2025-03-trump-putin-calls"}]}}` {
		t.Fatalf("with madeIn: %s", jsonOf(got))
	}
	got = mustOK(t, c, editorKey, fmt.Sprintf(record, `null`))
	if jsonOf(got) != `{"recordAttribution":{"madeIn":[{"id":"source/pl-article-2025-03-trump-putin-calls"}]}}` {
		t.Errorf("madeIn: null removed the links: %s", jsonOf(got))
	}
	got = mustOK(t, c, editorKey, fmt.Sprintf(record, `[]`))
	if jsonOf(got) != `{"recordAttribution":{"madeIn":[]}}` {
		t.Errorf("madeIn: [] kept the links: %s", jsonOf(got))
	}
}
