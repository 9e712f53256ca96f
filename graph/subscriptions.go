package graph

import (
	"context"
	"sync"

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
