// Package cli implements newsgraph's command line: the serve, seed and
// migrate commands and their flags, each with an environment fallback.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/guard"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/metrics"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/tracing"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1 // the command ran and failed (Neo4j unreachable, bad data…)
	ExitUsage   = 2 // the command line is wrong
	ExitPartial = 3 // import: some lines were rejected, the others imported
)

const usageHead = `newsgraph: a GraphQL knowledge graph of who reported what about whom.

Usage:
  newsgraph [serve] [flags]   serve the explorer at /, GraphiQL at /graphiql, GraphQL at /graphql, probes at /healthz and /readyz, metrics at /metrics
  newsgraph seed [flags]      load the embedded seed dataset (idempotent)
  newsgraph import [flags] FILE|-
                              import a JSON Lines data file (docs/dataset.md) in batches; idempotent,
                              so re-running an interrupted import finishes it; exit 3 if lines were rejected
  newsgraph ingest --title T --language L [--url U --publisher ID --author ID --published-at D] FILE|-
                              ingest an article's text: create its Source and link the entities it names
  newsgraph export [--format jsonl] [--output FILE]
                              write the whole graph as JSON Lines; it imports back into an empty database
  newsgraph migrate [flags]   apply the Neo4j schema (constraints, indexes) and record its version
  newsgraph version           print the schema version this build supports
  newsgraph hash-key          read an API key on standard input, print the SHA-256 to configure it with

Every flag falls back to the environment variable named in brackets.

Flags:
`

// config is the settings of every command.
type config struct {
	store          neo4jstore.Config
	listen         string
	limits         domain.Limits
	trustedDocs    string
	suggestions    bool
	startupWait    time.Duration
	seed           string
	logFormat      string
	changePoll     time.Duration
	otlpEndpoint   string
	retention      time.Duration
	apiKeys        string
	apiKeysFile    string
	anonymousReads bool
	strict         bool
	noHistory      bool
	batchSize      int
	format         string
	output         string
	around         string
	hops           int
	maxNeighbours  int
	article        articleFlags
	args           []string
}

// articleFlags are the ingest command's description of an article.
type articleFlags struct {
	id, title, url, language, publisher, author, publishedAt string
}

func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// envErrors collects environment values that do not parse; Main reports
// them as usage errors instead of silently using the default.
var envErrors []string

func envDuration(name string, def time.Duration) time.Duration {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		d, err := time.ParseDuration(v)
		if err == nil && d > 0 {
			return d
		}
		envErrors = append(envErrors, fmt.Sprintf("%s=%q is not a positive duration such as 20s or 1m", name, v))
	}
	return def
}

// limitFlags registers a flag for every limit of domain.LimitSpecs, with
// its default and its environment variable (NEWSGRAPH_ and the flag).
func limitFlags(fs *flag.FlagSet, l *domain.Limits) {
	*l = domain.DefaultLimits()
	for _, s := range domain.LimitSpecs {
		env := "NEWSGRAPH_" + strings.ToUpper(strings.ReplaceAll(s.Flag, "-", "_"))
		help := "limit: " + s.Help + " [" + env + "]"
		if s.Int != nil {
			p := s.Int(l)
			fs.IntVar(p, s.Flag, envInt(env, *p), help)
		} else {
			p := s.Dur(l)
			fs.DurationVar(p, s.Flag, envDuration(env, *p), help)
		}
	}
}

func envInt(name string, def int) int {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err == nil && n >= 0 {
			return n
		}
		envErrors = append(envErrors, fmt.Sprintf("%s=%q is not a whole number", name, v))
	}
	return def
}

