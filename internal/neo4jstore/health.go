package neo4jstore

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Requests must fail within the connect timeout while Neo4j is down,
// shutting down or starting. The driver's own retries cannot promise that:
// it sleeps a second or more between attempts and keeps a connection whose
// database is still starting until the caller's deadline. So the driver does
// not retry (MaxTransactionRetryTime 0) and the store does, in attempt:
//
//   - a transient error of a working database (a deadlock, a lock timeout)
//     is retried a few times after a short random pause;
//   - a connection error that came at once is retried once, since a pooled
//     connection may have died while the database is fine; a second one, or
//     one that took a quarter of the connect timeout, means an outage.
//
// An outage marks the store down: from then on every call fails at once with
// EUNAVAILABLE, and one background probe per store asks Neo4j every
// probeEvery, each time bounded by the connect timeout, until it answers.

const (
	maxAttempts = 6
	probeEvery  = 200 * time.Millisecond
)

var errClosed = &domain.Error{Code: domain.EUNAVAILABLE, Message: "the service is shutting down"}

var errDown = &domain.Error{Code: domain.EUNAVAILABLE, Message: "the database is unavailable; newsgraph reconnects by itself"}

// attempt runs op with the retries above.
func (s *Store) attempt(ctx context.Context, op func(ctx context.Context) error) error {
	s.calls.RLock()
	defer s.calls.RUnlock()
	if s.isClosed {
		return errClosed
	}
	if s.down.Load() {
		return errDown
	}
	var err error
	for i := 0; i < maxAttempts; i++ {
		start := time.Now()
		if err = op(ctx); err == nil {
			return nil
		}
		if callerDone(ctx) {
			return err // the caller's deadline or cancellation, not Neo4j's state
		}
		switch classify(err) {
		case commitUnknown:
			s.markDown()
			return errCommitUnknown
		case outage:
			// Only a quick failure may be a dead pooled connection worth
			// one more try; a slow one has used the connect timeout.
			if i > 0 || time.Since(start) > s.connectTimeout/4 {
				s.markDown()
				return err
			}
		case transient:
			pause := time.Duration(rand.Int64N(int64(20*time.Millisecond<<i))) + time.Millisecond
			select {
			case <-ctx.Done():
				return err
			case <-time.After(pause):
			}
		default:
			return err
		}
	}
	return err
}

// callerDone reports whether the caller's context has ended or its deadline
// has (all but) passed: a dial cut short by that deadline says nothing of
// Neo4j, and ctx.Err is set only once the deadline's timer has fired, which
// on a loaded machine can come after the driver's error.
func callerDone(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	d, ok := ctx.Deadline()
	return ok && time.Until(d) < 5*time.Millisecond
}

type errClass int

const (
	permanent errClass = iota
	transient
	outage
	commitUnknown // the connection died during the commit
)

var errCommitUnknown = &domain.Error{Code: domain.EUNAVAILABLE,
	Message: "the connection to the database was lost while committing: the change may or may not be saved; read it back before sending it again"}

func classify(err error) errClass {
	err = lastCause(err)
	var de *domain.Error
	if errors.As(err, &de) {
		// The store's or the editor's own verdict (a bad id, a conflict),
		// whatever words its message holds.
		return permanent
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return permanent
	}
	var n4j *neo4j.Neo4jError
	if errors.As(err, &n4j) {
		switch {
		case strings.Contains(n4j.Code, "DatabaseUnavailable"):
			return outage
		case strings.HasPrefix(n4j.Code, "Neo.TransientError.Transaction."), n4j.Code == "Neo.TransientError.General.TransactionMemoryLimit":
			if strings.Contains(n4j.Code, "MemoryLimit") {
				return permanent
			}
			return transient
		}
		return permanent
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Connection lost during commit"):
		// The commit may or may not have happened: never run it again.
		return commitUnknown
	case strings.Contains(msg, "Timeout while waiting for connection"):
		// Waiting in the pool's queue (every pooled connection busy) is this
		// process being saturated, not Neo4j down: the request fails, the
		// others go on. A connection that could not be opened is an outage.
		if strings.Contains(msg, "i/o timeout") || strings.Contains(msg, "connection refused") || strings.Contains(msg, "no route") {
			return outage
		}
		return permanent
	}
	var ce *neo4j.ConnectivityError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) {
		return outage
	}
	return permanent
}

// markDown switches to failing fast and starts the probe, once.
func (s *Store) markDown() {
	if !s.down.CompareAndSwap(false, true) {
		return
	}
	go s.probe()
}

// probe asks Neo4j (a read through the id index) until it answers, then
// lets calls through again.
func (s *Store) probe() {
	t := time.NewTicker(probeEvery)
	defer t.Stop()
	for {
		select {
		case <-s.closed:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), s.connectTimeout)
		err := s.ping(ctx)
		cancel()
		if err == nil {
			s.down.Store(false)
			return
		}
	}
}

// lastCause is the last error behind the driver's "retries exhausted" error,
// which does not unwrap: with MaxTransactionRetryTime 0 it wraps the first
// retryable failure.
func lastCause(err error) error {
	var tle *neo4j.TransactionExecutionLimit
	for errors.As(err, &tle) && len(tle.Errors) > 0 {
		err = tle.Errors[len(tle.Errors)-1]
	}
	return err
}
