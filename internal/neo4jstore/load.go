package neo4jstore

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// LoadStats counts what a load did.
type LoadStats = domain.LoadStats

func addOutcome(s *LoadStats, outcome string, n int64) {
	switch outcome {
	case "created":
		s.Created += int(n)
	case "updated":
		s.Updated += int(n)
	default:
		s.Unchanged += int(n)
	}
}

// derivedKeys are stored properties computed from others; a change to them
// is not reported as a change of its own.
var derivedKeys = []string{"searchKeys", "sortName", "sortDate", "textKey", "aliasText"}

// mergeNodeCypher upserts nodes of one label. A node whose content hash is
// unchanged keeps its updatedAt and updatedBy, so loading the same data twice
// changes nothing; every change is logged, for history: by a load
// (compact) in one NewsgraphChangeSet per statement (see changeset.go),
// by other writes as one NewsgraphChange each (see logNodesCypher).
func mergeNodeCypher(k domain.Kind, compact bool) string {
	lock, materialize, logTx, logs := "", "", "", `{n: n, op: outcome, fields: changed}`
	tail := logNodesCypher(k)
	if compact {
		// The node's write lock, before its logTx is read: another
		// load may be moving it on (see changeset.go).
		lock = "\nSET n._lock = true REMOVE n._lock"
		materialize = "\n" + materializeNode("n, outcome", "logTx", "$history AND outcome <> 'unchanged' AND n.logTx <> $tx")
		logTx = ",\n    n.logTx = CASE WHEN $history AND outcome <> 'unchanged' THEN $tx ELSE n.logTx END"
		logs = nodeSetEntry(k, "outcome", "reduce(s = '', f IN changed | s + CASE s WHEN '' THEN '' ELSE ' ' END + f)")
		tail = logSetCypher(string(k), "")
	}
	return `UNWIND $rows AS row
MERGE (n:` + string(k) + ` {id: row.props.id})
ON CREATE SET n:Node, n.createdAt = $now, n.createdBy = $by, n.origin = $origin` + lock + `
WITH n, row, CASE WHEN n.hash IS NULL THEN 'created' WHEN n.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome,
     [k IN keys(row.props) WHERE NOT k IN $derived AND coalesce(n[k] <> row.props[k], (n[k] IS NULL) <> (row.props[k] IS NULL))] AS changed` + materialize + `
SET n += row.props, n.hash = row.hash, n.sortKey = ` + sortKeyOf("row.props") + `,
    n.updatedAt = CASE outcome WHEN 'unchanged' THEN n.updatedAt ELSE $now END,
    n.updatedBy = CASE outcome WHEN 'unchanged' THEN n.updatedBy ELSE $by END` + logTx + `
WITH collect(outcome) AS outcomes,
     collect(CASE WHEN outcome <> 'unchanged' AND $history THEN ` + logs + ` END) AS logs
` + tail + `
UNWIND outcomes AS outcome
WITH outcome, size(logs) AS logged
RETURN outcome, count(*) AS count, logged`
}

// nodeSetEntry is the log map of a node n of kind k written by a load,
// for logSetCypher; fields is a string of the changed fields separated by
// spaces.
func nodeSetEntry(k domain.Kind, op, fields string) string {
	state := ""
	if k == domain.KindAttribution {
		state = `, state: row.state, createdAt: n.createdAt, createdBy: n.createdBy, origin: n.origin`
	}
	return `{entity: n.id, op: ` + op + `, fields: ` + fields + state + `}`
}

// createNodeCypher writes nodes of one label that did not exist when the
// load was planned (domain.Dataset.New): CREATE needs neither the lookup
// nor the eager steps of MERGE. A node created meanwhile by another writer
// fails the statement on the id constraint; the load then runs again with
// mergeNodeCypher (see LoadPrepared). Only loads create.
func createNodeCypher(k domain.Kind) string {
	status := ""
	if k == domain.KindClaim {
		status = ", n.status = row.status" // see PrepareDataset
	}
	return `UNWIND $rows AS row
CREATE (n:` + string(k) + `:Node)
SET n = row.props, n.hash = row.hash, n.sortKey = ` + sortKeyOf("row.props") + `, n.createdAt = $now, n.createdBy = $by, n.origin = $origin, n.updatedAt = $now, n.updatedBy = $by,
    n.logTx = CASE WHEN $history THEN $tx END` + status + `
WITH collect(CASE WHEN $history THEN ` + nodeSetEntry(k, "'created'", "row.fields") + ` END) AS logs, count(*) AS created
` + logSetCypher(string(k), "") + `
RETURN 'created' AS outcome, created AS count, size(logs) AS logged`
}

