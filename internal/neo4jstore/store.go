// Package neo4jstore is the only package that talks to Neo4j. It implements
// domain.GraphReader and writes datasets; its Cypher lives next to the Go that
// runs it, as constants built only from allowlisted labels and types.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j://, neo4j+s://…
	User     string
	Password string
	Database string
	// TxTimeout is the server-side timeout of one transaction; keep it shorter
	// than the request deadline.
	TxTimeout time.Duration
	// ConnectTimeout bounds connecting and acquiring a connection, so that
	// requests fail fast while Neo4j is down.
	ConnectTimeout time.Duration
	// Limits bound what one read may return; zero means domain.DefaultLimits.
	Limits domain.Limits
	// Observer, when set, is told of every round trip and fetch batch.
	Observer Observer
}

// Observer is told of the store's work; package metrics implements it.
// The store calls it synchronously: it must be quick.
type Observer interface {
	// RoundTrip is one query or transaction: access is "read" or "write".
	RoundTrip(access string, d time.Duration, err error)
	// FetchBatch is the number of ids one batched Fetch (a loader's batch)
	// asks for.
	FetchBatch(ids int)
}

type noObserver struct{}

func (noObserver) RoundTrip(string, time.Duration, error) {}
func (noObserver) FetchBatch(int)                         {}

// Store reads and writes the graph in Neo4j.
type Store struct {
	driver     neo4j.DriverWithContext
	db         string
	txTimeout  time.Duration
	limits     domain.Limits
	roundTrips atomic.Int64
	observer   Observer

	connectTimeout time.Duration
	down           atomic.Bool   // Neo4j is known to be unreachable: see health.go
	closed         chan struct{} // closed by Close, ends the probe
	closeOnce      sync.Once
	// calls is held shared by every call in flight (attempt) and exclusively
	// by Close, which so waits for them: a background caller (the change
	// feed's poll) may still be in the driver when the process shuts down.
	calls    sync.RWMutex
	isClosed bool
}

// Open creates the driver. It does not wait for Neo4j: see WaitReady.
func Open(cfg Config) (*Store, error) {
	if cfg.TxTimeout <= 0 {
		cfg.TxTimeout = 20 * time.Second
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 2 * time.Second
	}
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), func(c *config.Config) {
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout
		// The store retries, within the connect timeout: see health.go.
		c.MaxTransactionRetryTime = 0
		c.ConnectionLivenessCheckTimeout = 30 * time.Second
		c.MaxConnectionPoolSize = 50
	})
	if err != nil {
		return nil, domain.Invalid("neo4j-uri", "cannot use Neo4j URI %q: %v", cfg.URI, err)
	}
	if cfg.Limits == (domain.Limits{}) {
		cfg.Limits = domain.DefaultLimits()
	}
	if cfg.Observer == nil {
		cfg.Observer = noObserver{}
	}
	return &Store{driver: driver, db: cfg.Database, txTimeout: cfg.TxTimeout, limits: cfg.Limits, observer: cfg.Observer,
		connectTimeout: cfg.ConnectTimeout, closed: make(chan struct{})}, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	s.closeOnce.Do(func() { close(s.closed) })
	s.calls.Lock()
	s.isClosed = true
	s.calls.Unlock()
	return s.driver.Close(ctx)
}

// RoundTrips returns how many queries the store has sent to Neo4j; tests use
// it to show that nested GraphQL queries are batched.
func (s *Store) RoundTrips() int64 { return s.roundTrips.Load() }

// Ping reports whether Neo4j answers; EUNAVAILABLE when it does not. It asks
// Neo4j even while the store fails fast (see health.go).
func (s *Store) Ping(ctx context.Context) error {
	if err := s.ping(ctx); err != nil {
		return s.wrap(err)
	}
	s.down.Store(false)
	return nil
}

