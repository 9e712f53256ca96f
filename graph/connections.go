package graph

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
)

// cursorPrefix versions the opaque cursor format.
const cursorPrefix = "c1:"

// cursor is what an opaque cursor carries: the keyset position and the list
// and order it belongs to, so that it cannot be replayed on another.
type cursor struct {
	domain.Cursor
	Kind domain.Kind       `json:"t"`
	By   domain.OrderField `json:"o"`
	Desc bool              `json:"d,omitempty"`
}

func encodeCursor(c cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(append([]byte(cursorPrefix), b...))
}

func decodeCursor(s string, kind domain.Kind, page domain.Page) (*domain.Cursor, error) {
	bad := domain.Invalid("after", "invalid cursor %q: pass an endCursor or cursor returned by this list", s)
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || !strings.HasPrefix(string(raw), cursorPrefix) {
		return nil, bad
	}
	var c cursor
	if err := json.Unmarshal(raw[len(cursorPrefix):], &c); err != nil || c.ID == "" {
		return nil, bad
	}
	if c.Kind != kind || c.By != page.OrderBy || c.Desc != page.Descending {
		return nil, domain.Invalid("after", "this cursor belongs to a %s list ordered by %s%s: pass the same orderBy as the query that returned it",
			c.Kind, c.By, map[bool]string{true: " DESC"}[c.Desc])
	}
	return &c.Cursor, nil
}

// pageRequest validates the paging arguments of a list field.
func pageRequest(ctx context.Context, kind domain.Kind, orderBy *model.Order, first int, after *string) (domain.Page, error) {
	p := domain.Page{First: first}
	// The store checks first against Limits.PageSize.
	if orderBy != nil {
		p.OrderBy = orderBy.Field
		p.Descending = orderBy.Direction != nil && *orderBy.Direction == model.OrderDirectionDesc
	}
	if after != nil {
		c, err := decodeCursor(*after, kind, p)
		if err != nil {
			return p, err
		}
		p.After = c
	}
	// Count only when the client asks for totalCount.
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == "totalCount" {
			p.WithTotal = true
		}
	}
	return p, nil
}

// connection answers a list field: it checks the paging arguments and the
// filter, reads one page of kind and returns it as a connection of T.
func connection[T domain.Node](ctx context.Context, kind domain.Kind, f domain.ListFilter, orderBy *model.Order, first int, after *string) (*model.Connection[T], error) {
	page, err := pageRequest(ctx, kind, orderBy, first, after)
	if err != nil {
		return nil, err
	}
	if err := checkFilter(f); err != nil {
		return nil, err
	}
	res, err := For(ctx).List(ctx, kind, f, page)
	if err != nil {
		return nil, err
	}
	c := &model.Connection[T]{
		Nodes:      make([]T, 0, len(res.Nodes)),
		Edges:      make([]*model.Edge[T], 0, len(res.Nodes)),
		PageInfo:   &model.PageInfo{HasNextPage: res.HasNext, HasPreviousPage: after != nil},
		TotalCount: res.Total,
	}
	for i, n := range res.Nodes {
		if t, ok := n.(T); ok {
			c.Nodes = append(c.Nodes, t)
			c.Edges = append(c.Edges, &model.Edge[T]{Cursor: encodeCursor(cursor{Cursor: res.Cursors[i], Kind: kind, By: page.OrderBy, Desc: page.Descending}), Node: t})
		}
	}
	if len(c.Edges) > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &c.Edges[0].Cursor, &c.Edges[len(c.Edges)-1].Cursor
	}
	return c, nil
}
