package main_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

const replicaKey = "replica-editor-secret"

// replica is one `newsgraph serve` process.
type replica struct {
	t    *testing.T
	cmd  *exec.Cmd
	addr string
	errs chan string
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startReplica runs serve on listen (127.0.0.1:0 for any port) and waits
// until it says where it listens.
func startReplica(t *testing.T, bin, listen string) *replica {
	t.Helper()
	cfg := neo4jtest.Config()
	poll := os.Getenv("NEWSGRAPH_TEST_CHANGE_POLL") // the load test's figures depend on it
	if poll == "" {
		poll = "50ms"
	}
	cmd := exec.Command(bin, "serve", "--listen", listen, "--seed", "never", "--change-poll", poll,
		"--api-keys", "e:editor:"+auth.Hash(replicaKey))
	cmd.Env = append(os.Environ(), "NEO4J_URI="+cfg.URI, "NEO4J_PASSWORD="+cfg.Password)
	stdout, _ := cmd.StdoutPipe()
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &replica{t: t, cmd: cmd, errs: make(chan string, 1)}
	t.Cleanup(func() { r.stop() })
	go func() { b, _ := io.ReadAll(stderr); r.errs <- string(b) }()
	up := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if _, rest, ok := strings.Cut(lines.Text(), "listening on http://"); ok {
				up <- strings.Fields(rest)[0]
			}
		}
		close(up)
	}()
	select {
	case addr, ok := <-up:
		if !ok {
			t.Fatalf("replica did not start:\n%s", <-r.errs)
		}
		r.addr = addr
	case <-time.After(60 * time.Second):
		t.Fatal("replica did not start within 60s")
	}
	return r
}

// stop sends SIGTERM and waits for the process to exit.
func (r *replica) stop() {
	if r.cmd.ProcessState != nil {
		return
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = r.cmd.Process.Kill()
		<-done
		r.t.Errorf("replica %s did not stop within 30s of SIGTERM", r.addr)
	}
}

type gqlAnswer struct {
	Data       json.RawMessage
	Errors     []map[string]any
	Extensions map[string]any
	header     http.Header
}

// do POSTs a GraphQL request to a replica with the editor's key and the
// given headers.
func (r *replica) do(t testing.TB, query string, header map[string]string) gqlAnswer {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, "http://"+r.addr+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+replicaKey)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", r.addr, err)
	}
	defer res.Body.Close()
	var a gqlAnswer
	if err := json.NewDecoder(res.Body).Decode(&a); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if len(a.Errors) > 0 {
		t.Fatalf("%s on %s: %v", query, r.addr, a.Errors)
	}
	a.header = res.Header
	return a
}

func recordAttribution(id string) string {
	return `mutation { recordAttribution(input: {id: "` + id + `", claim: "claim/2024-11-trump-putin-call", actor: "organisation/kremlin", stance: DENIES, sources: ["source/pl-article-2025-03-trump-putin-calls"]}) { id } }`
}

// added is one attribution a changes subscription sent.
type added struct {
	position, id string
	at           time.Time
}

// subscriber follows changes(about Putin, CREATED) on a replica from a
// position and sends the attributions created whose id starts with the
// test's prefix (not the seed's), in the order received.
type subscriber struct {
	conn *websocket.Conn
	out  chan added
	err  chan error
}

func subscribe(t *testing.T, ctx context.Context, r *replica, after, prefix string) *subscriber {
	t.Helper()
	conn, _, err := websocket.Dial(ctx, "ws://"+r.addr+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	conn.SetReadLimit(1 << 20)
	send := func(v any) {
		if err := wsjson.Write(ctx, conn, v); err != nil {
			t.Fatal(err)
		}
	}
	send(map[string]any{"type": "connection_init", "payload": map[string]string{"Authorization": "Bearer " + replicaKey}})
	var ack struct{ Type string }
	if err := wsjson.Read(ctx, conn, &ack); err != nil || ack.Type != "connection_ack" {
		t.Fatalf("connection_init: %v %v", ack, err)
	}
	query := `subscription($after: String) { changes(about: "person/vladimir-putin", kinds: [CREATED], after: $after) { position relationship attribution { id } } }`
	send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query, "variables": map[string]any{"after": after}}})
	s := &subscriber{conn: conn, out: make(chan added, 1024), err: make(chan error, 1)}
	go func() {
		for {
			var m struct {
				Type    string
				Payload struct {
					Data struct {
						Changes struct {
							Position     string
							Relationship *string
							Attribution  *struct{ ID string }
						}
					}
				}
			}
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				s.err <- err
				return
			}
			if m.Type != "next" {
				if m.Type == "error" || m.Type == "complete" {
					s.err <- fmt.Errorf("subscription ended: %s", m.Type)
					return
				}
				continue
			}
			c := m.Payload.Data.Changes
			if c.Relationship == nil && c.Attribution != nil && strings.HasPrefix(c.Attribution.ID, prefix) {
				s.out <- added{position: c.Position, id: c.Attribution.ID, at: time.Now()}
			}
		}
	}()
	return s
}

