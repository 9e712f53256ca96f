// Package cli implements newsgraph's command line: the commands serve (the
// default), seed, import, ingest, export, migrate, version, hash-key and
// help. Each command has a flag set of its own, so a flag another command
// takes is a usage error; every setting flag falls back to an environment
// variable.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1 // the command ran and failed (Neo4j unreachable, bad data…)
	ExitUsage   = 2 // the command line is wrong
	ExitPartial = 3 // import: some lines were rejected, the others imported
)

// config is the settings of every command; each command's flag set fills
// the part it uses.
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
	retention      time.Duration
	otlpEndpoint   string
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

// stdio is a command's standard streams.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// usageError is a command's own complaint about its input; Main prints it
// and exits with ExitUsage.
type usageError string

func (e usageError) Error() string { return string(e) }

// command is one command of the command line.
type command struct {
	name    string
	args    string // what follows the flags, e.g. "FILE|-"; "" for nothing
	summary string // what it does, for the overview and its own help
	// store says that it connects to Neo4j: it takes the Neo4j and
	// logging flags and needs a password.
	store bool
	flags func(*flag.FlagSet, *config, *environ) // its own flags, if any
	check func(config) error                     // checks its flags, if any
	run   func(context.Context, config, stdio) error
}

// commands are the commands, in the order the overview lists them; help is
// the one command not listed here.
var commands = []command{
	{name: "serve", store: true, flags: serveFlags, check: checkServe, run: serve,
		summary: "serve the explorer at /, GraphiQL at /graphiql, GraphQL at /graphql, probes at /healthz and /readyz, metrics at /metrics"},
	{name: "seed", store: true, run: seedCmd,
		summary: "load the embedded seed dataset (idempotent)"},
	{name: "import", args: "FILE|-", store: true, flags: importFlags, check: checkImport, run: importCmd,
		summary: "import a JSON Lines data file (docs/dataset.md) in batches; idempotent,\nso re-running an interrupted import finishes it; exit 3 if lines were rejected"},
	{name: "ingest", args: "FILE|-", store: true, flags: ingestFlags, run: ingestCmd,
		summary: "ingest an article's text: create its Source and link the entities it names"},
	{name: "export", store: true, flags: exportFlags, check: checkExport, run: exportCmd,
		summary: "write the whole graph as JSON Lines, which imports back into an empty database,\nor the whole graph or a neighbourhood in a graph format"},
	{name: "migrate", store: true, run: migrateCmd,
		summary: "apply the Neo4j schema (constraints, indexes) and record its version"},
	{name: "version", run: versionCmd,
		summary: "print the schema version this build supports"},
	{name: "hash-key", run: hashKey,
		summary: "read an API key on standard input, print the SHA-256 to configure it with"},
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// synopsis is how the command is called, e.g. "newsgraph import [flags] FILE|-".
func (c *command) synopsis() string {
	s := "newsgraph " + c.name
	if c.store || c.flags != nil {
		s += " [flags]"
	}
	if c.args != "" {
		s += " " + c.args
	}
	return s
}

// flagSet returns the command's flags, bound to cfg; its usage is the
// command's help, written to w.
func (c *command) flagSet(cfg *config, env *environ, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newsgraph "+c.name, flag.ContinueOnError)
	fs.SetOutput(w)
	if c.store {
		storeFlags(fs, cfg, env)
	}
	if c.flags != nil {
		c.flags(fs, cfg, env)
	}
	fs.Usage = func() { c.usage(fs, w) }
	return fs
}

// usage writes the command's help: how to call it, what it does, its flags.
func (c *command) usage(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprintf(w, "Usage: %s\n\n%s.\n", c.synopsis(), strings.ReplaceAll(c.summary, "\n", " "))
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags (one with a variable in brackets falls back to it):\n")
		fs.PrintDefaults()
	}
}

// overview writes the list of commands.
func overview(w io.Writer) {
	fmt.Fprint(w, "newsgraph: a GraphQL knowledge graph of who reported what about whom.\n\nUsage:\n")
	line := func(synopsis, summary string) {
		const col = 32
		if len(synopsis) > col-4 {
			fmt.Fprintf(w, "  %s\n%*s", synopsis, col, "")
		} else {
			fmt.Fprintf(w, "  %-*s", col-2, synopsis)
		}
		fmt.Fprintln(w, strings.ReplaceAll(summary, "\n", "\n"+strings.Repeat(" ", col)))
	}
	for i := range commands {
		c := &commands[i]
		synopsis := c.synopsis()
		if c.name == "serve" {
			synopsis = strings.Replace(synopsis, "serve", "[serve]", 1)
		}
		line(synopsis, c.summary)
	}
	line("newsgraph help [COMMAND]", "this overview and serve's flags, or a command's flags")
	fmt.Fprint(w, "\nA flag with a variable in brackets falls back to it.\n")
}

