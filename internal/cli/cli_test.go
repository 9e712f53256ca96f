package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Main(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpDocumentsEveryEnvironmentVariable(t *testing.T) {
	code, _, stderr := run(t, "--help")
	if code != cli.ExitOK {
		t.Errorf("--help exit = %d", code)
	}
	for _, want := range []string{"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEWSGRAPH_LISTEN",
		"NEWSGRAPH_TX_TIMEOUT", "NEWSGRAPH_REQUEST_TIMEOUT", "NEWSGRAPH_CONNECT_TIMEOUT", "NEWSGRAPH_LOG_FORMAT", "NEWSGRAPH_STARTUP_WAIT", "NEWSGRAPH_SEED", "neo4j+s://", "seed", "migrate"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--help does not mention %s", want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "x")
	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"ErrUnknownCommand", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"ErrUnknownFlag", []string{"serve", "--no-such-flag"}, "flag provided but not defined"},
		{"ErrBadSeedMode", []string{"serve", "--seed", "sometimes"}, "--seed must be if-empty, always or never"},
		{"ErrStrayArgument", []string{"seed", "extra"}, `unexpected argument "extra"`},
		{"ErrTxTimeoutNotShorter", []string{"serve", "--tx-timeout", "40s", "--request-timeout", "30s"}, "must be shorter than --request-timeout"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.args...)
			if code != cli.ExitUsage || !strings.Contains(stderr, c.msg) {
				t.Errorf("newsgraph %v: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, cli.ExitUsage, c.msg)
			}
		})
	}
	t.Run("ErrBadEnvironmentDuration", func(t *testing.T) {
		t.Setenv("NEWSGRAPH_TX_TIMEOUT", "20")
		code, _, stderr := run(t, "seed")
		if code != cli.ExitUsage || !strings.Contains(stderr, `NEWSGRAPH_TX_TIMEOUT="20" is not a positive duration`) {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("ErrNoPassword", func(t *testing.T) {
		t.Setenv("NEO4J_PASSWORD", "")
		code, _, stderr := run(t, "seed")
		if code != cli.ExitUsage || !strings.Contains(stderr, "NEO4J_PASSWORD") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
}

// TestFlagsBelongToTheirCommand: a flag of another command is a usage
// error that shows the command's own help.
func TestFlagsBelongToTheirCommand(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "x")
	cases := []struct {
		name  string
		args  []string
		usage string
	}{
		{"ErrServeTitle", []string{"serve", "--title", "x"}, "Usage: newsgraph serve [flags]"},
		{"ErrDefaultCommandTitle", []string{"--title", "x"}, "Usage: newsgraph serve [flags]"},
		{"ErrSeedLimit", []string{"seed", "--max-cost", "5"}, "Usage: newsgraph seed [flags]"},
		{"ErrImportListen", []string{"import", "--listen", ":1", "x.jsonl"}, "Usage: newsgraph import [flags] FILE|-"},
		{"ErrExportCostLimit", []string{"export", "--max-cost", "5"}, "Usage: newsgraph export [flags]"},
		{"ErrVersionFlag", []string{"version", "--neo4j-uri", "bolt://x"}, "Usage: newsgraph version"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(t, c.args...)
			if code != cli.ExitUsage || !strings.Contains(stderr, "flag provided but not defined") || !strings.Contains(stderr, c.usage) {
				t.Errorf("newsgraph %v: exit %d, stderr %q; want exit %d, the unknown flag and %q", c.args, code, stderr, cli.ExitUsage, c.usage)
			}
		})
	}
	t.Run("ServeUsageListsServeFlagsOnly", func(t *testing.T) {
		_, _, stderr := run(t, "serve", "--title", "x")
		for _, want := range []string{"-listen", "-max-cost", "-neo4j-uri", "NEWSGRAPH_SEED"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("serve's usage does not list %s", want)
			}
		}
		for _, not := range []string{"\n  -title", "\n  -batch-size", "\n  -format", "newsgraph import"} {
			if strings.Contains(stderr, not) {
				t.Errorf("serve's usage lists %s, which is not serve's", not)
			}
		}
	})
}

func TestHelpCommand(t *testing.T) {
	t.Run("Import", func(t *testing.T) {
		code, stdout, _ := run(t, "help", "import")
		if code != cli.ExitOK || !strings.HasPrefix(stdout, "Usage: newsgraph import [flags] FILE|-") {
			t.Fatalf("help import: exit %d, stdout %q", code, stdout)
		}
		for _, want := range []string{"-batch-size", "-strict", "-no-history", "-neo4j-uri", "NEO4J_PASSWORD", "-tx-timeout"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("help import does not list %s", want)
			}
		}
		for _, not := range []string{"\n  -listen", "\n  -max-cost", "\n  -title", "\n  -format"} {
			if strings.Contains(stdout, not) {
				t.Errorf("help import lists %s, which is not import's", not)
			}
		}
	})
	t.Run("ExportTakesTheNeighbourhoodLimits", func(t *testing.T) {
		_, stdout, _ := run(t, "help", "export")
		for _, want := range []string{"-max-hops", "-neighbours-max", "-max-subgraph-nodes", "(default 3)"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("help export does not list %s", want)
			}
		}
	})
	t.Run("Overview", func(t *testing.T) {
		code, stdout, _ := run(t, "help")
		if code != cli.ExitOK {
			t.Errorf("help: exit %d", code)
		}
		for _, want := range []string{"newsgraph [serve]", "newsgraph seed", "newsgraph import", "newsgraph ingest", "newsgraph export", "newsgraph migrate", "newsgraph version", "newsgraph hash-key", "newsgraph help", "-listen"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("help does not mention %s", want)
			}
		}
	})
	t.Run("HidesThePassword", func(t *testing.T) {
		t.Setenv("NEO4J_PASSWORD", "s3cret-from-env")
		_, stdout, _ := run(t, "help", "seed")
		if !strings.Contains(stdout, "-neo4j-password") || strings.Contains(stdout, "s3cret-from-env") {
			t.Errorf("help seed shows the password from the environment, or no password flag:\n%s", stdout)
		}
	})
	t.Run("ErrUnknownCommand", func(t *testing.T) {
		if code, _, stderr := run(t, "help", "frobnicate"); code != cli.ExitUsage || !strings.Contains(stderr, `unknown command "frobnicate"`) {
			t.Errorf("help frobnicate: exit %d, stderr %q", code, stderr)
		}
	})
}

