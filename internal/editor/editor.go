// Package editor is newsgraph's write service: upserts with validation,
// attributions with their claims, facts, deprecation, deletion and merging.
// Each operation is one transaction through domain.Writer and checks the
// caller's role first; on any error nothing is written.
package editor

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Service runs the write operations.
type Service struct {
	W domain.Writer
}

// prefixed puts an input path in front of an error's field: "name" becomes
// "input.name".
func prefixed(path string, err error) error {
	var de *domain.Error
	if errors.As(err, &de) && de.Code == domain.EINVALID {
		c := *de
		if c.Field == "" {
			c.Field = path
		} else {
			c.Field = path + "." + c.Field
		}
		return &c
	}
	return err
}

// Upsert creates or updates the node id of kind: it loads the node (or starts
// from fresh(id)), lets apply change it, validates it, writes it, and runs
// then for the node's relationships, all in one transaction. Running the same
// upsert twice changes nothing. Errors: EUNAUTHENTICATED, EFORBIDDEN,
// EINVALID (with the input field), ECONFLICT, EUNAVAILABLE.
func Upsert[T interface {
	domain.Node
	Validate() error
}](ctx context.Context, s *Service, kind domain.Kind, id string, fresh func(id string) T, apply func(context.Context, domain.WriteTx, T) error, then func(context.Context, domain.WriteTx, T) (bool, error)) (T, domain.Outcome, error) {
	var out T
	var outcome domain.Outcome
	p, err := domain.Require(ctx, domain.RoleEditor, "writing")
	if err != nil {
		return out, "", err
	}
	if err := domain.CheckID("input.id", id, kind); err != nil {
		return out, "", err
	}
	err = s.W.Write(ctx, p, func(tx domain.WriteTx) error {
		existing, err := tx.Node(ctx, id)
		if err != nil {
			return err
		}
		n := fresh(id)
		if existing != nil {
			if existing.NodeID() != id {
				return domain.Errorf(domain.ECONFLICT, "%s was merged into %s: write to %s", id, existing.NodeID(), existing.NodeID())
			}
			n = existing.(T)
		}
		if err := apply(ctx, tx, n); err != nil {
			return prefixed("input", err)
		}
		if err := n.Validate(); err != nil {
			return prefixed("input", err)
		}
		if outcome, err = tx.PutNode(ctx, n); err != nil {
			return err
		}
		if then != nil {
			changed, err := then(ctx, tx, n)
			if err != nil {
				return prefixed("input", err)
			}
			if changed && outcome == domain.Unchanged {
				outcome = domain.Updated
			}
		}
		// Read back what was stored, with its bookkeeping.
		stored, err := tx.Node(ctx, id)
		if err == nil {
			out, _ = stored.(T)
		}
		return err
	})
	return out, outcome, err
}

// LinkSpec replaces the relationships of one type from a node with links to
// the given ids (nil leaves them alone).
type LinkSpec struct {
	Field string
	Type  domain.RelType
	IDs   []string
	Kinds []domain.Kind
	// Role, when set, is stored on every link (e.g. ABOUT's role).
	Roles []string
}

// ReplaceLinks checks that every id exists with an allowed kind and makes
// the links of spec.Type from `from` exactly those.
func ReplaceLinks(ctx context.Context, tx domain.WriteTx, from string, spec LinkSpec) (bool, error) {
	if spec.IDs == nil {
		return false, nil
	}
	edges := make([]domain.Edge, 0, len(spec.IDs))
	for i, id := range spec.IDs {
		resolved, err := mustExist(ctx, tx, spec.Field, id, spec.Kinds...)
		if err != nil {
			return false, err
		}
		e := domain.Edge{Type: spec.Type, From: from, To: resolved}
		if i < len(spec.Roles) && spec.Roles[i] != "" {
			role := spec.Roles[i]
			e.Role = &role
		}
		edges = append(edges, e)
	}
	return tx.ReplaceEdges(ctx, from, spec.Type, edges)
}

// mustExist returns EINVALID unless id is well-formed, of one of kinds and
// stored; it returns the id the node is stored under (a merged id resolves
// to its survivor).
func mustExist(ctx context.Context, tx domain.WriteTx, field, id string, kinds ...domain.Kind) (string, error) {
	if err := domain.CheckID(field, id, kinds...); err != nil {
		return "", err
	}
	n, err := tx.Node(ctx, id)
	if err != nil {
		return "", err
	}
	if n == nil {
		return "", domain.Invalid(field, "%s does not exist", id)
	}
	return n.NodeID(), nil
}

// AttributionInput is an attribution command decoded from its Input.
type AttributionInput struct {
	Attribution *domain.Attribution
	ClaimID     string        // an existing claim, or the id of NewClaim
	NewClaim    *domain.Claim // created (or updated) in the same transaction
	NewAbout    []domain.Edge // the new claim's ABOUT edges
	Actor       *string
	Sources     []string
	MadeIn      []string // where the actor made it; nil leaves it alone
	Cites       []string
	During      *string
}

