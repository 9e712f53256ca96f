package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// LoadStats counts what a load did.
type LoadStats struct {
	Created   int
	Updated   int
	Unchanged int
}

// String renders the counts for people, e.g. "3 created, 0 updated, 5 unchanged".
func (s LoadStats) String() string {
	return fmt.Sprintf("%d created, %d updated, %d unchanged", s.Created, s.Updated, s.Unchanged)
}

func (s *LoadStats) add(outcome string, n int64) {
	switch outcome {
	case "created":
		s.Created += int(n)
	case "updated":
		s.Updated += int(n)
	default:
		s.Unchanged += int(n)
	}
}

// mergeNodeCypher upserts nodes of one label. A node whose content hash is
// unchanged keeps its updatedAt, so loading the same data twice changes
// nothing.
func mergeNodeCypher(k domain.Kind) string {
	return `UNWIND $rows AS row
MERGE (n:` + string(k) + ` {id: row.props.id})
ON CREATE SET n:Node, n.createdAt = $now, n.origin = $origin
WITH n, row, CASE WHEN n.hash IS NULL THEN 'created' WHEN n.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome
SET n += row.props, n.hash = row.hash, n.updatedAt = CASE outcome WHEN 'unchanged' THEN n.updatedAt ELSE $now END
RETURN outcome, count(*) AS count`
}

// allRelTypes is the allowlist of relationship types that may be written.
var allRelTypes = []domain.RelType{
	domain.RelMadeBy, domain.RelOn, domain.RelRecordedIn, domain.RelCites, domain.RelDuring, domain.RelAbout,
	domain.RelPublishedBy, domain.RelAuthoredBy, domain.RelDerivedFrom, domain.RelMentions,
	domain.RelParticipant, domain.RelPartOf, domain.RelHeldIn, domain.RelParty, domain.RelMemberOf,
}

// mergeEdgeCypher upserts relationships of one type; key tells apart two
// relationships of one type between the same nodes (e.g. two roles).
func mergeEdgeCypher(t domain.RelType) string {
	return `UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:` + string(t) + ` {key: row.key}]->(b)
ON CREATE SET r.createdAt = $now, r.origin = $origin
WITH r, row, CASE WHEN r.hash IS NULL THEN 'created' WHEN r.hash = row.hash THEN 'unchanged' ELSE 'updated' END AS outcome
SET r += row.props, r.hash = row.hash, r.updatedAt = CASE outcome WHEN 'unchanged' THEN r.updatedAt ELSE $now END
RETURN outcome, count(*) AS count`
}

// claimVotes is the tail of a query that has bound (c:Claim): it returns the
// claim's id, stored status, and its attributions as votes for DeriveStatus.
const claimVotes = `
OPTIONAL MATCH (c)<-[:ON]-(a:Attribution)
OPTIONAL MATCH (a)-[:MADE_BY]->(actor)
WITH c, [v IN collect({stance: a.stance, party: actor IS NOT NULL AND EXISTS { (c)-[ab:ABOUT]->(actor) WHERE ab.role <> 'TOPIC' }}) WHERE v.stance IS NOT NULL] AS votes
RETURN c.id AS id, c.status AS status, votes`

const claimVotesCypher = `UNWIND $ids AS cid
MATCH (c:Claim {id: cid})` + claimVotes

const setClaimStatusCypher = `UNWIND $rows AS row
MATCH (c:Claim {id: row.id})
WITH c, row WHERE c.status IS NULL OR c.status <> row.status
SET c.status = row.status, c.updatedAt = $now
RETURN count(c) AS changed`

const recordDatasetCypher = `MERGE (d:NewsgraphDataset {id: $origin})
SET d.loadedAt = $now, d.nodes = $nodes, d.edges = $edges`