// logNodesCypher logs the changes of logs (maps of the node n, its outcome
// op and its changed fields), numbered from $ord, one NewsgraphChange
// each. An attribution's entry keeps the attribution as this write left
// it (a NewsgraphState), so that a subscriber reading the log later sees
// it as of the change; the subscriptions read no other kind's.
func logNodesCypher(k domain.Kind) string {
	state := ""
	if k == domain.KindAttribution {
		state = `-[:STATE]->(state:NewsgraphState)
  SET state = properties(l.n)`
	}
	return `CALL (logs) {
  UNWIND range(0, size(logs) - 1) AS i
  WITH logs[i] AS l, i
  CREATE (:NewsgraphChange {tx: $tx, ord: $ord + i, entity: l.n.id, op: l.op, what: '` + string(k) + `', fields: l.fields})` + state + `
}`
}

// allRelTypes is the allowlist of relationship types that may be written.
var allRelTypes = []domain.RelType{
	domain.RelMadeBy, domain.RelOn, domain.RelRecordedIn, domain.RelMadeIn, domain.RelCites, domain.RelDuring, domain.RelAbout,
	domain.RelPublishedBy, domain.RelAuthoredBy, domain.RelDerivedFrom, domain.RelMentions,
	domain.RelParticipant, domain.RelPartOf, domain.RelHeldIn, domain.RelParty, domain.RelMemberOf,
}

// mergeEdgeCypher upserts relationships of one type; key tells apart two
// relationships of one type between the same nodes (e.g. two roles). Rows
// whose ends do not exist match nothing: merge counts them as missing.
// A change of a relationship is logged once, under both of its ends
// (entity and other, see History): by a load (compact) in a
// NewsgraphChangeSet, by other writes as a NewsgraphChange.
func mergeEdgeCypher(t domain.RelType, compact bool) string {
	lock, materialize, logTx, tail := "", "", "", logEdgesCypher(t)
	if compact {
		lock = "\nSET r._lock = true REMOVE r._lock" // as in mergeNodeCypher
		materialize = "\n" + materializeRel("r, outcome", "$history AND outcome <> 'unchanged' AND r.logTx <> $tx")
		logTx = ",\n    r.logTx = CASE WHEN $history AND outcome <> 'unchanged' THEN $tx ELSE r.logTx END"
		tail = logSetCypher("", string(t))
	}
	return `UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:` + string(t) + ` {key: row.key}]->(b)
ON CREATE SET r.createdAt = $now, r.createdBy = $by, r.origin = $origin` + lock + `
WITH a, b, r, row, CASE WHEN r.hash IS NULL THEN 'created' WHEN r.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome` + materialize + `
SET r += row.props, r.hash = row.hash,
    r.updatedAt = CASE outcome WHEN 'unchanged' THEN r.updatedAt ELSE $now END,
    r.updatedBy = CASE outcome WHEN 'unchanged' THEN r.updatedBy ELSE $by END` + logTx + `
WITH collect(outcome) AS outcomes,
     collect(CASE WHEN outcome <> 'unchanged' AND $history THEN {entity: a.id, other: b.id, op: outcome} END) AS logs
` + tail + `
UNWIND outcomes AS outcome
WITH outcome, size(logs) AS logged
RETURN outcome, count(*) AS count, logged`
}

// createEdgeCypher writes relationships of one type that could not exist
// when the load was planned (domain.Dataset.NewEdges): CREATE needs
// neither the lookup nor the eager steps of MERGE. Rows whose ends do not
// exist match nothing, as in mergeEdgeCypher. Only loads create.
func createEdgeCypher(t domain.RelType) string {
	return `UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
CREATE (a)-[r:` + string(t) + `]->(b)
SET r = row.props, r.key = row.key, r.hash = row.hash, r.createdAt = $now, r.createdBy = $by, r.origin = $origin, r.updatedAt = $now, r.updatedBy = $by,
    r.logTx = CASE WHEN $history THEN $tx END
WITH collect(CASE WHEN $history THEN {entity: a.id, other: b.id, op: 'created'} END) AS logs, count(*) AS created
` + logSetCypher("", string(t)) + `
RETURN 'created' AS outcome, created AS count, size(logs) AS logged`
}

