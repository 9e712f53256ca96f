package neo4jstore

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

var _ domain.GraphReader = (*Store)(nil)

// NodesByID implements domain.GraphReader; it follows redirects, so the id
// of an entity merged into another resolves to the survivor.
func (s *Store) NodesByID(ctx context.Context, ids []string) (map[string]domain.Node, error) {
	f, err := s.Fetch(ctx, nil, domain.NodeRequest{IDs: ids})
	if err != nil {
		return nil, err
	}
	return f.Nodes, nil
}

// linkPattern returns the MATCH pattern of a relation from (s) to (o) with
// relationship r; the type comes from the allowlist, never from input.
func linkPattern(rel domain.Relation) (string, bool) {
	if rel.Type == domain.RelCitesSource {
		if rel.Direction == domain.Out {
			return `(s)<-[:RECORDED_IN]-(:Attribution)-[:CITES]->(:Attribution)-[r:RECORDED_IN|MADE_IN]->(o:Source) WHERE o <> s`, true
		}
		return `(s)<-[:RECORDED_IN|MADE_IN]-(:Attribution)<-[:CITES]-(:Attribution)-[r:RECORDED_IN]->(o:Source) WHERE o <> s`, true
	}
	if !allowedRel(rel.Type) {
		return "", false
	}
	if rel.Direction == domain.Out {
		return `(s)-[r:` + string(rel.Type) + `]->(o:Node)`, true
	}
	return `(s)<-[r:` + string(rel.Type) + `]-(o:Node)`, true
}

// linksBranch returns the part of a level's statement that answers one link
// request: the links of the nodes in $ids<i> along a pattern, at most
// $limit<i> per node. A derived relation can reach the same node along
// several paths; it is collapsed to one link. Nodes come back as the
// projection fields asks for (nodeProjection), relationships with the
// properties edges have; hops are followed from each node reached in the
// same statement (hopCalls).
func linksBranch(i int, pattern string, rel domain.Relation, hops []thenHop) string {
	collapse := ""
	if rel.Type == domain.RelCitesSource {
		collapse = "\n    WITH o, head(collect(r)) AS r"
	}
	var follow strings.Builder
	thens := hopCalls(&follow, fmt.Sprintf("then%d_", i), hops, -1, "o", "  ")
	return fmt.Sprintf(`  UNWIND $ids%[1]d AS id
  MATCH (s:Node {id: id})
  CALL (s) {
    MATCH %[2]s%[3]s
    RETURN o, r%[8]s LIMIT $limit%[1]d
  }%[4]s
  RETURN %[1]d AS g, id, %[6]s AS r, %[7]s AS o, [%[5]s] AS thens`, i, pattern, collapse, follow.String(), thens,
		edgeProjection("r", rel.Fields), nodeProjection("o", rel.Fields), listOrder("o", "r", rel))
}

// listOrder is the ORDER BY of a relationship list reaching node u along
// relationship t: by the nodes' sort keys (sortDate, sortName, id), then by
// the relationship's key where two relationships may join the same nodes
// and the relationship is read. A to-one link (domain.Relation.ToOne) has
// no list to order: sorting it would only read three properties of each
// node.
func listOrder(u, t string, rel domain.Relation) string {
	if rel.ToOne() {
		return ""
	}
	order := " ORDER BY " + u + ".sortDate, " + u + ".sortName, " + u + ".id"
	if readsEdges(rel.Fields) {
		order += ", " + t + ".key"
	}
	return order
}

// thenHop is a hop of a link request (domain.Hop) made Cypher.
type thenHop struct {
	rel    domain.Relation
	parent int
}

