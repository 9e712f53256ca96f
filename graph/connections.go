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

// checkFilter validates the ids and windows of a filter.
func checkFilter(f domain.ListFilter) error {
	if err := f.Date.Check("filter.date"); err != nil {
		return err
	}
	single := []struct {
		field string
		id    *string
		kinds []domain.Kind
	}{
		{"filter.actor", f.Actor, []domain.Kind{domain.KindPerson, domain.KindOrganisation, domain.KindSource}},
		{"filter.source", f.Source, []domain.Kind{domain.KindSource}},
		{"filter.claim", f.Claim, []domain.Kind{domain.KindClaim}},
		{"filter.reportedBy", f.Reporter, []domain.Kind{domain.KindPerson, domain.KindOrganisation, domain.KindSource}},
		{"filter.deniedBy", f.Denier, []domain.Kind{domain.KindPerson, domain.KindOrganisation, domain.KindSource}},
		{"filter.participant", f.Participant, []domain.Kind{domain.KindPerson, domain.KindOrganisation}},
		{"filter.negotiation", f.Negotiation, []domain.Kind{domain.KindNegotiation}},
		{"filter.publisher", f.Publisher, []domain.Kind{domain.KindOrganisation}},
	}
	for _, s := range single {
		if s.id != nil {
			if err := domain.CheckID(s.field, *s.id, s.kinds...); err != nil {
				return err
			}
		}
	}
	for _, id := range f.About {
		if err := domain.CheckID("filter.about", id); err != nil {
			return err
		}
	}
	return nil
}

func window(w *domain.DateWindow) domain.DateWindow {
	if w == nil {
		return domain.DateWindow{}
	}
	return *w
}

func kinds[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// Filter conversions: GraphQL input -> domain.ListFilter.

func personFilter(f *model.PersonFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Name: f.Name}
}

func organisationFilter(f *model.OrganisationFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Name: f.Name, Kinds: kinds(f.Kinds)}
}

func placeFilter(f *model.PlaceFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Name: f.Name, Kinds: kinds(f.Kinds)}
}

func negotiationFilter(f *model.NegotiationFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Name: f.Name, Date: window(f.Date)}
}

func eventFilter(f *model.EventFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Name: f.Name, Kinds: kinds(f.Kinds), Date: window(f.Date), Participant: f.Participant, Negotiation: f.Negotiation}
}

func sourceFilter(f *model.SourceFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Name: f.Title, Kinds: kinds(f.Kinds), Language: f.Language, Date: window(f.PublishedAt), Publisher: f.Publisher}
}

func claimFilter(f *model.ClaimFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Text: f.Text, About: f.About, Statuses: f.Statuses, Ranks: f.Ranks, Reporter: f.ReportedBy, Denier: f.DeniedBy, Date: window(f.Date), Language: f.Language}
}

func attributionFilter(f *model.AttributionFilter) domain.ListFilter {
	if f == nil {
		return domain.ListFilter{}
	}
	return domain.ListFilter{Text: f.Text, Actor: f.Actor, About: f.About, Stances: f.Stances, Source: f.Source, Claim: f.Claim, Statuses: f.ClaimStatuses, Denier: f.ClaimDeniedBy, Date: window(f.Date)}
}