// logEdgesCypher logs the changes of logs (maps of the start entity, the
// end other and the outcome op), numbered from $ord, one NewsgraphChange
// each.
func logEdgesCypher(t domain.RelType) string {
	return `CALL (logs) {
  UNWIND range(0, size(logs) - 1) AS i
  WITH logs[i] AS l, i
  CREATE (:NewsgraphChange {tx: $tx, ord: $ord + i, entity: l.entity, other: l.other, rel: '` + string(t) + `', op: l.op})
}`
}

// claimVotes is the tail of a query that has bound (c:Claim): it returns the
// claim's id, stored status, and its attributions as votes for DeriveStatus.
const claimVotes = `
OPTIONAL MATCH (c)<-[:ON]-(a:Attribution)
OPTIONAL MATCH (a)-[:MADE_BY]->(actor)
WITH c, [v IN collect({stance: a.stance, party: actor IS NOT NULL AND EXISTS { (c)-[ab:ABOUT]->(actor) WHERE ab.role <> 'TOPIC' }}) WHERE v.stance IS NOT NULL] AS votes
RETURN c.id AS id, c.status AS status, votes`

// lockedClaimVotesCypher takes each claim's write lock before it reads the
// claim's votes, so that two transactions changing one claim's attributions
// cannot both derive its status from a view without the other's change.
// The ids are sorted, so that two refreshes take their locks in one order.
const lockedClaimVotesCypher = `UNWIND $ids AS cid
MATCH (c:Claim {id: cid})
SET c._lock = true REMOVE c._lock
WITH c` + claimVotes

// setClaimStatusCypher stores the statuses of rows' claims that changed
// and logs them: by a load (compact) in a NewsgraphChangeSet, by other
// writes as NewsgraphChange nodes.
func setClaimStatusCypher(compact bool) string {
	materialize, logTx := "", ""
	tail := `CALL (logs) {
  UNWIND range(0, size(logs) - 1) AS i
  CREATE (:NewsgraphChange {tx: $tx, ord: $ord + i, entity: logs[i].entity, op: 'updated', what: 'Claim', fields: ['status'], note: logs[i].note})
}`
	if compact {
		// A claim's status changes in the load that writes its
		// attributions, after the one that wrote the claim: its
		// pointer is one of its own (statusTx), so that the claim's
		// created entry need not be copied.
		materialize = "\nWITH n, row, was\n" + materializeNode("n", "statusTx", "$history AND n.statusTx <> $tx")
		logTx = ", n.statusTx = CASE WHEN $history THEN $tx ELSE n.statusTx END"
		tail = logSetCypher(statusSet, "")
	}
	return `UNWIND $rows AS row
MATCH (n:Claim {id: row.id})
WITH n, row, n.status AS was WHERE was IS NULL OR was <> row.status` + materialize + `
SET n.status = row.status, n.updatedAt = $now, n.updatedBy = $by` + logTx + `
WITH collect(CASE WHEN $history THEN {entity: n.id, op: 'updated', fields: ['status'], note: coalesce(was, 'none') + ' -> ' + row.status} END) AS logs
` + tail + `
RETURN size(logs) AS logged`
}

// LoadOption changes how LoadDataset writes.
type LoadOption func(*writeTx)

// WithoutHistory skips the change log of a bulk load (history(id) will not
// list it); the bookkeeping on every node and relationship is still written.
func WithoutHistory() LoadOption { return func(tx *writeTx) { tx.quiet = true } }

// LoadDataset writes ds in one transaction on behalf of by: nodes and edges
// are upserted by id, then the status of every claim the dataset touches is
// derived from all of its stored attributions. Running it twice changes
// nothing.
func (s *Store) LoadDataset(ctx context.Context, ds *domain.Dataset, by domain.Principal, opts ...LoadOption) (LoadStats, error) {
	p, err := PrepareDataset(ds)
	if err != nil {
		return LoadStats{}, err
	}
	return s.LoadPrepared(ctx, p, by, opts...)
}

