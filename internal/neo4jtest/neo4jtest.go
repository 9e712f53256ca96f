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
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
)

// Config returns the store configuration from the environment, with the
// defaults that `make test` uses.
func Config() neo4jstore.Config {
	return neo4jstore.Config{
		URI:      env("NEO4J_URI", "bolt://127.0.0.1:7687"),
		User:     env("NEO4J_USER", "neo4j"),
		Password: env("NEO4J_PASSWORD", "newsgraph-dev"),
		Database: env("NEO4J_DATABASE", "neo4j"),
	}
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
		tb.Skipf("Neo4j at %s is not reachable (%v); start it with `make neo4j-start`", cfg.URI, err)
	}
	if err := s.WipeForTests(ctx); err != nil {
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
	if _, err := s.LoadDataset(context.Background(), ds); err != nil {
		tb.Fatalf("load seed: %v", err)
	}
	return s
}
