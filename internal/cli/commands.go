package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/auth"
	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/gctune"
	"github.com/newsgraph/newsgraph/internal/guard"
	"github.com/newsgraph/newsgraph/internal/httpapi"
	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/metrics"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
	"github.com/newsgraph/newsgraph/internal/tracing"
)

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

func seedCmd(ctx context.Context, cfg config, std stdio) error {
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	return loadSeed(ctx, store, std.out)
}

func migrateCmd(ctx context.Context, cfg config, std stdio) error {
	store, err := openReady(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	fmt.Fprintf(std.out, "schema version %d applied to database %q\n", neo4jstore.SchemaVersion, cfg.store.Database)
	return nil
}

func serve(ctx context.Context, cfg config, std stdio) error {
	out := std.out
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
	if set := gctune.Serve(os.Getenv); len(set) > 0 {
		slog.Info("garbage collector settings for serving (GOGC and GOMEMLIMIT override them)", set...)
	}
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
	// Plan the traversal statements before the first request needs them.
	t0 := time.Now()
	if err := store.Warm(ctx); err != nil {
		slog.Warn("planning the traversal statements ahead failed: the first requests will plan them", "err", err)
	} else {
		slog.Info("traversal statements planned", "in", time.Since(t0).Round(time.Millisecond))
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

func versionCmd(_ context.Context, _ config, std stdio) error {
	fmt.Fprintf(std.out, "newsgraph schema version %d\n", neo4jstore.SchemaVersion)
	return nil
}

// hashKey prints the SHA-256 of the key on stdin, the form it is configured in.
func hashKey(_ context.Context, _ config, std stdio) error {
	b, err := io.ReadAll(io.LimitReader(std.in, 4096))
	key := strings.TrimSpace(string(b))
	if err != nil || key == "" {
		return usageError("give the key on standard input, e.g. `echo \"$KEY\" | newsgraph hash-key`")
	}
	fmt.Fprintln(std.out, auth.Hash(key))
	return nil
}

// errPartial marks an import that rejected some lines.
var errPartial = errors.New("some lines were rejected")

func importCmd(ctx context.Context, cfg config, std stdio) error {
	in, name, out, stderr := std.in, "stdin", std.out, std.err
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

func exportCmd(ctx context.Context, cfg config, std stdio) error {
	out := std.out
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

func ingestCmd(ctx context.Context, cfg config, std stdio) error {
	a, out := cfg.article, std.out
	if a.title == "" || a.language == "" {
		return domain.Invalid("title", "ingest needs --title and --language")
	}
	in := std.in
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