// ping reads through the id index, as requests do: a database that answers
// RETURN 1 may still be opening its store.
func (s *Store) ping(ctx context.Context) error {
	_, err := neo4j.ExecuteQuery(ctx, s.driver, "MATCH (n:Node {id: 'ping'}) RETURN count(n) AS ok", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	return err
}

// errCredentials marks a refusal of the user or password: retrying it would
// only trip Neo4j's failed-login limit.
var errCredentials = errors.New("credentials refused")

// WaitReady pings Neo4j until it answers or ctx ends; it gives up at once
// when Neo4j refuses the credentials.
func (s *Store) WaitReady(ctx context.Context) error {
	for {
		err := s.Ping(ctx)
		if err == nil || domain.ErrorCode(err) != domain.EUNAVAILABLE || errors.Is(err, errCredentials) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// read runs one read query, routed to readers, with the server-side
// timeout, in an auto-commit transaction (see below). It does without the
// driver's shared bookmark manager: writes run in sessions of their own
// (write), so the manager would only chain reads to reads. With a bookmark
// in ctx (domain.WithBookmarks: the client sent the bookmark of its last
// write), the read waits until the member that serves it has applied that
// write.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	var recs []*neo4j.Record
	cfg := neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead}
	if bm := domain.BookmarksFrom(ctx); bm != nil && len(bm.After()) > 0 {
		cfg.Bookmarks = neo4j.BookmarksFromRawValues(bm.After()...)
	}
	err := s.attempt(ctx, func(ctx context.Context) (err error) {
		ctx, span := startSpan(ctx, "read", s.db)
		defer func() { endSpan(span, err) }()
		s.roundTrips.Add(1)
		start := time.Now()
		// An auto-commit transaction: the statement and its pull go in
		// one message exchange, where a managed transaction needs a
		// second for its commit, and a read has nothing to commit.
		// Retries are attempt's, as before (the driver's are off).
		session := s.driver.NewSession(ctx, cfg)
		defer session.Close(ctx)
		res, err := session.Run(ctx, cypher, params, neo4j.WithTxTimeout(s.txTimeout))
		if err == nil {
			// Not Collect, which sets room for 1,024 records aside:
			// most reads return one.
			recs = recs[:0]
			for res.Next(ctx) {
				recs = append(recs, res.Record())
			}
			err = res.Err()
		}
		s.observer.RoundTrip("read", time.Since(start), err)
		return err
	})
	if err != nil {
		return nil, s.wrap(err)
	}
	return recs, nil
}

// write runs work in one write transaction (retried by the store on
// transient failures, so work must be idempotent). It starts after the
// bookmarks in ctx, if any, and adds its own bookmark there once it commits.
func (s *Store) write(ctx context.Context, timeout time.Duration, work func(tx neo4j.ManagedTransaction) (any, error)) (any, error) {
	var out any
	bm := domain.BookmarksFrom(ctx)
	err := s.attempt(ctx, func(ctx context.Context) (err error) {
		ctx, span := startSpan(ctx, "write", s.db)
		defer func() { endSpan(span, err) }()
		cfg := neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite}
		if bm != nil {
			cfg.Bookmarks = neo4j.BookmarksFromRawValues(bm.After()...)
		}
		session := s.driver.NewSession(ctx, cfg)
		defer session.Close(ctx)
		start := time.Now()
		out, err = session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			s.roundTrips.Add(1)
			return work(tx)
		}, neo4j.WithTxTimeout(timeout))
		s.observer.RoundTrip("write", time.Since(start), err)
		if err == nil && bm != nil {
			bm.Wrote(neo4j.BookmarksToRawValues(session.LastBookmarks())...)
		}
		return err
	})
	if err != nil {
		return nil, s.wrap(err)
	}
	return out, nil
}

// wrap turns driver errors into coded domain errors.
func (s *Store) wrap(err error) error {
	if err == nil {
		return nil
	}
	var derr *domain.Error
	if errors.As(err, &derr) {
		return err
	}
	if errors.As(lastCause(err), &derr) {
		return derr
	}
	var n4j *neo4j.Neo4jError
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return &domain.Error{Code: domain.EUNAVAILABLE, Message: "the database did not answer in time", Err: err}
	case neo4j.IsConnectivityError(err), isPoolTimeout(err):
		return &domain.Error{Code: domain.EUNAVAILABLE, Message: "the database is unavailable", Err: err}
	case errors.As(lastCause(err), &n4j):
		code := n4j.Code
		switch {
		case strings.Contains(code, "TransactionTimedOut"), strings.Contains(code, "MemoryPoolOutOfMemory"),
			strings.Contains(code, "TransactionOutOfMemory"), strings.Contains(code, "MemoryLimitExceeded"):
			return &domain.Error{Code: domain.ELIMIT, Message: "the query hit a server-side time or memory limit; narrow it", Err: err}
		case strings.Contains(code, "InvalidBookmark"):
			return &domain.Error{Code: domain.EINVALID, Field: "Neo4j-Bookmark", Message: "the Neo4j-Bookmark header is not a bookmark of this database", Err: err}
		case strings.Contains(code, "BookmarkTimeout"):
			return &domain.Error{Code: domain.EUNAVAILABLE, Message: "the database has not caught up with the Neo4j-Bookmark yet; retry", Err: err}
		case strings.HasPrefix(code, "Neo.ClientError.Security."):
			return &domain.Error{Code: domain.EUNAVAILABLE, Message: "the database refused newsgraph's credentials", Err: fmt.Errorf("%w: %w", errCredentials, err)}
		case strings.HasPrefix(code, "Neo.TransientError."), strings.Contains(code, "DatabaseUnavailable"):
			return &domain.Error{Code: domain.EUNAVAILABLE, Message: "the database is temporarily unavailable", Err: err}
		}
	}
	return &domain.Error{Code: domain.EINTERNAL, Message: "database error", Err: err}
}

func isPoolTimeout(err error) bool {
	var usage *neo4j.UsageError
	if errors.As(err, &usage) {
		return false
	}
	var tle *neo4j.TransactionExecutionLimit
	if errors.As(err, &tle) {
		for _, e := range tle.Errors {
			if neo4j.IsConnectivityError(e) || isPoolTimeout(e) {
				return true
			}
		}
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "acquisition") ||
		strings.Contains(msg, "i/o timeout") || strings.Contains(msg, "no such host") || strings.Contains(msg, "EOF")
}

// IsEmpty reports whether the database holds no newsgraph nodes.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	recs, err := s.read(ctx, "MATCH (n:Node) RETURN count(n) = 0 AS empty LIMIT 1", nil)
	if err != nil {
		return false, err
	}
	empty, _ := recs[0].Values[0].(bool)
	return empty, nil
}

// startSpan starts the span of one driver call (a query or a transaction,
// each attempt its own); the global tracer provider is a no-op unless
// tracing is on.
func startSpan(ctx context.Context, access, db string) (context.Context, trace.Span) {
	return otel.Tracer("github.com/newsgraph/newsgraph/neo4jstore").Start(ctx, "neo4j."+access,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attribute.String("db.system", "neo4j"), attribute.String("db.namespace", db), attribute.String("db.operation", access)))
}

func endSpan(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "neo4j call failed")
	}
	span.End()
}
