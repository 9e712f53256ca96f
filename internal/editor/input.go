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
		func(ctx context.Context, tx domain.WriteTx, n domain.Node) error {
			for _, l := range spec.Links {
				if raw, ok := in[l.Name]; ok {
					if err := replaceLink(ctx, tx, n.NodeID(), "", l, raw); err != nil {
						return err
					}
				}
			}
			if kind == domain.KindClaim {
				return tx.RefreshStatuses(ctx, []string{n.NodeID()})
			}
			return nil
		})
}

// replaceLink makes the links l of node from exactly those raw names (see
// domain.ReadLink); prefix goes in front of the field in errors.
func replaceLink(ctx context.Context, tx domain.WriteTx, from, prefix string, l domain.LinkField, raw any) error {
	items, err := domain.ReadLink(l, raw)
	if err != nil {
		return prefixed(prefix, err)
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
