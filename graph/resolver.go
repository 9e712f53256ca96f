// Package graph is newsgraph's GraphQL layer: gqlgen's generated executor,
// thin resolvers that call the domain.GraphReader through per-request
// loaders, and the error presenter.
package graph

//go:generate go run ../internal/tools/gqlgen

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/changefeed"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
)

// Resolver is the root resolver; it holds the services resolvers call.
type Resolver struct {
	Graph domain.GraphReader
	// Editor runs every write, built once where the handler is wired
	// (httpapi.Handler).
	Editor  *editor.Service
	Writer  domain.Writer
	Changes HistoryReader
	Names   editor.NameIndex
	// Feed tails the change log for the subscriptions.
	Feed *changefeed.Feed
	// Traversal answers search, paths, neighbourhoods, timelines, disputes
	// and co-occurrence.
	Traversal domain.Traverser
	// Limits bound arguments (page sizes, ids per lookup); the same values
	// feed the static cost and the execution budget.
	Limits domain.Limits
}

// HistoryReader lists the changes made to a node, newest first.
type HistoryReader interface {
	History(ctx context.Context, id string, first int) ([]domain.Change, error)
}
