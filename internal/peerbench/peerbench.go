// Package peerbench measures newsgraph side by side with its nearest peer, the
// Neo4j GraphQL Library (@neo4j/graphql 7 on Apollo Server, in
// tools/peer-bench), over the same Neo4j database, with one hand-written
// Cypher statement per query through the Go driver as the floor.
//
// Run loads the seed and synthetic records into the Neo4j it is given, starts
// both servers, checks that the three systems return the same data for every
// query, then runs interleaved timed rounds (newsgraph, peer, Cypher,
// newsgraph, …) at each concurrency and prints a table. scripts/bench-peer
// (make bench-peer) starts a throwaway Neo4j and runs it through BenchmarkPeer.
package peerbench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/newsgraph/newsgraph/internal/loadavg"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// Config says where the database is and how long to measure.
type Config struct {
	Root          string // the repository: cmd/newsgraph and tools/peer-bench are under it
	Neo4jURI      string
	Neo4jPassword string
	Records       int           // synthetic records loaded after the seed (internal/synth)
	Round         time.Duration // one timed round of one system
	Rounds        int           // rounds per system, query and concurrency
	Warmup        time.Duration // untimed run of each system before the rounds of a query and concurrency
	Concurrency   []int
	Out           io.Writer // the table
	Log           io.Writer // progress
}

// ConfigFromEnv reads the configuration: NEWSGRAPH_PEER_NEO4J_URI and
// NEWSGRAPH_PEER_NEO4J_PASSWORD (required: the benchmark writes to that
// database, so it never falls back to NEO4J_URI), NEWSGRAPH_ROOT [found from
// the working directory], PEER_RECORDS [20000], PEER_ROUND [5s], PEER_ROUNDS
// [3], PEER_WARMUP [2s], PEER_CONCURRENCY [1,32].
func ConfigFromEnv() (Config, error) {
	cfg := Config{
		Neo4jURI: os.Getenv("NEWSGRAPH_PEER_NEO4J_URI"), Neo4jPassword: os.Getenv("NEWSGRAPH_PEER_NEO4J_PASSWORD"),
		Records: 20_000, Round: 5 * time.Second, Rounds: 3, Warmup: 2 * time.Second, Concurrency: []int{1, 32},
		Out: os.Stdout, Log: os.Stderr,
	}
	if cfg.Neo4jURI == "" || cfg.Neo4jPassword == "" {
		return cfg, errors.New("set NEWSGRAPH_PEER_NEO4J_URI and NEWSGRAPH_PEER_NEO4J_PASSWORD to a throwaway Neo4j (scripts/bench-peer does)")
	}
	var err error
	if cfg.Root = os.Getenv("NEWSGRAPH_ROOT"); cfg.Root == "" {
		if cfg.Root, err = findRoot(); err != nil {
			return cfg, err
		}
	}
	if v := os.Getenv("PEER_RECORDS"); v != "" {
		if cfg.Records, err = strconv.Atoi(v); err != nil || cfg.Records < 100 {
			return cfg, fmt.Errorf("PEER_RECORDS=%q: want a number of records, at least 100", v)
		}
	}
	for name, p := range map[string]*time.Duration{"PEER_ROUND": &cfg.Round, "PEER_WARMUP": &cfg.Warmup} {
		if v := os.Getenv(name); v != "" {
			if *p, err = time.ParseDuration(v); err != nil || *p < 0 {
				return cfg, fmt.Errorf("%s=%q: want a duration such as 5s", name, v)
			}
		}
	}
	if v := os.Getenv("PEER_ROUNDS"); v != "" {
		if cfg.Rounds, err = strconv.Atoi(v); err != nil || cfg.Rounds < 1 {
			return cfg, fmt.Errorf("PEER_ROUNDS=%q: want a positive number", v)
		}
	}
	if v := os.Getenv("PEER_CONCURRENCY"); v != "" {
		cfg.Concurrency = nil
		for _, f := range strings.Split(v, ",") {
			c, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || c < 1 || c > 512 {
				return cfg, fmt.Errorf("PEER_CONCURRENCY=%q: want numbers 1..512, comma-separated", v)
			}
			cfg.Concurrency = append(cfg.Concurrency, c)
		}
	}
	return cfg, nil
}

func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("cannot find the repository (go.mod): set NEWSGRAPH_ROOT")
		}
		dir = parent
	}
}