func newFlags(cfg *config, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newsgraph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.store.URI, "neo4j-uri", envOr("NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI: bolt://, neo4j:// (cluster routing), neo4j+s:// (Aura, TLS) [NEO4J_URI]")
	fs.StringVar(&cfg.store.User, "neo4j-user", envOr("NEO4J_USER", "neo4j"), "Neo4j user [NEO4J_USER]")
	fs.StringVar(&cfg.store.Password, "neo4j-password", envOr("NEO4J_PASSWORD", ""), "Neo4j password (prefer the environment variable) [NEO4J_PASSWORD]")
	fs.StringVar(&cfg.store.Database, "neo4j-database", envOr("NEO4J_DATABASE", "neo4j"), "Neo4j database name [NEO4J_DATABASE]")
	fs.DurationVar(&cfg.store.TxTimeout, "tx-timeout", envDuration("NEWSGRAPH_TX_TIMEOUT", 20*time.Second), "server-side timeout of one Neo4j transaction [NEWSGRAPH_TX_TIMEOUT]")
	fs.DurationVar(&cfg.store.ConnectTimeout, "connect-timeout", envDuration("NEWSGRAPH_CONNECT_TIMEOUT", 2*time.Second), "how long a request waits for a Neo4j connection before failing with UNAVAILABLE [NEWSGRAPH_CONNECT_TIMEOUT]")
	fs.StringVar(&cfg.listen, "listen", envOr("NEWSGRAPH_LISTEN", "127.0.0.1:8080"), "HTTP listen address [NEWSGRAPH_LISTEN]")
	fs.DurationVar(&cfg.startupWait, "startup-wait", envDuration("NEWSGRAPH_STARTUP_WAIT", 60*time.Second), "how long to wait for Neo4j at start [NEWSGRAPH_STARTUP_WAIT]")
	fs.StringVar(&cfg.seed, "seed", envOr("NEWSGRAPH_SEED", "if-empty"), "serve: load the seed dataset at start: if-empty, always or never [NEWSGRAPH_SEED]")
	fs.StringVar(&cfg.apiKeys, "api-keys", envOr("NEWSGRAPH_API_KEYS", ""), "API keys as name:role:sha256hex, comma-separated; role is reader, editor or admin (see hash-key) [NEWSGRAPH_API_KEYS]")
	fs.StringVar(&cfg.apiKeysFile, "api-keys-file", envOr("NEWSGRAPH_API_KEYS_FILE", ""), "a file of API keys, one name:role:sha256hex per line [NEWSGRAPH_API_KEYS_FILE]")
	fs.BoolVar(&cfg.anonymousReads, "anonymous-reads", envOr("NEWSGRAPH_ANONYMOUS_READS", "true") == "true", "let requests without an API key read [NEWSGRAPH_ANONYMOUS_READS]")
	fs.BoolVar(&cfg.strict, "strict", false, "import: stop at the first bad line, before anything is written")
	fs.IntVar(&cfg.batchSize, "batch-size", 5000, "import: nodes or relationships per transaction")
	fs.BoolVar(&cfg.noHistory, "no-history", false, "import: do not log each change for history(id) (bulk loads)")
	fs.StringVar(&cfg.format, "format", "jsonl", "export: jsonl (the import format), graphml, gexf, csv-nodes, csv-edges, json (D3), cytoscape or ftm (FollowTheMoney)")
	fs.StringVar(&cfg.around, "around", "", "export: only the neighbourhood of this node id (not for jsonl)")
	fs.IntVar(&cfg.hops, "hops", 1, "export --around: hops, 1 to 3")
	fs.IntVar(&cfg.maxNeighbours, "max-neighbours", 25, "export --around: neighbours expanded per node")
	fs.StringVar(&cfg.output, "output", "-", "export: the file to write, - for standard output")
	fs.StringVar(&cfg.article.id, "id", "", "ingest: the Source id (default: derived from the title and text)")
	fs.StringVar(&cfg.article.title, "title", "", "ingest: the article's title")
	fs.StringVar(&cfg.article.url, "url", "", "ingest: the article's URL")
	fs.StringVar(&cfg.article.language, "language", "", "ingest: the article's language, e.g. pl")
	fs.StringVar(&cfg.article.publisher, "publisher", "", "ingest: the publisher's organisation id")
	fs.StringVar(&cfg.article.author, "author", "", "ingest: the author's person id")
	fs.StringVar(&cfg.article.publishedAt, "published-at", "", "ingest: the publication date, as precise as known: 2025, 2025-03, 2025-03-23")
	fs.StringVar(&cfg.trustedDocs, "trusted-documents", envOr("NEWSGRAPH_TRUSTED_DOCUMENTS", ""), "serve: a JSON manifest of trusted documents (id → document); only they run [NEWSGRAPH_TRUSTED_DOCUMENTS]")
	fs.BoolVar(&cfg.suggestions, "suggestions", envOr("NEWSGRAPH_SUGGESTIONS", "false") == "true", "serve: \"Did you mean…\" hints in validation errors [NEWSGRAPH_SUGGESTIONS]")
	fs.DurationVar(&cfg.changePoll, "change-poll", envDuration("NEWSGRAPH_CHANGE_POLL", 200*time.Millisecond), "serve: how often this replica reads the change log while it has subscribers (per replica) [NEWSGRAPH_CHANGE_POLL]")
	fs.DurationVar(&cfg.retention, "change-retention", envDuration("NEWSGRAPH_CHANGE_RETENTION", 30*24*time.Hour), "serve: how long change-log entries (history, and the positions subscribers resume from) are kept (the same on every replica) [NEWSGRAPH_CHANGE_RETENTION]")
	fs.StringVar(&cfg.otlpEndpoint, "otlp-endpoint", envOr("OTEL_EXPORTER_OTLP_ENDPOINT", ""), "serve: export OpenTelemetry traces over OTLP/HTTP to this collector, e.g. http://127.0.0.1:4318; empty: tracing off [OTEL_EXPORTER_OTLP_ENDPOINT]")
	limitFlags(fs, &cfg.limits)
	fs.StringVar(&cfg.logFormat, "log-format", envOr("NEWSGRAPH_LOG_FORMAT", "text"), "log format: text or json [NEWSGRAPH_LOG_FORMAT]")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageHead)
		fs.PrintDefaults()
	}
	return fs
}

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var cfg config
	envErrors = nil
	fs := newFlags(&cfg, stderr)
	if cmd == "help" {
		fs.Usage()
		return ExitOK
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	wantArgs := 0
	if cmd == "import" || cmd == "ingest" {
		wantArgs = 1
	}
	if fs.NArg() > wantArgs {
		fmt.Fprintf(stderr, "newsgraph: unexpected argument %q\n", fs.Arg(wantArgs))
		return ExitUsage
	}
	if fs.NArg() < wantArgs {
		fmt.Fprintf(stderr, "newsgraph %s: name the file to read, or - for standard input\n", cmd)
		return ExitUsage
	}
	cfg.args = fs.Args()
	logger := newLogger(cfg.logFormat, stderr)
	slog.SetDefault(logger)

	var run func(context.Context, config, io.Writer) error
	switch cmd {
	case "serve":
		run = serve
	case "seed":
		run = seedCmd
	case "migrate":
		run = migrateCmd
	case "import":
		run = func(ctx context.Context, cfg config, out io.Writer) error {
			return importCmd(ctx, cfg, stdin, out, stderr)
		}
	case "export":
		run = exportCmd
	case "ingest":
		run = func(ctx context.Context, cfg config, out io.Writer) error { return ingestCmd(ctx, cfg, stdin, out) }
	case "version":
		fmt.Fprintf(stdout, "newsgraph schema version %d\n", neo4jstore.SchemaVersion)
		return ExitOK
	case "hash-key":
		return hashKey(stdin, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "newsgraph: unknown command %q (want serve, seed, migrate or version; see --help)\n", cmd)
		return ExitUsage
	}
	if len(envErrors) > 0 {
		fmt.Fprintf(stderr, "newsgraph: %s\n", strings.Join(envErrors, "; "))
		return ExitUsage
	}
	if err := cfg.check(); err != nil {
		fmt.Fprintf(stderr, "newsgraph: %s\n", domain.ErrorMessage(err))
		return ExitUsage
	}
	if err := run(ctx, cfg, stdout); err != nil {
		if errors.Is(err, errPartial) {
			return ExitPartial
		}
		fmt.Fprintf(stderr, "newsgraph %s: %s [%s]\n", cmd, domain.ErrorMessage(err), domain.ErrorCode(err))
		if domain.ErrorCode(err) == domain.EINTERNAL {
			slog.Error("detail", "err", err)
		}
		return ExitFailure
	}
	return ExitOK
}

