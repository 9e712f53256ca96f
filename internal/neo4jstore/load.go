package neo4jstore

import (
	"context"
	"slices"
	"time"

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
// changes nothing; every change is logged as a NewsgraphChange for history,
// with the node as this write left it (a NewsgraphState), so that a
// subscriber reading the log later sees the node as of the change.
func mergeNodeCypher(k domain.Kind) string {
	return `UNWIND $rows AS row
MERGE (n:` + string(k) + ` {id: row.props.id})
ON CREATE SET n:Node, n.createdAt = $now, n.createdBy = $by, n.origin = $origin
WITH n, row, CASE WHEN n.hash IS NULL THEN 'created' WHEN n.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome,
     [k IN keys(row.props) WHERE NOT k IN $derived AND coalesce(n[k] <> row.props[k], (n[k] IS NULL) <> (row.props[k] IS NULL))] AS changed
SET n += row.props, n.hash = row.hash, n.sortKey = ` + sortKeyOf("row.props") + `,
    n.updatedAt = CASE outcome WHEN 'unchanged' THEN n.updatedAt ELSE $now END,
    n.updatedBy = CASE outcome WHEN 'unchanged' THEN n.updatedBy ELSE $by END
FOREACH (_ IN CASE WHEN outcome = 'unchanged' OR NOT $history THEN [] ELSE [1] END |
  CREATE (:NewsgraphChange {tx: $tx, entity: n.id, at: $now, by: $by, op: outcome, what: '` + string(k) + `', fields: changed})-[:STATE]->(state:NewsgraphState)
  SET state = properties(n))
RETURN outcome, count(*) AS count`
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
// (entity and other, see History).
func mergeEdgeCypher(t domain.RelType) string {
	return `UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:` + string(t) + ` {key: row.key}]->(b)
ON CREATE SET r.createdAt = $now, r.createdBy = $by, r.origin = $origin
WITH a, b, r, row, CASE WHEN r.hash IS NULL THEN 'created' WHEN r.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome
SET r += row.props, r.hash = row.hash,
    r.updatedAt = CASE outcome WHEN 'unchanged' THEN r.updatedAt ELSE $now END,
    r.updatedBy = CASE outcome WHEN 'unchanged' THEN r.updatedBy ELSE $by END
FOREACH (_ IN CASE WHEN outcome = 'unchanged' OR NOT $history THEN [] ELSE [1] END |
  CREATE (:NewsgraphChange {tx: $tx, entity: a.id, other: b.id, rel: '` + string(t) + `', at: $now, by: $by, op: outcome}))
RETURN outcome, count(*) AS count`
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

const setClaimStatusCypher = `UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
WITH c, row, c.status AS was WHERE was IS NULL OR was <> row.status
SET c.status = row.status, c.updatedAt = $now, c.updatedBy = $by
FOREACH (_ IN CASE WHEN $history THEN [1] ELSE [] END |
  CREATE (:NewsgraphChange {tx: $tx, entity: c.id, at: $now, by: $by, op: 'updated', what: 'Claim', fields: ['status'], note: coalesce(was, 'none') + ' -> ' + row.status}))
RETURN count(c) AS changed`

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
	origin   string
	nodes    map[domain.Kind][]map[string]any
	edges    map[domain.RelType][]map[string]any
	claimIDs []string // claims whose status the dataset changes
	madeBy   []string // attributions whose actor is written: their claims' statuses change
}

// PrepareDataset prepares ds for LoadPrepared.
func PrepareDataset(ds *domain.Dataset) (*PreparedDataset, error) {
	p := &PreparedDataset{origin: ds.Origin, nodes: map[domain.Kind][]map[string]any{}, edges: map[domain.RelType][]map[string]any{}}
	for _, n := range ds.Nodes {
		p.nodes[n.NodeKind()] = append(p.nodes[n.NodeKind()], nodeRow(n))
		if n.NodeKind() == domain.KindClaim {
			p.claimIDs = append(p.claimIDs, n.NodeID())
		}
	}
	for _, e := range ds.Edges {
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
			p.madeBy = append(p.madeBy, e.From)
		}
		p.edges[e.Type] = append(p.edges[e.Type], edgeRow(e))
	}
	return p, nil
}

// LoadPrepared writes a prepared dataset in one transaction, as
// LoadDataset does.
func (s *Store) LoadPrepared(ctx context.Context, p *PreparedDataset, by domain.Principal, opts ...LoadOption) (LoadStats, error) {
	var st LoadStats
	err := s.writeAs(ctx, by, p.origin, 5*time.Minute, func(tx *writeTx) error {
		for _, o := range opts {
			o(tx)
		}
		var err error
		st, err = tx.load(ctx, p)
		return err
	})
	return st, err
}

// load upserts p's nodes in one query per label and its edges in one per
// type, then refreshes the statuses of the claims it touches.
func (tx *writeTx) load(ctx context.Context, p *PreparedDataset) (LoadStats, error) {
	var st LoadStats
	for _, k := range domain.Kinds {
		if rows := p.nodes[k]; len(rows) > 0 {
			if err := tx.merge(ctx, mergeNodeCypher(k), rows, &st); err != nil {
				return st, err
			}
		}
	}
	for _, t := range allRelTypes {
		if rows := p.edges[t]; len(rows) > 0 {
			if err := tx.merge(ctx, mergeEdgeCypher(t), rows, &st); err != nil {
				return st, err
			}
		}
	}
	claimIDs := slices.Clone(p.claimIDs)
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
	return map[string]any{"props": map[string]any(p), "hash": contentHash(p)}
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
	_, err = tx.run(ctx, setClaimStatusCypher, map[string]any{"rows": rows, "history": !tx.quiet})
	return err
}

func allowedRel(t domain.RelType) bool { return slices.Contains(allRelTypes, t) }
