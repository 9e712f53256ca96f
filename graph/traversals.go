package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
)

var nodeKinds = map[model.NodeType]domain.Kind{
	model.NodeTypePerson: domain.KindPerson, model.NodeTypeOrganisation: domain.KindOrganisation,
	model.NodeTypePlace: domain.KindPlace, model.NodeTypeNegotiation: domain.KindNegotiation,
	model.NodeTypeEvent: domain.KindEvent, model.NodeTypeSource: domain.KindSource,
	model.NodeTypeClaim: domain.KindClaim, model.NodeTypeAttribution: domain.KindAttribution,
}

func kindsOf(types []model.NodeType) []domain.Kind {
	out := make([]domain.Kind, 0, len(types))
	for _, t := range types {
		out = append(out, nodeKinds[t])
	}
	return out
}

const searchCursorPrefix = "s1:"

func search(ctx context.Context, r *Resolver, text string, types []model.NodeType, first int, after *string) (*model.SearchResults, error) {
	offset := 0
	if after != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*after)
		n, err2 := strconv.Atoi(strings.TrimPrefix(string(raw), searchCursorPrefix))
		if err != nil || err2 != nil || !strings.HasPrefix(string(raw), searchCursorPrefix) || n < 1 {
			return nil, domain.Invalid("after", "invalid cursor %q: pass an endCursor returned by search", *after)
		}
		offset = n
	}
	hits, more, err := r.Traversal.Search(ctx, text, kindsOf(types), first, offset)
	if err != nil {
		return nil, err
	}
	res := &model.SearchResults{Hits: ptrs(hits), PageInfo: &model.PageInfo{HasNextPage: more, HasPreviousPage: offset > 0}}
	if len(hits) > 0 {
		end := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%s%d", searchCursorPrefix, offset+len(hits))))
		res.PageInfo.EndCursor = &end
	}
	return res, nil
}

func paths(ctx context.Context, r *Resolver, q domain.PathQuery) ([]*domain.Path, error) {
	found, err := r.Traversal.Paths(ctx, q)
	if err != nil {
		return nil, err
	}
	return ptrs(found), nil
}

func pathNodes(ctx context.Context, p *domain.Path) ([]domain.Node, error) {
	return For(ctx).Nodes(ctx, p.NodeIDs)
}

func stepSources(ctx context.Context, st *domain.PathStep) ([]*domain.Source, error) {
	nodes, err := For(ctx).Nodes(ctx, st.SourceIDs)
	if err != nil {
		return nil, err
	}
	out := make([]*domain.Source, 0, len(nodes))
	for _, n := range nodes {
		if s, ok := n.(*domain.Source); ok {
			out = append(out, s)
		}
	}
	return out, nil
}

func disputes(ctx context.Context, r *Resolver, about *string, first int) ([]*model.Dispute, error) {
	if about != nil {
		if err := domain.CheckID("about", *about); err != nil {
			return nil, err
		}
	}
	claims, err := r.Traversal.Disputes(ctx, about, first)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(claims))
	for i, c := range claims {
		ids[i] = c.NodeID()
	}
	// The schema promises at most 100 attributions on each side
	// (@listSize(assumedSize: 100)); all of a claim's attributions are read.
	links, err := r.Graph.Links(ctx, domain.Relation{Type: onIn.Type, Direction: onIn.Direction, Limit: min(r.Limits.LinksMax, 100)}, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Dispute, 0, len(claims))
	for _, c := range claims {
		d := &model.Dispute{Claim: c.(*domain.Claim), Asserting: []*domain.Attribution{}, Denying: []*domain.Attribution{}, Relaying: []*domain.Attribution{}, Other: []*domain.Attribution{}}
		for _, l := range links[c.NodeID()] {
			a, ok := l.Other.(*domain.Attribution)
			if !ok {
				continue
			}
			switch a.Stance {
			case domain.StanceAsserts, domain.StanceConfirms:
				d.Asserting = append(d.Asserting, a)
			case domain.StanceDenies:
				d.Denying = append(d.Denying, a)
			case domain.StanceReports:
				d.Relaying = append(d.Relaying, a)
			default:
				d.Other = append(d.Other, a)
			}
		}
		out = append(out, d)
	}
	return out, nil
}
