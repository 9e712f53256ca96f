package attack_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/newsgraph/newsgraph/internal/attack"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// heavy is the most expensive kind of query the default limits accept.
const heavy = `{ claims(first: 100) { nodes { id text attributions(first: 100) { id quote claim { id summary } } } } }`

// TestAttackSuite aims every attack class at the real binary, capped at
// 384 MiB of Go heap and 1.5 GiB of address space, over the seeded Neo4j:
// each is refused with its code, {__typename} answers right after, the
// graph is unchanged at the end and the process stayed under 512 MB.
func TestAttackSuite(t *testing.T) {
	neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	before, err := neo4jtest.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bin := attack.Build(t, neo4jtest.RepoRoot(t), t.TempDir())
	cfg := neo4jtest.Config()
	start := func(flags ...string) *attack.Server {
		return attack.Start(t, bin, cfg.URI, cfg.Password, flags...)
	}
	srv := start("--rate-anonymous", "0", "--ws-init-timeout", "1s")
	servers := []*attack.Server{srv}

	alive := func(t *testing.T, s *attack.Server) {
		t.Helper()
		if ok, r := attack.TypenameOK(ctx, s.URL); !ok {
			t.Fatalf("{__typename} got no answer right after: status %d, err %v, body %.300s\nserver log:\n%s", r.Status, r.Err, r.Body, s.Logs())
		}
	}

	for _, a := range attack.Attacks() {
		t.Run(a.Class+"/"+a.Name, func(t *testing.T) {
			r := a.Send(ctx, srv.URL)
			if r.Err != nil {
				t.Fatalf("no answer: %v", r.Err)
			}
			t.Logf("%s: %d %s in %s", a.Name, r.Status, r.Code, r.Took.Round(time.Microsecond))
			if !slices.Contains(a.Want, r.Code) || !slices.Contains(a.Status, r.Status) {
				t.Errorf("got HTTP %d code %q, want one of %v with status in %v; body: %.400s", r.Status, r.Code, a.Want, a.Status, r.Body)
			}
			if r.Status >= 400 && r.HasData {
				t.Errorf("a request error carries a data entry: %.300s", r.Body)
			}
			if strings.Contains(string(r.Body), "INTERNAL_SERVER_ERROR") || r.Status >= 500 {
				t.Errorf("internal error: %.400s", r.Body)
			}
			alive(t, srv)
		})
	}

	t.Run("client disconnect/20 heavy queries abandoned", func(t *testing.T) {
		for range 20 {
			c, cancel := context.WithTimeout(ctx, 3*time.Millisecond)
			r := attack.Query(c, srv.URL, heavy, nil)
			cancel()
			if r.Err == nil && r.Status != 200 {
				t.Errorf("heavy query: HTTP %d %.200s", r.Status, r.Body)
			}
		}
		alive(t, srv)
	})

	t.Run("heavy accepted query/answers within its cost", func(t *testing.T) {
		r := attack.Query(ctx, srv.URL, heavy, nil)
		if r.Status != 200 || r.Code != "" || !strings.Contains(string(r.Body), `"cost":{"requested":`) {
			t.Fatalf("the heaviest accepted query failed: HTTP %d %.300s", r.Status, r.Body)
		}
	})

	wsURL := "ws" + strings.TrimPrefix(srv.URL, "http") + "/graphql"
	dial := func(t *testing.T) *websocket.Conn {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		conn, _, err := websocket.Dial(c, wsURL, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			t.Fatal(err)
		}
		return conn
	}
	closedWithin := func(t *testing.T, conn *websocket.Conn, d time.Duration) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		for {
			var m map[string]any
			if err := wsjson.Read(c, conn, &m); err != nil {
				if c.Err() != nil {
					t.Fatalf("the server kept the socket open for %s", d)
				}
				t.Logf("closed: %v", err)
				return
			}
		}
	}
	t.Run("websocket/no connection_init", func(t *testing.T) {
		conn := dial(t)
		defer conn.CloseNow()
		closedWithin(t, conn, 5*time.Second)
		alive(t, srv)
	})
	t.Run("websocket/malformed frame", func(t *testing.T) {
		conn := dial(t)
		defer conn.CloseNow()
		_ = conn.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_init"`))
		closedWithin(t, conn, 5*time.Second)
		alive(t, srv)
	})
	t.Run("websocket/oversized frame", func(t *testing.T) {
		conn := dial(t)
		defer conn.CloseNow()
		_ = wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]string{"pad": strings.Repeat("x", 200_000)}})
		closedWithin(t, conn, 5*time.Second)
		alive(t, srv)
	})
	t.Run("websocket/a query over the socket answers once", func(t *testing.T) {
		conn := dial(t)
		defer conn.CloseNow()
		c, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_ = wsjson.Write(c, conn, map[string]any{"type": "connection_init"})
		var m map[string]any
		if err := wsjson.Read(c, conn, &m); err != nil || m["type"] != "connection_ack" {
			t.Fatalf("no connection_ack: %v %v", m, err)
		}
		_ = wsjson.Write(c, conn, map[string]any{"id": "q", "type": "subscribe", "payload": map[string]any{"query": "{ __typename }"}})
		var types []string
		for len(types) < 3 {
			m = nil
			if err := wsjson.Read(c, conn, &m); err != nil {
				t.Fatalf("after %v: %v", types, err)
			}
			types = append(types, fmt.Sprint(m["type"]))
			if m["type"] == "complete" {
				break
			}
		}
		if strings.Join(types, ",") != "next,complete" {
			t.Fatalf("a query over the socket answered %v, want next,complete", types)
		}
		alive(t, srv)
	})
	t.Run("websocket/thousands of subscriptions", func(t *testing.T) {
		conn := dial(t)
		defer conn.CloseNow()
		c, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := wsjson.Write(c, conn, map[string]any{"type": "connection_init"}); err != nil {
			t.Fatal(err)
		}
		var ack map[string]any
		if err := wsjson.Read(c, conn, &ack); err != nil || ack["type"] != "connection_ack" {
			t.Fatalf("no connection_ack: %v %v", ack, err)
		}
		const n = 2000
		go func() {
			for i := range n {
				if wsjson.Write(c, conn, map[string]any{"id": fmt.Sprint(i), "type": "subscribe",
					"payload": map[string]any{"query": `subscription { attributionAdded(about: "person/donald-trump") { id } }`}}) != nil {
					return
				}
			}
		}()
		refused := 0
		for refused < n-20 {
			var m map[string]any
			if err := wsjson.Read(c, conn, &m); err != nil {
				t.Fatalf("after %d refusals: %v", refused, err)
			}
			if strings.Contains(fmt.Sprint(m["payload"]), "ws-operations") {
				refused++
			}
		}
		t.Logf("%d of %d subscriptions refused with LIMIT_EXCEEDED (ws-operations)", refused, n)
		alive(t, srv)
	})

	t.Run("execution budget/nodes and bytes", func(t *testing.T) {
		s := start("--rate-anonymous", "0", "--budget-nodes", "50", "--budget-bytes", "3000")
		servers = append(servers, s)
		for _, c := range []struct{ query, limit string }{
			{`{ claims(first: 50) { nodes { attributions(first: 10) { actor { __typename } sources(first: 5) { id } } } } }`, "budget-nodes"},
			{`{ claims(first: 30) { nodes { text summary } } }`, "budget-bytes"},
		} {
			r := attack.Query(ctx, s.URL, c.query, nil)
			if r.Code != "LIMIT_EXCEEDED" || r.HasData || !strings.Contains(string(r.Body), c.limit) {
				t.Errorf("%s: HTTP %d, want LIMIT_EXCEEDED (%s) and no data: %.300s", c.query, r.Status, c.limit, r.Body)
			}
			alive(t, s)
		}
	})

	t.Run("deadline/stops the work", func(t *testing.T) {
		// Four heavy queries in one: over the small seed on a warm
		// Neo4j one alone may finish inside 2 ms.
		s := start("--rate-anonymous", "0", "--request-timeout", "2ms", "--tx-timeout", "1ms", "--max-cost", "200000")
		servers = append(servers, s)
		body := strings.TrimSuffix(strings.TrimPrefix(heavy, "{"), "}")
		r := attack.Query(ctx, s.URL, "{ a: "+body+" b: "+body+" c: "+body+" d: "+body+" }", nil)
		if r.Code != "LIMIT_EXCEEDED" || r.HasData || !strings.Contains(string(r.Body), "request-timeout") {
			t.Errorf("HTTP %d, want LIMIT_EXCEEDED (request-timeout) and no data: %.300s", r.Status, r.Body)
		}
		t.Logf("deadline answered in %s: %.200s", r.Took, r.Body)
	})

	t.Run("rate/one client flooding does not stop another", func(t *testing.T) {
		s := start("--rate-anonymous", "3000")
		servers = append(servers, s)
		flooder := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: (&net.Dialer{
			LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}}).DialContext}}
		defer func(c *http.Client) { attack.Client = c }(attack.Client)
		attack.Client = flooder
		var limited attack.Result
		for i := range 200 {
			r := attack.Query(ctx, s.URL, `{ claims(first: 100) { nodes { id attributions { id } } } }`, nil)
			if r.Status == http.StatusTooManyRequests {
				limited = r
				t.Logf("429 after %d requests: %.200s", i, r.Body)
				break
			}
		}
		if limited.Code != "RATE_LIMITED" || limited.HasData {
			t.Fatalf("200 costly queries from one address were never refused with 429 RATE_LIMITED")
		}
		attack.Client = &http.Client{Timeout: 10 * time.Second}
		if ok, r := attack.TypenameOK(ctx, s.URL); !ok {
			t.Errorf("another client was refused too: HTTP %d %.200s", r.Status, r.Body)
		}
	})

	after, err := neo4jtest.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := neo4jtest.Diff(before, after); d != "" {
		t.Errorf("the attacks changed the graph:\n%s", d)
	}
	for i, s := range servers {
		peak, err := s.PeakRSS()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("server %d: peak RSS %d MB", i, peak>>20)
		if peak > attack.MaxRSS || !s.Alive() {
			t.Errorf("server %d: peak RSS %d MB (limit %d MB), alive %v", i, peak>>20, attack.MaxRSS>>20, s.Alive())
		}
	}
}