// help is the help command: the overview and serve's flags (as --help
// without a command), or one command's help.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintf(stderr, "newsgraph help: name one command, got %q\n", args)
		return ExitUsage
	}
	name := "serve"
	if len(args) == 1 {
		name = args[0]
	}
	c := lookup(name)
	if c == nil {
		unknown(name, stderr)
		return ExitUsage
	}
	fs := c.flagSet(&config{limits: domain.DefaultLimits()}, &environ{}, stdout)
	if len(args) == 0 {
		overview(stdout)
		fmt.Fprintln(stdout)
	}
	fs.Usage()
	return ExitOK
}

func unknown(name string, w io.Writer) {
	names := make([]string, 0, len(commands)+1)
	for _, c := range commands {
		names = append(names, c.name)
	}
	names = append(names, "help")
	fmt.Fprintf(w, "newsgraph: unknown command %q (the commands are %s; see newsgraph help)\n", name, strings.Join(names, ", "))
}

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	name, named := "serve", false
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args, named = args[0], args[1:], true
	}
	if name == "help" {
		return help(args, stdout, stderr)
	}
	cmd := lookup(name)
	if cmd == nil {
		unknown(name, stderr)
		return ExitUsage
	}
	cfg := config{limits: domain.DefaultLimits()}
	env := &environ{}
	fs := cmd.flagSet(&cfg, env, stderr)
	if !named {
		fs.Usage = func() {
			overview(stderr)
			fmt.Fprintln(stderr)
			cmd.usage(fs, stderr)
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	wantArgs := 0
	if cmd.args != "" {
		wantArgs = 1
	}
	if fs.NArg() > wantArgs {
		fmt.Fprintf(stderr, "newsgraph %s: unexpected argument %q (see newsgraph help %s)\n", name, fs.Arg(wantArgs), name)
		return ExitUsage
	}
	if fs.NArg() < wantArgs {
		fmt.Fprintf(stderr, "newsgraph %s: name the file to read, or - for standard input\n", name)
		return ExitUsage
	}
	cfg.args = fs.Args()
	if len(env.errs) > 0 {
		fmt.Fprintf(stderr, "newsgraph: %s\n", strings.Join(env.errs, "; "))
		return ExitUsage
	}
	if err := cmd.validate(cfg); err != nil {
		fmt.Fprintf(stderr, "newsgraph: %s\n", domain.ErrorMessage(err))
		return ExitUsage
	}
	slog.SetDefault(newLogger(cfg.logFormat, stderr))
	var usage usageError
	switch err := cmd.run(ctx, cfg, stdio{in: stdin, out: stdout, err: stderr}); {
	case err == nil:
		return ExitOK
	case errors.Is(err, errPartial):
		return ExitPartial
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "newsgraph %s: %s\n", name, usage)
		return ExitUsage
	default:
		fmt.Fprintf(stderr, "newsgraph %s: %s [%s]\n", name, domain.ErrorMessage(err), domain.ErrorCode(err))
		if domain.ErrorCode(err) == domain.EINTERNAL {
			slog.Error("detail", "err", err)
		}
		return ExitFailure
	}
}

// validate checks the flags of a command before it runs.
func (c *command) validate(cfg config) error {
	if c.store {
		if cfg.store.Password == "" {
			return domain.Invalid("neo4j-password", "no Neo4j password: set NEO4J_PASSWORD or --neo4j-password")
		}
		if cfg.logFormat != "text" && cfg.logFormat != "json" {
			return domain.Invalid("log-format", "--log-format must be text or json, got %q", cfg.logFormat)
		}
	}
	if err := cfg.limits.Validate(); err != nil {
		return err
	}
	if c.check != nil {
		return c.check(cfg)
	}
	return nil
}

// environ reads flag defaults from the environment and collects the values
// that do not parse, which Main reports as usage errors instead of silently
// using the default.
type environ struct {
	errs []string
}

func (e *environ) str(name, def string) string {
	if v, ok := lookupEnv(name); ok {
		return v
	}
	return def
}

// boolean is true when the variable is "true", def when it is unset.
func (e *environ) boolean(name string, def bool) bool {
	if v, ok := lookupEnv(name); ok {
		return v == "true"
	}
	return def
}

func (e *environ) duration(name string, def time.Duration) time.Duration {
	if v, ok := lookupEnv(name); ok {
		d, err := time.ParseDuration(v)
		if err == nil && d > 0 {
			return d
		}
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not a positive duration such as 20s or 1m", name, v))
	}
	return def
}

func (e *environ) integer(name string, def int) int {
	if v, ok := lookupEnv(name); ok {
		n, err := strconv.Atoi(v)
		if err == nil && n >= 0 {
			return n
		}
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not a whole number", name, v))
	}
	return def
}

