package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

var _ domain.Traverser = (*Store)(nil)

// searchQuery turns user text into a Lucene query over folded words: each
// word matches exactly (boosted) or by its stem as a prefix, anywhere, and
// more in names, aliases and titles than in long texts; hits with more of
// the words rank higher. Folded words hold only letters and digits, so
// nothing in the query comes from Lucene's syntax.
func searchQuery(text string) (string, []string) {
	var parts, stems []string
	words := strings.Fields(domain.Fold(text))
	if len(words) > 1 {
		// The words as typed, next to each other, outrank any one of them
		// alone: an exact phrase in a claim before an alias that shares a word.
		parts = append(parts, fmt.Sprintf(`"%s"^20`, strings.Join(words, " ")))
	}
	slices.Sort(words)
	for _, w := range slices.Compact(words) {
		s := domain.Stem(w)
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

// oneParam wraps a statement's parameters in the single map parameter $p.
// Neo4j keys its plan cache on the type of each parameter and, for strings
// and lists, on their size rounded up to a power of ten (0, 1, 10, 100…):
// an id of 10 characters instead of 12, or a frontier of 25 ids instead of
// 1, planned the statement again, which costs 50–800 ms. A map parameter
// has no size, so each statement text has one plan; the planner still
// seeks indexes with $p.x as it does with $x.
func oneParam(p map[string]any) map[string]any { return map[string]any{"p": p} }

// interpreted prefixes the traversal statements. By default Neo4j compiles
// a plan's expressions to bytecode once the plan has run ten times (and
// again after every replan), which stalls that run by 20–60 ms; these
// statements evaluate few expressions, and evaluating them interpreted is
// no slower in the benchmark.
const interpreted = "CYPHER expressionEngine=interpreted\n"

// searchCypher is the search statement, with or without a filter by kinds.
// The page comes back as one list in one record, as a neighbourhood's
// hops do (neighboursCypher): the driver reads each record with a
// goroutine and a timer of its own.
func searchCypher(byKind bool) string {
	where := ""
	if byKind {
		where = "\nWHERE any(l IN labels(node) WHERE l IN $p.kinds)"
	}
	return interpreted + `CALL db.index.fulltext.queryNodes('` + FulltextIndex + `', $p.q, {limit: $p.limit}) YIELD node, score` + where + `
WITH node, score ORDER BY score DESC, node.id SKIP $p.skip LIMIT $p.first
RETURN collect([properties(node), score])`
}

// Search implements domain.Traverser: ranked full-text search, tolerant of
// case, diacritics and inflection. It returns whether more hits follow.
func (s *Store) Search(ctx context.Context, text string, kinds []domain.Kind, first, offset int) ([]domain.SearchHit, bool, error) {
	if err := s.limits.Results(first); err != nil {
		return nil, false, err
	}
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
	recs, err := s.read(ctx, searchCypher(len(kinds) > 0), oneParam(map[string]any{"q": q, "kinds": strList(kinds), "skip": offset, "first": first + 1, "limit": s.limits.TraversalRows}))
	if err != nil {
		return nil, false, err
	}
	var hits []domain.SearchHit
	var rows []any
	if len(recs) > 0 {
		rows, _ = recs[0].Values[0].([]any)
	}
	for i, raw := range rows {
		if i == first {
			return hits, true, nil
		}
		row := raw.([]any)
		props := row[0].(map[string]any)
		n := nodeFromDB(neo4j.Node{Props: props})
		if n == nil {
			continue
		}
		hits = append(hits, domain.SearchHit{Node: n, Score: row[1].(float64), Matched: matched(props, stems)})
	}
	return hits, false, nil
}

// matched names the text fields of a node that contain one of the stems.
func matched(props map[string]any, stems []string) []domain.FieldMatch {
	var out []domain.FieldMatch
	check := func(field, value string) {
		if e, ok := excerpt(value, stems); ok {
			out = append(out, domain.FieldMatch{Field: field, Value: e})
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

// excerptLen is the length, in characters, of a matched field's excerpt.
const excerptLen = 160

// excerpt reports whether value holds one of the stems, as search folds
// it, and returns the passage around the first word that does: the whole
// value when it is short, else about excerptLen characters that start a
// little before the match at a word and end at a word, never before the
// end of the matched word, marked with "…" where cut.
func excerpt(value string, stems []string) (string, bool) {
	folded := domain.Fold(value)
	if !slices.ContainsFunc(stems, func(s string) bool { return strings.Contains(folded, s) }) {
		return "", false
	}
	runes := []rune(value)
	if len(runes) <= excerptLen {
		return value, true
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	at, end := 0, 0
	for i := 0; i < len(runes); {
		for i < len(runes) && !alnum(runes[i]) {
			i++
		}
		start := i
		for i < len(runes) && alnum(runes[i]) {
			i++
		}
		w := domain.Fold(string(runes[start:i]))
		for _, s := range stems {
			if k := strings.Index(w, s); w != "" && k >= 0 {
				at, end = start, i
				if end-at > excerptLen/2 {
					// One very long "word" (no spaces): a window around
					// the stem itself, cut anywhere.
					at += utf8.RuneCountInString(w[:k])
					end = min(at+utf8.RuneCountInString(s), len(runes))
				}
				break
			}
		}
		if end > 0 {
			break
		}
	}
	from := max(0, at-excerptLen/4)
	if k := slices.IndexFunc(runes[from:at], unicode.IsSpace); from > 0 && k >= 0 {
		from += k + 1 // start at a word (text without spaces is cut anywhere)
	}
	to := min(len(runes), max(from+excerptLen, end))
	if to < len(runes) {
		if k := slices.IndexFunc(runes[end:to+1], unicode.IsSpace); k >= 0 {
			for to > end && !unicode.IsSpace(runes[to]) {
				to-- // end at a word, after the match
			}
		}
	}
	e := strings.TrimSpace(string(runes[from:to]))
	if from > 0 {
		e = "…" + e
	}
	if to < len(runes) {
		e += "…"
	}
	return e, true
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

// pathsCypher is the shortest-paths query over relationship types types
// (relTypes) of at most hops hops. Each path comes with, per node, its id
// and the claim it is ON (attributions: the claim behind their MADE_BY,
// RECORDED_IN, DURING and CITES), and per relationship its type, start,
// role and claim property; Paths derives each step's claim from them.
//
// Without avoid and maxDegree there is no predicate. With them, the
// predicate is written on every node of the path, the ends excepted by
// identity, so that ShortestPath checks it while it searches: a predicate
// on a slice (nodes(p)[1..-1]) cannot be checked there, and Neo4j then
// adds a fallback that enumerates every path of up to hops hops when the
// search finds none, millions of paths through the hubs.
func pathsCypher(types string, hops int, filtered bool) string {
	where := ""
	if filtered {
		where = "\nWHERE all(n IN nodes(p) WHERE n = a OR n = b OR (n:Node AND NOT n.id IN $p.avoid AND ($p.maxDegree = 0 OR COUNT { (n)--() } <= $p.maxDegree)))"
	}
	// The hop count is a validated int and the types come from the allowlist.
	return interpreted + fmt.Sprintf(`MATCH (a:Node {id: $p.from}), (b:Node {id: $p.to})
MATCH p = allShortestPaths((a)-[%s*..%d]-(b))%s
WITH p LIMIT $p.limit
RETURN [n IN nodes(p) | [n.id, head([(n)-[:ON]->(c:Claim) | c.id]), n.stance]] AS nodes,
       [r IN relationships(p) | [type(r), startNode(r).id, r.role, r.claim]] AS steps`, types, hops, where)
}

// pathScore is how much a path says, to order paths of one length: a step
// through a first-hand statement (MADE_BY an attribution whose stance is not
// REPORTS) counts 3; a step through a claim or an attribution otherwise
// (ABOUT, ON, CITES, DURING, MADE_IN, a relay's MADE_BY) 2; a fact with its
// claim (PARTICIPANT, MEMBER_OF…) 1; a structural hop (MENTIONS,
// PUBLISHED_BY, AUTHORED_BY, DERIVED_FROM, RECORDED_IN) 0.
func pathScore(p domain.Path, stance map[string]string) int {
	score := 0
	for _, st := range p.Steps {
		switch st.Type {
		case domain.RelMadeBy:
			attribution := st.From
			if !st.Forward {
				attribution = st.To
			}
			if s, ok := stance[attribution]; ok && domain.Stance(s).FirstHand() {
				score += 3
			} else {
				score += 2
			}
		case domain.RelAbout, domain.RelOn, domain.RelCites, domain.RelDuring, domain.RelMadeIn:
			score += 2
		case domain.RelMentions, domain.RelPublishedBy, domain.RelAuthoredBy, domain.RelDerivedFrom, domain.RelRecordedIn:
		default:
			if st.ClaimID != nil {
				score++
			}
		}
	}
	return score
}

// stepClaim is the claim behind a relationship of type t from the node
// with id start to the node with id end: the claim of an ABOUT or ON, the
// claim the attribution at its start (at its end for CITES) is ON, or the
// relationship's own claim property. onClaim gives a node's ON claim.
func stepClaim(t domain.RelType, start, end string, onClaim func(id string) *string, own *string) *string {
	switch t {
	case domain.RelAbout:
		return &start
	case domain.RelOn:
		return &end
	case domain.RelMadeBy, domain.RelRecordedIn, domain.RelMadeIn, domain.RelDuring:
		return onClaim(start)
	case domain.RelCites:
		return onClaim(end)
	}
	return own
}

// Paths implements domain.Traverser.
func (s *Store) Paths(ctx context.Context, q domain.PathQuery) ([]domain.Path, error) {
	if err := q.Check(s.limits); err != nil {
		return nil, err
	}
	types, err := relTypes(q.Types)
	if err != nil {
		return nil, err
	}
	avoid := q.Avoid
	if avoid == nil {
		avoid = []string{}
	}
	cypher := pathsCypher(types, q.MaxHops, len(avoid) > 0 || q.MaxDegree != 0)
	// More shortest paths than asked for are read, so that the ones that
	// say the most (pathScore) come first.
	candidates := min(max(4*q.Limit, 40), s.limits.PageSize)
	recs, err := s.read(ctx, cypher, oneParam(map[string]any{"from": q.From, "to": q.To, "avoid": avoid, "maxDegree": q.MaxDegree, "limit": candidates}))
	if err != nil {
		return nil, err
	}
	type scored struct {
		path  domain.Path
		score int
	}
	var ranked []scored
	for _, r := range recs {
		var p domain.Path
		on := map[string]*string{}
		stance := map[string]string{}
		for _, raw := range r.Values[0].([]any) {
			n := raw.([]any)
			id, _ := n[0].(string)
			p.NodeIDs = append(p.NodeIDs, id)
			if c, ok := n[1].(string); ok {
				on[id] = &c
			}
			if st, ok := n[2].(string); ok {
				stance[id] = st
			}
		}
		onClaim := func(id string) *string { return on[id] }
		for i, raw := range r.Values[1].([]any) {
			m := raw.([]any)
			t, _ := m[0].(string)
			start, _ := m[1].(string)
			st := domain.PathStep{Type: domain.RelType(t), From: p.NodeIDs[i], To: p.NodeIDs[i+1], Forward: start == p.NodeIDs[i]}
			if role, ok := m[2].(string); ok {
				st.Role = &role
			}
			var own *string
			if c, ok := m[3].(string); ok {
				own = &c
			}
			end := st.To
			if !st.Forward {
				end = st.From
			}
			st.ClaimID = stepClaim(st.Type, start, end, onClaim, own)
			p.Steps = append(p.Steps, st)
		}
		ranked = append(ranked, scored{p, pathScore(p, stance)})
	}
	// Stable: among equals, the database's order.
	slices.SortStableFunc(ranked, func(a, b scored) int { return b.score - a.score })
	paths := make([]domain.Path, 0, min(len(ranked), q.Limit))
	claims := map[string]bool{}
	for _, r := range ranked[:min(len(ranked), q.Limit)] {
		for _, st := range r.path.Steps {
			if st.ClaimID != nil {
				claims[*st.ClaimID] = true
			}
		}
		paths = append(paths, r.path)
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

const claimSourcesCypher = interpreted + `UNWIND $p.ids AS id MATCH (:Claim {id: id})<-[:ON]-(:Attribution)-[:RECORDED_IN]->(s:Source)
RETURN id, collect(DISTINCT s.id) AS sources`

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
	recs, err := s.read(ctx, claimSourcesCypher, oneParam(map[string]any{"ids": ids}))
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
func (s *Store) ClaimLinks(ctx context.Context, a, b string, first int) ([]domain.ClaimLink, error) {
	for _, id := range []string{a, b} {
		if err := domain.CheckID("id", id); err != nil {
			return nil, err
		}
	}
	if err := s.limits.Rows(first); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `MATCH (x:Node {id: $a}), (y:Node {id: $b})
CALL (x, y) {
  MATCH (x)<-[:ABOUT]-(c:Claim)-[:ABOUT]->(y) RETURN DISTINCT c.id AS claim, 'CO_SUBJECTS' AS kind, null AS att
  UNION
  MATCH (x)<-[:MADE_BY]-(t:Attribution)-[:ON]->(c:Claim)-[:ABOUT]->(y) RETURN c.id AS claim, 'A_REPORTS_ON_B' AS kind, t.id AS att
  UNION
  MATCH (y)<-[:MADE_BY]-(t:Attribution)-[:ON]->(c:Claim)-[:ABOUT]->(x) RETURN c.id AS claim, 'B_REPORTS_ON_A' AS kind, t.id AS att
  UNION
  MATCH (x)<-[:MADE_BY]-(t:Attribution)-[:ON]->(c:Claim)<-[:ON]-(u:Attribution)-[:MADE_BY]->(y)
  WHERE (t.stance IN ['ASSERTS', 'CONFIRMS'] AND u.stance = 'DENIES') OR (t.stance = 'DENIES' AND u.stance IN ['ASSERTS', 'CONFIRMS'])
  RETURN c.id AS claim, 'OPPOSITE_SIDES' AS kind, t.id AS att
}
RETURN claim, kind, att ORDER BY kind, claim, att LIMIT $limit`, map[string]any{"a": a, "b": b, "limit": first})
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

// neighboursCypher is one hop of a neighbourhood: at most $p.perNode
// neighbours of each node of the frontier, the first by their sort key
// (sortKeyOf: by date, undated last, then by name, then by id), with only
// the filters asked for (kinds, the two ends of a date window), at most
// $p.rows rows. The first hop's frontier is the start node, which it reads
// too, as NodesByID finds it (through a redirect); the others' is $p.ids.
//
// The rows come back as one list in one record: the driver reads every
// record with a goroutine and a timer of its own, which cost more than
// decoding the rows (4.7 of 8 ms of Go CPU for the 538 rows of a 2-hop
// neighbourhood's second hop), and reading the start node in the first
// hop saves a round trip. Neighbourhood computes the next frontier, not one
// statement for all hops: a frontier carried from hop to hop in the
// statement is a list in every row, and Neo4j counts its size against the
// transaction's memory for each row it sorts (1 GiB for a 3-hop
// neighbourhood of 100 per node on the synthetic graph).
func neighboursCypher(first, kinds, from, to bool) string {
	var where []string
	if kinds {
		where = append(where, `any(l IN labels(o) WHERE l IN $p.kinds)`)
	}
	if from {
		where = append(where, `(`+nodeUntil+` IS NULL OR `+nodeUntil+` >= $p.from)`)
	}
	if to {
		where = append(where, `(`+nodeWhen+` IS NULL OR `+nodeWhen+` <= $p.to)`)
	}
	filter := ""
	if len(where) > 0 {
		filter = "\n  WHERE " + strings.Join(where, "\n    AND ")
	}
	expand := `CALL (s) {
  MATCH (s)-[r]-(o:Node)` + filter + `
  RETURN r, o ORDER BY o.sortKey LIMIT $p.perNode
}`
	row := "[s.id, type(r), startNode(r) = s, properties(r), properties(o)]"
	if first {
		// Grouped by the start node, a start node without neighbours
		// would have no row: the rows are collected in a subquery.
		return interpreted + `OPTIONAL MATCH (x:NewsgraphRedirect {id: $p.id})
MATCH (s:Node {id: coalesce(x.to, $p.id)})
CALL (s) {
  ` + strings.ReplaceAll(expand, "\n", "\n  ") + `
  WITH s, r, o LIMIT $p.rows
  RETURN collect(` + row + `) AS rows
}
RETURN properties(s), rows`
	}
	return interpreted + `UNWIND $p.ids AS id
MATCH (s:Node {id: id})
` + expand + `
WITH s, r, o LIMIT $p.rows
RETURN null, collect(` + row + `)`
}

// Neighbourhood implements domain.Traverser: a breadth-first expansion, one
// round trip per hop, at most PerNode neighbours expanded per node.
// Undated nodes pass a date window; dated ones must overlap it.
func (s *Store) Neighbourhood(ctx context.Context, q domain.NeighbourhoodQuery) (*domain.Subgraph, error) {
	if err := q.Check(s.limits); err != nil {
		return nil, err
	}
	// One hop reads at most one row more than the subgraph may hold edges:
	// a frontier of thousands of nodes cannot pull millions of rows.
	params := map[string]any{"id": q.ID, "ids": nil, "kinds": strList(q.Kinds), "perNode": q.PerNode, "from": nil, "to": nil, "rows": s.limits.SubgraphNodes + 1}
	if q.Date.From != nil {
		params["from"] = neo4j.DateOf(*q.Date.From)
	}
	if q.Date.To != nil {
		params["to"] = neo4j.DateOf(*q.Date.To)
	}
	tooBig := domain.Errorf(domain.ELIMIT, "the neighbourhood has more than %d nodes or edges (--max-subgraph-nodes): ask for fewer hops, fewer kinds or fewer neighbours per node", s.limits.SubgraphNodes)
	var (
		g        *domain.Subgraph
		seen     = map[string]bool{}
		edges    = map[string]bool{}
		frontier []string
	)
	for hop := 0; hop < q.Hops && (hop == 0 || len(frontier) > 0); hop++ {
		params["ids"] = frontier
		recs, err := s.read(ctx, neighboursCypher(hop == 0, len(q.Kinds) > 0, q.Date.From != nil, q.Date.To != nil), oneParam(params))
		if err != nil {
			return nil, err
		}
		if hop == 0 {
			if len(recs) == 0 {
				return nil, nil
			}
			root := nodeFromDB(neo4j.Node{Props: recs[0].Values[0].(map[string]any)})
			if root == nil {
				return nil, nil
			}
			g = &domain.Subgraph{Nodes: []domain.Node{root}}
			seen[root.NodeID()] = true
		}
		var rows []any
		if len(recs) > 0 {
			rows, _ = recs[0].Values[1].([]any)
		}
		if len(rows) > s.limits.SubgraphNodes {
			return nil, tooBig
		}
		frontier = nil
		for _, raw := range rows {
			row := raw.([]any)
			t := domain.RelType(row[1].(string))
			if !allowedRel(t) {
				continue
			}
			props := row[4].(map[string]any)
			id, _ := props["id"].(string)
			if !seen[id] {
				o := nodeFromDB(neo4j.Node{Props: props})
				if o == nil {
					continue
				}
				seen[id] = true
				g.Nodes = append(g.Nodes, o)
				frontier = append(frontier, id)
				if len(g.Nodes) > s.limits.SubgraphNodes {
					return nil, tooBig
				}
			}
			from, to := row[0].(string), id
			if out, _ := row[2].(bool); !out {
				from, to = to, from
			}
			rel := neo4j.Relationship{Props: row[3].(map[string]any)}
			key := string(t) + "|" + from + "|" + to + "|" + propReader(rel.Props).str("key")
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
WITH o, what, role, ` + nodeWhen + ` AS e0, ` + nodeUntil + ` AS l0
// A source speaking in its own voice speaks when it is published: its
// statements' dates are narrowed by its publishedAt ("March 2025" in an
// article of 19-31 March is 19-31 March), or taken from it when they have none.
OPTIONAL MATCH (o)-[:MADE_BY]->(src:Source) WHERE src.publishedAtEarliest IS NOT NULL
WITH o, what, role, e0, l0, src IS NOT NULL AS hasSource,
     CASE WHEN src IS NULL THEN e0 WHEN e0 IS NULL OR src.publishedAtEarliest > e0 THEN src.publishedAtEarliest ELSE e0 END AS e1,
     CASE WHEN src IS NULL THEN l0 WHEN l0 IS NULL OR src.publishedAtLatest < l0 THEN src.publishedAtLatest ELSE l0 END AS l1
WITH o, what, role, hasSource AND e1 <= l1 AS bySource,
     CASE WHEN e1 <= l1 THEN e1 ELSE e0 END AS earliest, CASE WHEN e1 <= l1 THEN l1 ELSE l0 END AS latest
WHERE earliest IS NOT NULL
  AND ($from IS NULL OR latest >= $from) AND ($to IS NULL OR earliest <= $to)
  AND ($kinds IS NULL OR what IN $kinds)
RETURN DISTINCT o, what, role, earliest, latest, bySource
ORDER BY earliest, latest, o.id, what LIMIT $limit`

// Timeline implements domain.Traverser: everything dated about an entity,
// ordered by the earliest day each date can mean, then by its latest (so
// "March 2025" sorts before "19 March 2025" and after "1 March 2025").
func (s *Store) Timeline(ctx context.Context, id string, w domain.DateWindow, kinds []string, first int) ([]domain.TimelineEntry, error) {
	if err := s.limits.Rows(first); err != nil {
		return nil, err
	}
	params := map[string]any{"id": id, "limit": first, "from": nil, "to": nil, "kinds": strList(kinds)}
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
		d := domain.DateOf(n)
		if n == nil {
			continue
		}
		e0, ok0 := r.Values[3].(neo4j.Date)
		l0, ok1 := r.Values[4].(neo4j.Date)
		bySource, _ := r.Values[5].(bool)
		switch {
		case d != nil && bySource && ok0 && ok1:
			// Narrowed by its source's publication (see timelineCypher);
			// other entries keep their own bounds (a negotiation's start is
			// not its span).
			if narrowed, err := d.Narrow(e0.Time().UTC(), l0.Time().UTC()); err == nil {
				d = &narrowed
			}
		case d == nil && bySource && ok0 && ok1:
			// Dated by its source's publication only.
			d = spanDate(e0.Time().UTC(), l0.Time().UTC())
		case d == nil:
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

// spanDate is the PartialDate of the days earliest..latest: the longest ISO
// prefix both share ("2025-03" for 19-31 March), with those bounds.
func spanDate(earliest, latest time.Time) *domain.PartialDate {
	a, b := earliest.Format(domain.DateLayout), latest.Format(domain.DateLayout)
	for _, n := range []int{10, 7, 4} {
		if a[:n] == b[:n] {
			if d, err := domain.ParsePartialDate(a[:n]); err == nil {
				if d, err = d.Narrow(earliest, latest); err == nil {
					return &d
				}
			}
		}
	}
	return &domain.PartialDate{Value: a[:4], Precision: domain.PrecisionYear, Earliest: earliest, Latest: latest}
}

// Disputes implements domain.Traverser: disputed claims, optionally about
// one entity, most recent first.
func (s *Store) Disputes(ctx context.Context, about *string, first int) ([]domain.Node, error) {
	if err := s.limits.Rows(first); err != nil {
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
	if err := s.limits.Rows(first); err != nil {
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

// warmFor and warmRounds bound how long Warm runs the traversals on the
// graph's own data after planning them: on a small graph the rounds end
// it, on a large one the time.
const (
	warmFor    = 2 * time.Second
	warmRounds = 10
)

// warmSampleCypher picks the nodes Warm runs the traversals from: a few of
// each kind, so that the searches use words of names, titles and texts.
var warmSampleCypher = func() string {
	parts := make([]string, len(domain.Kinds))
	for i, k := range domain.Kinds {
		parts[i] = "MATCH (n:" + string(k) + ") WHERE n.sortName IS NOT NULL RETURN n.id AS id, n.sortName AS name LIMIT 3"
	}
	return "CALL () {\n  " + strings.Join(parts, "\n  UNION ALL\n  ") + "\n}\nRETURN id, name"
}()

// Warm prepares a freshly started Neo4j for the traversals. It plans the
// traversal statements (search, neighbourhood, paths of every hop count,
// with and without their filters) by running each on input that matches
// nothing, so that the first requests after a start do not wait for
// Neo4j's planner: 30–180 ms per statement on the 1M-relationship graph,
// the slowest call of each in BenchmarkTraversals before. Plans stay cached
// until the database's statistics change enough to replan them. Then, for
// at most warmFor (or warmRounds rounds), it runs searches, neighbourhoods
// and paths around a few nodes of the graph, so that the JVM compiles the
// code they run (Lucene's scoring, expansion, sorting) before requests
// need it: planned but not run, the statements ran slower for a fresh
// JVM's first calls. Failures there are ignored: it only warms. serve
// calls Warm once Neo4j is ready.
func (s *Store) Warm(ctx context.Context) error {
	none := []string{}
	// A query of the shape Search builds (fields, boosts, a prefix), so
	// that Lucene parses and scores one before the first request does.
	q, _ := searchQuery("newsgraph warm")
	type stmt struct {
		cypher string
		p      map[string]any
	}
	var stmts []stmt
	for _, byKind := range []bool{false, true} {
		stmts = append(stmts,
			stmt{searchCypher(byKind), map[string]any{"q": q, "kinds": none, "skip": 0, "first": 1, "limit": 1}},
		)
		for _, first := range []bool{true, false} {
			stmts = append(stmts, stmt{neighboursCypher(first, byKind, false, false), map[string]any{"id": "", "ids": none, "kinds": none, "perNode": 1, "from": nil, "to": nil, "rows": 1}})
		}
	}
	stmts = append(stmts, stmt{claimSourcesCypher, map[string]any{"ids": none}})
	for hops := 1; hops <= s.limits.PathHops; hops++ {
		for _, filtered := range []bool{false, true} {
			stmts = append(stmts, stmt{pathsCypher("", hops, filtered), map[string]any{"from": "", "to": "", "avoid": none, "maxDegree": 0, "limit": 1}})
		}
	}
	for _, st := range stmts {
		if _, err := s.read(ctx, st.cypher, oneParam(st.p)); err != nil {
			return err
		}
	}
	s.exercise(ctx, warmFor)
	return nil
}

// exercise runs the traversals around a sample of the graph's nodes, in
// at most warmRounds rounds, until d has passed: searches for words of
// their names, their 1- and 2-hop neighbourhoods, 4-hop paths between them.
func (s *Store) exercise(ctx context.Context, d time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	recs, err := s.read(ctx, warmSampleCypher, nil)
	if err != nil || len(recs) == 0 {
		return
	}
	var ids, words []string
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		name, _ := r.Values[1].(string)
		ids = append(ids, id)
		// The two longest words: the ones that tell a name from another.
		w := strings.Fields(domain.Fold(name))
		slices.SortStableFunc(w, func(a, b string) int { return len(b) - len(a) })
		words = append(words, strings.Join(w[:min(len(w), 2)], " "))
	}
	paths := min(s.limits.PathHops, 4)
	for round := 0; round < warmRounds && ctx.Err() == nil; round++ {
		for i, id := range ids {
			if ctx.Err() != nil {
				return
			}
			if words[i] != "" {
				_, _, _ = s.Search(ctx, words[i], nil, min(20, s.limits.PageSize), 0)
			}
			_, _ = s.Neighbourhood(ctx, domain.NeighbourhoodQuery{ID: id, Hops: min(1+round%2, s.limits.Hops), PerNode: min(25, s.limits.Neighbours)})
			if other := ids[(i+1)%len(ids)]; other != id {
				_, _ = s.Paths(ctx, domain.PathQuery{From: id, To: other, MaxHops: paths, Limit: 1})
			}
		}
	}
}