// hopCalls writes the subqueries that follow, from node variable from,
// the hops whose parent is parent, and returns their columns (h<j>,
// comma-separated). Hop j reaches u<j> along t<j>, the first $<prefix><j>
// in the order of relationship lists, and returns them as a list of
// {r, o, h}, where h holds the lists of the hops below it.
func hopCalls(b *strings.Builder, prefix string, hops []thenHop, parent int, from, indent string) string {
	var cols []string
	for j, h := range hops {
		if h.parent != parent {
			continue
		}
		t, u := fmt.Sprintf("t%d", j), fmt.Sprintf("u%d", j)
		pattern, _ := thenPattern(h.rel, from, t, u) // checked by Fetch
		var inner strings.Builder
		below := hopCalls(&inner, prefix, hops, j, u, indent+"  ")
		// Only what the decoder needs: the relationship when it is
		// read (r), the lists below when there are any (h).
		entry := "o: " + nodeProjection(u, h.rel.Fields)
		if readsEdges(h.rel.Fields) {
			entry = "r: " + edgeProjection(t, h.rel.Fields) + ", " + entry
		}
		if below != "" {
			entry += ", h: [" + below + "]"
		}
		fmt.Fprintf(b, `
%[1]sCALL (%[2]s) {
%[1]s  MATCH %[3]s
%[1]s  WITH %[4]s, %[5]s%[9]s LIMIT $%[6]s%[7]d%[8]s
%[1]s  RETURN collect({%[10]s}) AS h%[7]d
%[1]s}`, indent, from, pattern, t, u, prefix, j, inner.String(), listOrder(u, t, h.rel), entry)
		cols = append(cols, fmt.Sprintf("h%d", j))
	}
	return strings.Join(cols, ", ")
}

// thenPattern is the pattern of a relation followed from (from) to (u)
// along (t); derived relations are not followed this way.
func thenPattern(rel domain.Relation, from, t, u string) (string, bool) {
	if rel.Type == domain.RelCitesSource || !allowedRel(rel.Type) {
		return "", false
	}
	if rel.Direction == domain.Out {
		return `(` + from + `)-[` + t + `:` + string(rel.Type) + `]->(` + u + `:Node)`, true
	}
	return `(` + from + `)<-[` + t + `:` + string(rel.Type) + `]-(` + u + `:Node)`, true
}

// nodesBranch answers the node ids of a level, following redirects, and
// follows hops from the nodes found ($nthen_<j>).
func nodesBranch(hops []thenHop) string {
	var follow strings.Builder
	thens := hopCalls(&follow, "nthen_", hops, -1, "o", "  ")
	return `  UNWIND $nodeIDs AS id
  OPTIONAL MATCH (red:NewsgraphRedirect {id: id})
  MATCH (o:Node {id: coalesce(red.to, id)})` + follow.String() + `
  RETURN -1 AS g, id, null AS r, o, [` + thens + `] AS thens`
}

// Links implements domain.GraphReader.
func (s *Store) Links(ctx context.Context, rel domain.Relation, ids []string) (map[string][]domain.Link, error) {
	f, err := s.Fetch(ctx, []domain.LinkRequest{{Rel: rel, IDs: ids}}, domain.NodeRequest{})
	if err != nil {
		return nil, err
	}
	return f.Links[0], nil
}

