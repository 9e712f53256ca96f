// Package neo4jtest connects tests to the real Neo4j that scripts/neo4j
// starts. Under CI=true a test that cannot reach Neo4j fails; elsewhere it is
// skipped with a message that says how to start one.
//
// Test packages share one database (Community Edition has one user
// database), so `make test` runs packages one at a time (go test -p 1) and
// each package starts from a wiped database.
package neo4jtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
)

// Config returns the test database's configuration. It reads variables of
// its own (NEWSGRAPH_TEST_NEO4J_URI, NEWSGRAPH_TEST_NEO4J_PASSWORD), never the
// service's NEO4J_*, so that tests cannot wipe a database the shell happens to
// point at; the defaults are the throwaway Neo4j of `make test`.
func Config() neo4jstore.Config {
	return neo4jstore.Config{
		URI:      env("NEWSGRAPH_TEST_NEO4J_URI", "bolt://127.0.0.1:7688"),
		User:     "neo4j",
		Password: env("NEWSGRAPH_TEST_NEO4J_PASSWORD", "newsgraph-test"),
		Database: "neo4j",
	}
}

// loopback reports whether uri names a database on this machine.
func loopback(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil {
		return false
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// MustOpen returns a store on the test Neo4j with the schema applied and the
// database wiped. It fails the test under CI=true when Neo4j is unreachable.
func MustOpen(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	cfg := Config()
	if !loopback(cfg.URI) {
		tb.Fatalf("refusing to wipe %s: tests only run against a Neo4j on this machine", cfg.URI)
	}
	s, err := neo4jstore.Open(cfg)
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := s.WaitReady(ctx); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("Neo4j at %s is required under CI=true and cannot be reached: %v", cfg.URI, err)
		}
		tb.Skipf("Neo4j at %s is not reachable (%v); `make test` starts one", cfg.URI, err)
	}
	if err := Wipe(ctx); err != nil {
		tb.Fatalf("wipe: %v", err)
	}
	if err := s.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return s
}

// MustOpenSeeded is MustOpen with the seed dataset loaded.
func MustOpenSeeded(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	s := MustOpen(tb)
	ds, err := dataset.Seed()
	if err != nil {
		tb.Fatalf("seed dataset: %v", err)
	}
	if _, err := s.LoadDataset(context.Background(), ds, Loader); err != nil {
		tb.Fatalf("load seed: %v", err)
	}
	return s
}

// RepoRoot returns the repository's top directory (where go.mod is).
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the test's directory")
		}
		dir = parent
	}
}

// Instance is a Neo4j of a test's own, started with scripts/neo4j on its own
// port and data directory, so that the test may stop and restart it.
type Instance struct {
	tb   testing.TB
	root string
	env  []string
	URI  string
}

// StartInstance starts a private Neo4j on port; it is stopped at cleanup.
func StartInstance(tb testing.TB, port int) *Instance {
	tb.Helper()
	cfg := Config()
	in := &Instance{tb: tb, root: RepoRoot(tb), URI: fmt.Sprintf("bolt://127.0.0.1:%d", port)}
	in.env = append(os.Environ(),
		fmt.Sprintf("NEO4J_BOLT_PORT=%d", port),
		"NEO4J_DATA_DIR="+tb.TempDir(),
		"NEO4J_PASSWORD="+cfg.Password,
		"NEO4J_HEAP=1g", "NEO4J_PAGECACHE=128m")
	tb.Cleanup(func() { _ = in.run("stop") })
	if err := in.run("start"); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("cannot start a private Neo4j: %v", err)
		}
		tb.Skipf("cannot start a private Neo4j (%v); run `make neo4j-fetch` first", err)
	}
	return in
}

// Stop stops the instance and waits for its JVM to exit.
func (in *Instance) Stop() {
	in.tb.Helper()
	if err := in.run("stop"); err != nil {
		in.tb.Fatalf("stop Neo4j: %v", err)
	}
}

// Start starts the instance again on the same data.
func (in *Instance) Start() {
	in.tb.Helper()
	if err := in.run("start"); err != nil {
		in.tb.Fatalf("start Neo4j: %v", err)
	}
}

func (in *Instance) run(cmd string) error {
	c := exec.Command(filepath.Join(in.root, "scripts", "neo4j"), cmd)
	c.Env = in.env
	out, err := c.CombinedOutput()
	if err != nil {
		return fmt.Errorf("scripts/neo4j %s: %v\n%s", cmd, err, out)
	}
	in.tb.Logf("scripts/neo4j %s: %s", cmd, strings.TrimSpace(string(out)))
	return nil
}

// Loader is the principal tests write data as.
var Loader = domain.Principal{Key: "test", Role: domain.RoleAdmin}

// Diff shows the lines only in a ("- ") and only in b ("+ "), at most 20, for
// comparing two Store.Dump results; "" when they hold the same lines.
func Diff(a, b []string) string {
	in := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, x := range a {
		if !mb[x] {
			out = append(out, "- "+x)
		}
	}
	for _, x := range b {
		if !ma[x] {
			out = append(out, "+ "+x)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("… %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}
