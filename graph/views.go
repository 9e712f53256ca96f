// The relationship views: how a link read from the graph becomes the
// GraphQL type of a relationship (ClaimAbout, Participation, Membership…).

package graph

import (
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
)

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
