package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
)

var (
	madeByIn       = domain.Relation{Type: domain.RelMadeBy, Direction: domain.In}
	madeByOut      = domain.Relation{Type: domain.RelMadeBy, Direction: domain.Out}
	aboutIn        = domain.Relation{Type: domain.RelAbout, Direction: domain.In}
	aboutOut       = domain.Relation{Type: domain.RelAbout, Direction: domain.Out}
	onIn           = domain.Relation{Type: domain.RelOn, Direction: domain.In}
	onOut          = domain.Relation{Type: domain.RelOn, Direction: domain.Out}
	recordedIn     = domain.Relation{Type: domain.RelRecordedIn, Direction: domain.In}
	recordedOut    = domain.Relation{Type: domain.RelRecordedIn, Direction: domain.Out}
	madeInIn       = domain.Relation{Type: domain.RelMadeIn, Direction: domain.In}
	madeInOut      = domain.Relation{Type: domain.RelMadeIn, Direction: domain.Out}
	citesIn        = domain.Relation{Type: domain.RelCites, Direction: domain.In}
	citesOut       = domain.Relation{Type: domain.RelCites, Direction: domain.Out}
	duringIn       = domain.Relation{Type: domain.RelDuring, Direction: domain.In}
	duringOut      = domain.Relation{Type: domain.RelDuring, Direction: domain.Out}
	participantIn  = domain.Relation{Type: domain.RelParticipant, Direction: domain.In}
	participantOut = domain.Relation{Type: domain.RelParticipant, Direction: domain.Out}
	memberOfIn     = domain.Relation{Type: domain.RelMemberOf, Direction: domain.In}
	memberOfOut    = domain.Relation{Type: domain.RelMemberOf, Direction: domain.Out}
	partyIn        = domain.Relation{Type: domain.RelParty, Direction: domain.In}
	partyOut       = domain.Relation{Type: domain.RelParty, Direction: domain.Out}
	partOfIn       = domain.Relation{Type: domain.RelPartOf, Direction: domain.In}
	partOfOut      = domain.Relation{Type: domain.RelPartOf, Direction: domain.Out}
	heldInIn       = domain.Relation{Type: domain.RelHeldIn, Direction: domain.In}
	heldInOut      = domain.Relation{Type: domain.RelHeldIn, Direction: domain.Out}
	publishedIn    = domain.Relation{Type: domain.RelPublishedBy, Direction: domain.In}
	publishedOut   = domain.Relation{Type: domain.RelPublishedBy, Direction: domain.Out}
	authoredIn     = domain.Relation{Type: domain.RelAuthoredBy, Direction: domain.In}
	authoredOut    = domain.Relation{Type: domain.RelAuthoredBy, Direction: domain.Out}
	derivedOut     = domain.Relation{Type: domain.RelDerivedFrom, Direction: domain.Out}
	citesSrcOut    = domain.Relation{Type: domain.RelCitesSource, Direction: domain.Out}
	citesSrcIn     = domain.Relation{Type: domain.RelCitesSource, Direction: domain.In}
	mentionsOut    = domain.Relation{Type: domain.RelMentions, Direction: domain.Out}
)

// relationOf returns how the field being resolved reads the graph.
func relationOf(ctx context.Context) relation {
	fc := graphql.GetFieldContext(ctx)
	r, ok := relations[fc.Object+"."+fc.Field.Name]
	if !ok {
		panic("graph: no relation for " + fc.Object + "." + fc.Field.Name)
	}
	return r
}

// linked returns the first nodes of type T that the relationship field
// being resolved reaches from self.
func linked[T domain.Node](ctx context.Context, self domain.Node, first int) ([]T, error) {
	rel := relationOf(ctx).rel
	rel.Limit = first
	l := For(ctx)
	// The fields the planner read for this field, so that its links are found.
	rel.Fields = l.fieldsOf(graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx).Field)
	links, err := l.Links(ctx, self.NodeID(), rel)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(links))
	for _, l := range links {
		if n, ok := l.Other.(T); ok {
			out = append(out, n)
		}
	}
	return out, nil
}

