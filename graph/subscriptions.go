package graph

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/graph/model"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
)

// AttributionEvent says that an attribution was created, or changed in
// stance or claim.
type AttributionEvent = editor.AttributionEvent

// Broker fans attribution events out to subscriptions in this process.
type Broker struct {
	mu   sync.Mutex
	subs map[chan AttributionEvent]struct{}
}

// NewBroker returns an empty broker.
func NewBroker() *Broker { return &Broker{subs: map[chan AttributionEvent]struct{}{}} }

// Publish sends e to every subscriber; a subscriber that is not keeping up
// misses it rather than blocking the writer.
func (b *Broker) Publish(e AttributionEvent) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// Subscribe returns a channel of events that is closed when ctx ends.
func (b *Broker) Subscribe(ctx context.Context) <-chan AttributionEvent {
	ch := make(chan AttributionEvent, 64)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		delete(b.subs, ch)
		close(ch)
		b.mu.Unlock()
	}()
	return ch
}

// attributionsAbout streams the attributions created (created true) or
// changed in stance or claim (created false) from now on whose claim is
// about the entity; a changed one is sent when its new or its previous claim
// is. Each change is sent once.
func (r *Resolver) attributionsAbout(ctx context.Context, about string, created bool) (<-chan *domain.Attribution, error) {
	if err := domain.CheckID("about", about); err != nil {
		return nil, err
	}
	if r.Events == nil {
		return nil, domain.Errorf(domain.EINTERNAL, "subscriptions are not configured")
	}
	events := r.Events.Subscribe(ctx)
	out := make(chan *domain.Attribution)
	go func() {
		defer close(out)
		for e := range events {
			if e.Created != created {
				continue
			}
			claims := []string{e.ClaimID}
			if e.PreviousClaim != "" {
				claims = append(claims, e.PreviousClaim)
			}
			links, err := r.Graph.Links(ctx, aboutOut, claims)
			if err != nil || !mentionsEntity(links, claims, about) {
				continue
			}
			// The attribution as its write stored it: a later write may
			// already have changed it.
			a := e.Attribution
			if a == nil {
				continue
			}
			select {
			case out <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// mentionsEntity reports whether one of the claims is about the entity.
func mentionsEntity(links map[string][]domain.Link, claims []string, entity string) bool {
	for _, c := range claims {
		for _, l := range links[c] {
			if l.Other.NodeID() == entity {
				return true
			}
		}
	}
	return false
}

// position parses a LogEntry position sent back as after; nil starts at the
// feed's head (from now on).
func (r *Resolver) position(ctx context.Context, after *string) (int64, error) {
	if after == nil {
		return r.Feed.Head(ctx)
	}
	p, err := strconv.ParseInt(*after, 10, 64)
	if err != nil || p < 0 {
		return 0, domain.Invalid("after", "after must be a position that changes sent, got %q", *after)
	}
	return p, nil
}

// tailLog streams the log entries after the position (see position) that
// keep says to, until ctx ends; an entry is sent once, in log order. An
// error while catching up from the log (a position past the retention)
// is returned at once when it is the first read.
func tailLog[T any](r *Resolver, ctx context.Context, after *string, pick func(domain.LogEntry) (T, bool)) (<-chan T, error) {
	if r.Feed == nil {
		return nil, domain.Errorf(domain.EINTERNAL, "subscriptions are not configured")
	}
	release := r.Feed.Acquire()
	last, err := r.position(ctx, after)
	if err != nil {
		release()
		return nil, err
	}
	first, err := r.Feed.Backlog(ctx, last)
	if err != nil {
		release()
		return nil, err
	}
	out := make(chan T)
	go func() {
		defer close(out)
		defer release()
		entries := first
		for {
			for _, e := range entries {
				last = e.Position
				v, ok := pick(e)
				if !ok {
					continue
				}
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
			if entries, err = r.Feed.Next(ctx, last); err != nil {
				return
			}
		}
	}()
	return out, nil
}

// changesAbout streams changes(about, kinds, after).
func (r *Resolver) changesAbout(ctx context.Context, about string, kinds []model.ChangeKind, after *string) (<-chan *domain.LogEntry, error) {
	if err := domain.CheckID("about", about); err != nil {
		return nil, err
	}
	ops := map[string]bool{}
	for _, k := range kinds {
		ops[strings.ToLower(string(k))] = true
	}
	return tailLog(r, ctx, after, func(e domain.LogEntry) (*domain.LogEntry, bool) {
		if !e.Touches(about) || len(ops) > 0 && !ops[e.Op] {
			return nil, false
		}
		return &e, true
	})
}

// attributionsAdded streams the attributions created whose claim is about
// the entity, from the change log.
func (r *Resolver) attributionsAdded(ctx context.Context, about string, after *string) (<-chan *domain.Attribution, error) {
	if err := domain.CheckID("about", about); err != nil {
		return nil, err
	}
	return tailLog(r, ctx, after, func(e domain.LogEntry) (*domain.Attribution, bool) {
		if e.Op != "created" || e.Rel != "" || e.What != string(domain.KindAttribution) || !e.Touches(about) {
			return nil, false
		}
		// As its write stored it: a later write may have changed it.
		a, ok := e.State.(*domain.Attribution)
		return a, ok
	})
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
