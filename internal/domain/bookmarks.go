package domain

import (
	"context"
	"slices"
	"sync"
)

// Bookmarks carries causal consistency through one request: the bookmarks
// the client sent (its last writes, which every read and write of the request
// must see) and the bookmarks of the writes the request made (sent back, so
// that the client's next request, on any replica, sees them). A bookmark is
// an opaque string of the database; the transport names the header.
type Bookmarks struct {
	after []string
	mu    sync.Mutex
	wrote []string
}

type bookmarksKey struct{}

// WithBookmarks returns ctx with a fresh Bookmarks that waits for after.
func WithBookmarks(ctx context.Context, after []string) (context.Context, *Bookmarks) {
	b := &Bookmarks{after: slices.Clone(after)}
	return context.WithValue(ctx, bookmarksKey{}, b), b
}

// BookmarksFrom returns the request's Bookmarks, nil when there are none.
func BookmarksFrom(ctx context.Context) *Bookmarks {
	b, _ := ctx.Value(bookmarksKey{}).(*Bookmarks)
	return b
}

// After is what the request must see: the client's bookmarks and the
// request's own writes so far.
func (b *Bookmarks) After() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.wrote) > 0 {
		return slices.Clone(b.wrote)
	}
	return slices.Clone(b.after)
}

// Wrote records the bookmarks of a committed write; a later one supersedes
// the earlier ones (a write's bookmark covers what it started after).
func (b *Bookmarks) Wrote(bookmarks ...string) {
	if len(bookmarks) == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.wrote = slices.Clone(bookmarks)
}

// Written returns the bookmarks of the request's writes, nil when it wrote
// nothing.
func (b *Bookmarks) Written() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.wrote)
}