// PreparedDataset is a dataset turned into the rows of the statements that
// write it: the work that needs no database, done before the transaction
// opens (and not again when it is retried), and, by a bulk load, while
// the previous dataset is being written.
type PreparedDataset struct {
	origin    string
	fresh     bool // every node is new: created, not merged (domain.Dataset.New)
	nodes     map[domain.Kind][]map[string]any
	edges     map[domain.RelType][]map[string]any
	newEdges  map[domain.RelType][]map[string]any // created, not merged (domain.Dataset.NewEdges)
	claimIDs  []string                            // claims whose status the dataset changes
	newClaims []string                            // new claims (fresh): created with the status of a claim without attributions
	madeBy    []string                            // attributions whose actor or stance is written: their claims' statuses change, unless the dataset writes their ON too
}

// PrepareDataset prepares ds for LoadPrepared.
func PrepareDataset(ds *domain.Dataset) (*PreparedDataset, error) {
	p := &PreparedDataset{origin: ds.Origin, fresh: ds.New, nodes: map[domain.Kind][]map[string]any{},
		edges: map[domain.RelType][]map[string]any{}, newEdges: map[domain.RelType][]map[string]any{}}
	for _, n := range ds.Nodes {
		row := nodeRow(n)
		isClaim := n.NodeKind() == domain.KindClaim
		if ds.New {
			fields := createdFields(row["props"].(map[string]any))
			if isClaim {
				// It has no attributions yet: no need to read them.
				row["status"] = string(domain.DeriveStatus(nil))
				fields = append(fields, "status")
			}
			row["fields"] = strings.Join(fields, " ") // as a set keeps them (logSetCypher)
		}
		p.nodes[n.NodeKind()] = append(p.nodes[n.NodeKind()], row)
		switch {
		case isClaim && ds.New:
			p.newClaims = append(p.newClaims, n.NodeID())
		case isClaim:
			p.claimIDs = append(p.claimIDs, n.NodeID())
		}
	}
	on := map[string]bool{} // attributions whose ON the dataset writes
	for _, e := range slices.Concat(ds.Edges, ds.NewEdges) {
		if e.Type == domain.RelOn {
			on[e.From] = true
		}
	}
	if !ds.New {
		// A stored attribution's stance may change, and with it its
		// claim's status.
		for _, n := range ds.Nodes {
			if n.NodeKind() == domain.KindAttribution && !on[n.NodeID()] {
				p.madeBy = append(p.madeBy, n.NodeID())
			}
		}
	}
	for i, e := range slices.Concat(ds.Edges, ds.NewEdges) {
		if !allowedRel(e.Type) {
			return nil, domain.Errorf(domain.EINVALID, "relationship type %q is not part of the model", e.Type)
		}
		// A new attribution, actor or ABOUT edge changes the status of its claim.
		switch e.Type {
		case domain.RelOn:
			p.claimIDs = append(p.claimIDs, e.To)
		case domain.RelAbout:
			p.claimIDs = append(p.claimIDs, e.From)
		case domain.RelMadeBy:
			if !on[e.From] {
				p.madeBy = append(p.madeBy, e.From)
			}
		}
		if i < len(ds.Edges) {
			p.edges[e.Type] = append(p.edges[e.Type], edgeRow(e))
		} else {
			p.newEdges[e.Type] = append(p.newEdges[e.Type], edgeRow(e))
		}
	}
	return p, nil
}

// LoadPrepared writes a prepared dataset in one transaction, as
// LoadDataset does.
func (s *Store) LoadPrepared(ctx context.Context, p *PreparedDataset, by domain.Principal, opts ...LoadOption) (LoadStats, error) {
	var st LoadStats
	fresh := p.fresh
	load := func() error {
		return s.writeAs(ctx, by, p.origin, 5*time.Minute, func(tx *writeTx) error {
			tx.pending = true
			for _, o := range opts {
				o(tx)
			}
			var err error
			st, err = tx.load(ctx, p, fresh)
			return err
		})
	}
	err := load()
	if fresh && isConstraintViolation(err) {
		// Another writer created one of the nodes since the load was
		// planned: upsert them all.
		fresh = false
		err = load()
		st.Raced = true
	}
	return st, err
}

func isConstraintViolation(err error) bool {
	var n4j *neo4j.Neo4jError
	return errors.As(err, &n4j) && strings.Contains(n4j.Code, "ConstraintValidationFailed")
}

