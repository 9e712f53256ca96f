package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

var _ domain.Traverser = (*Store)(nil)

// polishEndings are stripped from search words so that a prefix query finds
// the other forms: "Putinem" searches putin*, "Zełenskiego" zelensk*.
var polishEndings = []string{"owie", "ami", "ach", "ego", "emu", "iej", "owi", "ych", "ich", "em", "om", "ie", "ii", "ej", "ym", "im", "a", "e", "i", "u", "y", "o"}

func stem(word string) string {
	for _, end := range polishEndings {
		if strings.HasSuffix(word, end) && len(word)-len(end) >= 4 {
			return strings.TrimSuffix(word, end)
		}
	}
	return word
}

// searchQuery turns user text into a Lucene query over folded words: each
// word matches exactly (boosted) or by its stem as a prefix, anywhere, and
// more in names, aliases and titles than in long texts; hits with more of
// the words rank higher. Folded words hold only letters and digits, so
// nothing in the query comes from Lucene's syntax.
func searchQuery(text string) (string, []string) {
	var parts, stems []string
	words := strings.Fields(domain.Fold(text))
	slices.Sort(words)
	for _, w := range slices.Compact(words) {
		s := stem(w)
		stems = append(stems, s)
		term := w
		if len(w) >= 3 {
			term = fmt.Sprintf("(%s^2 OR %s*)", w, s)
		}
		parts = append(parts, fmt.Sprintf("(name:%[1]s^6 OR aliasText:%[1]s^5 OR title:%[1]s^4 OR %[1]s)", term))
	}
	return strings.Join(parts, " OR "), stems
}

// maxSearchWords keeps a query well under Lucene's clause limit.
const maxSearchWords = 20

const searchCypher = `CALL db.index.fulltext.queryNodes('` + FulltextIndex + `', $q, {limit: $limit}) YIELD node, score
WHERE $kinds IS NULL OR any(l IN labels(node) WHERE l IN $kinds)
RETURN node, score ORDER BY score DESC, node.id SKIP $skip LIMIT $first`

// Search implements domain.Traverser: ranked full-text search, tolerant of
// case, diacritics and inflection. It returns whether more hits follow.
func (s *Store) Search(ctx context.Context, text string, kinds []domain.Kind, first, offset int) ([]domain.SearchHit, bool, error) {
	if n := len(strings.Fields(domain.Fold(text))); n > maxSearchWords {
		return nil, false, domain.Invalid("text", "search text has %d words; at most %d", n, maxSearchWords)
	}
	q, stems := searchQuery(text)
	if q == "" {
		return nil, false, domain.Invalid("text", "search text has no words")
	}
	if offset+first > s.limits.TraversalRows {
		return nil, false, domain.Errorf(domain.ELIMIT, "search pages past %d hits are not served; refine the search", s.limits.TraversalRows)
	}
	// The index cannot filter by label: take the best hits, then filter and page.
	recs, err := s.read(ctx, searchCypher, map[string]any{"q": q, "kinds": strList(kinds), "skip": offset, "first": first + 1, "limit": s.limits.TraversalRows})
	if err != nil {
		return nil, false, err
	}
	var hits []domain.SearchHit
	for i, r := range recs {
		if i == first {
			return hits, true, nil
		}
		raw := r.Values[0].(neo4j.Node)
		n := nodeFromDB(raw)
		if n == nil {
			continue
		}
		hits = append(hits, domain.SearchHit{Node: n, Score: r.Values[1].(float64), Matched: matched(raw.Props, stems)})
	}
	return hits, false, nil
}

// matched names the text fields of a node that contain one of the stems.
func matched(props map[string]any, stems []string) []domain.FieldMatch {
	var out []domain.FieldMatch
	check := func(field, value string) {
		f := domain.Fold(value)
		for _, s := range stems {
			if strings.Contains(f, s) {
				if len([]rune(value)) > 160 {
					value = string([]rune(value)[:160]) + "…"
				}
				out = append(out, domain.FieldMatch{Field: field, Value: value})
				return
			}
		}
	}
	for _, field := range []string{"name", "title", "summary", "text", "quote", "cue"} {
		if v, ok := props[field].(string); ok {
			check(field, v)
		}
	}
	for _, a := range propReader(props).strs("aliases") {
		check("aliases", a)
	}
	return out
}

