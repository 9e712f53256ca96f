package neo4jstore

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// The compact change log of loads (schema version 6).
//
// A load (a batch of an import, the seed) logs each statement's changes
// as one NewsgraphChangeSet {tx, ord, n} instead of n NewsgraphChange
// nodes: its entries have the ordinals ord … ord+n-1 of its transaction,
// and their fields are parallel lists: entities (and, for a relationship
// type's set, others, with the type in rel), ops, fields (the changed
// fields of entry i, space-separated), notes (a status change's "was ->
// now") and, for attributions, states (the attribution as written, the
// JSON of its stored properties). Writing one node per statement instead
// of one per change is most of what made an import with the log cost
// half as much again as one without.
//
// The change feed reads a commit's sets by (tx, ord) as it reads its
// entries. History finds an id's entries without an index over the
// lists: every node and relationship a load logged carries logTx, the tx
// of the load that last logged it, so an id's sets are those of its own
// logTx and of its relationships' (the entries there whose entity or
// other is the id). Whatever would lose that pointer first copies the
// entries it points at into NewsgraphChange nodes of the same tx and ord
// marked copy (materialize*): a later load that changes the node or
// relationship (it moves logTx on), and a delete or merge of it. History
// reads those copies by entity and other as any entry; the feed skips
// them, since it reads the sets. So an entry is always found by history
// once, whichever way (history deduplicates by tx and ord). A write
// holds the write lock of what it copies from before it reads the
// pointer (a load's merges, DeleteNode's and MergeInto's lockCypher), so
// that two writes cannot both copy from the same set and one of them
// move the pointer past the other's entries.

// logSetCypher writes logs (maps of entity, other, op, fields (a string,
// the names separated by spaces), note and,
// for attributions, state, createdAt, createdBy and origin) as one NewsgraphChangeSet numbered from $ord; what is the
// kind of the entities, or rel the relationship type.
func logSetCypher(what, rel string) string {
	lists := "what: '" + what + "', fields: [l IN logs | l.fields]"
	switch {
	case rel != "":
		lists = "rel: '" + rel + "', others: [l IN logs | l.other]"
	case what == statusSet:
		lists = "what: '" + string(domain.KindClaim) + "', fields: [l IN logs | 'status'], notes: [l IN logs | l.note]"
	case what == string(domain.KindAttribution):
		// The rest of a state is its bookkeeping; updatedAt and
		// updatedBy are the commit's. A stored list holds no null: a
		// node an early build wrote may lack some (the epoch and ""
		// stand for none, see stateOf).
		lists += `,
    states: [l IN logs | l.state], createdAts: [l IN logs | coalesce(l.createdAt, datetime({epochSeconds: 0}))],
    creators: [l IN logs | coalesce(l.createdBy, '')], origins: [l IN logs | coalesce(l.origin, '')]`
	}
	return `CALL (logs) {
  WITH logs WHERE size(logs) > 0
  CREATE (:NewsgraphChangeSet {tx: $tx, ord: $ord, n: size(logs), entities: [l IN logs | l.entity], ops: [l IN logs | l.op],
    ` + lists + `})
}`
}

// statusSet is logSetCypher's what for claims' status changes.
const statusSet = "status"

// setEntry is the entry logI of the set logSet as the map of a
// NewsgraphChange's properties. (The variables of these fragments have
// names of their own: a subquery may not reuse one of its caller's.)
const setEntry = `{tx: logSet.tx, ord: logSet.ord + logI, entity: logSet.entities[logI], other: logSet.others[logI], rel: logSet.rel,
  what: logSet.what, op: logSet.ops[logI], fields: CASE logSet.fields[logI] WHEN '' THEN [] ELSE split(logSet.fields[logI], ' ') END,
  note: CASE logSet.notes[logI] WHEN '' THEN null ELSE logSet.notes[logI] END}`

// materializeNode copies the entries of the node n in the sets of the tx
// its property ptr holds (logTx, or a claim's statusTx) into
// NewsgraphChange nodes (copy: true) when cond holds (an expression of n
// and the variables in scope), before a write that would lose the
// pointer; it leaves the pointer alone.
func materializeNode(scope, ptr, cond string) string {
	return copyEntries(scope, "n", ptr, cond, "logSet.rel IS NULL", "logSet.entities[logI] = n.id")
}

// materializeRel does for the relationship r what materializeNode does
// for a node.
func materializeRel(scope, cond string) string {
	return copyEntries(scope, "r", "logTx", cond, "logSet.rel = type(r)",
		"logSet.entities[logI] = startNode(r).id AND logSet.others[logI] = endNode(r).id")
}

// copyEntries copies the entries (those for which entry holds) of the sets
// (those for which set holds) of the tx that v.ptr holds.
func copyEntries(scope, v, ptr, cond, set, entry string) string {
	return `CALL (` + scope + `) {
  WITH ` + v + ` WHERE ` + v + `.` + ptr + ` IS NOT NULL AND ` + cond + `
  MATCH (logSet:NewsgraphChangeSet) WHERE logSet.tx = ` + v + `.` + ptr + ` AND logSet.ord >= 0 AND ` + set + `
  UNWIND range(0, logSet.n - 1) AS logI
  WITH logSet, logI WHERE ` + entry + `
  WITH ` + setEntry + ` AS logE
  MERGE (logC:NewsgraphChange {tx: logE.tx, ord: logE.ord})
  ON CREATE SET logC += logE, logC.copy = true
}`
}

// lockCypher takes the write locks of the node $id and of its
// relationships, before a statement of its own materializes them (see
// materializeAll): reads after the locks are held see what the last
// writer of each committed.
const lockCypher = `MATCH (n:Node {id: $id})
SET n._lock = true REMOVE n._lock
WITH n
CALL (n) {
  MATCH (n)-[r]-()
  SET r._lock = true REMOVE r._lock
}`

// materializeAll materializes the node n and its relationships, before n
// is deleted (after lockCypher).
var materializeAll = materializeNode("n", "logTx", "true") + `
` + materializeNode("n", "statusTx", "true") + `
CALL (n) {
  MATCH (n)-[r]-()
  ` + strings.ReplaceAll(materializeRel("r", "true"), "\n", "\n  ") + `
}`

// stateOf decodes an entry's state: a NewsgraphState's properties, or
// what a set keeps (see changesAfterCypher): the JSON of the attribution's
// stored properties (see nodeRow) and its bookkeeping.
func stateOf(v any) domain.Node {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	js, ok := m["json"].(string)
	if !ok {
		return nodeFromValue(m)
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(js), &p); err != nil {
		return nil
	}
	for k, v := range p {
		if str, ok := v.(string); ok && (strings.HasSuffix(k, "Earliest") || strings.HasSuffix(k, "Latest")) {
			if t, err := time.Parse(domain.DateLayout, str); err == nil {
				p[k] = neo4j.DateOf(t)
			}
		}
	}
	for k, v := range m {
		switch v := v.(type) {
		case string:
			if v == "" {
				continue
			}
		case time.Time:
			if v.Unix() == 0 {
				continue
			}
		}
		if k != "json" {
			p[k] = v
		}
	}
	return nodeFromValue(p)
}