// Fetch implements domain.GraphReader: every request of a level, and its
// node lookups, in one statement whose branches are joined by UNION ALL.
// The patterns come from the relation allowlist; ids and limits are
// parameters.
func (s *Store) Fetch(ctx context.Context, reqs []domain.LinkRequest, nodes domain.NodeRequest) (*domain.Fetched, error) {
	batch := len(nodes.IDs)
	for _, req := range reqs {
		batch += len(req.IDs)
	}
	s.observer.FetchBatch(batch)
	out := &domain.Fetched{Links: make([]map[string][]domain.Link, len(reqs)), Nodes: map[string]domain.Node{}, Then: make([][]map[string][]domain.Link, len(reqs))}
	params := map[string]any{}
	var branches []string
	for i, req := range reqs {
		out.Links[i] = map[string][]domain.Link{}
		limit := req.Rel.Limit
		if err := req.Rel.Check(s.limits); err != nil {
			return nil, err
		}
		pattern, ok := linkPattern(req.Rel)
		if !ok {
			return nil, &domain.Error{Code: domain.EINTERNAL, Message: "internal error", Err: fmt.Errorf("relation %s is not navigable", req.Rel.Type)}
		}
		then, err := s.hops(req.Then, fmt.Sprintf("then%d_", i), params)
		if err != nil {
			return nil, err
		}
		for range then {
			out.Then[i] = append(out.Then[i], map[string][]domain.Link{})
		}
		if len(req.IDs) == 0 {
			continue
		}
		params[fmt.Sprintf("ids%d", i)] = req.IDs
		params[fmt.Sprintf("limit%d", i)] = limit
		branches = append(branches, linksBranch(i, pattern, req.Rel, then))
	}
	if len(nodes.IDs) > 0 {
		then, err := s.hops(nodes.Then, "nthen_", params)
		if err != nil {
			return nil, err
		}
		for range then {
			out.NodeThen = append(out.NodeThen, map[string][]domain.Link{})
		}
		params["nodeIDs"] = nodes.IDs
		branches = append(branches, nodesBranch(then))
	}
	if len(branches) == 0 {
		return out, nil
	}
	cypher := "CALL () {\n" + strings.Join(branches, "\n  UNION ALL\n") + "\n}\nRETURN g, id, r, o, thens"
	recs, err := s.read(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		g, id := int(r.Values[0].(int64)), r.Values[1].(string)
		other := nodeFromValue(r.Values[3])
		if other == nil {
			continue
		}
		if g < 0 {
			out.Nodes[id] = other
			thens, _ := r.Values[4].([]any)
			decodeHops(out.NodeThen, nodes.Then, -1, other, thens)
			continue
		}
		rel := reqs[g].Rel
		from, to := id, other.NodeID()
		if rel.Direction == domain.In {
			from, to = to, from
		}
		edge := edgeFromValue(rel.Type, from, to, r.Values[2])
		out.Links[g][id] = append(out.Links[g][id], domain.Link{Edge: edge, Other: other})
		thens, _ := r.Values[4].([]any)
		decodeHops(out.Then[g], reqs[g].Then, -1, other, thens)
	}
	return out, nil
}

// hops checks the hops of a request and sets their limits as parameters
// ($<prefix><j>).
func (s *Store) hops(hops []domain.Hop, prefix string, params map[string]any) ([]thenHop, error) {
	var out []thenHop
	for j, h := range hops {
		if _, ok := thenPattern(h.Rel, "o", "t", "u"); !ok || h.Parent < -1 || h.Parent >= j {
			return nil, &domain.Error{Code: domain.EINTERNAL, Message: "internal error", Err: fmt.Errorf("relation %s cannot be followed from hop %d", h.Rel.Type, h.Parent)}
		}
		limit := h.Rel.Limit
		if err := h.Rel.Check(s.limits); err != nil {
			return nil, err
		}
		params[fmt.Sprintf("%s%d", prefix, j)] = limit
		out = append(out, thenHop{rel: h.Rel, parent: h.Parent})
	}
	return out, nil
}

// decodeHops files the lists of the hops below parent, read from node
// from, under out (Fetched.Then of one request), and those below them.
func decodeHops(out []map[string][]domain.Link, hops []domain.Hop, parent int, from domain.Node, lists []any) {
	k := 0
	for j, h := range hops {
		if h.Parent != parent {
			continue
		}
		var list []any
		if k < len(lists) {
			list, _ = lists[k].([]any)
		}
		k++
		links := []domain.Link{}
		for _, x := range list {
			m, _ := x.(map[string]any)
			u := nodeFromValue(m["o"])
			if u == nil {
				continue
			}
			a, b := from.NodeID(), u.NodeID()
			if h.Rel.Direction == domain.In {
				a, b = b, a
			}
			links = append(links, domain.Link{Edge: edgeFromValue(h.Rel.Type, a, b, m["r"]), Other: u})
			below, _ := m["h"].([]any)
			decodeHops(out, hops, j, u, below)
		}
		out[j][from.NodeID()] = links
	}
}

// ---- lists

// listSpec says how to filter and order one kind.
type listSpec struct {
	filters  []string                     // WHERE fragments, each a no-op when its parameter is null
	orders   map[domain.OrderField]string // sort key expressions (strings)
	defOrder domain.OrderField
	// anchors start the MATCH from a node found by its id when a filter
	// names one (the first that is set wins), so that a filtered list
	// reads that node's neighbours instead of scanning the label.
	anchors []anchor
}

// anchor is a MATCH pattern reaching n from the node a parameter names.
type anchor struct {
	param   string
	pattern string
}

