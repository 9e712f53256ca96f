package graph

import (
	"context"
	"sync"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// AttributionEvent says that an attribution was recorded on a claim.
type AttributionEvent struct {
	AttributionID string
	ClaimID       string
}

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

// attributionsAbout streams the attributions recorded from now on whose
// claim is about the entity.
func (r *Resolver) attributionsAbout(ctx context.Context, about string) (<-chan *domain.Attribution, error) {
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
			links, err := r.Graph.Links(ctx, aboutOut, []string{e.ClaimID})
			if err != nil {
				continue
			}
			for _, l := range links[e.ClaimID] {
				if l.Other.NodeID() != about {
					continue
				}
				nodes, err := r.Graph.NodesByID(ctx, []string{e.AttributionID})
				if a, ok := nodes[e.AttributionID].(*domain.Attribution); err == nil && ok {
					select {
					case out <- a:
					case <-ctx.Done():
						return
					}
				}
				break
			}
		}
	}()
	return out, nil
}
