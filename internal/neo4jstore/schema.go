package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// SchemaVersion is the version of the graph layout this code reads and writes.
// Raise it with every change that older code could not read.
//
// Version 3 logs a change of a relationship as one NewsgraphChange (entity,
// other, rel) instead of two; it reads the changes version 2 wrote.
//
// Version 4 gives every new change-log entry a position (seq), numbered from
// the NewsgraphLog counter in commit order (see changelog.go); older entries
// have none and are not streamed.
//
// Version 5 records one NewsgraphCommit per transaction that logs changes,
// with the range of positions its entries take (first, last), its time
// and its key; an entry holds its commit's tx and its ordinal (ord) within
// it instead of a position, a time and a key, and only an attribution's
// entry keeps the node's state. Migrate turns version 4's entries into
// that layout (see migrateLogV4); older entries still have no position.
//
// Version 5 also stores each node's sort key (sortKey, see sortKeyOf), which a
// neighbourhood's capped expansion orders by; Migrate fills it in on the
// nodes older versions wrote. A node an older build still running writes
// during a rolling upgrade gets none (it sorts last among its neighbours'
// neighbours) or keeps a stale one: run newsgraph migrate after the last
// old replica stops, as before any rollout of a new schema version.
//
// Version 6 logs each statement of a load as one NewsgraphChangeSet of
// parallel lists instead of one NewsgraphChange per change, and marks
// what a load logged with the load's tx (logTx), by which history finds
// it (see changeset.go). Older code would not find those entries; the
// entries older versions wrote are read as they are.
const SchemaVersion = 6

// FulltextIndex is the full-text index over names, aliases, titles, claim
// texts and quotes; 'standard-folding' folds case and diacritics.
const FulltextIndex = "node_text_v2"

// schemaStatements are idempotent (IF NOT EXISTS) and applied at every start.
func schemaStatements() []string {
	stmts := []string{
		// Every node also has the label Node so that lookups by id need no label.
		"CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT schema_meta_id IF NOT EXISTS FOR (m:NewsgraphSchema) REQUIRE m.id IS UNIQUE",
		"CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (r:NewsgraphRedirect) REQUIRE r.id IS UNIQUE",
		"CREATE INDEX change_entity_v5 IF NOT EXISTS FOR (c:NewsgraphChange) ON (c.entity)",
		"CREATE INDEX change_other IF NOT EXISTS FOR (c:NewsgraphChange) ON (c.other)",
		"CREATE INDEX change_tx_ord IF NOT EXISTS FOR (c:NewsgraphChange) ON (c.tx, c.ord)",
		"CREATE INDEX change_set_tx_ord IF NOT EXISTS FOR (s:NewsgraphChangeSet) ON (s.tx, s.ord)",
		"CREATE CONSTRAINT change_commit_tx IF NOT EXISTS FOR (k:NewsgraphCommit) REQUIRE k.tx IS UNIQUE",
		"CREATE INDEX change_commit_last IF NOT EXISTS FOR (k:NewsgraphCommit) ON (k.last)",
		"CREATE INDEX change_commit_pending IF NOT EXISTS FOR (k:NewsgraphCommit) ON (k.pending)",
		"CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (l:NewsgraphLog) REQUIRE l.id IS UNIQUE",
	}
	for _, k := range domain.Kinds {
		l := string(k)
		stmts = append(stmts,
			fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", k.Prefix(), l),
			fmt.Sprintf("CREATE INDEX %s_sort_name IF NOT EXISTS FOR (n:%s) ON (n.sortName)", k.Prefix(), l),
			fmt.Sprintf("CREATE INDEX %s_sort_date IF NOT EXISTS FOR (n:%s) ON (n.sortDate)", k.Prefix(), l),
		)
	}
	for _, lk := range []string{"Organisation", "Place", "Event", "Source"} {
		stmts = append(stmts, fmt.Sprintf("CREATE INDEX %s_kind IF NOT EXISTS FOR (n:%s) ON (n.kind)", strings.ToLower(lk), lk))
	}
	stmts = append(stmts,
		// Version 1's full-text index lacked cues.
		"DROP INDEX node_text IF EXISTS",
		"CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status)",
		"CREATE INDEX attribution_stance IF NOT EXISTS FOR (n:Attribution) ON (n.stance)",
		"CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateEarliest, n.dateLatest)",
		"CREATE INDEX claim_point_in_time IF NOT EXISTS FOR (n:Claim) ON (n.pointInTimeEarliest, n.pointInTimeLatest)",
		"CREATE INDEX attribution_stated_at IF NOT EXISTS FOR (n:Attribution) ON (n.statedAtEarliest, n.statedAtLatest)",
		"CREATE INDEX source_published_at IF NOT EXISTS FOR (n:Source) ON (n.publishedAtEarliest, n.publishedAtLatest)",
		"CREATE FULLTEXT INDEX "+FulltextIndex+" IF NOT EXISTS FOR (n:Person|Organisation|Place|Negotiation|Event|Source|Claim|Attribution) "+
			"ON EACH [n.name, n.aliasText, n.title, n.text, n.summary, n.quote, n.cue] "+
			"OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
	)
	return stmts
}

