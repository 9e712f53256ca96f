package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
	"github.com/newsgraph/newsgraph/internal/mentions"
)

// Conversions from mutation inputs to domain changes. An omitted field
// leaves the value alone; an explicit null clears it.

func set[T any](o graphql.Omittable[*T], dst *T) {
	if v, ok := o.ValueOK(); ok {
		var zero T
		*dst = zero
		if v != nil {
			*dst = *v
		}
	}
}

func setOpt[T any](o graphql.Omittable[*T], dst **T) {
	if v, ok := o.ValueOK(); ok {
		*dst = v
	}
}

func setList(o graphql.Omittable[[]string], dst *[]string) {
	if v, ok := o.ValueOK(); ok {
		*dst = v
	}
}

func partialDate(ctx context.Context, field string, in *model.PartialDateInput) (*domain.PartialDate, error) {
	if in == nil {
		return nil, nil
	}
	d, err := domain.ParsePartialDate(in.Value)
	if err != nil {
		return nil, domain.Invalid(field, "%s", domain.ErrorMessage(err))
	}
	if in.Earliest != nil || in.Latest != nil {
		lo, hi := d.Earliest, d.Latest
		if in.Earliest != nil {
			lo = *in.Earliest
		}
		if in.Latest != nil {
			hi = *in.Latest
		}
		if d, err = d.Narrow(lo, hi); err != nil {
			return nil, domain.Invalid(field, "%s", domain.ErrorMessage(err))
		}
	}
	if in.NotAfter != nil || in.NotBefore != nil {
		bound := func(sub string, id *string) (*domain.PartialDate, error) {
			if id == nil {
				return nil, nil
			}
			if err := domain.CheckID(field+"."+sub, *id); err != nil {
				return nil, err
			}
			nodes, err := For(ctx).Nodes(ctx, []string{*id})
			if err != nil {
				return nil, err
			}
			if nodes[0] == nil || domain.DateOf(nodes[0]) == nil {
				return nil, domain.Invalid(field+"."+sub, "%s does not exist or has no date", *id)
			}
			return domain.DateOf(nodes[0]), nil
		}
		notAfter, err := bound("notAfter", in.NotAfter)
		if err != nil {
			return nil, err
		}
		notBefore, err := bound("notBefore", in.NotBefore)
		if err != nil {
			return nil, err
		}
		if d, err = d.Bound(notAfter, notBefore); err != nil {
			return nil, domain.Invalid(field, "%s", domain.ErrorMessage(err))
		}
	}
	return &d, nil
}

func setDate(ctx context.Context, field string, o graphql.Omittable[*model.PartialDateInput], dst **domain.PartialDate) error {
	v, ok := o.ValueOK()
	if !ok {
		return nil
	}
	d, err := partialDate(ctx, field, v)
	if err == nil {
		*dst = d
	}
	return err
}

func (r *mutationResolver) editor() *editor.Service { return r.Editor }

func upsertPerson(ctx context.Context, s *editor.Service, in model.PersonInput) (*domain.Person, error) {
	p, _, err := editor.Upsert(ctx, s, domain.KindPerson, in.ID,
		func(id string) *domain.Person { return &domain.Person{ID: id} },
		func(n *domain.Person) error {
			set(in.Name, &n.Name)
			setList(in.Aliases, &n.Aliases)
			set(in.Description, &n.Description)
			setOpt(in.WikidataID, &n.WikidataID)
			return nil
		}, nil)
	return p, err
}

func upsertOrganisation(ctx context.Context, s *editor.Service, in model.OrganisationInput) (*domain.Organisation, error) {
	o, _, err := editor.Upsert(ctx, s, domain.KindOrganisation, in.ID,
		func(id string) *domain.Organisation { return &domain.Organisation{ID: id} },
		func(n *domain.Organisation) error {
			set(in.Name, &n.Name)
			setList(in.Aliases, &n.Aliases)
			set(in.Kind, &n.Kind)
			setOpt(in.Country, &n.Country)
			set(in.Description, &n.Description)
			return nil
		}, nil)
	return o, err
}

func upsertPlace(ctx context.Context, s *editor.Service, in model.PlaceInput) (*domain.Place, error) {
	p, _, err := editor.Upsert(ctx, s, domain.KindPlace, in.ID,
		func(id string) *domain.Place { return &domain.Place{ID: id} },
		func(n *domain.Place) error {
			set(in.Name, &n.Name)
			setList(in.Aliases, &n.Aliases)
			set(in.Kind, &n.Kind)
			setOpt(in.CountryCode, &n.CountryCode)
			setOpt(in.Lat, &n.Lat)
			setOpt(in.Lon, &n.Lon)
			return nil
		}, nil)
	return p, err
}

func upsertNegotiation(ctx context.Context, s *editor.Service, in model.NegotiationInput) (*domain.Negotiation, error) {
	n, _, err := editor.Upsert(ctx, s, domain.KindNegotiation, in.ID,
		func(id string) *domain.Negotiation { return &domain.Negotiation{ID: id} },
		func(n *domain.Negotiation) error {
			set(in.Name, &n.Name)
			setList(in.Aliases, &n.Aliases)
			set(in.Topic, &n.Topic)
			set(in.Status, &n.Status)
			if err := setDate(ctx, "start", in.Start, &n.Start); err != nil {
				return err
			}
			return setDate(ctx, "end", in.End, &n.End)
		}, nil)
	return n, err
}