// LoadDataset writes ds in one transaction: nodes and edges are upserted by
// id, then the status of every claim the dataset touches is derived from all
// of its stored attributions. Running it twice changes nothing.
func (s *Store) LoadDataset(ctx context.Context, ds *domain.Dataset) (LoadStats, error) {
	now := time.Now().UTC()
	byKind := map[domain.Kind][]map[string]any{}
	var claimIDs []string
	for _, n := range ds.Nodes {
		p := nodeProps(n)
		byKind[n.NodeKind()] = append(byKind[n.NodeKind()], map[string]any{"props": map[string]any(p), "hash": contentHash(p)})
		if n.NodeKind() == domain.KindClaim {
			claimIDs = append(claimIDs, n.NodeID())
		}
	}
	byType := map[domain.RelType][]map[string]any{}
	for _, e := range ds.Edges {
		// A new attribution or ABOUT edge changes the status of its claim.
		switch e.Type {
		case domain.RelOn:
			claimIDs = append(claimIDs, e.To)
		case domain.RelAbout:
			claimIDs = append(claimIDs, e.From)
		}
		p := edgeProps(e)
		key := ""
		if e.Role != nil {
			key = *e.Role
		} else if e.Side != nil {
			key = *e.Side
		}
		byType[e.Type] = append(byType[e.Type], map[string]any{"from": e.From, "to": e.To, "key": key, "props": map[string]any(p), "hash": contentHash(p)})
	}
	for t := range byType {
		if !allowedRel(t) {
			return LoadStats{}, domain.Errorf(domain.EINVALID, "relationship type %q is not part of the model", t)
		}
	}
	out, err := s.write(ctx, 5*time.Minute, func(tx neo4j.ManagedTransaction) (any, error) {
		var st LoadStats
		base := map[string]any{"now": now, "origin": ds.Origin}
		run := func(cypher string, rows []map[string]any) error {
			params := map[string]any{"rows": rows, "now": base["now"], "origin": base["origin"]}
			res, err := tx.Run(ctx, cypher, params)
			if err != nil {
				return err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return err
			}
			for _, r := range recs {
				st.add(r.Values[0].(string), r.Values[1].(int64))
			}
			return nil
		}
		for _, k := range domain.Kinds {
			if rows := byKind[k]; len(rows) > 0 {
				if err := run(mergeNodeCypher(k), rows); err != nil {
					return nil, err
				}
			}
		}
		for _, t := range allRelTypes {
			if rows := byType[t]; len(rows) > 0 {
				if err := run(mergeEdgeCypher(t), rows); err != nil {
					return nil, err
				}
			}
		}
		if err := refreshStatuses(ctx, tx, claimIDs, now); err != nil {
			return nil, err
		}
		_, err := tx.Run(ctx, recordDatasetCypher, map[string]any{"origin": ds.Origin, "now": now, "nodes": len(ds.Nodes), "edges": len(ds.Edges)})
		return st, err
	})
	if err != nil {
		return LoadStats{}, err
	}
	return out.(LoadStats), nil
}

// refreshStatuses derives the status of the given claims from their stored
// attributions with domain.DeriveStatus, inside tx.
func refreshStatuses(ctx context.Context, tx neo4j.ManagedTransaction, claimIDs []string, now time.Time) error {
	if len(claimIDs) == 0 {
		return nil
	}
	slices.Sort(claimIDs)
	claimIDs = slices.Compact(claimIDs)
	res, err := tx.Run(ctx, claimVotesCypher, map[string]any{"ids": claimIDs})
	if err != nil {
		return err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return err
	}
	rows := make([]map[string]any, 0, len(recs))
	for _, r := range recs {
		rows = append(rows, map[string]any{"id": r.Values[0], "status": string(domain.DeriveStatus(votesOf(r.Values[2])))})
	}
	res, err = tx.Run(ctx, setClaimStatusCypher, map[string]any{"rows": rows, "now": now})
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return err
}

func allowedRel(t domain.RelType) bool { return slices.Contains(allRelTypes, t) }