// RecordAttribution writes an attribution, its relationships and, when
// given, its claim, then re-derives the status of the claim (and of the one
// it was on before, if it moved). in holds the attribution's fields, its
// links (domain.KindLinks: claim, actor, sources, madeIn, cites, during)
// and, instead of claim, a newClaim (a claim's Input with its about). A
// quote must occur in the text of every source that has text.
func (s *Service) RecordAttribution(ctx context.Context, in Input) (*domain.Attribution, domain.Outcome, error) {
	p, err := domain.Require(ctx, domain.RoleEditor, "writing")
	if err != nil {
		return nil, "", err
	}
	id, _ := in["id"].(string)
	if err := domain.CheckID("input.id", id, domain.KindAttribution); err != nil {
		return nil, "", err
	}
	var out *domain.Attribution // as stored
	var outcome domain.Outcome
	err = s.W.Write(ctx, p, func(tx domain.WriteTx) error {
		ai, err := decodeAttribution(ctx, tx, id, in)
		if err != nil {
			return err
		}
		out, outcome, err = recordAttribution(ctx, tx, ai)
		return err
	})
	if err != nil {
		return nil, "", err
	}
	return out, outcome, nil
}

// recordAttribution writes a decoded attribution in tx and returns it as
// stored, with what the write did to its fields and its claim (created,
// updated, unchanged).
func recordAttribution(ctx context.Context, tx domain.WriteTx, in AttributionInput) (*domain.Attribution, domain.Outcome, error) {
	a := in.Attribution
	var err error
	if in.NewClaim != nil {
		if err := putNewClaim(ctx, tx, in); err != nil {
			return nil, "", err
		}
	} else if in.ClaimID, err = mustExist(ctx, tx, "input.claim", in.ClaimID, domain.KindClaim); err != nil {
		return nil, "", err
	}
	if a.Quote != nil {
		if err := quoteInSources(ctx, tx, *a.Quote, in.Sources); err != nil {
			return nil, "", err
		}
	}
	previous, err := tx.ClaimOf(ctx, a.ID)
	if err != nil {
		return nil, "", err
	}
	outcome, err := tx.PutNode(ctx, a)
	if err != nil {
		return nil, "", err
	}
	if outcome == domain.Unchanged && previous != in.ClaimID {
		outcome = domain.Updated
	}
	ids := map[string][]string{"claim": {in.ClaimID}, "sources": in.Sources, "madeIn": in.MadeIn,
		"cites": orEmpty(in.Cites), "actor": optList(in.Actor), "during": optList(in.During)}
	for _, l := range domain.Spec(domain.KindAttribution).Links {
		spec := LinkSpec{Field: "input." + l.Name, Type: l.Type, IDs: ids[l.Name], Kinds: l.Targets}
		changed, err := ReplaceLinks(ctx, tx, a.ID, spec)
		if err != nil {
			return nil, "", err
		}
		if changed && outcome == domain.Unchanged {
			outcome = domain.Updated
		}
	}
	if len(in.Cites) > 0 {
		if cited, err := tx.CitationCycle(ctx, a.ID); err != nil {
			return nil, "", err
		} else if cited != "" {
			return nil, "", domain.Invalid("input.cites", "%s already cites %s, directly or through others: citations cannot form a cycle", cited, a.ID)
		}
	}
	claims := []string{in.ClaimID}
	if previous != "" && previous != in.ClaimID {
		claims = append(claims, previous)
	}
	if err := tx.RefreshStatuses(ctx, claims); err != nil {
		return nil, "", err
	}
	stored, err := tx.Node(ctx, a.ID)
	if err != nil {
		return nil, "", err
	}
	out, _ := stored.(*domain.Attribution)
	return out, outcome, nil
}

// putNewClaim creates the claim of in.NewClaim with its ABOUT links. A claim
// already stored under that id with the same content (a retried mutation)
// is used as it is; one with other content is a conflict.
func putNewClaim(ctx context.Context, tx domain.WriteTx, in AttributionInput) error {
	c := in.NewClaim
	existing, err := tx.Node(ctx, c.ID)
	if err != nil {
		return err
	}
	if existing != nil {
		same, err := sameClaim(ctx, tx, existing, c, in.NewAbout)
		if err != nil || same {
			return err
		}
		return &domain.Error{Code: domain.ECONFLICT, Field: "input.newClaim.id",
			Message: fmt.Sprintf("%s already exists with other content: give it as claim, or change it with upsertClaim", c.ID)}
	}
	if _, err := tx.PutNode(ctx, c); err != nil {
		return err
	}
	if in.NewAbout == nil {
		return nil
	}
	spec := LinkSpec{Field: "input.newClaim.about", Type: domain.RelAbout, Kinds: domain.AboutKinds}
	for _, e := range in.NewAbout {
		spec.IDs = append(spec.IDs, e.To)
		spec.Roles = append(spec.Roles, *e.Role)
	}
	_, err = ReplaceLinks(ctx, tx, c.ID, spec)
	return err
}