func upsertEvent(ctx context.Context, s *editor.Service, in model.EventInput) (*domain.Event, error) {
	e, _, err := editor.Upsert(ctx, s, domain.KindEvent, in.ID,
		func(id string) *domain.Event { return &domain.Event{ID: id} },
		func(n *domain.Event) error {
			set(in.Kind, &n.Kind)
			set(in.Name, &n.Name)
			setList(in.Aliases, &n.Aliases)
			set(in.Description, &n.Description)
			return setDate(ctx, "date", in.Date, &n.Date)
		}, nil)
	return e, err
}

func upsertSource(ctx context.Context, s *editor.Service, in model.SourceInput) (*domain.Source, error) {
	src, _, err := editor.Upsert(ctx, s, domain.KindSource, in.ID,
		func(id string) *domain.Source { return &domain.Source{ID: id} },
		func(n *domain.Source) error {
			set(in.Kind, &n.Kind)
			set(in.Title, &n.Title)
			setOpt(in.URL, &n.URL)
			set(in.Language, &n.Language)
			setOpt(in.Text, &n.Text)
			return setDate(ctx, "publishedAt", in.PublishedAt, &n.PublishedAt)
		},
		func(ctx context.Context, tx domain.WriteTx, n *domain.Source) error {
			var links []editor.LinkSpec
			if v, ok := in.Publisher.ValueOK(); ok {
				ids := []string{}
				if v != nil {
					ids = []string{*v}
				}
				links = append(links, editor.LinkSpec{Field: "publisher", Type: domain.RelPublishedBy, IDs: ids, Kinds: []domain.Kind{domain.KindOrganisation}})
			}
			if v, ok := in.Authors.ValueOK(); ok {
				links = append(links, editor.LinkSpec{Field: "authors", Type: domain.RelAuthoredBy, IDs: nonNil(v), Kinds: []domain.Kind{domain.KindPerson}})
			}
			if v, ok := in.DerivedFrom.ValueOK(); ok {
				links = append(links, editor.LinkSpec{Field: "derivedFrom", Type: domain.RelDerivedFrom, IDs: nonNil(v), Kinds: []domain.Kind{domain.KindSource}})
			}
			for _, l := range links {
				if err := editor.ReplaceLinks(ctx, tx, n.ID, l); err != nil {
					return err
				}
			}
			return nil
		})
	return src, err
}

func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// claimChange applies a ClaimInput to a claim.
func claimChange(ctx context.Context, in model.ClaimInput) func(n *domain.Claim) error {
	return func(n *domain.Claim) error {
		set(in.Text, &n.Text)
		set(in.Language, &n.Language)
		set(in.Summary, &n.Summary)
		set(in.Rank, &n.Rank)
		if v, ok := in.Dates.ValueOK(); ok {
			n.Dates = make([]domain.ClaimDate, 0, len(v))
			for i, d := range v {
				date, err := partialDate(ctx, fmt.Sprintf("dates[%d].date", i), d.Date)
				if err != nil {
					return err
				}
				n.Dates = append(n.Dates, domain.ClaimDate{Kind: d.Kind, Date: *date})
			}
		}
		return setDate(ctx, "pointInTime", in.PointInTime, &n.PointInTime)
	}
}

func aboutSpec(field string, about []*model.AboutInput) editor.LinkSpec {
	spec := editor.LinkSpec{Field: field, Type: domain.RelAbout, IDs: []string{},
		Kinds: []domain.Kind{domain.KindPerson, domain.KindOrganisation, domain.KindPlace, domain.KindNegotiation, domain.KindEvent, domain.KindSource, domain.KindClaim}}
	for _, a := range about {
		spec.IDs = append(spec.IDs, a.ID)
		spec.Roles = append(spec.Roles, string(a.Role))
	}
	return spec
}

func freshClaim(id string) *domain.Claim { return &domain.Claim{ID: id, Rank: domain.RankNormal} }

func upsertClaim(ctx context.Context, s *editor.Service, in model.ClaimInput) (*domain.Claim, error) {
	c, _, err := editor.Upsert(ctx, s, domain.KindClaim, in.ID, freshClaim, claimChange(ctx, in),
		func(ctx context.Context, tx domain.WriteTx, n *domain.Claim) error {
			if v, ok := in.About.ValueOK(); ok {
				if err := editor.ReplaceLinks(ctx, tx, n.ID, aboutSpec("about", v)); err != nil {
					return err
				}
			}
			// A new claim gets its status now; a changed ABOUT can change it.
			return tx.RefreshStatuses(ctx, []string{n.ID})
		})
	return c, err
}

