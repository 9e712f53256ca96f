package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

var _ domain.Writer = (*Store)(nil)

// writeTx implements domain.WriteTx on one Neo4j transaction.
type writeTx struct {
	s       *Store
	tx      neo4j.ManagedTransaction
	by      string
	origin  string
	now     time.Time
	quiet   bool   // no change log (bulk loads that ask for it)
	id      string // marks this transaction's change-log entries (their commit's tx)
	logged  int    // change-log entries written so far: the next entry's ordinal
	pending bool   // a load: its commit is numbered after it commits (see numberPending)
}

// Write implements domain.Writer.
func (s *Store) Write(ctx context.Context, by domain.Principal, fn func(tx domain.WriteTx) error) error {
	return s.writeAs(ctx, by, "api:"+by.Key, s.txTimeout, func(tx *writeTx) error { return fn(tx) })
}

func (s *Store) writeAs(ctx context.Context, by domain.Principal, origin string, timeout time.Duration, fn func(tx *writeTx) error) error {
	pending := false
	_, err := s.write(ctx, timeout, func(tx neo4j.ManagedTransaction) (any, error) {
		wtx := &writeTx{s: s, tx: tx, by: by.Key, origin: origin, now: time.Now().UTC(), id: newTxID()}
		if err := fn(wtx); err != nil {
			return nil, err
		}
		pending = wtx.pending && wtx.logged > 0
		switch {
		case wtx.logged == 0:
			return nil, nil
		case wtx.pending:
			_, err := wtx.run(ctx, pendingCommitCypher, map[string]any{"count": wtx.logged})
			return nil, err
		}
		_, err := wtx.run(ctx, commitChangesCypher, map[string]any{"count": wtx.logged})
		return nil, err
	})
	if err == nil && pending {
		err = s.numberPending(ctx)
	}
	return err
}

// run runs one statement with the transaction's bookkeeping parameters:
// $ord is the ordinal of the next change-log entry, and a statement that
// logs changes returns how many in a column named logged (on every row).
func (tx *writeTx) run(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if params == nil {
		params = map[string]any{}
	}
	params["now"], params["by"], params["origin"], params["tx"], params["ord"] = tx.now, tx.by, tx.origin, tx.id, tx.logged
	res, err := tx.tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	if len(recs) > 0 {
		if n, ok := recs[0].Get("logged"); ok {
			tx.logged += int(n.(int64))
		}
	}
	return recs, nil
}