// nullable finds the parameters a filter fragment is a no-op without.
var nullable = regexp.MustCompile(`\$(\w+) IS NULL OR`)

// activeFilters drops the fragments whose parameters are all null, so the
// planner sees only the predicates that filter.
func activeFilters(filters []string, params map[string]any) []string {
	var out []string
	for _, f := range filters {
		used := false
		ms := nullable.FindAllStringSubmatch(f, -1)
		for _, m := range ms {
			if params[m[1]] != nil {
				used = true
			}
		}
		if used || len(ms) == 0 {
			out = append(out, f)
		}
	}
	return out
}

const (
	// fName: one name or alias holds every word of the filter, each folded
	// and stemmed as search does ("Trumpa" finds Donald Trump).
	fName     = `($name IS NULL OR any(k IN n.searchKeys WHERE all(w IN $name WHERE k CONTAINS w)))`
	fKinds    = `($kinds IS NULL OR n.kind IN $kinds)`
	fLanguage = `($language IS NULL OR n.language = $language)`
	fText     = `($text IS NULL OR n.textKey CONTAINS $text)`
)

// datesFilter matches a claim one of whose other dates (a deadline, a
// scheduled meeting) overlaps $from..$to.
const datesFilter = `any(i IN range(0, size(coalesce(n.datesEarliest, [])) - 1)
  WHERE ($from IS NULL OR n.datesLatest[i] >= $from) AND ($to IS NULL OR n.datesEarliest[i] <= $to))`

func dateFilter(prop string) string {
	return `($from IS NULL OR n.` + prop + `Latest >= $from) AND ($to IS NULL OR n.` + prop + `Earliest <= $to)`
}

var (
	orderName = `coalesce(n.sortName, '')`
	orderDate = `coalesce(n.sortDate, '9999-12-31')`
	orderID   = `n.id`
	named3    = map[domain.OrderField]string{domain.OrderByName: orderName, domain.OrderByID: orderID}
	dated3    = map[domain.OrderField]string{domain.OrderByName: orderName, domain.OrderByDate: orderDate, domain.OrderByID: orderID}
)

