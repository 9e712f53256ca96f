package neo4jtest

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/neo4jstore"
)

// The helpers below wipe and inspect the test database through a driver of
// their own: the service never does either, so the store does not offer them.

// withDriver runs fn with a driver on the test database.
func withDriver(ctx context.Context, fn func(d neo4j.DriverWithContext, db string) error) error {
	cfg := Config()
	if !loopback(cfg.URI) {
		return fmt.Errorf("refusing to touch %s: tests only run against a Neo4j on this machine", cfg.URI)
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer d.Close(context.Background())
	return fn(d, cfg.Database)
}

// Driver returns a driver on the test database (this machine's only),
// closed when the test ends: for tests that write what the store would
// not, or read the graph behind its back.
func Driver(tb testing.TB) neo4j.DriverWithContext {
	tb.Helper()
	cfg := Config()
	if !loopback(cfg.URI) {
		tb.Fatalf("refusing to touch %s: tests only run against a Neo4j on this machine", cfg.URI)
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = d.Close(context.Background()) })
	return d
}

// Query runs one query on the test database and returns its records.
func Query(ctx context.Context, cypher string) ([]*neo4j.Record, error) {
	var recs []*neo4j.Record
	err := withDriver(ctx, func(d neo4j.DriverWithContext, db string) error {
		res, err := neo4j.ExecuteQuery(ctx, d, cypher, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
		if err == nil {
			recs = res.Records
		}
		return err
	})
	return recs, err
}

// Wipe deletes every node and relationship of the test database.
// Relationships go first, in small transactions, so that hubs with many
// relationships stay within the per-transaction memory cap.
func Wipe(ctx context.Context) error {
	return withDriver(ctx, func(d neo4j.DriverWithContext, db string) error {
		session := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
		defer session.Close(ctx)
		for _, stmt := range []string{
			"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
			"MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS",
		} {
			res, err := session.Run(ctx, stmt, nil)
			if err == nil {
				_, err = res.Consume(ctx)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", stmt, err)
			}
		}
		return nil
	})
}

// Empty wipes the test database without a deadline, when it answers within
// 20 seconds (else MustOpen says why). Benchmarks call it before MustOpen,
// whose wipe has a deadline that a graph of a million relationships outlasts.
func Empty(tb testing.TB) {
	tb.Helper()
	s, err := neo4jstore.Open(Config())
	if err != nil {
		return
	}
	defer s.Close(context.Background())
	wait, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if s.WaitReady(wait) != nil {
		return
	}
	if err := Wipe(context.Background()); err != nil {
		tb.Fatalf("wipe: %v", err)
	}
}

// invariantQueries each return the ids that break one invariant of
// docs/domain.md; the key says which.
var invariantQueries = map[string]string{
	"fact edge whose claim does not resolve to a Claim with an attribution recorded in a source": `
MATCH ()-[r:` + factTypes() + `]->()
WHERE r.claim IS NULL OR NOT EXISTS {
  MATCH (c:Claim {id: r.claim})<-[:ON]-(:Attribution)-[:RECORDED_IN]->(:Source)
}
RETURN type(r) + ' ' + startNode(r).id + '->' + endNode(r).id AS bad`,
	"attribution without exactly one ON": `
MATCH (a:Attribution) WHERE COUNT { (a)-[:ON]->(:Claim) } <> 1 RETURN a.id AS bad`,
	"attribution without RECORDED_IN": `
MATCH (a:Attribution) WHERE NOT EXISTS { (a)-[:RECORDED_IN]->(:Source) } RETURN a.id AS bad`,
	"node without the Node label or with a duplicate id": `
MATCH (n) WHERE NOT n:Node AND any(l IN labels(n) WHERE l IN ['Person', 'Organisation', 'Place', 'Negotiation', 'Event', 'Source', 'Claim', 'Attribution']) RETURN coalesce(n.id, elementId(n)) AS bad
UNION
MATCH (n:Node) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id AS bad`,
}

func factTypes() string {
	names := make([]string, len(domain.FactRelTypes))
	for i, t := range domain.FactRelTypes {
		names[i] = string(t)
	}
	return strings.Join(names, "|")
}

// Violations checks the invariants of docs/domain.md against the graph s
// stores, including that every claim's status equals the rule applied to
// its current attributions (s.ClaimStatusDrift). It returns one line per
// violation.
func Violations(ctx context.Context, s *neo4jstore.Store) ([]string, error) {
	var out []string
	for what, q := range invariantQueries {
		recs, err := Query(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out = append(out, fmt.Sprintf("%s: %v", what, r.Values[0]))
		}
	}
	drift, err := s.ClaimStatusDrift(ctx)
	if err != nil {
		return nil, err
	}
	out = append(out, drift...)
	sort.Strings(out)
	return out, nil
}

// Bookkeeping are the properties that say when, by whom and from where a
// node or relationship was written (and which load logged it last),
// rather than what it is.
var Bookkeeping = []string{"createdAt", "updatedAt", "createdBy", "updatedBy", "origin", "logTx", "statusTx"}

// Dump returns every node and relationship of the test database with its
// properties (less the ones named in exclude), one sorted line each, so
// that two graphs can be compared as text (Diff).
func Dump(ctx context.Context, exclude ...string) ([]string, error) {
	recs, err := Query(ctx, `MATCH (n:Node) RETURN n.id AS k, labels(n) AS l, properties(n) AS p
UNION ALL
MATCH (a:Node)-[r]->(b:Node) RETURN a.id + ' -[' + type(r) + ']-> ' + b.id AS k, [] AS l, properties(r) AS p`)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		labels, _ := r.Values[1].([]any)
		ls := make([]string, len(labels))
		for i, l := range labels {
			ls[i] = fmt.Sprint(l)
		}
		sort.Strings(ls)
		props, _ := r.Values[2].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			if !slices.Contains(exclude, k) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var b strings.Builder
		fmt.Fprintf(&b, "%v %s {", r.Values[0], strings.Join(ls, ":"))
		for _, k := range keys {
			v := props[k]
			if d, ok := v.(neo4j.Date); ok {
				v = d.Time().Format(domain.DateLayout)
			}
			fmt.Fprintf(&b, "%s=%v ", k, v)
		}
		b.WriteString("}")
		out = append(out, b.String())
	}
	sort.Strings(out)
	return out, nil
}