func (c config) check() error {
	if c.store.Password == "" {
		return domain.Invalid("neo4j-password", "no Neo4j password: set NEO4J_PASSWORD or --neo4j-password")
	}
	switch c.seed {
	case "if-empty", "always", "never":
	default:
		return domain.Invalid("seed", "--seed must be if-empty, always or never, got %q", c.seed)
	}
	if err := c.limits.Validate(); err != nil {
		return err
	}
	if c.store.TxTimeout >= c.limits.RequestTimeout {
		return domain.Invalid("tx-timeout", "--tx-timeout (%s) must be shorter than --request-timeout (%s), so that Neo4j stops a slow query before the client gives up", c.store.TxTimeout, c.limits.RequestTimeout)
	}
	if c.batchSize < 1 || c.batchSize > 100000 {
		return domain.Invalid("batch-size", "--batch-size must be between 1 and 100000, got %d", c.batchSize)
	}
	if c.format != "jsonl" {
		if _, err := export.Parse(c.format); err != nil {
			return err
		}
	} else if c.around != "" {
		return domain.Invalid("around", "--around exports a neighbourhood, which needs a graph format, not jsonl")
	}
	if c.changePoll < 10*time.Millisecond || c.changePoll > time.Minute {
		return domain.Invalid("change-poll", "--change-poll must be between 10ms and 1m, got %s", c.changePoll)
	}
	if c.retention < time.Hour {
		return domain.Invalid("change-retention", "--change-retention must be at least 1h, got %s", c.retention)
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return domain.Invalid("log-format", "--log-format must be text or json, got %q", c.logFormat)
	}
	return nil
}

