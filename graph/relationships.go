// How each relationship field reads the graph, and the resolvers that
// follow it: linked for nodes, views for relationship views (views.go).

package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// relation says how a relationship field of a node type reads the graph:
// the relation it follows, whether it returns one node (the first link) and,
// for fields that return relationship views, how a link becomes a view.
// The resolvers below (linked, views) and the planner (plan.go) both read
// this table.
type relation struct {
	rel  domain.Relation
	one  bool
	view func(self domain.Node, l domain.Link) any
}

// relations is every relationship field, by "Type.field".
var relations = map[string]relation{
	"Attribution.actor":         {rel: madeByOut, one: true},
	"Attribution.claim":         {rel: onOut, one: true},
	"Attribution.sources":       {rel: recordedOut},
	"Attribution.madeIn":        {rel: madeInOut},
	"Attribution.cites":         {rel: citesOut},
	"Attribution.citedBy":       {rel: citesIn},
	"Attribution.during":        {rel: duringOut, one: true},
	"Claim.attributions":        {rel: onIn},
	"Claim.about":               {rel: aboutOut, view: anyView(claimAboutView)},
	"Event.participants":        {rel: participantOut, view: anyView(participationView)},
	"Event.places":              {rel: heldInOut, view: anyView(heldInView)},
	"Event.negotiations":        {rel: partOfOut, view: anyView(eventPartView)},
	"Event.statements":          {rel: duringIn},
	"Event.claimsAbout":         {rel: aboutIn, view: anyView(claimAboutView)},
	"Negotiation.parties":       {rel: partyOut, view: anyView(partyView)},
	"Negotiation.events":        {rel: partOfIn, view: anyView(eventPartView)},
	"Negotiation.places":        {rel: heldInOut, view: anyView(heldInView)},
	"Negotiation.claimsAbout":   {rel: aboutIn, view: anyView(claimAboutView)},
	"Organisation.statements":   {rel: madeByIn},
	"Organisation.claimsAbout":  {rel: aboutIn, view: anyView(claimAboutView)},
	"Organisation.events":       {rel: participantIn, view: anyView(participationView)},
	"Organisation.members":      {rel: memberOfIn, view: anyView(membershipView)},
	"Organisation.negotiations": {rel: partyIn, view: anyView(partyView)},
	"Organisation.published":    {rel: publishedIn},
	"Person.statements":         {rel: madeByIn},
	"Person.claimsAbout":        {rel: aboutIn, view: anyView(claimAboutView)},
	"Person.events":             {rel: participantIn, view: anyView(participationView)},
	"Person.memberships":        {rel: memberOfOut, view: anyView(membershipView)},
	"Person.authored":           {rel: authoredIn},
	"Place.claimsAbout":         {rel: aboutIn, view: anyView(claimAboutView)},
	"Place.hosted":              {rel: heldInIn, view: anyView(heldInView)},
	"Source.publisher":          {rel: publishedOut, one: true},
	"Source.authors":            {rel: authoredOut},
	"Source.attributions":       {rel: recordedIn},
	"Source.madeHere":           {rel: madeInIn},
	"Source.statements":         {rel: madeByIn},
	"Source.cites":              {rel: citesSrcOut},
	"Source.citedBy":            {rel: citesSrcIn},
	"Source.derivedFrom":        {rel: derivedOut},
	"Source.mentions":           {rel: mentionsOut, view: anyView(mentionView)},
	"Source.claimsAbout":        {rel: aboutIn, view: anyView(claimAboutView)},
}

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
