package graph_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	gqlclient "github.com/99designs/gqlgen/client"
	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestChangesSubscription follows changes about Putin from the start of the
// log: the seed's entries, then an attribution recorded now with the
// attribution as written; a subscription after that entry's position gets
// only what follows; a position past the retention is refused.
func TestChangesSubscription(t *testing.T) {
	store := neo4jtest.MustOpenSeeded(t)
	keys, _ := auth.Parse("e:editor:"+auth.Hash(editorKey), false)
	srv := httptest.NewServer(httpapi.Handler(store, httpapi.Options{Keys: keys}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	dial := func(query string) func() wsMessage {
		conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/graphql",
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.CloseNow() })
		conn.SetReadLimit(1 << 20)
		_ = wsjson.Write(ctx, conn, wsMessage{Type: "connection_init", Payload: json.RawMessage(`{"Authorization": "Bearer ` + editorKey + `"}`)})
		payload, _ := json.Marshal(map[string]string{"query": query})
		_ = wsjson.Write(ctx, conn, wsMessage{ID: "1", Type: "subscribe", Payload: payload})
		return func() wsMessage {
			for {
				var m wsMessage
				if err := wsjson.Read(ctx, conn, &m); err != nil {
					t.Fatalf("read: %v", err)
				}
				if m.Type == "next" || m.Type == "error" || m.Type == "complete" {
					return m
				}
			}
		}
	}
	type entry struct {
		Position, Op, Entity, What string
		Relationship               *string
		Attribution                *struct{ ID, Stance string }
	}
	decode := func(m wsMessage) entry {
		if m.Type != "next" {
			t.Fatalf("got %s %s, want next", m.Type, m.Payload)
		}
		var p struct{ Data struct{ Changes entry } }
		if err := json.Unmarshal(m.Payload, &p); err != nil {
			t.Fatal(err)
		}
		return p.Data.Changes
	}
	const fields = `{ position op entity what relationship attribution { id stance } }`
	read := dial(`subscription { changes(about: "person/vladimir-putin", kinds: [CREATED], after: "0") ` + fields + ` }`)

	c := gqlclient.New(srv.Config.Handler, gqlclient.Path("/graphql"))
	mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-changes", claim: "claim/2024-11-trump-putin-call", actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)
	mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-changes", claim: "claim/2024-11-trump-putin-call", actor: "organisation/kremlin", stance: CONFIRMS, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)
	mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-changes-2", claim: "claim/2024-11-trump-putin-call", actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)

	var ours entry
	seed, last := 0, 0
	for ours.Entity != "attribution/test-changes" {
		e := decode(read())
		pos := mustAtoi(t, e.Position)
		if pos <= last {
			t.Fatalf("position %d after %d", pos, last)
		}
		last = pos
		if e.Op != "created" {
			t.Fatalf("kinds [CREATED] sent %+v", e)
		}
		if e.Relationship == nil && e.What == "Attribution" {
			if strings.HasPrefix(e.Entity, "attribution/test-") {
				ours = e
			} else {
				seed++
			}
		}
	}
	if seed == 0 {
		t.Errorf("from position 0 the seed's attributions about Putin were not replayed")
	}
	if ours.Attribution == nil || ours.Attribution.Stance != "DENIES" {
		t.Errorf("the created entry's attribution is %+v, want it as written (DENIES)", ours.Attribution)
	}

	t.Run("after a position, only what follows", func(t *testing.T) {
		read := dial(`subscription { changes(about: "person/vladimir-putin", kinds: [CREATED], after: "` + ours.Position + `") ` + fields + ` }`)
		for {
			e := decode(read())
			if e.Entity == "attribution/test-changes" && e.Relationship == nil {
				t.Fatalf("got the entry at %s again", ours.Position)
			}
			if e.Entity == "attribution/test-changes-2" && e.Relationship == nil {
				return
			}
		}
	})
	t.Run("attributionChanged: a claim change, seen through the previous claim, once", func(t *testing.T) {
		// From the start of the log: the seed has no changes, only creations.
		read := dial(`subscription { attributionChanged(about: "person/vladimir-putin", after: "0") { id stance claim { id } } }`)
		// Moved to a claim about Trump and Zelensky: the previous claim is about Putin.
		mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-changes-2", claim: "claim/2025-03-trump-zelensky-call", actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)
		want := []string{"attribution/test-changes CONFIRMS claim/2024-11-trump-putin-call", "attribution/test-changes-2 DENIES claim/2025-03-trump-zelensky-call"}
		var got []string
		for len(got) < len(want) {
			m := read()
			var p struct {
				Data struct {
					AttributionChanged struct {
						ID, Stance string
						Claim      struct{ ID string }
					}
				}
			}
			if err := json.Unmarshal(m.Payload, &p); err != nil || m.Type != "next" {
				t.Fatalf("%s %s: %v", m.Type, m.Payload, err)
			}
			a := p.Data.AttributionChanged
			got = append(got, a.ID+" "+a.Stance+" "+a.Claim.ID)
		}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("attributionChanged sent %v, want %v", got, want)
		}
	})
	t.Run("ErrPositionPastRetention", func(t *testing.T) {
		if _, err := store.PruneChanges(ctx, time.Now().Add(time.Hour), 100000); err != nil {
			t.Fatal(err)
		}
		m := dial(`subscription { changes(about: "person/vladimir-putin", after: "1") { position } }`)()
		// gqlgen sends a resolver's refusal as a next with errors and no data.
		if !strings.Contains(string(m.Payload), `"code":"POSITION_PAST_RETENTION"`) || strings.Contains(string(m.Payload), `"position"`) {
			t.Errorf("after past retention: %s %s, want an error with POSITION_PAST_RETENTION", m.Type, m.Payload)
		}
	})
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("position %q is not a number", s)
	}
	return n
}
