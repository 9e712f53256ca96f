// The list filters: GraphQL filter inputs to domain.ListFilter, and the
// checks of their ids and date windows.

package graph

import (
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
)

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
