package graph

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
)

// position parses a LogEntry position sent back as after; nil starts at the
// feed's head (from now on).
func (r *Resolver) position(ctx context.Context, after *string) (int64, error) {
	if after == nil {
		// The feed's first read of the log; bounded like a request, so that
		// a subscription fails instead of hanging while Neo4j is down.
		hctx, cancel := context.WithTimeout(ctx, r.Limits.RequestTimeout)
		defer cancel()
		head, err := r.Feed.Head(hctx)
		if err != nil {
			return 0, domain.Errorf(domain.EUNAVAILABLE, "the change log cannot be read now; retry")
		}
		return head, nil
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

// attributionsChanged streams the attributions whose stance or claim
// changed, where the new or the previous claim is about the entity, once per
// transaction: a change of stance is an update of the node's stance, a
// change of claim replaces its ON relationship (the previous claim's entry
// is about the previous claim). A transaction that created the attribution
// sends nothing here (attributionAdded does).
func (r *Resolver) attributionsChanged(ctx context.Context, about string, after *string) (<-chan *domain.Attribution, error) {
	if err := domain.CheckID("about", about); err != nil {
		return nil, err
	}
	var commit int64
	created, sent := map[string]bool{}, map[string]bool{}
	return tailLog(r, ctx, after, func(e domain.LogEntry) (*domain.Attribution, bool) {
		if e.Commit != commit {
			commit = e.Commit
			clear(created)
			clear(sent)
		}
		if kind, err := domain.KindOfID(e.Entity); err != nil || kind != domain.KindAttribution {
			return nil, false
		}
		if e.Rel == "" && e.Op == "created" {
			created[e.Entity] = true
		}
		stance := e.Rel == "" && e.Op == "updated" && slices.Contains(e.Fields, "stance")
		claim := e.Rel == string(domain.RelOn) && (e.Op == "created" || e.Op == "deleted")
		if created[e.Entity] || sent[e.Entity] || !(stance || claim) || !e.Touches(about) {
			return nil, false
		}
		sent[e.Entity] = true
		// As the change left it when the entry has it (a stance change);
		// a change of claim alone left the node as it was.
		if a, ok := e.State.(*domain.Attribution); ok {
			return a, true
		}
		nodes, err := r.Graph.NodesByID(ctx, []string{e.Entity})
		a, ok := nodes[e.Entity].(*domain.Attribution)
		return a, err == nil && ok
	})
}
