package graph

import (
	"context"
	"reflect"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/editor"
	"github.com/newsgraph/newsgraph/internal/mentions"
)

// The mutations map their inputs to the editor's commands; a node's input
// is a map that the editor reads through the kind's description.

// dateInput maps a PartialDateInput to the editor's DateInput, read as
// node inputs' dates are (domain.ReadDateInput).
func dateInput(in *model.PartialDateInput) *domain.DateInput {
	if in == nil {
		return nil
	}
	d, _ := domain.ReadDateInput("", plainValue(reflect.ValueOf(in))) // a PartialDateInput has only strings and dates
	return &d
}

func (r *mutationResolver) editor() *editor.Service { return r.Editor }

// plain turns a node input as gqlgen unmarshals it (typed pointers, enums,
// input structs) into the JSON-like values domain.Apply reads: a nil
// pointer is null, string types are strings, numbers float64, input
// objects maps by their JSON names; times are kept. Absent keys stay absent.
func plain(in map[string]any) map[string]any {
	out, _ := plainValue(reflect.ValueOf(in)).(map[string]any)
	return out
}

func plainValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return plainValue(v.Elem())
	case reflect.String:
		return v.String()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(v.Int())
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = plainValue(v.Index(i))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			out[it.Key().String()] = plainValue(it.Value())
		}
		return out
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return t
		}
		out := map[string]any{}
		for i := range v.NumField() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" {
				out[name] = plainValue(v.Field(i))
			}
		}
		return out
	}
	return v.Interface()
}

// upsert runs editor.UpsertNode for a node's input and reports what it did
// in the response's extensions (see noteOutcome).
func upsert[T domain.Node](ctx context.Context, r *mutationResolver, kind domain.Kind, in map[string]any) (T, error) {
	n, outcome, err := r.editor().UpsertNode(ctx, kind, plain(in))
	var out T
	if err != nil {
		return out, err
	}
	noteOutcome(ctx, n.NodeID(), outcome)
	out, _ = n.(T)
	return out, nil
}

// noteOutcome adds what a write did to the response's extensions:
// "outcomes": {"<response key>": {"id": …, "outcome": "created" |
// "updated" | "unchanged"}}, one entry per mutation field.
func noteOutcome(ctx context.Context, id string, outcome domain.Outcome) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || outcome == "" {
		return
	}
	outcomes, _ := graphql.GetExtension(ctx, "outcomes").(map[string]any)
	if outcomes == nil {
		outcomes = map[string]any{}
		graphql.RegisterExtension(ctx, "outcomes", outcomes)
	}
	outcomes[fc.Field.Alias] = map[string]any{"id": id, "outcome": string(outcome)}
}

func recordAttribution(ctx context.Context, r *mutationResolver, in map[string]any) (*domain.Attribution, error) {
	a, outcome, err := r.editor().RecordAttribution(ctx, plain(in))
	if err != nil {
		return nil, err
	}
	noteOutcome(ctx, a.ID, outcome)
	return a, nil
}

func recordFact(ctx context.Context, s *editor.Service, in model.FactInput) (*model.Fact, error) {
	if _, err := domain.Require(ctx, domain.RoleEditor, "writing"); err != nil {
		return nil, err
	}
	claim := in.Claim
	e, err := s.RecordFact(ctx, editor.FactInput{Edge: domain.Edge{Type: in.Type, From: in.From, To: in.To, Role: in.Role, Side: in.Side, ClaimID: &claim},
		Start: dateInput(in.Start), End: dateInput(in.End)})
	if err != nil {
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
	a := editor.Article{Source: src, Publisher: in.Publisher, Author: in.Author, PublishedAt: dateInput(in.PublishedAt)}
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