// relTypes renders an allowlisted type list for a pattern, "" for all.
func relTypes(types []domain.RelType) (string, error) {
	if len(types) == 0 {
		return "", nil
	}
	names := make([]string, len(types))
	for i, t := range types {
		if !allowedRel(t) {
			return "", domain.Invalid("relationshipTypes", "%s is not a relationship type", t)
		}
		names[i] = string(t)
	}
	return ":" + strings.Join(names, "|"), nil
}

// stepClaim is the claim behind a relationship, by its type.
const stepClaim = `CASE type(r)
  WHEN 'ABOUT' THEN startNode(r).id
  WHEN 'ON' THEN endNode(r).id
  WHEN 'MADE_BY' THEN head(COLLECT { MATCH (x)-[:ON]->(c:Claim) WHERE x = startNode(r) RETURN c.id })
  WHEN 'RECORDED_IN' THEN head(COLLECT { MATCH (x)-[:ON]->(c:Claim) WHERE x = startNode(r) RETURN c.id })
  WHEN 'DURING' THEN head(COLLECT { MATCH (x)-[:ON]->(c:Claim) WHERE x = startNode(r) RETURN c.id })
  WHEN 'CITES' THEN head(COLLECT { MATCH (x)-[:ON]->(c:Claim) WHERE x = endNode(r) RETURN c.id })
  ELSE r.claim END`

// Paths implements domain.Traverser.
func (s *Store) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	if err := domain.InRange("maxHops", q.MaxHops, 1, s.limits.PathHops); err != nil {
		return nil, err
	}
	types, err := relTypes(q.Types)
	if err != nil {
		return nil, err
	}
	if q.Limit == 0 {
		q.Limit = 10 // the schema's default first
	}
	if err := domain.InRange("first", q.Limit, 1, s.limits.PageSize); err != nil {
		return nil, err
	}
	// The hop count is a validated int and the types come from the allowlist.
	cypher := fmt.Sprintf(`MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[%s*..%d]-(b))
WHERE all(n IN nodes(p)[1..-1] WHERE n:Node AND NOT n.id IN $avoid AND ($maxDegree = 0 OR COUNT { (n)--() } <= $maxDegree))
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role, claim: %s}] AS steps`, types, q.MaxHops, stepClaim)
	avoid := q.Avoid
	if avoid == nil {
		avoid = []string{}
	}
	recs, err := s.read(ctx, cypher, map[string]any{"from": q.From, "to": q.To, "avoid": avoid, "maxDegree": q.MaxDegree, "limit": q.Limit})
	if err != nil {
		return nil, err
	}
	var paths []domain.Path
	claims := map[string]bool{}
	for _, r := range recs {
		p := domain.Path{NodeIDs: propReader{"x": r.Values[0]}.strs("x")}
		for i, raw := range r.Values[1].([]any) {
			m := propReader(raw.(map[string]any))
			st := domain.PathStep{Type: domain.RelType(m.str("type")), From: p.NodeIDs[i], To: p.NodeIDs[i+1], Role: m.optStr("role"), ClaimID: m.optStr("claim")}
			st.Forward = m.str("from") == st.From
			if st.ClaimID != nil {
				claims[*st.ClaimID] = true
			}
			p.Steps = append(p.Steps, st)
		}
		paths = append(paths, p)
	}
	sources, err := s.ClaimSources(ctx, claims)
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		for i := range p.Steps {
			if c := p.Steps[i].ClaimID; c != nil {
				// The schema promises at most 100 (PathStep.sources).
				p.Steps[i].SourceIDs = sources[*c][:min(len(sources[*c]), 100)]
			}
		}
	}
	return paths, nil
}

