package httpapi_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestGraphQLOverHTTPAudit runs graphql-http's GraphQL-over-HTTP server audit
// (tools/graphql-http-audit) against /graphql on the seed data. Every failed
// MUST (error) or SHOULD (warning) audit fails the test; failed MAY audits are
// only printed. It needs Node: without it the test fails under CI=true and is
// skipped elsewhere.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		missing(t, "node is not on PATH; the GraphQL-over-HTTP audit needs Node 20+")
	}
	dir := filepath.Join(neo4jtest.RepoRoot(t), "tools", "graphql-http-audit")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphql-http")); errors.Is(err, os.ErrNotExist) {
		npm, err := exec.LookPath("npm")
		if err != nil {
			missing(t, "npm is not on PATH; it installs tools/graphql-http-audit's packages (npm ci)")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	} else if err != nil {
		t.Fatal(err)
	}

	s := neo4jtest.MustOpenSeeded(t)
	srv := httptest.NewServer(httpapi.Handler(s, httpapi.Options{}))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "audit.mjs", srv.URL+"/graphql")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node audit.mjs %s/graphql: %v\n%s", srv.URL, err, out)
	}
	t.Logf("node audit.mjs %s/graphql:\n%s", srv.URL, out)
}

// missing fails the test under CI=true, where the tool must be installed, and
// skips it elsewhere.
func missing(t *testing.T, reason string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(reason)
	}
	t.Skip(reason)
}