// newLogger logs in format; a record logged with a request's context
// carries its trace_id and span_id.
func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(tracing.LogHandler(slog.NewJSONHandler(w, nil)))
	}
	return slog.New(tracing.LogHandler(slog.NewTextHandler(w, nil)))
}

// openReady opens the store, waits for Neo4j and applies the schema.
func openReady(ctx context.Context, cfg config) (*neo4jstore.Store, error) {
	cfg.store.Limits = cfg.limits
	store, err := neo4jstore.Open(cfg.store)
	if err != nil {
		return nil, err
	}
	wctx, cancel := context.WithTimeout(ctx, cfg.startupWait)
	defer cancel()
	slog.Info("waiting for neo4j", "uri", cfg.store.URI, "database", cfg.store.Database, "for", cfg.startupWait)
	if err := store.WaitReady(wctx); err != nil {
		_ = store.Close(context.Background())
		return nil, &domain.Error{Code: domain.EUNAVAILABLE, Message: fmt.Sprintf("Neo4j at %s did not answer within %s: %s (start it with `make neo4j-start`)", cfg.store.URI, cfg.startupWait, domain.ErrorMessage(err)), Err: err}
	}
	if err := store.Migrate(ctx); err != nil {
		_ = store.Close(context.Background())
		return nil, err
	}
	return store, nil
}

func loadSeed(ctx context.Context, store *neo4jstore.Store, out io.Writer) error {
	ds, err := dataset.Seed()
	if err != nil {
		return err
	}
	t0 := time.Now()
	st, err := store.LoadDataset(ctx, ds, domain.Principal{Key: "cli:seed", Role: domain.RoleAdmin})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "seed %s: %d nodes, %d relationships: %v in %s\n", ds.Origin, len(ds.Nodes), len(ds.Edges), st, time.Since(t0).Round(time.Millisecond))
	return nil
}

func seedCmd(ctx context.Context, cfg config, out io.Writer) error {
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	return loadSeed(ctx, store, out)
}

func migrateCmd(ctx context.Context, cfg config, out io.Writer) error {
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	fmt.Fprintf(out, "schema version %d applied to database %q\n", neo4jstore.SchemaVersion, cfg.store.Database)
	return nil
}