// ClaimSources returns, per claim, the sources its attributions are recorded in.
func (s *Store) ClaimSources(ctx context.Context, claims map[string]bool) (map[string][]string, error) {
	out := map[string][]string{}
	if len(claims) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(claims))
	for id := range claims {
		ids = append(ids, id)
	}
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (:Claim {id: id})<-[:ON]-(:Attribution)-[:RECORDED_IN]->(s:Source)
RETURN id, collect(DISTINCT s.id) AS sources`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		src := propReader{"x": r.Values[1]}.strs("x")
		slices.Sort(src)
		out[r.Values[0].(string)] = src
	}
	return out, nil
}

// ClaimLinks implements domain.Traverser.
func (s *Store) ClaimLinks(ctx context.Context, a, b string) ([]domain.ClaimLink, error) {
	recs, err := s.read(ctx, `MATCH (x:Node {id: $a}), (y:Node {id: $b})
CALL (x, y) {
  MATCH (x)<-[:ABOUT]-(c:Claim)-[:ABOUT]->(y) RETURN DISTINCT c.id AS claim, 'CO_SUBJECTS' AS kind, null AS att
  UNION
  MATCH (x)<-[:MADE_BY]-(t:Attribution)-[:ON]->(c:Claim)-[:ABOUT]->(y) RETURN c.id AS claim, 'A_REPORTS_ON_B' AS kind, t.id AS att
  UNION
  MATCH (y)<-[:MADE_BY]-(t:Attribution)-[:ON]->(c:Claim)-[:ABOUT]->(x) RETURN c.id AS claim, 'B_REPORTS_ON_A' AS kind, t.id AS att
}
RETURN claim, kind, att ORDER BY kind, claim, att LIMIT $limit`, map[string]any{"a": a, "b": b, "limit": s.limits.TraversalRows})
	if err != nil {
		return nil, err
	}
	out := make([]domain.ClaimLink, 0, len(recs))
	for _, r := range recs {
		l := domain.ClaimLink{ClaimID: r.Values[0].(string), Kind: domain.ClaimLinkKind(r.Values[1].(string))}
		if att, ok := r.Values[2].(string); ok {
			l.AttributionID = &att
		}
		out = append(out, l)
	}
	return out, nil
}

// nodeWhen is the earliest and latest day of a node's own date, whatever
// its kind calls it.
const nodeWhen = `coalesce(o.dateEarliest, o.publishedAtEarliest, o.pointInTimeEarliest, o.statedAtEarliest, o.startEarliest)`
const nodeUntil = `coalesce(o.dateLatest, o.publishedAtLatest, o.pointInTimeLatest, o.statedAtLatest, o.endLatest, CASE WHEN o.startEarliest IS NOT NULL THEN date('9999-12-31') END)`

const neighboursCypher = `UNWIND $ids AS id
MATCH (s:Node {id: id})
CALL (s) {
  MATCH (s)-[r]-(o:Node)
  WHERE ($kinds IS NULL OR any(l IN labels(o) WHERE l IN $kinds))
    AND ($from IS NULL OR ` + nodeUntil + ` IS NULL OR ` + nodeUntil + ` >= $from)
    AND ($to IS NULL OR ` + nodeWhen + ` IS NULL OR ` + nodeWhen + ` <= $to)
  RETURN r, o ORDER BY o.sortDate, o.sortName, o.id LIMIT $perNode
}
RETURN id, type(r), startNode(r).id, endNode(r).id, r, o LIMIT $rows`

// Neighbourhood implements domain.Traverser: a breadth-first expansion, one
// round trip per hop, at most PerNode neighbours expanded per node.
// Undated nodes pass a date window; dated ones must overlap it.
func (s *Store) Neighbourhood(ctx context.Context, q domain.NeighbourhoodQuery) (*domain.Subgraph, error) {
	if err := domain.InRange("hops", q.Hops, 1, s.limits.Hops); err != nil {
		return nil, err
	}
	if err := domain.InRange("maxNeighbours", q.PerNode, 1, s.limits.Neighbours); err != nil {
		return nil, err
	}
	start, err := s.NodesByID(ctx, []string{q.ID})
	if err != nil {
		return nil, err
	}
	root, ok := start[q.ID]
	if !ok {
		return nil, nil
	}
	g := &domain.Subgraph{Nodes: []domain.Node{root}}
	seen := map[string]bool{root.NodeID(): true}
	edges := map[string]bool{}
	frontier := []string{root.NodeID()}
	// One hop reads at most one row more than the subgraph may hold edges:
	// a frontier of thousands of nodes cannot pull millions of rows.
	params := map[string]any{"kinds": strList(q.Kinds), "perNode": q.PerNode, "from": nil, "to": nil, "rows": s.limits.SubgraphNodes + 1}
	tooBig := domain.Errorf(domain.ELIMIT, "the neighbourhood has more than %d nodes or edges (--max-subgraph-nodes): ask for fewer hops, fewer kinds or fewer neighbours per node", s.limits.SubgraphNodes)
	if q.Date.From != nil {
		params["from"] = neo4j.DateOf(*q.Date.From)
	}
	if q.Date.To != nil {
		params["to"] = neo4j.DateOf(*q.Date.To)
	}
	for hop := 0; hop < q.Hops && len(frontier) > 0; hop++ {
		params["ids"] = frontier
		recs, err := s.read(ctx, neighboursCypher, params)
		if err != nil {
			return nil, err
		}
		if len(recs) > s.limits.SubgraphNodes {
			return nil, tooBig
		}
		frontier = nil
		for _, r := range recs {
			t := domain.RelType(r.Values[1].(string))
			from, to := r.Values[2].(string), r.Values[3].(string)
			rel := r.Values[4].(neo4j.Relationship)
			o := nodeFromDB(r.Values[5].(neo4j.Node))
			if o == nil || !allowedRel(t) {
				continue
			}
			if !seen[o.NodeID()] {
				seen[o.NodeID()] = true
				g.Nodes = append(g.Nodes, o)
				frontier = append(frontier, o.NodeID())
				if len(g.Nodes) > s.limits.SubgraphNodes {
					return nil, tooBig
				}
			}
			key := fmt.Sprintf("%s|%s|%s|%s", t, from, to, propReader(rel.Props).str("key"))
			if !edges[key] {
				edges[key] = true
				g.Edges = append(g.Edges, edgeFromDB(t, from, to, rel))
				if len(g.Edges) > s.limits.SubgraphNodes {
					return nil, tooBig
				}
			}
		}
	}
	return g, nil
}

const timelineCypher = `MATCH (x:Node {id: $id})
CALL (x) {
  MATCH (x)<-[p:PARTICIPANT]-(o:Event) RETURN o, 'EVENT' AS what, p.role AS role
  UNION ALL
  MATCH (x)<-[:MADE_BY]-(o:Attribution) RETURN o, 'STATEMENT' AS what, null AS role
  UNION ALL
  MATCH (x)<-[:ABOUT]-(:Claim)<-[:ON]-(o:Attribution) WHERE NOT (o)-[:MADE_BY]->(x) RETURN o, 'REPORTED_ABOUT' AS what, null AS role
  UNION ALL
  MATCH (x)<-[a:ABOUT]-(o:Claim) RETURN o, 'CLAIM' AS what, a.role AS role
  UNION ALL
  MATCH (x)<-[r:AUTHORED_BY|PUBLISHED_BY|MENTIONS]-(o:Source) RETURN o, 'PUBLICATION' AS what, toLower(type(r)) AS role
  UNION ALL
  MATCH (o:Node) WHERE o = x RETURN o, 'SELF' AS what, null AS role
}
WITH o, what, role, ` + nodeWhen + ` AS earliest, ` + nodeUntil + ` AS latest
WHERE earliest IS NOT NULL
  AND ($from IS NULL OR latest >= $from) AND ($to IS NULL OR earliest <= $to)