// createdFields are the fields a created node's change lists, as
// mergeNodeCypher finds them: those it sets, less the id (which MERGE has
// set already) and the derived ones.
func createdFields(p map[string]any) []string {
	out := make([]string, 0, len(p))
	for k, v := range p {
		if v != nil && k != "id" && !slices.Contains(derivedKeys, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// load upserts (or, fresh, creates) p's nodes in one query per label and its edges in one per
// type, then refreshes the statuses of the claims it touches.
func (tx *writeTx) load(ctx context.Context, p *PreparedDataset, fresh bool) (LoadStats, error) {
	var st LoadStats
	for _, k := range domain.Kinds {
		if rows := p.nodes[k]; len(rows) > 0 {
			cypher := mergeNodeCypher(k, true)
			if fresh {
				cypher = createNodeCypher(k)
			}
			if err := tx.merge(ctx, cypher, rows, &st); err != nil {
				return st, err
			}
		}
	}
	for _, t := range allRelTypes {
		if rows := p.newEdges[t]; len(rows) > 0 {
			// Created, unless this dataset's new nodes turned out to be
			// stored already (p.fresh, then not fresh): its relationships
			// may be too.
			cypher := createEdgeCypher(t)
			if p.fresh && !fresh {
				cypher = mergeEdgeCypher(t, true)
			}
			if err := tx.merge(ctx, cypher, rows, &st); err != nil {
				return st, err
			}
		}
		if rows := p.edges[t]; len(rows) > 0 {
			if err := tx.merge(ctx, mergeEdgeCypher(t, true), rows, &st); err != nil {
				return st, err
			}
		}
	}
	claimIDs := slices.Clone(p.claimIDs)
	if !fresh {
		claimIDs = append(claimIDs, p.newClaims...)
	}
	if len(p.madeBy) > 0 {
		recs, err := tx.run(ctx, `MATCH (a:Attribution)-[:ON]->(c:Claim) WHERE a.id IN $ids RETURN DISTINCT c.id`, map[string]any{"ids": p.madeBy})
		if err != nil {
			return st, err
		}
		for _, r := range recs {
			claimIDs = append(claimIDs, r.Values[0].(string))
		}
	}
	return st, tx.RefreshStatuses(ctx, claimIDs)
}

func nodeRow(n domain.Node) map[string]any {
	p := nodeProps(n)
	row := map[string]any{"props": map[string]any(p), "hash": contentHash(p)}
	if n.NodeKind() == domain.KindAttribution {
		row["state"] = stateJSON(p) // see logSetCypher
	}
	return row
}

func edgeRow(e domain.Edge) map[string]any {
	p := edgeProps(e)
	return map[string]any{"from": e.From, "to": e.To, "key": e.Key(), "props": map[string]any(p), "hash": contentHash(p)}
}

// merge runs one of the merge queries and adds its outcomes to st; rows
// that matched nothing count as missing.
func (tx *writeTx) merge(ctx context.Context, cypher string, rows []map[string]any, st *LoadStats) error {
	recs, err := tx.run(ctx, cypher, map[string]any{"rows": rows, "derived": derivedKeys, "history": !tx.quiet})
	if err != nil {
		return err
	}
	seen := 0
	for _, r := range recs {
		n := r.Values[1].(int64)
		addOutcome(st, r.Values[0].(string), n)
		seen += int(n)
	}
	st.Missing += len(rows) - seen
	return nil
}

// RefreshStatuses implements domain.WriteTx: it derives the status of the
// given claims from their stored attributions with domain.DeriveStatus.
func (tx *writeTx) RefreshStatuses(ctx context.Context, claimIDs []string) error {
	if len(claimIDs) == 0 {
		return nil
	}
	claimIDs = slices.Clone(claimIDs)
	slices.Sort(claimIDs)
	claimIDs = slices.Compact(claimIDs)
	recs, err := tx.run(ctx, lockedClaimVotesCypher, map[string]any{"ids": claimIDs})
	if err != nil {
		return err
	}
	rows := make([]map[string]any, 0, len(recs))
	for _, r := range recs {
		rows = append(rows, map[string]any{"id": r.Values[0], "status": string(domain.DeriveStatus(votesOf(r.Values[2])))})
	}
	_, err = tx.run(ctx, setClaimStatusCypher(tx.pending), map[string]any{"rows": rows, "history": !tx.quiet})
	return err
}

func allowedRel(t domain.RelType) bool { return slices.Contains(allRelTypes, t) }
