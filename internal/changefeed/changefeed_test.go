package changefeed_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/changefeed"
	"github.com/newsgraph/newsgraph/internal/domain"
)

// fakeLog is an in-memory change log that counts its reads.
type fakeLog struct {
	mu      sync.Mutex
	entries []domain.LogEntry // positions 1..n
	pruned  int64
	reads   int
}

func (l *fakeLog) append(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for range n {
		l.entries = append(l.entries, domain.LogEntry{Position: int64(len(l.entries) + 1), Change: domain.Change{At: time.Now()}})
	}
}

func (l *fakeLog) ChangesAfter(_ context.Context, after int64, first int) ([]domain.LogEntry, int64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reads++
	head := int64(len(l.entries))
	if after < l.pruned {
		return nil, head, domain.Errorf(domain.EGONE, "gone")
	}
	if after > head {
		return nil, head, domain.Invalid("after", "beyond")
	}
	out := l.entries[after:]
	if len(out) > first {
		out = out[:first]
	}
	return append([]domain.LogEntry(nil), out...), head, nil
}

func positions(es []domain.LogEntry) []int64 {
	var out []int64
	for _, e := range es {
		out = append(out, e.Position)
	}
	return out
}

// TestFeed follows a log from its head and from an old position, and checks
// that every position arrives once and in order, whether from memory or
// from the log.
func TestFeed(t *testing.T) {
	log := &fakeLog{}
	log.append(10)
	f := changefeed.New(log, changefeed.Options{Every: 5 * time.Millisecond, Page: 4})
	release := f.Acquire()
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	head, err := f.Head(ctx)
	if err != nil || head != 10 {
		t.Fatalf("Head = %d, %v; want 10", head, err)
	}
	t.Run("from an old position, through the log then memory", func(t *testing.T) {
		backlog, err := f.Backlog(ctx, 3)
		if err != nil {
			t.Fatal(err)
		}
		got := positions(backlog)
		log.append(7)
		last := got[len(got)-1]
		for last < 17 {
			es, err := f.Next(ctx, last)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, positions(es)...)
			last = got[len(got)-1]
		}
		for i, p := range got {
			if p != int64(4+i) {
				t.Fatalf("positions %v: want 4..17 once each, in order", got)
			}
		}
	})
	t.Run("ErrPastRetention", func(t *testing.T) {
		log.mu.Lock()
		log.pruned = 5
		log.mu.Unlock()
		if _, err := f.Backlog(ctx, 2); domain.ErrorCode(err) != domain.EGONE {
			t.Errorf("Backlog(2) past retention = %v, want EGONE", err)
		}
	})
	t.Run("one poll per feed, not per subscriber", func(t *testing.T) {
		log.mu.Lock()
		before := log.reads
		log.mu.Unlock()
		var wg sync.WaitGroup
		for range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				release := f.Acquire()
				defer release()
				if _, err := f.Next(ctx, 17); err != nil {
					t.Error(err)
				}
			}()
		}
		log.append(1)
		wg.Wait()
		log.mu.Lock()
		reads := log.reads - before
		log.mu.Unlock()
		if reads > 40 {
			t.Errorf("20 subscribers waiting for one entry cost %d reads of the log; want polls only", reads)
		}
	})
}