// next waits for the subscriber's next attribution, until the deadline.
func (s *subscriber) next(t *testing.T, deadline <-chan time.Time) added {
	t.Helper()
	select {
	case a := <-s.out:
		return a
	case err := <-s.err:
		t.Fatalf("subscription: %v", err)
	case <-deadline:
		t.Fatal("no event before the deadline")
	}
	return added{}
}

// TestReplicas runs two `newsgraph serve` processes against one Neo4j. A
// subscriber on A receives the attributions written through B in order and
// once; A is stopped and restarted and the subscriber, resuming after the
// last position it saw, misses nothing and sees nothing twice; a write
// through A read through B with A's bookmark sees the write.
func TestReplicas(t *testing.T) {
	tt := t // the restarted replica lives beyond its subtest
	neo4jtest.MustOpenSeeded(t)
	bin := buildBinary(t)
	a := startReplica(t, bin, "127.0.0.1:0")
	b := startReplica(t, bin, "127.0.0.1:0")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	deadline := time.After(90 * time.Second)

	// From position 0: the subscription sees the seed's entries too (none
	// of them ours) and then our writes, with no race against its start.
	const ours = "attribution/replica-b-"
	sub := subscribe(t, ctx, a, "0", ours)
	var want []string
	for i := range 5 {
		id := fmt.Sprintf("attribution/replica-b-%d", i)
		b.do(t, recordAttribution(id), nil)
		want = append(want, id)
	}
	var got []added
	for len(got) < 5 {
		got = append(got, sub.next(t, deadline))
	}
	checkOrder(t, "before the restart", got, want)
	last := got[len(got)-1].position
	sub.conn.CloseNow()

	t.Run("the subscriber resumes after a restart of its replica", func(t *testing.T) {
		addr := a.addr
		a.stop()
		// Written while A is down: the subscriber must get them after it.
		for i := 5; i < 10; i++ {
			id := fmt.Sprintf("attribution/replica-b-%d", i)
			b.do(t, recordAttribution(id), nil)
			want = append(want, id)
		}
		a = startReplica(tt, bin, addr)
		sub := subscribe(t, ctx, a, last, ours)
		defer sub.conn.CloseNow()
		var resumed []added
		for len(resumed) < 5 {
			resumed = append(resumed, sub.next(t, deadline))
		}
		checkOrder(t, "after the restart", resumed, want[5:])
		// One more, live, after the backlog: nothing in between repeated.
		b.do(t, recordAttribution("attribution/replica-b-live"), nil)
		if n := sub.next(t, deadline); n.id != "attribution/replica-b-live" {
			t.Errorf("after the backlog got %s, want attribution/replica-b-live", n.id)
		}
	})

	t.Run("a write through A with its bookmark is read through B", func(t *testing.T) {
		w := a.do(t, `mutation { upsertPerson(input: {id: "person/replica-bookmark", name: "Replica Bookmark"}) { id } }`, nil)
		bookmark := w.header.Get("Neo4j-Bookmark")
		if bookmark == "" || w.Extensions["bookmark"] != bookmark {
			t.Fatalf("mutation through A answered bookmark header %q, extensions.bookmark %v", bookmark, w.Extensions["bookmark"])
		}
		r := b.do(t, `{ node(id: "person/replica-bookmark") { id } }`, map[string]string{"Neo4j-Bookmark": bookmark})
		if !strings.Contains(string(r.Data), "person/replica-bookmark") {
			t.Errorf("B with A's bookmark did not read the write: %s", r.Data)
		}
	})
}

func checkOrder(t *testing.T, when string, got []added, want []string) {
	t.Helper()
	var ids []string
	for _, g := range got {
		ids = append(ids, g.id)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("%s the subscriber got %v, want %v (in order, once each)", when, ids, want)
	}
}