RETURN DISTINCT o, what, role, earliest, latest
ORDER BY earliest, latest, o.id, what LIMIT $limit`

// Timeline implements domain.Traverser: everything dated about an entity,
// ordered by the earliest day each date can mean, then by its latest (so
// "March 2025" sorts before "19 March 2025" and after "1 March 2025").
func (s *Store) Timeline(ctx context.Context, id string, w domain.DateWindow, first int) ([]domain.TimelineEntry, error) {
	if err := domain.InRange("first", first, 1, s.limits.TraversalRows); err != nil {
		return nil, err
	}
	params := map[string]any{"id": id, "limit": first, "from": nil, "to": nil}
	if w.From != nil {
		params["from"] = neo4j.DateOf(*w.From)
	}
	if w.To != nil {
		params["to"] = neo4j.DateOf(*w.To)
	}
	recs, err := s.read(ctx, timelineCypher, params)
	if err != nil {
		return nil, err
	}
	out := make([]domain.TimelineEntry, 0, len(recs))
	for _, r := range recs {
		n := nodeFromDB(r.Values[0].(neo4j.Node))
		d := primaryDate(n)
		if n == nil || d == nil {
			continue
		}
		e := domain.TimelineEntry{Node: n, What: r.Values[1].(string), Date: *d}
		if role, ok := r.Values[2].(string); ok {
			e.Role = &role
		}
		out = append(out, e)
	}
	return out, nil
}

// primaryDate is the date a node is placed in time by.
func primaryDate(n domain.Node) *domain.PartialDate {
	switch n := n.(type) {
	case *domain.Event:
		return n.Date
	case *domain.Source:
		return n.PublishedAt
	case *domain.Claim:
		return n.PointInTime
	case *domain.Attribution:
		return n.StatedAt
	case *domain.Negotiation:
		return n.Start
	}
	return nil
}

// Disputes implements domain.Traverser: disputed claims, optionally about
// one entity, most recent first.
func (s *Store) Disputes(ctx context.Context, about *string, first int) ([]domain.Node, error) {
	if err := domain.InRange("first", first, 1, s.limits.TraversalRows); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `MATCH (n:Claim {status: 'DISPUTED'})
