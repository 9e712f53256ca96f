package webui_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// TestBrowser runs the browser tests (web/e2e/explorer.e2e.mjs: headless
// Chromium through playwright-core) against the service on the seed data,
// plus a synthetic graph that gives a neighbourhood of 500+ nodes. The
// script blocks every origin but the service's and fails on any request to
// one, or on a Content-Security-Policy violation. It saves screenshots and
// the time-to-first-render figures in NEWSGRAPH_E2E_OUT (default
// .cache/e2e); `NEWSGRAPH_E2E_OUT=docs/img` refreshes the README's images.
//
// It needs node, web/node_modules (npm ci in web/) and Chromium
// (NEWSGRAPH_CHROMIUM, default /usr/bin/chromium): under CI=true a missing
// one fails the test, elsewhere it skips.
func TestBrowser(t *testing.T) {
	root := neo4jtest.RepoRoot(t)
	web := filepath.Join(root, "web")
	chromium := env("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")
	missing := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf(format, args...)
		}
		t.Skipf(format, args...)
	}
	if _, err := exec.LookPath("node"); err != nil {
		missing("node is required for the browser tests: %v", err)
	}
	if _, err := os.Stat(chromium); err != nil {
		missing("Chromium is required for the browser tests (apt-get install chromium, or set NEWSGRAPH_CHROMIUM): %v", err)
	}
	if _, err := os.Stat(filepath.Join(web, "node_modules", "playwright-core")); err != nil {
		missing("web/node_modules is missing: run `npm ci` in web/ (%v)", err)
	}

	s := neo4jtest.MustOpenSeeded(t)
	ctx := context.Background()
	hub, perNode := loadHub(t, s)

	const editorKey = "e2e-editor-key"
	keys, err := auth.Parse("e2e:editor:"+auth.Hash(editorKey), true)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.Handler(s, httpapi.Options{Keys: keys}))
	defer srv.Close()

	out := env("NEWSGRAPH_E2E_OUT", filepath.Join(root, ".cache", "e2e"))
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "e2e/explorer.e2e.mjs")
	cmd.Dir = web
	cmd.Env = append(os.Environ(),
		"BASE_URL="+srv.URL, "CHROMIUM="+chromium, "OUT_DIR="+out, "EDITOR_KEY="+editorKey,
		"HUB_ID="+hub, fmt.Sprintf("HUB_MAX=%d", perNode))
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err = cmd.Run()
	t.Logf("browser tests:\n%s", buf.String())
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		t.Fatalf("the browser tests failed (exit %d); screenshots in %s", exit.ExitCode(), out)
	case err != nil:
		t.Fatalf("running the browser tests: %v", err)
	}
}

// loadHub imports a synthetic graph beside the seed and returns a node
// whose 2-hop neighbourhood has at least 500 nodes, with the per-node cap
// that gives it.
func loadHub(t *testing.T, s interface {
	importer.Store
	domain.Traverser
}) (string, int) {
	t.Helper()
	ctx := context.Background()
	var file bytes.Buffer
	if err := synth.WriteGraph(&file, 2000, 12000, 11); err != nil {
		t.Fatal(err)
	}
	sum, err := importer.Import(ctx, &file, s, importer.Options{Origin: "e2e-synth", By: neo4jtest.Loader, BatchSize: 5000, NoHistory: true})
	if err != nil || len(sum.Rejected) > 0 {
		t.Fatalf("load the synthetic graph: %v %v", err, sum.Rejected)
	}
	// The first 50 people are the generator's hubs.
	for _, perNode := range []int{50, 100} {
		for i := range 10 {
			id := fmt.Sprintf("person/p%d", i)
			g, err := s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: id, Hops: 2, PerNode: perNode})
			if err != nil {
				t.Fatalf("neighbourhood of %s: %v", id, err)
			}
			if len(g.Nodes) >= 500 {
				return id, perNode
			}
		}
	}
	t.Fatal("no synthetic node has a 2-hop neighbourhood of 500 nodes")
	return "", 0
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