// Run loads the data, starts both servers, checks the answers and measures.
// It stops the servers it started before it returns.
func Run(ctx context.Context, cfg Config) error {
	logf := func(format string, args ...any) { fmt.Fprintf(cfg.Log, "peer-bench: "+format+"\n", args...) }
	tmp, err := os.MkdirTemp("", "newsgraph-peer-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	childEnv := append(os.Environ(), "NEO4J_URI="+cfg.Neo4jURI, "NEO4J_USER=neo4j", "NEO4J_PASSWORD="+cfg.Neo4jPassword, "NEO4J_DATABASE=neo4j")

	// 1. newsgraph, built from this tree.
	bin := filepath.Join(tmp, "newsgraph")
	t0 := time.Now()
	if err := runCmd(ctx, cfg.Root, nil, "go", "build", "-o", bin, "./cmd/newsgraph"); err != nil {
		return fmt.Errorf("building newsgraph: %w", err)
	}
	logf("built newsgraph in %v", time.Since(t0).Round(time.Millisecond))

	// 2. The data: the seed, then the synthetic records.
	file := filepath.Join(tmp, "synth.jsonl")
	var buf bytes.Buffer
	if err := synth.Write(&buf, cfg.Records, 1); err != nil {
		return err
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		return err
	}
	t0 = time.Now()
	if err := runCmd(ctx, tmp, childEnv, bin, "seed"); err != nil {
		return fmt.Errorf("newsgraph seed: %w", err)
	}
	if err := runCmd(ctx, tmp, childEnv, bin, "import", "--no-history", file); err != nil {
		return fmt.Errorf("newsgraph import: %w", err)
	}
	logf("loaded the seed and %d synthetic records in %v", cfg.Records, time.Since(t0).Round(time.Millisecond))

	driver, err := neo4j.NewDriverWithContext(cfg.Neo4jURI, neo4j.BasicAuth("neo4j", cfg.Neo4jPassword, ""), func(c *config.Config) {
		c.MaxConnectionPoolSize = 64
	})
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	counts, err := labelCounts(ctx, driver)
	if err != nil {
		return err
	}

	// 3. The two servers over that database.
	ng, err := startServer(ctx, "newsgraph", tmp, childEnv, bin, "serve", "--listen", "127.0.0.1:0", "--seed", "never", "--rate-anonymous", "0")
	if err != nil {
		return err
	}
	defer ng.stop(logf)
	peerDir := filepath.Join(cfg.Root, "tools", "peer-bench")
	if _, err := os.Stat(filepath.Join(peerDir, "node_modules", "@neo4j", "graphql")); err != nil {
		return fmt.Errorf("tools/peer-bench/node_modules is missing: run npm ci there (scripts/bench-peer does)")
	}
	peer, err := startServer(ctx, "peer", tmp, append(childEnv, "PORT=0", "HOST=127.0.0.1", "NODE_ENV=production"),
		"node", filepath.Join(peerDir, "server.mjs"))
	if err != nil {
		return err
	}
	defer peer.stop(logf)
	logf("newsgraph at %s (pid %d), peer at %s (pid %d)", ng.url, ng.cmd.Process.Pid, peer.url, peer.cmd.Process.Pid)

	transport := &http.Transport{
		MaxIdleConns: 256, MaxIdleConnsPerHost: 64, IdleConnTimeout: 90 * time.Second,
		DisableCompression: true, ForceAttemptHTTP2: false,
	}
	defer transport.CloseIdleConnections() // before the servers stop: they need not drain them
	client := &http.Client{Transport: transport}
	systems := []*system{
		{name: "newsgraph", url: strings.TrimSuffix(ng.url, "/") + "/graphql", client: client},
		{name: "peer", url: peer.url, client: client},
		{name: "cypher", driver: driver},
	}

	// 4. The parameters, and the same answers from all three.
	plans := make([]*plan, 0, len(queries))
	for _, q := range queries {
		p, err := makePlan(ctx, driver, q)
		if err != nil {
			return fmt.Errorf("query %s: %w", q.key, err)
		}
		if err := p.verify(ctx, systems); err != nil {
			return err
		}
		logf("query %s (%s): the three systems return the same data (%d parameter sets compared, %.0f objects per answer)",
			q.key, q.title, min(q.verify, len(p.params)), p.objects)
		plans = append(plans, p)
	}

	// 5. Interleaved rounds.
	fmt.Fprintf(cfg.Out, "\nnewsgraph vs the Neo4j GraphQL Library (peer) vs one Cypher statement (floor), same Neo4j database\n")
	fmt.Fprintf(cfg.Out, "data: %s\n", counts)
	fmt.Fprintf(cfg.Out, "versions: %s; %s; Neo4j %s\n", runtime.Version(), nodeVersions(peerDir), neo4jVersion(ctx, driver))
	fmt.Fprintf(cfg.Out, "machine: %d CPUs (servers, Neo4j and the load generator share them); rounds of %v × %d per system after a %v warm-up, interleaved\n",
		runtime.NumCPU(), cfg.Round, cfg.Rounds, cfg.Warmup)
	loadBefore := loadavg.String()
	start := time.Now()
	var results []result
	for _, p := range plans {
		for _, conc := range cfg.Concurrency {
			logf("query %s at concurrency %d", p.q.key, conc)
			rounds := make([][]roundResult, len(systems))
			for _, s := range systems {
				runRound(ctx, s, p, conc, cfg.Warmup, 0)
			}
			var offset int64
			for range cfg.Rounds {
				for i, s := range systems {
					r := runRound(ctx, s, p, conc, cfg.Round, offset)
					rounds[i] = append(rounds[i], r)
					if r.errors > 0 {
						logf("  %s: %d errors, first: %v", s.name, r.errors, r.firstErr)
					}
				}
				offset += 1_000_003
			}
			for i, s := range systems {
				results = append(results, summarise(p.q, conc, s.name, rounds[i]))
			}
		}
	}
	loadAfter := loadavg.String()
	fmt.Fprintf(cfg.Out, "\n")
	printTable(cfg.Out, results)
	fmt.Fprintf(cfg.Out, "\nload average (1, 5, 15 min): before %s, after %s; measured for %v\n", loadBefore, loadAfter, time.Since(start).Round(time.Second))
	fmt.Fprintf(cfg.Out, "memory after the run: newsgraph %s; peer (node) %s\n", rss(ng.cmd.Process.Pid), rss(peer.cmd.Process.Pid))
	return nil
}

// ---- child processes

func runCmd(ctx context.Context, dir string, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, tail(out.String(), 3000))
	}
	return nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

