// Package changefeed tails the change log for one replica: one poll per
// interval whatever the number of subscribers, the entries kept in memory
// for a while, and each subscriber reading from its own position (from
// memory when it can, from the log when it is further behind). Because
// positions are consecutive in commit order (see neo4jstore), a subscriber
// that resumes after the last position it saw misses nothing and sees
// nothing twice, on any replica.
package changefeed

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Log is the change log as the feed reads it.
type Log interface {
	// ChangesAfter returns at most first entries after the position, in
	// order, and the log's head. Errors: EGONE past the retention,
	// EINVALID beyond the head.
	ChangesAfter(ctx context.Context, after int64, first int) ([]domain.LogEntry, int64, error)
}

// Options configure a Feed.
type Options struct {
	// Every is the poll interval (default 200ms).
	Every time.Duration
	// Keep is how many recent entries stay in memory (default 4096).
	Keep int
	// Page bounds one read of the log (default 500).
	Page int
	// Observe, when set, is told after each poll of the position reached
	// and of the age of the oldest entry it had not yet seen.
	Observe func(position int64, lag time.Duration)
}

// Feed is one replica's tail of the change log.
type Feed struct {
	log  Log
	opts Options

	mu      sync.Mutex
	users   int               // subscribers: the feed polls only while there are some
	running bool              // a poll loop is running
	ready   bool              // the poll loop has read the log's head
	head    int64             // the last position read
	recent  []domain.LogEntry // the last entries read, ending at head
	wake    chan struct{}     // closed when head moves
}

// New returns a feed; Run starts it.
func New(log Log, opts Options) *Feed {
	if opts.Every <= 0 {
		opts.Every = 200 * time.Millisecond
	}
	if opts.Keep <= 0 {
		opts.Keep = 4096
	}
	if opts.Page <= 0 {
		opts.Page = 500
	}
	return &Feed{log: log, opts: opts, wake: make(chan struct{})}
}

// Acquire says that a subscriber needs the feed: the first one starts the
// poll loop. Call release when it is done; the loop stops after the last.
func (f *Feed) Acquire() (release func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.users++
	if !f.running {
		f.running = true
		go f.run()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			f.mu.Lock()
			f.users--
			f.mu.Unlock()
		})
	}
}

// run polls while there are subscribers; it starts at the log's head, since
// older entries are read from the log by the subscribers that ask for them.
func (f *Feed) run() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	t := time.NewTicker(f.opts.Every)
	defer t.Stop()
	failing := false
	for {
		f.mu.Lock()
		if f.users == 0 {
			f.running, f.ready, f.recent = false, false, nil
			f.mu.Unlock()
			return
		}
		f.mu.Unlock()
		// Said once per outage, not at every poll.
		switch err := f.poll(ctx); {
		case err != nil && !failing:
			slog.Warn("change log poll failing", "err", domain.ErrorMessage(err))
			failing = true
		case err == nil && failing:
			slog.Info("change log poll recovered")
			failing = false
		}
		<-t.C
	}
}

func (f *Feed) poll(ctx context.Context) error {
	f.mu.Lock()
	ready, head := f.ready, f.head
	f.mu.Unlock()
	if !ready {
		_, h, err := f.log.ChangesAfter(ctx, 0, 0)
		if err != nil && domain.ErrorCode(err) != domain.EGONE {
			return err
		}
		f.mu.Lock()
		f.ready, f.head = true, h
		f.mu.Unlock()
		f.broadcast()
		return nil
	}
	for {
		entries, _, err := f.log.ChangesAfter(ctx, head, f.opts.Page)
		if err != nil {
			return err
		}
		lag := time.Duration(0)
		if len(entries) > 0 {
			lag = time.Since(entries[0].At)
			head = entries[len(entries)-1].Position
			f.mu.Lock()
			f.recent = append(f.recent, entries...)
			if extra := len(f.recent) - f.opts.Keep; extra > 0 {
				f.recent = append([]domain.LogEntry(nil), f.recent[extra:]...)
			}
			f.head = head
			f.mu.Unlock()
			f.broadcast()
		}
		if f.opts.Observe != nil {
			f.opts.Observe(head, max(lag, 0))
		}
		if len(entries) < f.opts.Page {
			return nil
		}
	}
}

func (f *Feed) broadcast() {
	f.mu.Lock()
	close(f.wake)
	f.wake = make(chan struct{})
	f.mu.Unlock()
}

// Head waits until the feed has read the log's head once and returns the
// last position it has read: a subscriber without a position starts there.
func (f *Feed) Head(ctx context.Context) (int64, error) {
	for {
		f.mu.Lock()
		ready, head, wake := f.ready, f.head, f.wake
		f.mu.Unlock()
		if ready {
			return head, nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-wake:
		}
	}
}

// Next returns the entries after the position, waiting until there is at
// least one or ctx ends: from memory when it still holds the next one, else
// from the log (EGONE when the log no longer has it).
func (f *Feed) Next(ctx context.Context, after int64) ([]domain.LogEntry, error) {
	for {
		f.mu.Lock()
		head, wake := f.head, f.wake
		var out []domain.LogEntry
		inMemory := len(f.recent) > 0 && f.recent[0].Position <= after+1 && f.ready
		if inMemory && after < head {
			i := int(after + 1 - f.recent[0].Position)
			out = append(out, f.recent[i:]...)
		}
		f.mu.Unlock()
		if len(out) > 0 {
			return out, nil
		}
		if f.readyAndBehind(after, head) && !inMemory {
			entries, _, err := f.log.ChangesAfter(ctx, after, f.opts.Page)
			if err != nil || len(entries) > 0 {
				return entries, err
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-wake:
		}
	}
}

func (f *Feed) readyAndBehind(after, head int64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ready && after < head
}

// Backlog returns what the log holds after the position without waiting:
// nothing when the position is at (or past) the feed's head. It checks the
// position against the log (EGONE past the retention, EINVALID beyond the
// head) when the feed's memory does not cover it.
func (f *Feed) Backlog(ctx context.Context, after int64) ([]domain.LogEntry, error) {
	f.mu.Lock()
	inMemory := f.ready && len(f.recent) > 0 && f.recent[0].Position <= after+1 && after <= f.head
	if inMemory {
		out := append([]domain.LogEntry(nil), f.recent[after+1-f.recent[0].Position:]...)
		f.mu.Unlock()
		return out, nil
	}
	f.mu.Unlock()
	entries, _, err := f.log.ChangesAfter(ctx, after, f.opts.Page)
	return entries, err
}