// storeFlags are the flags of every command that connects to Neo4j.
func storeFlags(fs *flag.FlagSet, c *config, env *environ) {
	fs.StringVar(&c.store.URI, "neo4j-uri", env.str("NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI: bolt://, neo4j:// (cluster routing), neo4j+s:// (Aura, TLS) [NEO4J_URI]")
	fs.StringVar(&c.store.User, "neo4j-user", env.str("NEO4J_USER", "neo4j"), "Neo4j user [NEO4J_USER]")
	c.store.Password = env.str("NEO4J_PASSWORD", "")
	fs.Var(secret{&c.store.Password}, "neo4j-password", "Neo4j `password` (prefer the environment variable) [NEO4J_PASSWORD]")
	fs.StringVar(&c.store.Database, "neo4j-database", env.str("NEO4J_DATABASE", "neo4j"), "Neo4j database name [NEO4J_DATABASE]")
	fs.DurationVar(&c.store.TxTimeout, "tx-timeout", env.duration("NEWSGRAPH_TX_TIMEOUT", 20*time.Second), "server-side timeout of one Neo4j transaction [NEWSGRAPH_TX_TIMEOUT]")
	fs.DurationVar(&c.store.ConnectTimeout, "connect-timeout", env.duration("NEWSGRAPH_CONNECT_TIMEOUT", 2*time.Second), "how long a request waits for a Neo4j connection before failing with UNAVAILABLE [NEWSGRAPH_CONNECT_TIMEOUT]")
	fs.DurationVar(&c.startupWait, "startup-wait", env.duration("NEWSGRAPH_STARTUP_WAIT", 60*time.Second), "how long to wait for Neo4j at start [NEWSGRAPH_STARTUP_WAIT]")
	fs.StringVar(&c.logFormat, "log-format", env.str("NEWSGRAPH_LOG_FORMAT", "text"), "log format: text or json [NEWSGRAPH_LOG_FORMAT]")
}

func serveFlags(fs *flag.FlagSet, c *config, env *environ) {
	fs.StringVar(&c.listen, "listen", env.str("NEWSGRAPH_LISTEN", "127.0.0.1:8080"), "HTTP listen address [NEWSGRAPH_LISTEN]")
	fs.StringVar(&c.seed, "seed", env.str("NEWSGRAPH_SEED", "if-empty"), "load the seed dataset at start: if-empty, always or never [NEWSGRAPH_SEED]")
	fs.StringVar(&c.apiKeys, "api-keys", env.str("NEWSGRAPH_API_KEYS", ""), "API keys as name:role:sha256hex, comma-separated; role is reader, editor or admin (see hash-key) [NEWSGRAPH_API_KEYS]")
	fs.StringVar(&c.apiKeysFile, "api-keys-file", env.str("NEWSGRAPH_API_KEYS_FILE", ""), "a file of API keys, one name:role:sha256hex per line [NEWSGRAPH_API_KEYS_FILE]")
	fs.BoolVar(&c.anonymousReads, "anonymous-reads", env.boolean("NEWSGRAPH_ANONYMOUS_READS", true), "let requests without an API key read [NEWSGRAPH_ANONYMOUS_READS]")
	fs.StringVar(&c.trustedDocs, "trusted-documents", env.str("NEWSGRAPH_TRUSTED_DOCUMENTS", ""), "a JSON manifest of trusted documents (id → document); only they run [NEWSGRAPH_TRUSTED_DOCUMENTS]")
	fs.BoolVar(&c.suggestions, "suggestions", env.boolean("NEWSGRAPH_SUGGESTIONS", false), "\"Did you mean…\" hints in validation errors [NEWSGRAPH_SUGGESTIONS]")
	fs.DurationVar(&c.changePoll, "change-poll", env.duration("NEWSGRAPH_CHANGE_POLL", 200*time.Millisecond), "how often this replica reads the change log while it has subscribers (per replica) [NEWSGRAPH_CHANGE_POLL]")
	fs.DurationVar(&c.retention, "change-retention", env.duration("NEWSGRAPH_CHANGE_RETENTION", 30*24*time.Hour), "how long change-log entries (history, and the positions subscribers resume from) are kept (the same on every replica) [NEWSGRAPH_CHANGE_RETENTION]")
	fs.StringVar(&c.otlpEndpoint, "otlp-endpoint", env.str("OTEL_EXPORTER_OTLP_ENDPOINT", ""), "export OpenTelemetry traces over OTLP/HTTP to this collector, e.g. http://127.0.0.1:4318; empty: tracing off [OTEL_EXPORTER_OTLP_ENDPOINT]")
	limitFlags(fs, &c.limits, env, nil)
}

func checkServe(c config) error {
	switch c.seed {
	case "if-empty", "always", "never":
	default:
		return domain.Invalid("seed", "--seed must be if-empty, always or never, got %q", c.seed)
	}
	if c.store.TxTimeout >= c.limits.RequestTimeout {
		return domain.Invalid("tx-timeout", "--tx-timeout (%s) must be shorter than --request-timeout (%s), so that Neo4j stops a slow query before the client gives up", c.store.TxTimeout, c.limits.RequestTimeout)
	}
	if c.changePoll < 10*time.Millisecond || c.changePoll > time.Minute {
		return domain.Invalid("change-poll", "--change-poll must be between 10ms and 1m, got %s", c.changePoll)
	}
	if c.retention < time.Hour {
		return domain.Invalid("change-retention", "--change-retention must be at least 1h, got %s", c.retention)
	}
	return nil
}

func importFlags(fs *flag.FlagSet, c *config, _ *environ) {
	fs.BoolVar(&c.strict, "strict", false, "stop at the first bad line, before anything is written")
	fs.IntVar(&c.batchSize, "batch-size", importer.DefaultBatchSize, "nodes or relationships per transaction")
	fs.BoolVar(&c.noHistory, "no-history", false, "do not log each change for history(id) (bulk loads)")
}

func checkImport(c config) error {
	return domain.InRange("batch-size", c.batchSize, 1, 100000)
}

func exportFlags(fs *flag.FlagSet, c *config, env *environ) {
	fs.StringVar(&c.format, "format", "jsonl", "jsonl (the import format), graphml, gexf, csv-nodes, csv-edges, json (D3), cytoscape or ftm (FollowTheMoney)")
	fs.StringVar(&c.around, "around", "", "only the neighbourhood of this node id (not for jsonl)")
	fs.IntVar(&c.hops, "hops", 1, "with --around: hops, 1 to --max-hops")
	fs.IntVar(&c.maxNeighbours, "max-neighbours", 25, "with --around: neighbours expanded per node, 1 to --neighbours-max")
	fs.StringVar(&c.output, "output", "-", "the file to write, - for standard output")
	limitFlags(fs, &c.limits, env, boundsAround)
}

// boundsAround says whether a limit bounds export --around: the store
// checks a neighbourhood against it, as it does GraphQL's neighbourhood.
func boundsAround(s domain.LimitSpec) bool {
	var l domain.Limits
	return s.Int != nil && slices.Contains([]*int{&l.Hops, &l.Neighbours, &l.SubgraphNodes}, s.Int(&l))
}

func checkExport(c config) error {
	if c.format != "jsonl" {
		_, err := export.Parse(c.format)
		return err
	}
	if c.around != "" {
		return domain.Invalid("around", "--around exports a neighbourhood, which needs a graph format, not jsonl")
	}
	return nil
}

func ingestFlags(fs *flag.FlagSet, c *config, _ *environ) {
	fs.StringVar(&c.article.id, "id", "", "the Source id (default: derived from the title and text)")
	fs.StringVar(&c.article.title, "title", "", "the article's title (required)")
	fs.StringVar(&c.article.url, "url", "", "the article's URL")
	fs.StringVar(&c.article.language, "language", "", "the article's language, e.g. pl (required)")
	fs.StringVar(&c.article.publisher, "publisher", "", "the publisher's organisation id")
	fs.StringVar(&c.article.author, "author", "", "the author's person id")
	fs.StringVar(&c.article.publishedAt, "published-at", "", "the publication date, as precise as known: 2025, 2025-03, 2025-03-23")
}

// limitFlags registers a flag for every limit of domain.LimitSpecs that keep
// accepts (all when keep is nil), with its default and its environment
// variable (NEWSGRAPH_ and the flag).
func limitFlags(fs *flag.FlagSet, l *domain.Limits, env *environ, keep func(domain.LimitSpec) bool) {
	for _, s := range domain.LimitSpecs {
		if keep != nil && !keep(s) {
			continue
		}
		name := "NEWSGRAPH_" + strings.ToUpper(strings.ReplaceAll(s.Flag, "-", "_"))
		help := "limit: " + s.Help + " [" + name + "]"
		if s.Int != nil {
			p := s.Int(l)
			fs.IntVar(p, s.Flag, env.integer(name, *p), help)
		} else {
			p := s.Dur(l)
			fs.DurationVar(p, s.Flag, env.duration(name, *p), help)
		}
	}
}

// secret is a string flag whose value the help never shows (as a default
// taken from the environment, say).
type secret struct{ p *string }

func (s secret) String() string { return "" }

func (s secret) Set(v string) error {
	*s.p = v
	return nil
}

// lookupEnv returns the variable's value, unless it is unset or empty.
func lookupEnv(name string) (string, bool) {
	v, ok := os.LookupEnv(name)
	return v, ok && v != ""
}