type server struct {
	name string
	cmd  *exec.Cmd
	url  string
	log  string // the file that holds its output
	done chan struct{}
}

var listeningRE = regexp.MustCompile(`listening on (http://\S+)`)

// startServer starts a server and waits for its "listening on http://…" line
// on standard output; its output goes to a log file in dir.
func startServer(ctx context.Context, name, dir string, env []string, bin string, args ...string) (*server, error) {
	logPath := filepath.Join(dir, name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stderr = logFile
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	s := &server{name: name, cmd: cmd, log: logPath, done: make(chan struct{})}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		found := false
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(logFile, line)
			if m := listeningRE.FindStringSubmatch(line); m != nil && !found {
				found = true
				urlc <- m[1]
			}
		}
		_ = cmd.Wait()
		logFile.Close()
		close(s.done)
	}()
	select {
	case s.url = <-urlc:
		return s, nil
	case <-s.done:
		out, _ := os.ReadFile(logPath)
		return nil, fmt.Errorf("%s exited before listening (%v):\n%s", name, cmd.ProcessState, tail(string(out), 3000))
	case <-time.After(120 * time.Second):
		s.stop(func(string, ...any) {})
		out, _ := os.ReadFile(logPath)
		return nil, fmt.Errorf("%s did not say where it listens within 120s:\n%s", name, tail(string(out), 3000))
	case <-ctx.Done():
		s.stop(func(string, ...any) {})
		return nil, ctx.Err()
	}
}

