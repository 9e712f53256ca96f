package graph_test

import (
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/client"
)

// Every scalar field of each node type, dates and bookkeeping included.
const (
	personFields       = `id name aliases description wikidataId createdAt updatedAt createdBy updatedBy origin`
	organisationFields = `id name aliases kind country description createdAt updatedAt createdBy updatedBy origin`
	sourceFields       = `id kind title url language publishedAt { value precision earliest latest } retrievedAt text createdAt updatedAt createdBy updatedBy origin`
	claimFields        = `id text language summary pointInTime { value precision earliest latest } rank status createdAt updatedAt createdBy updatedBy origin`
	attributionFields  = `id stance quote summary cue sourcing statedAt { value precision earliest latest } createdAt updatedAt createdBy updatedBy origin`
	// Aliased: kind has another type in Organisation and Source.
	actorFields = `... on Person { ` + personFields + ` } ... on Organisation { ` + organisationFields + ` } ... on Source { id sourceKind: kind title url language publishedAt { value precision earliest latest } retrievedAt text createdAt updatedAt createdBy updatedBy origin }`
)

// TestProjectedFieldsMatchWholeNodes: the planner reads only the selected
// properties of the nodes a relationship field reaches. Each such node,
// with every field selected, must read as it does whole (looked up by id
// at the root), and a node reached with few fields must not stand in for
// the same node asked with more, in one request or through a view.
func TestProjectedFieldsMatchWholeNodes(t *testing.T) {
	c := newClient(t)
	const claim = "claim/2024-11-trump-putin-call"
	var nested struct {
		Few struct {
			Attributions []struct {
				ID    string
				Actor struct{ ID string }
			}
		}
		All struct {
			Attributions []map[string]any
		}
	}
	mustQuery(t, c, `query ($id: ID!) {
	  few: claim(id: $id) { attributions { id actor { ... on Person { id } ... on Organisation { id } ... on Source { id } } } }
	  all: claim(id: $id) { attributions { `+attributionFields+` claim { `+claimFields+` } sources { `+sourceFields+` } actor { `+actorFields+` } } }
	}`, &nested, client.Var("id", claim))
	if len(nested.All.Attributions) < 2 || len(nested.Few.Attributions) != len(nested.All.Attributions) {
		t.Fatalf("attributions of %s: %d with few fields, %d with all", claim, len(nested.Few.Attributions), len(nested.All.Attributions))
	}
	for _, a := range nested.All.Attributions {
		id := a["id"].(string)
		var whole struct{ Attribution map[string]any }
		mustQuery(t, c, `query ($id: ID!) { attribution(id: $id) { `+attributionFields+` } }`, &whole, client.Var("id", id))
		claimOf := a["claim"].(map[string]any)
		var wholeClaim struct{ Claim map[string]any }
		mustQuery(t, c, `query ($id: ID!) { claim(id: $id) { `+claimFields+` } }`, &wholeClaim, client.Var("id", claimOf["id"]))
		want := whole.Attribution
		want["claim"] = wholeClaim.Claim
		for _, k := range []string{"sources", "actor"} {
			want[k] = a[k]
		}
		same(t, "attribution "+id, a, want)
		if actor, ok := a["actor"].(map[string]any); ok {
			var w struct{ Node map[string]any }
			mustQuery(t, c, `query ($id: ID!) { node(id: $id) { `+actorFields+` } }`, &w, client.Var("id", actor["id"]))
			same(t, "actor of "+id, actor, w.Node)
		}
		for _, s := range a["sources"].([]any) {
			src := s.(map[string]any)
			var w struct{ Source map[string]any }
			mustQuery(t, c, `query ($id: ID!) { source(id: $id) { `+sourceFields+` } }`, &w, client.Var("id", src["id"]))
			same(t, "source of "+id, src, w.Source)
		}
	}

	// A view holds the node it is reached from: a person reached with only
	// its id, then read through its memberships, reads whole.
	var viaView struct {
		Attribution struct {
			Actor struct {
				ID          string
				Memberships []struct{ Person map[string]any }
			}
		}
	}
	mustQuery(t, c, `{ attribution(id: "attribution/peskov-disclosed-known-calls") { actor { ... on Person { id memberships { person { `+personFields+` } } } } } }`, &viaView)
	if len(viaView.Attribution.Actor.Memberships) == 0 {
		t.Fatal("the actor of attribution/peskov-disclosed-known-calls has no memberships: the test proves nothing")
	}
	var person struct{ Person map[string]any }
	mustQuery(t, c, `query ($id: ID!) { person(id: $id) { `+personFields+` } }`, &person, client.Var("id", viaView.Attribution.Actor.ID))
	same(t, "person through a membership", viaView.Attribution.Actor.Memberships[0].Person, person.Person)
}

func same(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}