// TestReplicasLoad writes attributions through the replicas from a few
// concurrent clients (bounded: 4 × 25 writes, loopback) while subscribers
// follow them, and prints the write throughput and the latency from a
// write's acknowledgement to its event, p50 and p99; then the cost of
// tailing the log at idle (CPU and Neo4j queries per second per replica).
// NEWSGRAPH_TEST_LOAD_REPLICAS (1 or 2, default 2),
// NEWSGRAPH_TEST_LOAD_SUBSCRIBERS (default 2, spread over the replicas) and
// NEWSGRAPH_TEST_LOAD_RATE (writes per second in all, default unpaced) set
// the shape of the run.
func TestReplicasLoad(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("load test")
	}
	knob := func(name string, def int) int {
		if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
			return v
		}
		return def
	}
	nReplicas := min(knob("NEWSGRAPH_TEST_LOAD_REPLICAS", 2), 2)
	nSubs := min(knob("NEWSGRAPH_TEST_LOAD_SUBSCRIBERS", 2), 200)
	rate := knob("NEWSGRAPH_TEST_LOAD_RATE", 0)
	neo4jtest.MustOpenSeeded(t)
	bin := buildBinary(t)
	var reps []*replica
	for range nReplicas {
		reps = append(reps, startReplica(t, bin, "127.0.0.1:0"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	deadline := time.After(150 * time.Second)
	var subs []*subscriber
	for i := range nSubs {
		subs = append(subs, subscribe(t, ctx, reps[i%len(reps)], "0", "attribution/load-"))
	}
	// Enough clients that a paced rate is not capped by one write's latency.
	writers := max(4, rate/6)
	each := 100 / writers
	var tick <-chan time.Time
	if rate > 0 {
		ticker := time.NewTicker(time.Second / time.Duration(rate))
		defer ticker.Stop()
		tick = ticker.C
	}
	var mu sync.Mutex
	acked := map[string]time.Time{}
	var wg sync.WaitGroup
	start := time.Now()
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if tick != nil {
					<-tick // paced: the writers share one ticker
				}
				id := fmt.Sprintf("attribution/load-%d-%d", w, i)
				reps[(w+i)%len(reps)].do(t, recordAttribution(id), nil)
				mu.Lock()
				acked[id] = time.Now()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	var latencies []time.Duration
	for si, s := range subs {
		seen := map[string]bool{}
		for len(seen) < writers*each {
			e := s.next(t, deadline)
			if seen[e.id] {
				t.Fatalf("subscriber %d got %s twice", si, e.id)
			}
			seen[e.id] = true
			mu.Lock()
			latencies = append(latencies, max(e.at.Sub(acked[e.id]), 0))
			mu.Unlock()
		}
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("load (--change-poll %s, rate %d/s, 0 = unpaced): %d writes through %d replica(s) by %d clients in %s: %.1f writes/s; write acknowledged → event received over %d events (%d subscribers): p50 %s, p99 %s, max %s",
		reps[0].cmd.Args[slices.Index(reps[0].cmd.Args, "--change-poll")+1], rate, writers*each, len(reps), writers, took.Round(time.Millisecond), float64(writers*each)/took.Seconds(), len(latencies),
		nSubs, pct(0.5).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), latencies[len(latencies)-1].Round(time.Millisecond))

	// The cost of tailing at idle: the subscribers stay, nothing is
	// written, for a measurement window of five seconds.
	before := make([][2]float64, len(reps))
	for i, r := range reps {
		before[i] = [2]float64{cpuSeconds(t, r.cmd.Process.Pid), roundTrips(t, r.addr)}
	}
	const window = 5 * time.Second
	time.Sleep(window)
	for i, r := range reps {
		cpu, trips := cpuSeconds(t, r.cmd.Process.Pid)-before[i][0], roundTrips(t, r.addr)-before[i][1]
		t.Logf("idle, replica %d with %d subscribers: CPU %.1f%% of a core, %.1f Neo4j queries/s", i, (nSubs+len(reps)-1-i)/len(reps), 100*cpu/window.Seconds(), trips/window.Seconds())
	}
}

// cpuSeconds is the user and system CPU time of a process (Linux).
func cpuSeconds(t *testing.T, pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	utime, _ := strconv.ParseFloat(f[11], 64)
	stime, _ := strconv.ParseFloat(f[12], 64)
	return (utime + stime) / 100 // clock ticks (USER_HZ 100)
}

// roundTrips is the replica's count of Neo4j round trips, from /metrics.
func roundTrips(t *testing.T, addr string) float64 {
	res, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	sum := 0.0
	for _, line := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(line, "newsgraph_neo4j_round_trips_total") {
			if v, err := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64); err == nil {
				sum += v
			}
		}
	}
	return sum
}