func serve(ctx context.Context, cfg config, out io.Writer) error {
	stopTracing, err := tracing.Start(ctx, cfg.otlpEndpoint, "newsgraph")
	if err != nil {
		return err
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := stopTracing(sctx); err != nil {
			slog.Warn("flushing traces", "err", err)
		}
	}()
	m := metrics.New()
	cfg.store.Observer = m
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if cfg.seed == "always" {
		err = loadSeed(ctx, store, out)
	} else if cfg.seed == "if-empty" {
		var empty bool
		if empty, err = store.IsEmpty(ctx); err == nil && empty {
			err = loadSeed(ctx, store, out)
		}
	}
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		return domain.Errorf(domain.EINVALID, "cannot listen on %s: %v", cfg.listen, err)
	}
	keys, err := cfg.keys()
	if err != nil {
		return err
	}
	opts := httpapi.Options{Limits: cfg.limits, Keys: keys, Suggestions: cfg.suggestions, Metrics: m, ChangePoll: cfg.changePoll}
	if cfg.trustedDocs != "" {
		if opts.Trusted, err = guard.LoadManifest(cfg.trustedDocs); err != nil {
			return err
		}
		slog.Info("trusted documents only", "documents", opts.Trusted.Len(), "manifest", cfg.trustedDocs)
	}
	srv := &http.Server{
		Handler:           httpapi.Handler(store, opts),
		ReadHeaderTimeout: 10 * time.Second,
		// A GET carries its query in the URL: bound it like a body.
		MaxHeaderBytes: cfg.limits.BodyBytes + 16<<10,
		ReadTimeout:    30 * time.Second,
		WriteTimeout:   cfg.limits.RequestTimeout + 5*time.Second,
		IdleTimeout:    2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go pruneChanges(ctx, store, cfg.retention)
	fmt.Fprintf(out, "newsgraph listening on http://%s (explorer at /, GraphiQL at /graphiql, GraphQL at /graphql)\n", ln.Addr())

	select {
	case err := <-errc:
		return domain.Errorf(domain.EINTERNAL, "http server: %v", err)
	case <-ctx.Done():
	}
	slog.Info("shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.limits.RequestTimeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return domain.Errorf(domain.EINTERNAL, "graceful shutdown: %v", err)
	}
	slog.Info("stopped")
	return nil
}