// migrateLogV4 gives the entries version 4 numbered (seq, and commit, the
// first position of their transaction) a commit of version 5 each
// transaction, tx "v4-<commit>", and their ordinal in it; they keep their
// own time and key. It is idempotent: an interrupted run resumes.
const migrateLogV4 = `MATCH (c:NewsgraphChange) WHERE c.seq IS NOT NULL
CALL (c) {
  MERGE (k:NewsgraphCommit {tx: 'v4-' + toString(c.commit)})
  ON CREATE SET k.first = c.commit, k.last = c.seq, k.at = c.at, k.by = c.by
  SET k.last = CASE WHEN c.seq > k.last THEN c.seq ELSE k.last END, c.tx = k.tx, c.ord = c.seq - c.commit
  REMOVE c.seq, c.commit
} IN TRANSACTIONS OF 5000 ROWS`

// droppedStatements remove what version 4 indexed and version 5 no longer
// reads: entries are found by (tx, ord) and by entity alone, and their
// time is their commit's.
var droppedStatements = []string{
	"DROP INDEX change_entity IF EXISTS",
	"DROP INDEX change_at IF EXISTS",
	"DROP INDEX change_tx IF EXISTS",
	"DROP CONSTRAINT change_seq IF EXISTS",
}

const (
	readSchemaVersion  = "OPTIONAL MATCH (m:NewsgraphSchema {id: 'schema'}) RETURN m.version AS version"
	writeSchemaVersion = "MERGE (m:NewsgraphSchema {id: 'schema'}) SET m.version = $version, m.appliedAt = datetime()"
)

// fillSortKeys stores the sort key of every node that has none (version 5).
var fillSortKeys = `MATCH (n:Node) WHERE n.sortKey IS NULL
CALL (n) { SET n.sortKey = ` + sortKeyOf("n") + ` } IN TRANSACTIONS OF 10000 ROWS`

// Migrate applies the schema idempotently and records its version. It
// returns ECONFLICT when the database was written by a newer newsgraph.
func (s *Store) Migrate(ctx context.Context) error {
	recs, err := s.read(ctx, readSchemaVersion, nil)
	if err != nil {
		return err
	}
	if v, ok := recs[0].Values[0].(int64); ok && v > SchemaVersion {
		return domain.Errorf(domain.ECONFLICT,
			"database %q holds newsgraph schema version %d, but this build supports up to version %d: upgrade newsgraph or point it at another database",
			s.db, v, SchemaVersion)
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	// Schema commands cannot share a transaction with writes: one auto-commit each.
	for _, stmt := range schemaStatements() {
		s.roundTrips.Add(1)
		if err := runConsume(ctx, session, stmt); err != nil {
			return s.wrap(fmt.Errorf("%s: %w", stmt, err))
		}
	}
	s.roundTrips.Add(1)
	if err := runConsume(ctx, session, "CALL db.awaitIndexes(60)"); err != nil {
		return s.wrap(err)
	}
	// Version 5's changes of what older versions wrote; the version is
	// recorded only once they are done, so an interrupted start runs them
	// again (each is idempotent), and later starts skip them (moving the
	// log reads every entry).
	if v, _ := recs[0].Values[0].(int64); v < 5 {
		s.roundTrips.Add(1)
		if err := runConsume(ctx, session, migrateLogV4); err != nil {
			return s.wrap(fmt.Errorf("moving the change log to schema version 5: %w", err))
		}
		for _, stmt := range droppedStatements {
			s.roundTrips.Add(1)
			if err := runConsume(ctx, session, stmt); err != nil {
				return s.wrap(fmt.Errorf("%s: %w", stmt, err))
			}
		}
		s.roundTrips.Add(1)
		if err := runConsume(ctx, session, fillSortKeys); err != nil {
			return s.wrap(fmt.Errorf("%s: %w", fillSortKeys, err))
		}
	}
	_, err = s.write(ctx, 30*time.Second, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, writeSchemaVersion, map[string]any{"version": SchemaVersion})
		return nil, err
	})
	if err != nil {
		return err
	}
	// A load interrupted between its commit and its numbering.
	return s.numberPending(ctx)
}

// StoredSchemaVersion returns the schema version recorded in the database, 0
// when none is.
func (s *Store) StoredSchemaVersion(ctx context.Context) (int64, error) {
	recs, err := s.read(ctx, readSchemaVersion, nil)
	if err != nil {
		return 0, err
	}
	v, _ := recs[0].Values[0].(int64)
	return v, nil
}

func runConsume(ctx context.Context, session neo4j.SessionWithContext, cypher string) error {
	res, err := session.Run(ctx, cypher, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return err
}
