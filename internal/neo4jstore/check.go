package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// invariantQueries each return the ids that break one invariant of
// docs/domain.md; the key says which.
var invariantQueries = map[string]string{
	"fact edge whose claim does not resolve to a Claim with an attribution recorded in a source": `
MATCH ()-[r:` + factTypes() + `]->()
WHERE r.claim IS NULL OR NOT EXISTS {
  MATCH (c:Claim {id: r.claim})<-[:ON]-(:Attribution)-[:RECORDED_IN]->(:Source)
}
RETURN type(r) + ' ' + startNode(r).id + '->' + endNode(r).id AS bad`,
	"attribution without exactly one ON": `
MATCH (a:Attribution) WHERE COUNT { (a)-[:ON]->(:Claim) } <> 1 RETURN a.id AS bad`,
	"attribution without RECORDED_IN": `
MATCH (a:Attribution) WHERE NOT EXISTS { (a)-[:RECORDED_IN]->(:Source) } RETURN a.id AS bad`,
	"node without the Node label or with a duplicate id": `
MATCH (n) WHERE NOT n:Node AND any(l IN labels(n) WHERE l IN ['Person', 'Organisation', 'Place', 'Negotiation', 'Event', 'Source', 'Claim', 'Attribution']) RETURN coalesce(n.id, elementId(n)) AS bad
UNION
MATCH (n:Node) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id AS bad`,
}

// Violations checks the invariants of docs/domain.md against the stored
// graph, including that every claim's status equals the rule applied to its
// current attributions. It returns one line per violation.
func (s *Store) Violations(ctx context.Context) ([]string, error) {
	var out []string
	for what, q := range invariantQueries {
		recs, err := s.read(ctx, q, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out = append(out, fmt.Sprintf("%s: %v", what, r.Values[0]))
		}
	}
	recs, err := s.read(ctx, "MATCH (c:Claim)"+claimVotes, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		stored, _ := r.Values[1].(string)
		want := domain.DeriveStatus(votesOf(r.Values[2]))
		if stored != string(want) {
			out = append(out, fmt.Sprintf("claim %v has status %q, but its attributions make it %s", r.Values[0], stored, want))
		}
	}
	sort.Strings(out)
	return out, nil
}

func votesOf(v any) []domain.StanceVote {
	raw, _ := v.([]any)
	votes := make([]domain.StanceVote, 0, len(raw))
	for _, x := range raw {
		m := x.(map[string]any)
		party, _ := m["party"].(bool)
		stance, _ := m["stance"].(string)
		votes = append(votes, domain.StanceVote{Stance: domain.Stance(stance), ByParty: party})
	}
	return votes
}

// Bookkeeping are the properties that say when, by whom and from where a
// node or relationship was written, rather than what it is.
var Bookkeeping = []string{"createdAt", "updatedAt", "createdBy", "updatedBy", "origin"}

// Dump returns every node and relationship with its properties (less the
// ones named in exclude), one sorted line each, so that two graphs can be
// compared as text.
func (s *Store) Dump(ctx context.Context, exclude ...string) ([]string, error) {
	recs, err := s.read(ctx, `MATCH (n:Node) RETURN n.id AS k, labels(n) AS l, properties(n) AS p
UNION ALL
MATCH (a:Node)-[r]->(b:Node) RETURN a.id + ' -[' + type(r) + ']-> ' + b.id AS k, [] AS l, properties(r) AS p`, nil)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		labels, _ := r.Values[1].([]any)
		ls := make([]string, len(labels))
		for i, l := range labels {
			ls[i] = fmt.Sprint(l)
		}
		sort.Strings(ls)
		props, _ := r.Values[2].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			if !slices.Contains(exclude, k) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var b strings.Builder
		fmt.Fprintf(&b, "%v %s {", r.Values[0], strings.Join(ls, ":"))
		for _, k := range keys {
			v := props[k]
			if d, ok := v.(neo4j.Date); ok {
				v = d.Time().Format(domain.DateLayout)
			}
			fmt.Fprintf(&b, "%s=%v ", k, v)
		}
		b.WriteString("}")
		out = append(out, b.String())
	}
	sort.Strings(out)
	return out, nil
}

func factTypes() string {
	names := make([]string, len(domain.FactRelTypes))
	for i, t := range domain.FactRelTypes {
		names[i] = string(t)
	}
	return strings.Join(names, "|")
}