WHERE $about IS NULL OR EXISTS { (n)-[:ABOUT]->(:Node {id: $about}) }
RETURN n ORDER BY coalesce(n.sortDate, '') DESC, n.id LIMIT $first`, map[string]any{"about": optString(about), "first": first})
	if err != nil {
		return nil, err
	}
	out := make([]domain.Node, 0, len(recs))
	for _, r := range recs {
		if n := nodeFromDB(r.Values[0].(neo4j.Node)); n != nil {
			out = append(out, n)
		}
	}
	return out, nil
}

// Cooccurrences implements domain.Traverser: entities that share sources
// (mentioned together, or subjects of claims recorded in one source) or
// claims with id, most shared first.
func (s *Store) Cooccurrences(ctx context.Context, id string, first int) ([]domain.Cooccurrence, error) {
	if err := domain.InRange("first", first, 1, s.limits.TraversalRows); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `MATCH (x:Node {id: $id})
CALL (x) {
  MATCH (x)<-[:MENTIONS]-(src:Source)-[:MENTIONS]->(o:Node) WHERE o <> x RETURN o, src.id AS source, null AS claim
  UNION
  MATCH (x)<-[:ABOUT]-(:Claim)<-[:ON]-(:Attribution)-[:RECORDED_IN]->(src:Source)<-[:RECORDED_IN]-(:Attribution)-[:ON]->(:Claim)-[:ABOUT]->(o:Node)
  WHERE o <> x AND NOT o:Claim RETURN o, src.id AS source, null AS claim
  UNION
  MATCH (x)<-[:ABOUT]-(c:Claim)-[:ABOUT]->(o:Node) WHERE o <> x AND NOT o:Claim RETURN o, null AS source, c.id AS claim
}
WITH o, count(DISTINCT source) AS sources, count(DISTINCT claim) AS claims
RETURN o, sources, claims ORDER BY claims + sources DESC, claims DESC, o.id LIMIT $first`, map[string]any{"id": id, "first": first})
	if err != nil {
		return nil, err
	}
	out := make([]domain.Cooccurrence, 0, len(recs))
	for _, r := range recs {
		if n := nodeFromDB(r.Values[0].(neo4j.Node)); n != nil {
			out = append(out, domain.Cooccurrence{Node: n, Sources: int(r.Values[1].(int64)), Claims: int(r.Values[2].(int64))})
		}
	}
	return out, nil
}
