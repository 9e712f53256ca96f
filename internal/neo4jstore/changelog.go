package neo4jstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// The change log's positions. A write transaction marks each
// NewsgraphChange entry it creates (or, a load, each NewsgraphChangeSet
// of consecutive entries, see changeset.go) with its id (tx) and an
// ordinal (ord, 0, 1, … in the order it wrote them), and ends by recording one
// NewsgraphCommit {tx, first, last, at, by}: the range of positions its
// entries take, drawn from a single counter, the NewsgraphLog node, whose
// write lock it takes first. An entry's position is its commit's first plus
// its ordinal. The lock is held until the transaction commits, so a
// transaction that takes positions after another waits for it to commit:
// positions are consecutive integers in commit order. A reader that sees
// position n therefore sees every position below n (a Neo4j follower
// applies transactions in commit order too), and a tail "position > last"
// never skips an entry that commits later. Neo4j's own transaction ids
// would not do: they are not exposed to Cypher, and ids allocated when a
// transaction starts commit out of order under concurrency.
//
// Taking positions costs one statement per transaction whatever its size,
// so write transactions that log changes serialise on the counter only for
// that statement and their commit; the time (at) and the key (by) of a
// change are stored once, on the commit.
//
// A load (a batch of an import) is large, and its commit long: holding the
// counter through it would serialise loads that could commit side by
// side. A load's commit is therefore written pending (pending: the number
// of entries, no range) and takes its positions just after the load
// commits, in a small transaction of its own that numbers every pending
// commit under the counter's lock (numberPending). Positions are then
// consecutive in the order they were numbered, which is still the order
// in which they become visible, and a pending commit's entries are in
// history at once but reach the change feed only once numbered. Should a
// process stop between the two, the next load, or the next start
// (Migrate), numbers what it left pending.

// commitChangesCypher takes the transaction's range of positions; a
// transaction that logged nothing (unchanged data, a quiet load) does not
// run it, and does not take the lock.
const commitChangesCypher = `MERGE (log:NewsgraphLog {id: 'log'})
SET log._lock = true REMOVE log._lock
WITH log, coalesce(log.head, 0) AS base
CREATE (:NewsgraphCommit {tx: $tx, first: base + 1, last: base + $count, at: $now, by: $by})
SET log.head = base + $count, log.at = $now`

// pendingCommitCypher records a load's commit, to be numbered once it has
// committed.
const pendingCommitCypher = `CREATE (:NewsgraphCommit {tx: $tx, pending: $count, at: $now, by: $by})`

// lockLogCypher takes the counter's write lock, before numberPendingCypher
// reads the pending commits: a statement of its own, so that the read
// cannot happen before the lock is held.
const lockLogCypher = `MERGE (log:NewsgraphLog {id: 'log'}) SET log._lock = true REMOVE log._lock`

// numberPendingCypher gives every pending commit its range of positions,
// in the order of their times.
const numberPendingCypher = `MATCH (k:NewsgraphCommit) WHERE k.pending > 0
WITH k ORDER BY k.at, k.tx
WITH collect(k) AS ks WHERE size(ks) > 0
MATCH (log:NewsgraphLog {id: 'log'})
WITH log, ks, reduce(ends = [coalesce(log.head, 0)], k IN ks | ends + [ends[-1] + k.pending]) AS ends
CALL (ks, ends) {
  UNWIND range(0, size(ks) - 1) AS i
  WITH ks[i] AS k, ends[i] AS base
  SET k.first = base + 1, k.last = base + k.pending
  REMOVE k.pending
}
SET log.head = ends[-1], log.at = $now`

