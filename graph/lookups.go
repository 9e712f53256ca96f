// Loading nodes by id for resolvers: typed, lookup at the root, the claim
// behind a fact.

package graph

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// typed loads a node by id; nil when it is unknown or of another type.
func typed[T domain.Node](ctx context.Context, id string) (T, error) {
	var zero T
	n, err := For(ctx).Node(ctx, id)
	if err != nil || n == nil {
		return zero, err
	}
	t, _ := n.(T)
	return t, nil
}

// lookup is a typed query lookup: a malformed id or an id of another type is
// BAD_USER_INPUT, an unknown id is null.
func lookup[T domain.Node](ctx context.Context, id string, kind domain.Kind) (T, error) {
	var zero T
	if err := domain.CheckID("id", id, kind); err != nil {
		return zero, err
	}
	return typed[T](ctx, id)
}

// claimByID loads the claim behind a fact edge.
func claimByID(ctx context.Context, id *string) (*domain.Claim, error) {
	if id == nil {
		return nil, nil
	}
	return typed[*domain.Claim](ctx, *id)
}

// nodeOrErr loads a node that a traversal just returned.
func nodeOrErr(ctx context.Context, id string) (domain.Node, error) {
	n, err := For(ctx).Node(ctx, id)
	if err == nil && n == nil {
		err = &domain.Error{Code: domain.EINTERNAL, Message: "internal error", Err: fmt.Errorf("node %s vanished", id)}
	}
	return n, err
}