func recordAttribution(ctx context.Context, s *editor.Service, in model.AttributionInput) (*domain.Attribution, error) {
	if _, err := domain.Require(ctx, domain.RoleEditor, "writing"); err != nil {
		return nil, err
	}
	a := &domain.Attribution{ID: in.ID, Stance: in.Stance, Quote: in.Quote, Summary: in.Summary, Cue: in.Cue, Sourcing: in.Sourcing}
	var err error
	if a.StatedAt, err = partialDate(ctx, "input.statedAt", in.StatedAt); err != nil {
		return nil, err
	}
	ai := editor.AttributionInput{Attribution: a, Actor: in.Actor, Sources: in.Sources, MadeIn: in.MadeIn, Cites: in.Cites, During: in.During}
	switch {
	case in.NewClaim != nil && in.Claim != nil:
		return nil, domain.Invalid("input.newClaim", "give claim or newClaim, not both")
	case in.NewClaim != nil:
		c := freshClaim(in.NewClaim.ID)
		if err := claimChange(ctx, *in.NewClaim)(c); err != nil {
			var de *domain.Error
			if errors.As(err, &de) {
				return nil, domain.Invalid("input.newClaim."+de.Field, "%s", de.Message)
			}
			return nil, err
		}
		ai.NewClaim, ai.ClaimID = c, c.ID
		if v, ok := in.NewClaim.About.ValueOK(); ok {
			for _, ab := range v {
				role := string(ab.Role)
				ai.NewAbout = append(ai.NewAbout, domain.Edge{Type: domain.RelAbout, From: c.ID, To: ab.ID, Role: &role})
			}
		}
	case in.Claim != nil:
		ai.ClaimID = *in.Claim
	default:
		return nil, domain.Invalid("input.claim", "give the claim the attribution is on, or a newClaim")
	}
	return s.RecordAttribution(ctx, ai)
}

func recordFact(ctx context.Context, s *editor.Service, in model.FactInput) (*model.Fact, error) {
	if _, err := domain.Require(ctx, domain.RoleEditor, "writing"); err != nil {
		return nil, err
	}
	claim := in.Claim
	e := domain.Edge{Type: in.Type, From: in.From, To: in.To, Role: in.Role, Side: in.Side, ClaimID: &claim}
	var err error
	if e.Start, err = partialDate(ctx, "input.start", in.Start); err != nil {
		return nil, err
	}
	if e.End, err = partialDate(ctx, "input.end", in.End); err != nil {
		return nil, err
	}
	if err := s.RecordFact(ctx, editor.FactInput{Edge: e}); err != nil {
		return nil, err
	}
	nodes, err := For(ctx).Nodes(ctx, []string{in.From, in.To, in.Claim})
	if err != nil {
		return nil, err
	}
	c, _ := nodes[2].(*domain.Claim)
	return &model.Fact{Type: in.Type, From: nodes[0], To: nodes[1], Role: in.Role, Side: in.Side, Start: e.Start, End: e.End, Claim: c}, nil
}

func ingestArticle(ctx context.Context, r *mutationResolver, in model.ArticleInput) (*model.IngestResult, error) {
	if _, err := domain.Require(ctx, domain.RoleEditor, "ingesting"); err != nil {
		return nil, err
	}
	src := &domain.Source{Title: in.Title, URL: in.URL, Language: in.Language, Text: &in.Text, Kind: domain.SourceArticle}
	if in.Kind != nil {
		src.Kind = *in.Kind
	}
	var err error
	if src.PublishedAt, err = partialDate(ctx, "input.publishedAt", in.PublishedAt); err != nil {
		return nil, err
	}
	a := editor.Article{Source: src, Publisher: in.Publisher, Author: in.Author}
	if in.ID != nil {
		a.ID = *in.ID
	}
	res, err := r.editor().Ingest(ctx, r.Names, a)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Mentions))
	for i, m := range res.Mentions {
		ids[i] = m.EntityID
	}
	nodes, err := For(ctx).Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := &model.IngestResult{Source: res.Source, Mentions: []*model.FoundMention{}, Suggestions: []*mentions.Suggestion{}}
	// The schema promises at most ingestListMax of each (@listSize); all
	// mentions are stored, Source.mentions pages through them.
	res.Mentions = res.Mentions[:min(len(res.Mentions), ingestListMax)]
	res.Suggestions = res.Suggestions[:min(len(res.Suggestions), ingestListMax)]
	for i, m := range res.Mentions {
		if nodes[i] != nil {
			out.Mentions = append(out.Mentions, &model.FoundMention{Entity: nodes[i], Count: m.Count, Offsets: m.Offsets, Forms: m.Forms})
		}
	}
	for i := range res.Suggestions {
		out.Suggestions = append(out.Suggestions, &res.Suggestions[i])
	}
	return out, nil
}

// ingestListMax is the @listSize(assumedSize: 1000) of IngestResult's lists.
const ingestListMax = 1000

func mentionView(self domain.Node, l domain.Link) *model.Mention {
	src, ok := self.(*domain.Source)
	if !ok {
		return nil
	}
	return &model.Mention{Source: src, Entity: l.Other, Count: l.Edge.Count, Offsets: l.Edge.Offsets}
}