var listSpecs = map[domain.Kind]listSpec{
	domain.KindPerson:       {filters: []string{fName}, orders: named3, defOrder: domain.OrderByName},
	domain.KindOrganisation: {filters: []string{fName, fKinds}, orders: named3, defOrder: domain.OrderByName},
	domain.KindPlace:        {filters: []string{fName, fKinds}, orders: named3, defOrder: domain.OrderByName},
	domain.KindNegotiation: {
		filters: []string{fName,
			// An unknown start or end is open on that side.
			`($from IS NULL OR coalesce(n.endLatest, date('9999-12-31')) >= $from) AND ($to IS NULL OR coalesce(n.startEarliest, date('0001-01-01')) <= $to)`},
		orders: dated3, defOrder: domain.OrderByName,
	},
	domain.KindEvent: {
		filters: []string{fName, fKinds, dateFilter("date"),
			`($participant IS NULL OR EXISTS { (n)-[:PARTICIPANT]->(:Node {id: $participant}) })`,
			`($negotiation IS NULL OR EXISTS { (n)-[:PART_OF]->(:Negotiation {id: $negotiation}) })`},
		orders: dated3, defOrder: domain.OrderByDate,
		anchors: []anchor{
			{"participant", `MATCH (:Node {id: $participant})<-[:PARTICIPANT]-(n:Event)`},
			{"negotiation", `MATCH (:Negotiation {id: $negotiation})<-[:PART_OF]-(n:Event)`},
		},
	},
	domain.KindSource: {
		filters: []string{fName, fKinds, fLanguage, dateFilter("publishedAt"),
			`($publisher IS NULL OR EXISTS { (n)-[:PUBLISHED_BY]->(:Node {id: $publisher}) })`},
		orders: dated3, defOrder: domain.OrderByDate,
		anchors: []anchor{{"publisher", `MATCH (:Node {id: $publisher})<-[:PUBLISHED_BY]-(n:Source)`}},
	},
	domain.KindClaim: {
		filters: []string{fText, fLanguage, "(" + dateFilter("pointInTime") + " OR " + datesFilter + ")",
			`($statuses IS NULL OR n.status IN $statuses)`,
			`($ranks IS NULL OR n.rank IN $ranks)`,
			`($about IS NULL OR all(x IN $about WHERE EXISTS { (n)-[:ABOUT]->(:Node {id: x}) }))`,
			`($reporter IS NULL OR EXISTS { (n)<-[:ON]-(a:Attribution)-[:MADE_BY]->(:Node {id: $reporter}) WHERE a.stance IN ['ASSERTS', 'CONFIRMS'] })`,
			`($denier IS NULL OR EXISTS { (n)<-[:ON]-(a:Attribution)-[:MADE_BY]->(:Node {id: $denier}) WHERE a.stance = 'DENIES' })`},
		orders: dated3, defOrder: domain.OrderByDate,
		anchors: []anchor{
			{"about", `MATCH (:Node {id: $about[0]})<-[:ABOUT]-(n:Claim)`},
			{"reporter", `MATCH (:Node {id: $reporter})<-[:MADE_BY]-(:Attribution)-[:ON]->(n:Claim)`},
			{"denier", `MATCH (:Node {id: $denier})<-[:MADE_BY]-(:Attribution)-[:ON]->(n:Claim)`},
		},
	},
	domain.KindAttribution: {
		filters: []string{fText, dateFilter("statedAt"),
			`($stances IS NULL OR n.stance IN $stances)`,
			`($actor IS NULL OR EXISTS { (n)-[:MADE_BY]->(:Node {id: $actor}) })`,
			`($source IS NULL OR EXISTS { (n)-[:RECORDED_IN]->(:Node {id: $source}) })`,
			`($claim IS NULL OR EXISTS { (n)-[:ON]->(:Node {id: $claim}) })`,
			`($statuses IS NULL OR EXISTS { (n)-[:ON]->(c:Claim) WHERE c.status IN $statuses })`,
			`($about IS NULL OR all(x IN $about WHERE EXISTS { (n)-[:ON]->(:Claim)-[:ABOUT]->(:Node {id: x}) }))`,
			`($denier IS NULL OR EXISTS { (n)-[:ON]->(:Claim)<-[:ON]-(d:Attribution)-[:MADE_BY]->(:Node {id: $denier}) WHERE d.stance = 'DENIES' })`},
		orders: dated3, defOrder: domain.OrderByDate,
		anchors: []anchor{
			{"claim", `MATCH (:Node {id: $claim})<-[:ON]-(n:Attribution)`},
			{"actor", `MATCH (:Node {id: $actor})<-[:MADE_BY]-(n:Attribution)`},
			{"source", `MATCH (:Node {id: $source})<-[:RECORDED_IN]-(n:Attribution)`},
			{"about", `MATCH (:Node {id: $about[0]})<-[:ABOUT]-(:Claim)<-[:ON]-(n:Attribution)`},
		},
	},
}

// listCypher builds the page query of a kind from allowlisted fragments:
// the filters that params set, starting from an anchor node when one is
// named.
func listCypher(kind domain.Kind, spec listSpec, key string, desc, withTotal bool, hops []thenHop, params map[string]any) string {
	where := "true"
	if active := activeFilters(spec.filters, params); len(active) > 0 {
		where = strings.Join(active, "\n  AND ")
	}
	match := "MATCH (n:" + string(kind) + ")"
	for _, a := range spec.anchors {
		if params[a.param] != nil {
			match = a.pattern + "\nWITH DISTINCT n"
			break
		}
	}
	match += "\nWHERE " + where
	cmp, dir := ">", ""
	if desc {
		cmp, dir = "<", " DESC"
	}
	var follow strings.Builder
	thens := hopCalls(&follow, "lthen_", hops, -1, "n", "")
	var b strings.Builder
	if withTotal {
		b.WriteString("CALL () {\n" + match + "\nRETURN count(n) AS total\n}\n")
	} else {
		b.WriteString("WITH -1 AS total\n")
	}
	if key == orderID {
		// A predicate on n.id lets the planner read n in the order of the
		// id constraint's index and stop after $limit nodes, instead of
		// sorting every node of the kind.
		cursor := "n.id IS NOT NULL"
		if params["afterId"] != nil {
			cursor = "n.id " + cmp + " $afterId"
		}
		b.WriteString("CALL () {\n" + match + " AND " + cursor + "\n" +
			"WITH n ORDER BY n.id" + dir + " LIMIT $limit" + follow.String() + "\n" +
			"RETURN collect({n: n, k: n.id, h: [" + thens + "]}) AS page\n}\nRETURN total, page")
		return b.String()
	}
	b.WriteString("CALL () {\n" + match + "\nWITH n, " + key + " AS k\n")
	if params["afterKey"] != nil {
		b.WriteString("WHERE k " + cmp + " $afterKey OR (k = $afterKey AND n.id " + cmp + " $afterId)\n")
	}
	b.WriteString("WITH n, k ORDER BY k" + dir + ", n.id" + dir + " LIMIT $limit" + follow.String() + "\n" +
		"RETURN collect({n: n, k: k, h: [" + thens + "]}) AS page\n}\nRETURN total, page")
	return b.String()
}