// pruneChanges deletes change-log entries older than the retention, every
// few minutes, a bounded batch per transaction. Every replica does it: the
// deletes are idempotent and serialise on the log's counter.
func pruneChanges(ctx context.Context, store *neo4jstore.Store, retention time.Duration) {
	const batch = 5000
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		for {
			n, err := store.PruneChanges(ctx, time.Now().Add(-retention), batch)
			if err != nil {
				if ctx.Err() == nil {
					slog.Warn("pruning the change log", "err", domain.ErrorMessage(err))
				}
				break
			}
			if n > 0 {
				slog.Info("pruned the change log", "entries", n, "retention", retention)
			}
			if n < batch {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// keys reads the API key configuration from --api-keys and --api-keys-file.
func (c config) keys() (*auth.Keys, error) {
	conf := c.apiKeys
	if c.apiKeysFile != "" {
		b, err := os.ReadFile(c.apiKeysFile)
		if err != nil {
			return nil, domain.Invalid("api-keys-file", "cannot read --api-keys-file: %v", err)
		}
		conf += "\n" + string(b)
	}
	return auth.Parse(conf, c.anonymousReads)
}

// hashKey prints the SHA-256 of the key on stdin, the form it is configured in.
func hashKey(stdin io.Reader, stdout, stderr io.Writer) int {
	b, err := io.ReadAll(io.LimitReader(stdin, 4096))
	key := strings.TrimSpace(string(b))
	if err != nil || key == "" {
		fmt.Fprint(stderr, "newsgraph hash-key: give the key on standard input, e.g. `echo \"$KEY\" | newsgraph hash-key`\n")
		return ExitUsage
	}
	fmt.Fprintln(stdout, auth.Hash(key))
	return ExitOK
}

// errPartial marks an import that rejected some lines.
var errPartial = errors.New("some lines were rejected")

func importCmd(ctx context.Context, cfg config, stdin io.Reader, out, stderr io.Writer) error {
	in, name := stdin, "stdin"
	if path := cfg.args[0]; path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return domain.Invalid("file", "cannot open %s: %v", path, err)
		}
		defer f.Close()
		in, name = f, filepath.Base(path)
	}
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	sum, err := importer.Import(ctx, in, store, importer.Options{
		Strict: cfg.strict, BatchSize: cfg.batchSize, NoHistory: cfg.noHistory, Progress: stderr, Terminal: isTerminal(stderr),
		Origin: "import:" + name, By: domain.Principal{Key: "cli:import", Role: domain.RoleAdmin},
	})
	for _, r := range sum.Rejected {
		fmt.Fprintf(stderr, "rejected %s\n", r.Error())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "import %s: %v\n", name, sum)
	if len(sum.Rejected) > 0 {
		return errPartial
	}
	return nil
}

func exportCmd(ctx context.Context, cfg config, out io.Writer) error {
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	w := out
	if cfg.output != "-" {
		f, err := os.Create(cfg.output)
		if err != nil {
			return domain.Invalid("output", "cannot create %s: %v", cfg.output, err)
		}
		defer f.Close()
		w = f
	}
	var nodes, edges int
	if cfg.format == "jsonl" {
		ds, err := store.ReadAll(ctx)
		if err != nil {
			return err
		}
		if err := dataset.Write(w, ds); err != nil {
			return domain.Errorf(domain.EINTERNAL, "writing the export: %v", err)
		}
		nodes, edges = len(ds.Nodes), len(ds.Edges)
	} else {
		var q *domain.NeighbourhoodQuery
		if cfg.around != "" {
			q = &domain.NeighbourhoodQuery{ID: cfg.around, Hops: cfg.hops, PerNode: cfg.maxNeighbours}
		}
		g, err := export.Load(ctx, store, q)
		if err != nil {
			return err
		}
		f, _ := export.Parse(cfg.format)
		if err := export.Write(w, f, g); err != nil {
			return domain.Errorf(domain.EINTERNAL, "writing the export: %v", err)
		}
		nodes, edges = len(g.Nodes), len(g.Edges)
	}
	if cfg.output != "-" {
		fmt.Fprintf(out, "exported %d nodes and %d relationships to %s\n", nodes, edges, cfg.output)
	}
	return nil
}

// isTerminal reports whether w is a terminal, where a progress bar can redraw.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func ingestCmd(ctx context.Context, cfg config, stdin io.Reader, out io.Writer) error {
	a := cfg.article
	if a.title == "" || a.language == "" {
		return domain.Invalid("title", "ingest needs --title and --language")
	}
	in := stdin
	if path := cfg.args[0]; path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return domain.Invalid("file", "cannot open %s: %v", path, err)
		}
		defer f.Close()
		in = f
	}
	text, err := io.ReadAll(io.LimitReader(in, 10<<20))
	if err != nil {
		return domain.Invalid("file", "cannot read the article: %v", err)
	}
	src := &domain.Source{Title: a.title, Language: a.language}
	t := string(text)
	src.Text = &t
	if a.url != "" {
		src.URL = &a.url
	}
	if a.publishedAt != "" {
		d, err := domain.ParsePartialDate(a.publishedAt)
		if err != nil {
			return domain.Invalid("published-at", "--published-at: %s", domain.ErrorMessage(err))
		}
		src.PublishedAt = &d
	}
	art := editor.Article{ID: a.id, Source: src}
	if a.publisher != "" {
		art.Publisher = &a.publisher
	}
	if a.author != "" {
		art.Author = &a.author
	}
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	ctx = domain.WithPrincipal(ctx, domain.Principal{Key: "cli:ingest", Role: domain.RoleAdmin})
	res, err := (&editor.Service{W: store}).Ingest(ctx, store, art)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "ingested %s: %d entities mentioned\n", res.Source.ID, len(res.Mentions))
	for _, m := range res.Mentions {
		fmt.Fprintf(out, "  %-45s %3d×  %s\n", m.EntityID, m.Count, strings.Join(m.Forms, ", "))
	}
	if len(res.Suggestions) > 0 {
		fmt.Fprintln(out, "not linked (candidates for new entities):")
		for _, s := range res.Suggestions {
			fmt.Fprintf(out, "  %s (%d×)\n", s.Text, s.Count)
		}
	}
	return nil
}