// numberPending numbers the pending commits, if there are any.
func (s *Store) numberPending(ctx context.Context) error {
	_, err := s.write(ctx, 30*time.Second, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, stmt := range []string{lockLogCypher, numberPendingCypher} {
			res, err := tx.Run(ctx, stmt, map[string]any{"now": time.Now().UTC()})
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	return err
}

// Statements that log changes number their entries from $ord on and
// return how many they logged in a column named logged (see writeTx.run).

func newTxID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// changesAfterCypher reads a page of the log after a position: the
// commits whose range ends after it, in order, and their entries from the
// position on (NewsgraphChange nodes other than copies, and the entries of
// its NewsgraphChangeSets, see changeset.go), each with the entities its
// claim is about: of the claim it changed, or of the claim of the
// attribution it changed (as the graph is now).
const changesAfterCypher = `OPTIONAL MATCH (log:NewsgraphLog {id: 'log'})
WITH coalesce(log.pruned, 0) AS pruned, coalesce(log.head, 0) AS head
CALL (pruned) {
  MATCH (k:NewsgraphCommit) WHERE k.last > $after AND $after >= pruned
  WITH k ORDER BY k.last LIMIT $first
  CALL (k) {
    MATCH (c:NewsgraphChange) WHERE c.tx = k.tx AND c.ord >= $after + 1 - k.first AND c.copy IS NULL
    WITH c ORDER BY c.ord LIMIT $first
    RETURN c.ord AS ord, c {.op, .entity, .other, .rel, .what, .fields, .note} AS e, [(c)-[:STATE]->(s) | properties(s)][0] AS state
    UNION
    MATCH (logSet:NewsgraphChangeSet) WHERE logSet.tx = k.tx AND logSet.ord >= 0 AND logSet.ord + logSet.n > $after + 1 - k.first
    UNWIND range(CASE WHEN $after + 1 - k.first > logSet.ord THEN $after + 1 - k.first - logSet.ord ELSE 0 END, logSet.n - 1) AS logI
    WITH k, logSet, logI ORDER BY logSet.ord + logI LIMIT $first
    RETURN logSet.ord + logI AS ord, ` + setEntry + ` AS e,
      CASE WHEN logSet.states IS NOT NULL THEN {json: logSet.states[logI], createdAt: logSet.createdAts[logI], createdBy: logSet.creators[logI],
        origin: logSet.origins[logI], updatedAt: k.at, updatedBy: k.by} END AS state
  }
  WITH k, ord, e, state ORDER BY k.first + ord LIMIT $first
  RETURN collect({seq: k.first + ord, commit: k.first, at: k.at, by: k.by, op: e.op, entity: e.entity, other: e.other, rel: e.rel, what: e.what,
    fields: coalesce(e.fields, []), note: e.note, state: state,
    about: COLLECT {
      MATCH (cl:Claim)-[:ABOUT]->(a:Node) WHERE cl.id IN [e.entity, e.other] RETURN a.id
      UNION
      MATCH (:Attribution {id: e.entity})-[:ON]->(:Claim)-[:ABOUT]->(a:Node) RETURN a.id
    }}) AS entries
}
RETURN pruned, head, entries`

// ChangesAfter returns at most first entries of the change log after the
// position, in order, and the log's head. Errors: EGONE when entries after
// the position were pruned (past the retention), EINVALID for a position
// beyond the head.
func (s *Store) ChangesAfter(ctx context.Context, after int64, first int) ([]domain.LogEntry, int64, error) {
	recs, err := s.read(ctx, changesAfterCypher, map[string]any{"after": after, "first": first})
	if err != nil {
		return nil, 0, err
	}
	pruned, _ := recs[0].Values[0].(int64)
	head, _ := recs[0].Values[1].(int64)
	if after < pruned {
		return nil, head, domain.Errorf(domain.EGONE, "position %d is past the change log's retention: entries up to %d were deleted; subscribe without after, or from %d", after, pruned, pruned)
	}
	if after > head {
		return nil, head, domain.Invalid("after", "position %d is beyond the change log's head %d: it comes from another database", after, head)
	}
	rows, _ := recs[0].Values[2].([]any)
	out := make([]domain.LogEntry, 0, len(rows))
	for _, r := range rows {
		m := r.(map[string]any)
		p := propReader(m)
		e := domain.LogEntry{Position: m["seq"].(int64), Entity: fmt.Sprint(m["entity"])}
		e.Commit, _ = m["commit"].(int64)
		e.At, _ = m["at"].(time.Time)
		e.By, e.Op = fmt.Sprint(m["by"]), fmt.Sprint(m["op"])
		e.Other, _ = m["other"].(string)
		e.Rel, _ = m["rel"].(string)
		e.What, _ = m["what"].(string)
		if e.Rel != "" {
			e.What = e.Rel + " -> " + e.Other
		}
		e.Fields = p.strs("fields")
		if note, ok := m["note"].(string); ok {
			e.Note = &note
		}
		e.About = p.strs("about")
		if state, ok := m["state"].(map[string]any); ok && e.Rel == "" {
			e.State = stateOf(state)
		}
		out = append(out, e)
	}
	return out, head, nil
}

// pruneCypher deletes the entries of commits older than the retention, a
// bounded batch at a time in order of position (a large commit over several
// batches; a NewsgraphChangeSet as a whole, so a batch may exceed the
// bound by a set), then the commits left without entries, and records the
// highest position deleted. It returns how many entries it deleted
// (copies, see changeset.go, included).
const pruneCypher = `MATCH (k:NewsgraphCommit) WHERE k.at < $before
WITH k ORDER BY k.first
CALL (k) {
  CALL (k) {
    MATCH (c:NewsgraphChange) WHERE c.tx = k.tx AND c.ord >= 0
    RETURN c AS x, c.ord AS last, 1 AS entries
    UNION
    MATCH (logSet:NewsgraphChangeSet) WHERE logSet.tx = k.tx AND logSet.ord >= 0
    RETURN logSet AS x, logSet.ord + logSet.n - 1 AS last, logSet.n AS entries
  }
  RETURN x, last, entries ORDER BY last
}
WITH k, x, last, entries LIMIT $batch
WITH collect({k: k, x: x, last: k.first + last, entries: entries}) AS rows
WITH reduce(acc = {deleted: 0, rows: []}, r IN rows |
  CASE WHEN acc.deleted < $batch THEN {deleted: acc.deleted + r.entries, rows: acc.rows + [r]} ELSE acc END) AS acc
WITH acc.rows AS rows, acc.deleted AS deleted WHERE size(rows) > 0
WITH [r IN rows | r.x] AS old, [r IN rows | r.k] AS commits, reduce(m = 0, r IN rows | CASE WHEN r.last > m THEN r.last ELSE m END) AS upTo, deleted
MATCH (log:NewsgraphLog {id: 'log'})
SET log.pruned = CASE WHEN coalesce(log.pruned, 0) > upTo THEN log.pruned ELSE upTo END
WITH old, commits, deleted
CALL (old) {
  UNWIND old AS c
  OPTIONAL MATCH (c)-[:STATE]->(state:NewsgraphState)
  DETACH DELETE c, state
}
CALL (commits) {
  UNWIND commits AS k
  WITH DISTINCT k
  WITH k WHERE NOT EXISTS { MATCH (c:NewsgraphChange) WHERE c.tx = k.tx AND c.ord >= 0 }
    AND NOT EXISTS { MATCH (logSet:NewsgraphChangeSet) WHERE logSet.tx = k.tx AND logSet.ord >= 0 }
  DELETE k
}
RETURN deleted`

// PruneChanges deletes change-log entries (and so history) older than
// before, about batch of them (a load's set as a whole); it returns how
// many it deleted.
func (s *Store) PruneChanges(ctx context.Context, before time.Time, batch int) (int, error) {
	out, err := s.write(ctx, s.txTimeout, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, pruneCypher, map[string]any{"before": before.UTC(), "batch": batch})
		if err != nil {
			return 0, err
		}
		recs, err := res.Collect(ctx)
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return int(recs[0].Values[0].(int64)), nil
	})
	if err != nil {
		return 0, err
	}
	return out.(int), nil
}