// stop sends SIGTERM to the process this package started, and SIGKILL if it
// has not exited 15 seconds later.
func (s *server) stop(logf func(string, ...any)) {
	select {
	case <-s.done:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		logf("%s (pid %d) ignored SIGTERM for 15s: killing it", s.name, s.cmd.Process.Pid)
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// ---- facts for the header and footer

func labelCounts(ctx context.Context, driver neo4j.DriverWithContext) (string, error) {
	res, err := neo4j.ExecuteQuery(ctx, driver, `UNWIND ['Person', 'Organisation', 'Place', 'Negotiation', 'Event', 'Source', 'Claim', 'Attribution'] AS l
CALL (l) { MATCH (n) WHERE l IN labels(n) RETURN count(n) AS n }
RETURN l, n`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		return "", err
	}
	var parts []string
	for _, r := range res.Records {
		parts = append(parts, fmt.Sprintf("%d %s", r.Values[1], r.Values[0]))
	}
	rels, err := neo4j.ExecuteQuery(ctx, driver, `MATCH ()-[r]->() RETURN count(r)`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		return "", err
	}
	return strings.Join(parts, ", ") + fmt.Sprintf("; %d relationships", rels.Records[0].Values[0]), nil
}

func neo4jVersion(ctx context.Context, driver neo4j.DriverWithContext) string {
	res, err := neo4j.ExecuteQuery(ctx, driver, `CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("system"))
	if err != nil || len(res.Records) == 0 {
		return "?"
	}
	return fmt.Sprint(res.Records[0].Values[0])
}

func nodeVersions(peerDir string) string {
	out, _ := exec.Command("node", "--version").Output()
	parts := []string{"node " + strings.TrimSpace(string(out))}
	for _, pkg := range []string{"@neo4j/graphql", "@apollo/server", "graphql", "neo4j-driver"} {
		var meta struct{ Version string }
		b, err := os.ReadFile(filepath.Join(peerDir, "node_modules", pkg, "package.json"))
		if err == nil && json.Unmarshal(b, &meta) == nil {
			parts = append(parts, pkg+" "+meta.Version)
		}
	}
	return strings.Join(parts, ", ")
}

// rss reads the resident set size and its peak of a process (Linux).
func rss(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	var cur, peak string
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			cur = mib(v)
		}
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			peak = mib(v)
		}
	}
	return fmt.Sprintf("RSS %s (peak %s)", cur, peak)
}

func mib(kb string) string {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(kb), " kB"))
	if err != nil {
		return strings.TrimSpace(kb)
	}
	return fmt.Sprintf("%.0f MiB", float64(n)/1024)
}

// ---- parameters

// plan is a query with its parameter sets and request bodies.
type plan struct {
	q       query
	params  []map[string]any
	bodies  map[string][][]byte // per GraphQL system: one body per parameter set
	objects float64             // objects per answer, on average over the compared sets
}

func makePlan(ctx context.Context, driver neo4j.DriverWithContext, q query) (*plan, error) {
	p := &plan{q: q, bodies: map[string][][]byte{}}
	if q.pool == "" {
		p.params = []map[string]any{{}}
	} else {
		res, err := neo4j.ExecuteQuery(ctx, driver, q.pool, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
		if err != nil {
			return nil, fmt.Errorf("pool: %w", err)
		}
		if len(res.Records) == 0 {
			return nil, errors.New("pool: no rows: is the data loaded?")
		}
		if q.group > 1 {
			for i := 0; i+q.group <= len(res.Records); i += q.group {
				var ids []any
				for _, r := range res.Records[i : i+q.group] {
					ids = append(ids, r.Values[0])
				}
				p.params = append(p.params, map[string]any{q.groupVar: ids})
			}
		} else {
			for _, r := range res.Records {
				p.params = append(p.params, map[string]any{res.Keys[0]: r.Values[0]})
			}
		}
		// Spread the requests over the pool in a fixed pseudo-random order.
		rng := rand.New(rand.NewPCG(42, uint64(len(p.params))))
		rng.Shuffle(len(p.params), func(i, j int) { p.params[i], p.params[j] = p.params[j], p.params[i] })
	}
	for _, sys := range []struct{ name, doc string }{{"newsgraph", q.newsgraph}, {"peer", q.peer}} {
		for _, vars := range p.params {
			b, err := json.Marshal(map[string]any{"query": sys.doc, "variables": vars})
			if err != nil {
				return nil, err
			}
			p.bodies[sys.name] = append(p.bodies[sys.name], b)
		}
	}
	return p, nil
}

// verify fetches the first q.verify parameter sets from every system and
// compares their canonical forms.
func (p *plan) verify(ctx context.Context, systems []*system) error {
	n := min(p.q.verify, len(p.params))
	total := 0
	for i := range n {
		var first string
		for j, s := range systems {
			doc, err := s.fetch(ctx, p, i)
			if err != nil {
				return fmt.Errorf("query %s (%s), %s, variables %s: %w", p.q.key, p.q.title, s.name, canonJSON(p.params[i]), err)
			}
			c, err := canonOf(doc)
			if err != nil {
				return fmt.Errorf("query %s, %s: %w", p.q.key, s.name, err)
			}
			if j == 0 {
				first = c
				var v any
				_ = json.Unmarshal([]byte(c), &v)
				total += countObjects(v) - 1
				if countObjects(v) <= 1 {
					return fmt.Errorf("query %s (%s), variables %s: newsgraph's answer is empty: %s", p.q.key, p.q.title, canonJSON(p.params[i]), tail(c, 500))
				}
				continue
			}
			if c != first {
				a, b := firstDifference(first, c)
				return fmt.Errorf("query %s (%s) answers differ for variables %s:\n  %s: %s\n  %s: %s\n(canonical forms: lists sorted, single objects as one-item lists)",
					p.q.key, p.q.title, canonJSON(p.params[i]), systems[0].name, a, s.name, b)
			}
		}
	}
	p.objects = float64(total) / float64(n)
	return nil
}
