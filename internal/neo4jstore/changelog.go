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

// The change log's positions. Every write transaction ends by numbering the
// NewsgraphChange entries it created (marked with its id, tx) from a single
// counter, the NewsgraphLog node, whose write lock it takes first. The lock
// is held until the transaction commits, so a transaction that numbers after
// another waits for it to commit: positions are consecutive integers in
// commit order. A reader that sees position n therefore sees every position
// below n (a Neo4j follower applies transactions in commit order too), and a
// tail "position > last" never skips an entry that commits later. Neo4j's
// own transaction ids would not do: they are not exposed to Cypher, and ids
// allocated when a transaction starts commit out of order under concurrency.
// The price is that write transactions that log changes serialise on the
// counter for the time of their last statement and commit, which is short.

// positionChangesCypher numbers the transaction's entries; a transaction
// that logged nothing (unchanged data, a quiet load) does not take the lock.
// Within the transaction, an entity's own entry comes before those of its
// relationships; every entry records its transaction's first position
// (commit), so that a reader can tell the changes of one transaction.
const positionChangesCypher = `MATCH (c:NewsgraphChange {tx: $tx})
WITH c ORDER BY c.entity, c.rel IS NOT NULL, c.other, c.op
WITH collect(c) AS entries WHERE size(entries) > 0
MERGE (log:NewsgraphLog {id: 'log'})
SET log._lock = true REMOVE log._lock
WITH log, entries, coalesce(log.head, 0) AS base
CALL (entries, base) {
  UNWIND range(0, size(entries) - 1) AS i
  WITH entries[i] AS c, base + 1 + i AS position
  SET c.seq = position, c.commit = base + 1
  REMOVE c.tx
}
SET log.head = base + size(entries), log.at = $now`

func newTxID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// changesAfterCypher reads a page of the log after a position, each entry
// with the entities its claim is about: of the claim it changed, or of the
// claim of the attribution it changed (as the graph is now).
const changesAfterCypher = `OPTIONAL MATCH (log:NewsgraphLog {id: 'log'})
WITH coalesce(log.pruned, 0) AS pruned, coalesce(log.head, 0) AS head
CALL (pruned) {
  MATCH (c:NewsgraphChange) WHERE c.seq > $after AND $after >= pruned
  WITH c ORDER BY c.seq LIMIT $first
  RETURN collect({seq: c.seq, commit: c.commit, at: c.at, by: c.by, op: c.op, entity: c.entity, other: c.other, rel: c.rel, what: c.what,
    fields: coalesce(c.fields, []), note: c.note, state: [(c)-[:STATE]->(s) | properties(s)][0],
    about: COLLECT {
      MATCH (cl:Claim)-[:ABOUT]->(e:Node) WHERE cl.id IN [c.entity, c.other] RETURN e.id
      UNION
      MATCH (:Attribution {id: c.entity})-[:ON]->(:Claim)-[:ABOUT]->(e:Node) RETURN e.id
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
			e.State = nodeFromValue(state)
		}
		out = append(out, e)
	}
	return out, head, nil
}

// pruneCypher deletes entries older than the retention, a bounded batch at a
// time, and records the highest position deleted.
const pruneCypher = `MATCH (c:NewsgraphChange) WHERE c.at < $before AND c.seq IS NOT NULL
WITH c ORDER BY c.seq LIMIT $batch
WITH collect(c) AS old WHERE size(old) > 0
WITH old, reduce(m = 0, c IN old | CASE WHEN c.seq > m THEN c.seq ELSE m END) AS upTo
MATCH (log:NewsgraphLog {id: 'log'})
SET log.pruned = CASE WHEN coalesce(log.pruned, 0) > upTo THEN log.pruned ELSE upTo END
WITH old
CALL (old) {
  UNWIND old AS c
  OPTIONAL MATCH (c)-[:STATE]->(state:NewsgraphState)
  DETACH DELETE c, state
}
RETURN size(old)`

// PruneChanges deletes change-log entries (and so history) older than
// before, at most batch of them; it returns how many it deleted.
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