func TestNeo4jUnreachable(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "x")
	code, _, stderr := run(t, "seed", "--neo4j-uri", "bolt://127.0.0.1:1", "--startup-wait", "1s", "--connect-timeout", "200ms")
	if code != cli.ExitFailure || !strings.Contains(stderr, "did not answer within 1s") || !strings.Contains(stderr, "[unavailable]") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestSeedCommand(t *testing.T) {
	neo4jtest.MustOpen(t) // an empty database
	cfg := neo4jtest.Config()
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	code, stdout, stderr := run(t, "seed")
	if code != cli.ExitOK || !strings.Contains(stdout, "0 updated, 0 unchanged") {
		t.Fatalf("first seed: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	code, stdout, _ = run(t, "seed")
	if code != cli.ExitOK || !strings.Contains(stdout, "0 created, 0 updated") {
		t.Errorf("second seed should change nothing: exit %d, %s", code, stdout)
	}
	code, stdout, _ = run(t, "migrate")
	if code != cli.ExitOK || !strings.Contains(stdout, "schema version") {
		t.Errorf("migrate: exit %d, %s", code, stdout)
	}
}

func TestImportExportIngestCommands(t *testing.T) {
	neo4jtest.MustOpenSeeded(t)
	cfg := neo4jtest.Config()
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	dir := t.TempDir()
	out := filepath.Join(dir, "graph.jsonl")
	if code, stdout, stderr := run(t, "export", "--output", out); code != cli.ExitOK || !strings.Contains(stdout, "exported") {
		t.Fatalf("export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	gexf := filepath.Join(dir, "peskov.gexf")
	if code, stdout, stderr := run(t, "export", "--format", "gexf", "--around", "person/dmitry-peskov", "--hops", "2", "--output", gexf); code != cli.ExitOK || !strings.Contains(stdout, "exported") {
		t.Errorf("export gexf: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "export", "--around", "person/dmitry-peskov"); code != cli.ExitUsage || !strings.Contains(stderr, "needs a graph format") {
		t.Errorf("export --around as jsonl: exit %d, %s", code, stderr)
	}
	if code, stdout, stderr := run(t, "import", out); code != cli.ExitOK || !strings.Contains(stdout, "0 created, 0 updated") {
		t.Errorf("re-import of an export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"type":"Person","id":"person/ok","name":"OK"}`+"\n"+`{"type":"Person","id":"Not An Id","name":"x"}`+"\n"), 0o644)
	code, stdout, stderr := run(t, "import", bad)
	if code != cli.ExitPartial || !strings.Contains(stderr, "rejected line 2: id:") || !strings.Contains(stdout, "1 created") {
		t.Errorf("import with a bad line: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "import", "--strict", bad); code != cli.ExitFailure || !strings.Contains(stderr, "nothing was imported") {
		t.Errorf("strict import: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "import"); code != cli.ExitUsage || !strings.Contains(stderr, "name the file") {
		t.Errorf("import without a file: exit %d, %s", code, stderr)
	}
	article := filepath.Join(dir, "a.txt")
	os.WriteFile(article, []byte("Rzecznik Kremla Dmitrij Pieskow rozmawiał z Putinem o Zełenskim."), 0o644)
	code, stdout, stderr = run(t, "ingest", "--title", "Test", "--language", "pl", "--published-at", "2025-03", article)
	if code != cli.ExitOK || !strings.Contains(stdout, "person/dmitry-peskov") || !strings.Contains(stdout, "person/volodymyr-zelensky") || !strings.Contains(stdout, "organisation/kremlin") {
		t.Errorf("ingest: exit %d\n%s\n%s", code, stdout, stderr)
	}
}
