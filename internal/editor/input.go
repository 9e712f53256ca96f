package editor

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Input is a node as the API gives it: its id, its described fields by
// name (see domain.Apply: an absent key leaves a field alone, null clears
// it) and the relationships its kind embeds (domain.KindLinks), which
// replace the stored ones when given.
type Input = map[string]any

// UpsertNode creates or updates the node of kind whose id is in["id"] with
// the fields and links in names, in one transaction, and returns it as
// stored with what the write did. A new node starts from its kind's
// defaults; required fields are required then. A claim's status is derived
// again (a changed ABOUT can change it).
func (s *Service) UpsertNode(ctx context.Context, kind domain.Kind, in Input) (domain.Node, domain.Outcome, error) {
	spec := domain.Spec(kind)
	id, _ := in["id"].(string)
	return Upsert(ctx, s, kind, id, spec.New,
		func(ctx context.Context, tx domain.WriteTx, n domain.Node) error {
			return domain.Apply(n, in, Dates(ctx, tx))
		},
		func(ctx context.Context, tx domain.WriteTx, n domain.Node) (bool, error) {
			changed := false
			for _, l := range spec.Links {
				if raw, ok := in[l.Name]; ok {
					c, err := replaceLink(ctx, tx, n.NodeID(), "", l, raw)
					if err != nil {
						return false, err
					}
					changed = changed || c
				}
			}
			if kind == domain.KindClaim {
				return changed, tx.RefreshStatuses(ctx, []string{n.NodeID()})
			}
			return changed, nil
		})
}

// replaceLink makes the links l of node from exactly those raw names (see
// domain.ReadLink); prefix goes in front of the field in errors.
func replaceLink(ctx context.Context, tx domain.WriteTx, from, prefix string, l domain.LinkField, raw any) (bool, error) {
	items, err := domain.ReadLink(l, raw)
	if err != nil {
		return false, prefixed(prefix, err)
	}
	spec := LinkSpec{Field: join(prefix, l.Name), Type: l.Type, IDs: []string{}, Kinds: l.Targets}
	for _, it := range items {
		spec.IDs = append(spec.IDs, it.ID)
		spec.Roles = append(spec.Roles, it.Role)
	}
	return ReplaceLinks(ctx, tx, from, spec)
}

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// Dates is the API's domain.DateReader: a date narrowed by its bounds and by
// the dates of the nodes it names (notAfter, notBefore), read in tx.
func Dates(ctx context.Context, tx domain.WriteTx) domain.DateReader {
	return func(field string, in domain.DateInput) (*domain.PartialDate, error) {
		d, err := domain.ParseDateInput(field, in)
		if err != nil {
			return nil, err
		}
		if in.NotAfter == "" && in.NotBefore == "" {
			return &d, nil
		}
		bound := func(sub, id string) (*domain.PartialDate, error) {
			if id == "" {
				return nil, nil
			}
			if err := domain.CheckID(field+"."+sub, id); err != nil {
				return nil, err
			}
			n, err := tx.Node(ctx, id)
			if err != nil {
				return nil, err
			}
			if n == nil || domain.DateOf(n) == nil {
				return nil, domain.Invalid(field+"."+sub, "%s does not exist or has no date", id)
			}
			return domain.DateOf(n), nil
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
		return &d, nil
	}
}

// decodeAttribution reads and checks an attribution's Input.
func decodeAttribution(ctx context.Context, tx domain.WriteTx, id string, in Input) (AttributionInput, error) {
	spec := domain.Spec(domain.KindAttribution)
	a := spec.New(id).(*domain.Attribution)
	if err := domain.Apply(a, in, Dates(ctx, tx)); err != nil {
		return AttributionInput{}, prefixed("input", err)
	}
	if err := a.Validate(); err != nil {
		return AttributionInput{}, prefixed("input", err)
	}
	ai := AttributionInput{Attribution: a}
	ids := func(name string) ([]string, error) {
		raw, ok := in[name]
		if !ok || raw == nil {
			return nil, nil
		}
		items, err := domain.ReadLink(*spec.Link(name), raw)
		if err != nil {
			return nil, prefixed("input", err)
		}
		out := make([]string, len(items))
		for i, it := range items {
			out[i] = it.ID
		}
		return out, nil
	}
	one := func(name string) (*string, error) {
		l, err := ids(name)
		if err != nil || len(l) == 0 {
			return nil, err
		}
		return &l[0], nil
	}
	var err error
	if ai.Sources, err = ids("sources"); err != nil {
		return ai, err
	}
	if ai.MadeIn, err = ids("madeIn"); err != nil {
		return ai, err
	}
	if ai.Cites, err = ids("cites"); err != nil {
		return ai, err
	}
	if ai.Actor, err = one("actor"); err != nil {
		return ai, err
	}
	if ai.During, err = one("during"); err != nil {
		return ai, err
	}
	claim, _ := in["claim"].(string)
	newClaim, _ := in["newClaim"].(map[string]any)
	switch {
	case newClaim != nil && claim != "":
		return ai, domain.Invalid("input.newClaim", "give claim or newClaim, not both")
	case newClaim != nil:
		if ai.NewClaim, ai.NewAbout, err = decodeNewClaim(ctx, tx, newClaim); err != nil {
			return ai, err
		}
		ai.ClaimID = ai.NewClaim.ID
	case claim != "":
		ai.ClaimID = claim
	default:
		return ai, domain.Invalid("input.claim", "give the claim the attribution is on, or a newClaim")
	}
	return ai, prefixed("input", a.CheckLinks(ai.Actor, ai.Sources, ai.Cites))
}

// decodeNewClaim reads the claim an attribution creates with it, and its
// ABOUT links (nil when not given).
func decodeNewClaim(ctx context.Context, tx domain.WriteTx, in Input) (*domain.Claim, []domain.Edge, error) {
	const at = "input.newClaim"
	id, _ := in["id"].(string)
	if err := domain.CheckID(at+".id", id, domain.KindClaim); err != nil {
		return nil, nil, err
	}
	spec := domain.Spec(domain.KindClaim)
	c := spec.New(id).(*domain.Claim)
	if err := domain.Apply(c, in, Dates(ctx, tx)); err != nil {
		return nil, nil, prefixed(at, err)
	}
	if err := c.Validate(); err != nil {
		return nil, nil, prefixed(at, err)
	}
	raw, ok := in["about"]
	if !ok || raw == nil {
		return c, nil, nil
	}
	items, err := domain.ReadLink(*spec.Link("about"), raw)
	if err != nil {
		return nil, nil, prefixed(at, err)
	}
	about := make([]domain.Edge, len(items))
	for i, it := range items {
		role := it.Role
		about[i] = domain.Edge{Type: domain.RelAbout, From: id, To: it.ID, Role: &role}
	}
	return c, about, nil
}