func strList[T ~string](xs []T) any {
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func nameWords(p *string) any {
	if p == nil {
		return nil
	}
	if w := domain.NameWords(*p); w != nil {
		return w
	}
	return nil
}

func optFolded(p *string) any {
	if p == nil {
		return nil
	}
	return domain.Fold(*p)
}

// List implements domain.GraphReader. Filters that do not apply to kind are
// ignored; Page.First must be 1..Limits.PageSize.
func (s *Store) List(ctx context.Context, kind domain.Kind, f domain.ListFilter, page domain.Page) (*domain.NodePage, error) {
	spec, ok := listSpecs[kind]
	if !ok {
		return nil, domain.Errorf(domain.EINVALID, "cannot list %s", kind)
	}
	if err := page.Check(s.limits); err != nil {
		return nil, err
	}
	order := page.OrderBy
	if order == "" {
		order = spec.defOrder
	}
	key, ok := spec.orders[order]
	if !ok {
		return nil, domain.Invalid("orderBy", "%s cannot be ordered by %s", kind, order)
	}
	if page.Descending && order == domain.OrderByDate {
		key = `coalesce(n.sortDate, '0000-00-00')` // undated last in both directions
	}
	params := map[string]any{
		"name": nameWords(f.Name), "text": optFolded(f.Text), "kinds": strList(f.Kinds), "language": optString(f.Language),
		"from": nil, "to": nil,
		"statuses": strList(f.Statuses), "ranks": strList(f.Ranks), "stances": strList(f.Stances), "about": strList(f.About),
		"actor": optString(f.Actor), "source": optString(f.Source), "claim": optString(f.Claim),
		"reporter": optString(f.Reporter), "denier": optString(f.Denier),
		"participant": optString(f.Participant), "negotiation": optString(f.Negotiation), "publisher": optString(f.Publisher),
		"afterKey": nil, "afterId": nil, "limit": page.First + 1,
	}
	if f.Date.From != nil {
		params["from"] = neo4j.DateOf(*f.Date.From)
	}
	if f.Date.To != nil {
		params["to"] = neo4j.DateOf(*f.Date.To)
	}
	if page.After != nil {
		params["afterKey"], params["afterId"] = page.After.Key, page.After.ID
	}
	hops, err := s.hops(page.Then, "lthen_", params)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, listCypher(kind, spec, key, page.Descending, page.WithTotal, hops, params), params)
	if err != nil {
		return nil, err
	}
	res := &domain.NodePage{}
	for range hops {
		res.Then = append(res.Then, map[string][]domain.Link{})
	}
	total, _ := recs[0].Values[0].(int64)
	res.Total = int(total)
	rows, _ := recs[0].Values[1].([]any)
	for i, row := range rows {
		if i == page.First {
			res.HasNext = true
			break
		}
		m := row.(map[string]any)
		n := nodeFromDB(m["n"].(neo4j.Node))
		if n == nil {
			continue
		}
		k, _ := m["k"].(string)
		below, _ := m["h"].([]any)
		decodeHops(res.Then, page.Then, -1, n, below)
		res.Nodes = append(res.Nodes, n)
		res.Cursors = append(res.Cursors, domain.Cursor{Key: k, ID: n.NodeID()})
	}
	return res, nil
}
