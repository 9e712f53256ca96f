package graph_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
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

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// TestAttributionAddedSubscription subscribes over WebSocket with the
// graphql-transport-ws protocol, records an attribution on a claim about
// someone else and then one about Putin, and receives only the second.
func TestAttributionAddedSubscription(t *testing.T) {
	srv, send, read := subscriptionServer(t)
	send(wsMessage{ID: "1", Type: "subscribe", Payload: json.RawMessage(`{"query": "subscription { attributionAdded(about: \"person/vladimir-putin\") { id stance claim { id } } }"}`)})
	time.Sleep(200 * time.Millisecond) // let the subscription start before the writes it must see

	c := gqlclient.New(srv.Config.Handler, gqlclient.Path("/graphql"))
	mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-about-zelensky", claim: "claim/2025-03-trump-zelensky-call", actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)
	mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "attribution/test-about-putin", claim: "claim/2024-11-trump-putin-call", actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)

	m := read()
	if m.Type != "next" || m.ID != "1" {
		t.Fatalf("got %s %s, want next for subscription 1", m.Type, m.Payload)
	}
	if got := string(m.Payload); !strings.Contains(got, "attribution/test-about-putin") || strings.Contains(got, "zelensky") {
		t.Errorf("subscription sent %s, want only the attribution about Putin", got)
	}
	send(wsMessage{ID: "1", Type: "complete"})
}

// TestSubscriptionEventsOnlyForRealChanges: a retried recordAttribution
// announces nothing; a stance change is announced once on
// attributionChanged, never as "added". A later, distinct attribution marks
// the place in the stream, so absence is shown without waiting.
func TestSubscriptionEventsOnlyForRealChanges(t *testing.T) {
	srv, send, read := subscriptionServer(t)
	send(wsMessage{ID: "added", Type: "subscribe", Payload: json.RawMessage(`{"query": "subscription { attributionAdded(about: \"person/vladimir-putin\") { id stance } }"}`)})
	send(wsMessage{ID: "changed", Type: "subscribe", Payload: json.RawMessage(`{"query": "subscription { attributionChanged(about: \"person/vladimir-putin\") { id stance } }"}`)})
	time.Sleep(200 * time.Millisecond) // let both subscriptions start before the writes they must see

	c := gqlclient.New(srv.Config.Handler, gqlclient.Path("/graphql"))
	record := func(id, stance string) {
		mustOK(t, c, editorKey, `mutation { recordAttribution(input: {id: "`+id+`", claim: "claim/2024-11-trump-putin-call", actor: "organisation/kremlin", stance: `+stance+`, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`)
	}
	record("attribution/test-once", "DENIES")
	record("attribution/test-once", "DENIES")     // a retry: nothing
	record("attribution/test-once", "CONFIRMS")   // a change
	record("attribution/test-once", "CONFIRMS")   // its retry: nothing
	record("attribution/test-marker", "DENIES")   // a new one: marks the end of the added stream
	record("attribution/test-marker", "CONFIRMS") // and a change: marks the end of the changed stream

	// Each subscription's events come in order; the two streams interleave.
	got := map[string][]string{}
	for len(got["added"])+len(got["changed"]) < 4 {
		m := read()
		if m.Type != "next" {
			t.Fatalf("got %s %s", m.Type, m.Payload)
		}
		var p struct {
			Data map[string]struct{ ID, Stance string }
		}
		if err := json.Unmarshal(m.Payload, &p); err != nil {
			t.Fatal(err)
		}
		for _, a := range p.Data {
			got[m.ID] = append(got[m.ID], a.ID+" "+a.Stance)
		}
	}
	want := map[string][]string{
		"added":   {"attribution/test-once DENIES", "attribution/test-marker DENIES"},
		"changed": {"attribution/test-once CONFIRMS", "attribution/test-marker CONFIRMS"},
	}
	for k := range want {
		if strings.Join(got[k], ", ") != strings.Join(want[k], ", ") {
			t.Errorf("%s events: %v, want %v", k, got[k], want[k])
		}
	}
}

// subscriptionServer serves the API with an editor key (anonymous reads
// off), opens a graphql-transport-ws connection with the key in its init
// payload, and returns the server and the connection's send and read (read
// skips pings). A missing message fails the test after 30 s instead of
// hanging it.
func subscriptionServer(t *testing.T) (*httptest.Server, func(wsMessage), func() wsMessage) {
	store := neo4jtest.MustOpenSeeded(t)
	keys, _ := auth.Parse("e:editor:"+auth.Hash(editorKey), false)
	srv := httptest.NewServer(httpapi.Handler(store, httpapi.Options{Keys: keys}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	if conn.Subprotocol() != "graphql-transport-ws" {
		t.Fatalf("subprotocol %q", conn.Subprotocol())
	}
	send := func(m wsMessage) {
		if err := wsjson.Write(ctx, conn, m); err != nil {
			t.Fatal(err)
		}
	}
	read := func() wsMessage {
		for {
			var m wsMessage
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				t.Fatalf("read: %v", err)
			}
			if m.Type != "ping" && m.Type != "pong" && m.Type != "ka" {
				return m
			}
		}
	}
	send(wsMessage{Type: "connection_init", Payload: json.RawMessage(`{"Authorization": "Bearer ` + editorKey + `"}`)})
	if m := read(); m.Type != "connection_ack" {
		t.Fatalf("got %s, want connection_ack: %s", m.Type, m.Payload)
	}
	return srv, send, read
}