// linkedOne returns the node of type T that the field being resolved
// reaches from self, or nil.
func linkedOne[T domain.Node](ctx context.Context, self domain.Node) (T, error) {
	var zero T
	nodes, err := linked[T](ctx, self, 1)
	if err != nil || len(nodes) == 0 {
		return zero, err
	}
	return nodes[0], nil
}

// views returns the relationship views of the field being resolved.
func views[V any](ctx context.Context, self domain.Node, first int) ([]*V, error) {
	r := relationOf(ctx)
	rel := r.rel
	rel.Limit = first
	links, err := For(ctx).Links(ctx, self.NodeID(), rel)
	if err != nil {
		return nil, err
	}
	out := make([]*V, 0, len(links))
	for _, l := range links {
		if v, ok := r.view(self, l).(*V); ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// anyView adapts a typed view constructor for the relations table.
func anyView[V any](f func(self domain.Node, l domain.Link) *V) func(domain.Node, domain.Link) any {
	return func(self domain.Node, l domain.Link) any {
		if v := f(self, l); v != nil {
			return v
		}
		return nil
	}
}

// ends returns the start and end node of a link's relationship.
func ends(self domain.Node, l domain.Link) (from, to domain.Node) {
	if l.Edge.From == self.NodeID() {
		return self, l.Other
	}
	return l.Other, self
}

func claimAboutView(self domain.Node, l domain.Link) *model.ClaimAbout {
	from, to := ends(self, l)
	c, ok := from.(*domain.Claim)
	if !ok {
		return nil
	}
	v := &model.ClaimAbout{Claim: c, Entity: to, Role: domain.AboutSubject}
	if l.Edge.Role != nil {
		v.Role = domain.AboutRole(*l.Edge.Role)
	}
	return v
}

func participationView(self domain.Node, l domain.Link) *model.Participation {
	from, to := ends(self, l)
	ev, ok := from.(*domain.Event)
	if !ok {
		return nil
	}
	return &model.Participation{Role: l.Edge.Role, Event: ev, Participant: to, ClaimID: l.Edge.ClaimID}
}

func membershipView(self domain.Node, l domain.Link) *model.Membership {
	from, to := ends(self, l)
	p, ok1 := from.(*domain.Person)
	o, ok2 := to.(*domain.Organisation)
	if !ok1 || !ok2 {
		return nil
	}
	return &model.Membership{Role: l.Edge.Role, Start: l.Edge.Start, End: l.Edge.End, Person: p, Organisation: o, ClaimID: l.Edge.ClaimID}
}

func partyView(self domain.Node, l domain.Link) *model.NegotiationParty {
	from, to := ends(self, l)
	n, ok1 := from.(*domain.Negotiation)
	o, ok2 := to.(*domain.Organisation)
	if !ok1 || !ok2 {
		return nil
	}
	return &model.NegotiationParty{Side: l.Edge.Side, Negotiation: n, Organisation: o, ClaimID: l.Edge.ClaimID}
}

func eventPartView(self domain.Node, l domain.Link) *model.EventPart {
	from, to := ends(self, l)
	e, ok1 := from.(*domain.Event)
	n, ok2 := to.(*domain.Negotiation)
	if !ok1 || !ok2 {
		return nil
	}
	return &model.EventPart{Event: e, Negotiation: n, ClaimID: l.Edge.ClaimID}
}

func heldInView(self domain.Node, l domain.Link) *model.HeldIn {
	from, to := ends(self, l)
	p, ok := to.(*domain.Place)
	if !ok {
		return nil
	}
	return &model.HeldIn{Subject: from, Place: p, ClaimID: l.Edge.ClaimID}
}

// claimByID loads the claim behind a fact edge.
func claimByID(ctx context.Context, id *string) (*domain.Claim, error) {
	if id == nil {
		return nil, nil
	}
	return typed[*domain.Claim](ctx, *id)
}

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