// sameClaim reports whether stored is the claim want describes: the same
// texts, language, rank and point in time, and, when about is given, the
// same ABOUT links.
func sameClaim(ctx context.Context, tx domain.WriteTx, stored domain.Node, want *domain.Claim, about []domain.Edge) (bool, error) {
	got, ok := stored.(*domain.Claim)
	if !ok || !domain.SameFields(got, want) {
		return false, nil
	}
	if about == nil {
		return true, nil
	}
	have, err := tx.Edges(ctx, got.ID, domain.RelAbout)
	if err != nil {
		return false, err
	}
	key := func(e domain.Edge) string {
		role := ""
		if e.Role != nil {
			role = *e.Role
		}
		return e.To + " " + role
	}
	a, b := make([]string, len(have)), make([]string, len(about))
	for i, e := range have {
		a[i] = key(e)
	}
	for i, e := range about {
		b[i] = key(e)
	}
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b)), nil
}

func orEmpty(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

func optList(id *string) []string {
	if id == nil {
		return []string{}
	}
	return []string{*id}
}

// quoteInSources checks that quote occurs, whitespace-normalised, in the text
// of every source that has text.
func quoteInSources(ctx context.Context, tx domain.WriteTx, quote string, sources []string) error {
	q := strings.Join(strings.Fields(quote), " ")
	for _, id := range sources {
		if err := domain.CheckID("input.sources", id, domain.KindSource); err != nil {
			return err
		}
		n, err := tx.Node(ctx, id)
		if err != nil {
			return err
		}
		src, ok := n.(*domain.Source)
		if !ok {
			return domain.Invalid("input.sources", "%s does not exist", id)
		}
		if src.Text != nil && !strings.Contains(strings.Join(strings.Fields(*src.Text), " "), q) {
			return domain.Invalid("input.quote", "the quote does not occur in the text of %s; a quote must be verbatim", id)
		}
	}
	return nil
}

// FactInput is one fact relationship and the claim that establishes it.
type FactInput struct {
	Edge domain.Edge
	// Start and End, when given, become the edge's dates (MEMBER_OF).
	Start, End *domain.DateInput
}

// RecordFact writes a fact edge. Its claim must exist and already be
// attributed in a source, so that every fact has provenance.
func (s *Service) RecordFact(ctx context.Context, in FactInput) (domain.Edge, error) {
	e := in.Edge
	p, err := domain.Require(ctx, domain.RoleEditor, "writing")
	if err != nil {
		return e, err
	}
	ends, ok := domain.FactEnds[e.Type]
	if !ok {
		return e, domain.Invalid("input.type", "%s is not a fact", e.Type)
	}
	if e.ClaimID == nil {
		return e, domain.Invalid("input.claim", "a fact needs the claim that establishes it")
	}
	if err := e.Validate(); err != nil {
		return e, prefixed("input", err)
	}
	err = s.W.Write(ctx, p, func(tx domain.WriteTx) error {
		var err error
		for _, d := range []struct {
			field string
			in    *domain.DateInput
			dst   **domain.PartialDate
		}{{"input.start", in.Start, &e.Start}, {"input.end", in.End, &e.End}} {
			if d.in != nil {
				if *d.dst, err = Dates(ctx, tx)(d.field, *d.in); err != nil {
					return err
				}
			}
		}
		if e.From, err = mustExist(ctx, tx, "input.from", e.From, ends[0]...); err != nil {
			return err
		}
		if e.To, err = mustExist(ctx, tx, "input.to", e.To, ends[1]...); err != nil {
			return err
		}
		if _, err := mustExist(ctx, tx, "input.claim", *e.ClaimID, domain.KindClaim); err != nil {
			return err
		}
		if ok, err := tx.Attributed(ctx, *e.ClaimID); err != nil {
			return err
		} else if !ok {
			return domain.Invalid("input.claim", "%s has no attribution recorded in a source yet: record one first", *e.ClaimID)
		}
		_, err = tx.PutEdge(ctx, e)
		return err
	})
	return e, err
}

// DeprecateClaim sets a claim's rank to DEPRECATED; claims are never deleted.
func (s *Service) DeprecateClaim(ctx context.Context, id string) (*domain.Claim, error) {
	c, _, err := Upsert(ctx, s, domain.KindClaim, id,
		func(string) *domain.Claim { return nil },
		func(_ context.Context, _ domain.WriteTx, c *domain.Claim) error {
			if c == nil {
				return domain.Invalid("id", "%s does not exist", id)
			}
			c.Rank = domain.RankDeprecated
			return nil
		}, nil)
	return c, err
}

// Delete removes an entity. It is refused with ECONFLICT while relationships
// reference it, unless force is set, which needs the admin role. Claims and
// attributions are never deleted: deprecate a claim instead.
func (s *Service) Delete(ctx context.Context, id string, force bool) (bool, error) {
	need, what := domain.RoleEditor, "deleting"
	if force {
		need, what = domain.RoleAdmin, "a forced delete"
	}
	p, err := domain.Require(ctx, need, what)
	if err != nil {
		return false, err
	}
	kind, err := domain.KindOfID(id)
	if err != nil {
		return false, err
	}
	if !slices.Contains(domain.EntityKinds, kind) {
		return false, domain.Errorf(domain.ECONFLICT, "%s is a %s: claims and attributions are never deleted; deprecate the claim instead", id, kind)
	}
	deleted := false
	err = s.W.Write(ctx, p, func(tx domain.WriteTx) error {
		deleted = false
		n, err := tx.Node(ctx, id)
		if err != nil || n == nil {
			return err
		}
		refs, err := tx.References(ctx, id)
		if err != nil {
			return err
		}
		if refs > 0 && !force {
			return domain.Errorf(domain.ECONFLICT, "%s is referenced by %d relationships; remove them, merge it, or have an admin force the delete", id, refs)
		}
		if sole, err := tx.SoleSourceOf(ctx, id); err != nil {
			return err
		} else if sole > 0 {
			return domain.Errorf(domain.ECONFLICT, "%s is the only source of %d attributions, which would be left without provenance; record them elsewhere first", id, sole)
		}
		claims, err := tx.ClaimsTouching(ctx, id)
		if err != nil {
			return err
		}
		deleted = true
		if err := tx.DeleteNode(ctx, id); err != nil {
			return err
		}
		return tx.RefreshStatuses(ctx, claims)
	})
	return deleted, err
}

// Merge folds duplicate into survivor (same type): every relationship moves
// to the survivor, the duplicate's name and aliases become the survivor's
// aliases, and the duplicate's id resolves to the survivor from then on.
// Needs the admin role.
func (s *Service) Merge(ctx context.Context, survivor, duplicate string) (domain.Node, error) {
	p, err := domain.Require(ctx, domain.RoleAdmin, "merging")
	if err != nil {
		return nil, err
	}
	ks, err := domain.KindOfID(survivor)
	if err != nil {
		return nil, domain.Invalid("survivor", "%s", domain.ErrorMessage(err))
	}
	if err := domain.CheckID("duplicate", duplicate, ks); err != nil {
		return nil, err
	}
	if survivor == duplicate {
		return nil, domain.Invalid("duplicate", "an entity cannot be merged into itself")
	}
	if !slices.Contains(domain.EntityKinds, ks) {
		return nil, domain.Errorf(domain.ECONFLICT, "%ss are not merged; deprecate the duplicate claim instead", ks)
	}
	var out domain.Node
	err = s.W.Write(ctx, p, func(tx domain.WriteTx) error {
		sv, err := tx.Node(ctx, survivor)
		if err != nil {
			return err
		}
		dup, err := tx.Node(ctx, duplicate)
		if err != nil {
			return err
		}
		if sv == nil || dup == nil {
			return domain.Invalid("duplicate", "both %s and %s must exist", survivor, duplicate)
		}
		mergeNames(sv, dup)
		if _, err := tx.PutNode(ctx, sv); err != nil {
			return err
		}
		if err := tx.MergeInto(ctx, survivor, duplicate); err != nil {
			return err
		}
		// Votes may become a party's: re-derive what the survivor touches.
		claims, err := tx.ClaimsTouching(ctx, survivor)
		if err != nil {
			return err
		}
		if err := tx.RefreshStatuses(ctx, claims); err != nil {
			return err
		}
		out, err = tx.Node(ctx, survivor)
		return err
	})
	return out, err
}

// mergeNames adds dup's name and aliases to sv's aliases (for the kinds
// with a name and aliases).
func mergeNames(sv, dup domain.Node) {
	spec, dupSpec := domain.SpecOf(sv), domain.SpecOf(dup)
	aliasesOf, nameOf := spec.Field("aliases"), spec.Field("name")
	dupAliases, dupName := dupSpec.Field("aliases"), dupSpec.Field("name")
	if aliasesOf == nil || nameOf == nil || dupAliases == nil || dupName == nil {
		return
	}
	aliases, name := aliasesOf.Get(sv).([]string), nameOf.Text(sv)
	for _, a := range append([]string{dupName.Text(dup)}, dupAliases.Get(dup).([]string)...) {
		if a != "" && a != name && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	aliasesOf.Set(sv, aliases)
}
