package neo4jstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestChangeLogPositions writes from concurrent transactions and reads the
// log back: positions are 1..n with no gap and no repeat, and a tail that
// reads "after the last position seen" while the writers run sees every
// entry once, in order.
func TestChangeLogPositions(t *testing.T) {
	store := neo4jtest.MustOpen(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	by := domain.Principal{Key: "test", Role: domain.RoleAdmin}
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				err := store.Write(ctx, by, func(tx domain.WriteTx) error {
					_, err := tx.PutNode(ctx, &domain.Person{ID: fmt.Sprintf("person/log-%d-%d", w, i), Name: "Log Test"})
					return err
				})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	// Tail while they write.
	var seen []int64
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	tail := func() {
		last := int64(0)
		if len(seen) > 0 {
			last = seen[len(seen)-1]
		}
		entries, _, err := store.ChangesAfter(ctx, last, 7)
		if err != nil {
			t.Fatalf("ChangesAfter(%d): %v", last, err)
		}
		for _, e := range entries {
			seen = append(seen, e.Position)
		}
	}
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
			tail()
		}
	}
	for n := -1; n != len(seen); {
		n = len(seen)
		tail()
	}
	close(errs)
	for err := range errs {
		t.Fatalf("write: %v", err)
	}
	if len(seen) != writers*each {
		t.Fatalf("tail saw %d entries, want %d: %v", len(seen), writers*each, seen)
	}
	for i, p := range seen {
		if p != int64(i+1) {
			t.Fatalf("position %d is %d, want %d (gap or repeat): %v", i, p, i+1, seen)
		}
	}
	t.Run("ErrBeyondHead", func(t *testing.T) {
		if _, _, err := store.ChangesAfter(ctx, 1000, 10); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("ChangesAfter(1000) = %v, want EINVALID", err)
		}
	})
	t.Run("ErrPastRetention", func(t *testing.T) {
		n, err := store.PruneChanges(ctx, time.Now().Add(time.Hour), 5)
		if err != nil || n != 5 {
			t.Fatalf("PruneChanges = %d, %v; want 5 pruned", n, err)
		}
		if _, _, err := store.ChangesAfter(ctx, 2, 10); domain.ErrorCode(err) != domain.EGONE {
			t.Errorf("ChangesAfter(2) after pruning 1..5 = %v, want EGONE", err)
		}
		entries, _, err := store.ChangesAfter(ctx, 5, 1)
		if err != nil || len(entries) != 1 || entries[0].Position != 6 {
			t.Errorf("ChangesAfter(5) = %v, %v; want position 6", entries, err)
		}
	})
}