// Node implements domain.WriteTx; the id of a node merged into another
// resolves to the survivor.
func (tx *writeTx) Node(ctx context.Context, id string) (domain.Node, error) {
	recs, err := tx.run(ctx, `OPTIONAL MATCH (r:NewsgraphRedirect {id: $id})
MATCH (n:Node {id: coalesce(r.to, $id)}) RETURN n`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return nodeFromDB(recs[0].Values[0].(neo4j.Node)), nil
}

// PutNode implements domain.WriteTx.
func (tx *writeTx) PutNode(ctx context.Context, n domain.Node) (domain.Outcome, error) {
	var st LoadStats
	if err := tx.merge(ctx, mergeNodeCypher(n.NodeKind(), false), []map[string]any{nodeRow(n)}, &st); err != nil {
		return "", err
	}
	return outcome(st), nil
}

// PutEdge implements domain.WriteTx.
func (tx *writeTx) PutEdge(ctx context.Context, e domain.Edge) (domain.Outcome, error) {
	if !allowedRel(e.Type) {
		return "", domain.Errorf(domain.EINVALID, "relationship type %q is not part of the model", e.Type)
	}
	var st LoadStats
	if err := tx.merge(ctx, mergeEdgeCypher(e.Type, false), []map[string]any{edgeRow(e)}, &st); err != nil {
		return "", err
	}
	if st.Missing > 0 {
		return "", domain.Errorf(domain.EINVALID, "cannot link %s to %s: one of them does not exist", e.From, e.To)
	}
	return outcome(st), nil
}

func outcome(st LoadStats) domain.Outcome {
	switch {
	case st.Created > 0:
		return domain.Created
	case st.Updated > 0:
		return domain.Updated
	}
	return domain.Unchanged
}

// ReplaceEdges implements domain.WriteTx.
func (tx *writeTx) ReplaceEdges(ctx context.Context, from string, t domain.RelType, edges []domain.Edge) (bool, error) {
	if !allowedRel(t) {
		return false, domain.Errorf(domain.EINVALID, "relationship type %q is not part of the model", t)
	}
	keep := make([]any, 0, len(edges))
	for _, e := range edges {
		keep = append(keep, []any{e.To, e.Key()})
	}
	recs, err := tx.run(ctx, `MATCH (a:Node {id: $from})-[r:`+string(t)+`]->(b)
WHERE NOT [b.id, r.key] IN $keep
SET r._lock = true REMOVE r._lock
WITH a, b, r
`+materializeRel("r", "true")+`
WITH a, b, r ORDER BY b.id, r.key
WITH collect({entity: a.id, other: b.id}) AS logs, collect(r) AS gone
FOREACH (r IN gone | DELETE r)
WITH logs
CALL (logs) {
  UNWIND range(0, size(logs) - 1) AS i
  CREATE (:NewsgraphChange {tx: $tx, ord: $ord + i, entity: logs[i].entity, other: logs[i].other, rel: '`+string(t)+`', op: 'deleted'})
}
RETURN size(logs) AS logged`, map[string]any{"from": from, "keep": keep})
	if err != nil {
		return false, err
	}
	changed := len(recs) > 0 && recs[0].Values[0].(int64) > 0
	for _, e := range edges {
		outcome, err := tx.PutEdge(ctx, e)
		if err != nil {
			return false, err
		}
		changed = changed || outcome != domain.Unchanged
	}
	return changed, nil
}

// References implements domain.WriteTx.
func (tx *writeTx) References(ctx context.Context, id string) (int, error) {
	recs, err := tx.run(ctx, `MATCH (n:Node {id: $id}) RETURN COUNT { (n)--() }`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	return int(recs[0].Values[0].(int64)), nil
}

// DeleteNode implements domain.WriteTx.
func (tx *writeTx) DeleteNode(ctx context.Context, id string) error {
	if _, err := tx.run(ctx, lockCypher, map[string]any{"id": id}); err != nil {
		return err
	}
	_, err := tx.run(ctx, `MATCH (n:Node {id: $id})
`+materializeAll+`
CREATE (:NewsgraphChange {tx: $tx, ord: $ord, entity: n.id, op: 'deleted', what: [l IN labels(n) WHERE l <> 'Node'][0] + ' with ' + toString(COUNT { (n)--() }) + ' relationships', fields: []})
DETACH DELETE n
RETURN 1 AS logged`, map[string]any{"id": id})
	return err
}

// MergeInto implements domain.WriteTx. Relationship types cannot be
// parameters, so every allowlisted type is moved in its own statement.
func (tx *writeTx) MergeInto(ctx context.Context, survivor, duplicate string) error {
	if _, err := tx.run(ctx, lockCypher, map[string]any{"id": duplicate}); err != nil {
		return err
	}
	for _, t := range allRelTypes {
		for _, stmt := range []string{
			`MATCH (d:Node {id: $dup})-[r:` + string(t) + `]->(o:Node), (s:Node {id: $survivor}) WHERE o <> s
` + materializeRel("r", "true") + `
MERGE (s)-[n:` + string(t) + ` {key: r.key}]->(o) ON CREATE SET n = properties(r), n.updatedAt = $now, n.updatedBy = $by, n.logTx = null
DELETE r`,
			`MATCH (d:Node {id: $dup})<-[r:` + string(t) + `]-(o:Node), (s:Node {id: $survivor}) WHERE o <> s
` + materializeRel("r", "true") + `
MERGE (s)<-[n:` + string(t) + ` {key: r.key}]-(o) ON CREATE SET n = properties(r), n.updatedAt = $now, n.updatedBy = $by, n.logTx = null
DELETE r`,
		} {
			if _, err := tx.run(ctx, stmt, map[string]any{"dup": duplicate, "survivor": survivor}); err != nil {
				return fmt.Errorf("moving %s relationships: %w", t, err)
			}
		}
	}
	_, err := tx.run(ctx, `MATCH (n:Node {id: $dup})
`+materializeAll+`
DETACH DELETE n
WITH 1 AS one
MERGE (r:NewsgraphRedirect {id: $dup}) SET r.to = $survivor, r.at = $now, r.by = $by
WITH 1 AS one
CALL () { MATCH (old:NewsgraphRedirect {to: $dup}) SET old.to = $survivor }
WITH 1 AS one
CREATE (:NewsgraphChange {tx: $tx, ord: $ord, entity: $survivor, op: 'merged', what: $dup, fields: []})
CREATE (:NewsgraphChange {tx: $tx, ord: $ord + 1, entity: $dup, op: 'merged', what: 'into ' + $survivor, fields: []})
RETURN 2 AS logged`,
		map[string]any{"dup": duplicate, "survivor": survivor})
	return err
}

// historyCypher reads the change log of one id. A change of a node, a
// status or a merge is an entry of the entity it changed, with what it
// was; a change of a relationship is one entry with the relationship's
// start (entity), end (other) and type (rel), listed under both ends as
// "TYPE -> end" and "TYPE <- start" (until schema version 2 it was two,
// each with its what). Its time and key are its commit's (schema version
// 5); an entry older than that carries its own. The entries are the
// NewsgraphChange nodes of the id, and the entries of the
// NewsgraphChangeSets that the id's logTx and statusTx and its
// relationships' logTx point at
// (schema version 6, see changeset.go); an entry found both ways (a copy)
// is listed once, and a copy whose commit was pruned while it was being
// made is not listed.
const historyCypher = `CALL () {
  MATCH (c:NewsgraphChange {entity: $id}) RETURN c {.*} AS e, coalesce(c.tx + ':' + toString(c.ord), elementId(c)) AS key
  UNION
  MATCH (c:NewsgraphChange {other: $id}) RETURN c {.*} AS e, coalesce(c.tx + ':' + toString(c.ord), elementId(c)) AS key
  UNION
  MATCH (n:Node {id: $id})
  UNWIND [n.logTx, n.statusTx] AS t
  MATCH (logSet:NewsgraphChangeSet) WHERE logSet.tx = t AND logSet.ord >= 0 AND logSet.rel IS NULL
  UNWIND range(0, logSet.n - 1) AS logI
  WITH logSet, logI WHERE logSet.entities[logI] = $id
  RETURN ` + setEntry + ` AS e, logSet.tx + ':' + toString(logSet.ord + logI) AS key
  UNION
  MATCH (:Node {id: $id})-[r]-() WHERE r.logTx IS NOT NULL
  WITH DISTINCT r.logTx AS t, type(r) AS rel
  MATCH (logSet:NewsgraphChangeSet) WHERE logSet.tx = t AND logSet.ord >= 0 AND logSet.rel = rel
  UNWIND range(0, logSet.n - 1) AS logI
  WITH logSet, logI WHERE logSet.entities[logI] = $id OR logSet.others[logI] = $id
  RETURN ` + setEntry + ` AS e, logSet.tx + ':' + toString(logSet.ord + logI) AS key
}
WITH key, collect(e)[0] AS c
OPTIONAL MATCH (k:NewsgraphCommit {tx: c.tx})
WITH c, k WHERE k IS NOT NULL OR c.copy IS NULL
WITH c, coalesce(k.at, c.at) AS at, coalesce(k.by, c.by) AS by
UNWIND CASE WHEN c.rel IS NULL THEN [c.what]
  ELSE CASE WHEN c.entity = $id THEN [c.rel + ' -> ' + c.other] ELSE [] END +
       CASE WHEN c.other = $id THEN [c.rel + ' <- ' + c.entity] ELSE [] END END AS what
RETURN at, by, c.op, what, c.fields, c.note
ORDER BY at DESC LIMIT $first`

// History returns the changes made to id, newest first; a merge is listed
// under both ids, a change of a relationship under both its ends.
func (s *Store) History(ctx context.Context, id string, first int) ([]domain.Change, error) {
	if err := domain.CheckID("id", id); err != nil {
		return nil, err
	}
	if err := s.limits.Results(first); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, historyCypher, map[string]any{"id": id, "first": first})
	if err != nil {
		return nil, err
	}
	out := make([]domain.Change, 0, len(recs))
	for _, r := range recs {
		c := domain.Change{By: fmt.Sprint(r.Values[1]), Op: fmt.Sprint(r.Values[2]), What: fmt.Sprint(r.Values[3])}
		c.At, _ = r.Values[0].(time.Time)
		c.Fields = propReader{"f": r.Values[4]}.strs("f")
		if note, ok := r.Values[5].(string); ok {
			c.Note = &note
		}
		out = append(out, c)
	}
	return out, nil
}

// ClaimOf implements domain.WriteTx.
func (tx *writeTx) ClaimOf(ctx context.Context, attributionID string) (string, error) {
	recs, err := tx.run(ctx, `MATCH (:Attribution {id: $id})-[:ON]->(c:Claim) RETURN c.id`, map[string]any{"id": attributionID})
	if err != nil || len(recs) == 0 {
		return "", err
	}
	return recs[0].Values[0].(string), nil
}

// Edges implements domain.WriteTx.
func (tx *writeTx) Edges(ctx context.Context, from string, t domain.RelType) ([]domain.Edge, error) {
	if !allowedRel(t) {
		return nil, domain.Errorf(domain.EINVALID, "relationship type %q is not part of the model", t)
	}
	recs, err := tx.run(ctx, `MATCH (:Node {id: $from})-[r:`+string(t)+`]->(b:Node) RETURN b.id, r.role`, map[string]any{"from": from})
	if err != nil {
		return nil, err
	}
	out := make([]domain.Edge, len(recs))
	for i, rec := range recs {
		out[i] = domain.Edge{Type: t, From: from, To: rec.Values[0].(string)}
		if role, ok := rec.Values[1].(string); ok {
			out[i].Role = &role
		}
	}
	return out, nil
}

// CitationCycle implements domain.WriteTx: a breadth-first shortest path
// back from each cited attribution, so a long chain of citations costs one
// search, not an enumeration of paths. The caller has refused a self-citation
// (shortestPath needs two distinct ends).
func (tx *writeTx) CitationCycle(ctx context.Context, attributionID string) (string, error) {
	recs, err := tx.run(ctx, `MATCH (a:Attribution {id: $id})-[:CITES]->(c:Attribution)
OPTIONAL MATCH p = shortestPath((c)-[:CITES*..1000]->(a))
WITH c, p WHERE p IS NOT NULL
RETURN c.id LIMIT 1`, map[string]any{"id": attributionID})
	if err != nil || len(recs) == 0 {
		return "", err
	}
	return recs[0].Values[0].(string), nil
}

// Attributed implements domain.WriteTx.
func (tx *writeTx) Attributed(ctx context.Context, claimID string) (bool, error) {
	recs, err := tx.run(ctx, `RETURN EXISTS { (:Claim {id: $id})<-[:ON]-(:Attribution)-[:RECORDED_IN]->(:Source) } AS ok`, map[string]any{"id": claimID})
	if err != nil {
		return false, err
	}
	return recs[0].Values[0].(bool), nil
}

// ClaimsTouching implements domain.WriteTx.
func (tx *writeTx) ClaimsTouching(ctx context.Context, id string) ([]string, error) {
	recs, err := tx.run(ctx, `MATCH (n:Node {id: $id})
CALL (n) {
  MATCH (n)<-[:ABOUT]-(c:Claim) RETURN c.id AS claim
  UNION
  MATCH (n)<-[:MADE_BY]-(:Attribution)-[:ON]->(c:Claim) RETURN c.id AS claim
}
RETURN claim`, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		out = append(out, r.Values[0].(string))
	}
	return out, nil
}

// SoleSourceOf implements domain.WriteTx.
func (tx *writeTx) SoleSourceOf(ctx context.Context, id string) (int, error) {
	recs, err := tx.run(ctx, `MATCH (:Source {id: $id})<-[:RECORDED_IN]-(a:Attribution)
WHERE COUNT { (a)-[:RECORDED_IN]->(:Source) } = 1 RETURN count(a)`, map[string]any{"id": id})
	if err != nil {
		return 0, err
	}
	return int(recs[0].Values[0].(int64)), nil
}
