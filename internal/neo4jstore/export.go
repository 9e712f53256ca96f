package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// ReadAll returns the whole graph: every node and every stored relationship.
func (s *Store) ReadAll(ctx context.Context) (*domain.Dataset, error) {
	ds := &domain.Dataset{Origin: "export"}
	recs, err := s.read(ctx, `MATCH (n:Node) RETURN n ORDER BY n.id`, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		if n := nodeFromDB(r.Values[0].(neo4j.Node)); n != nil {
			ds.Nodes = append(ds.Nodes, n)
		}
	}
	recs, err = s.read(ctx, `MATCH (a:Node)-[r]->(b:Node) RETURN type(r), a.id, b.id, r`, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		t := domain.RelType(r.Values[0].(string))
		if !allowedRel(t) {
			continue
		}
		ds.Edges = append(ds.Edges, edgeFromDB(t, r.Values[1].(string), r.Values[2].(string), r.Values[3].(neo4j.Relationship)))
	}
	return ds, nil
}

// ResolveIDs returns, for each of ids that is stored, the id it is stored
// under: itself, or for an id merged into another, the survivor's.
func (s *Store) ResolveIDs(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, `UNWIND $ids AS id
OPTIONAL MATCH (r:NewsgraphRedirect {id: id})
MATCH (n:Node {id: coalesce(r.to, id)})
RETURN id, n.id`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		out[r.Values[0].(string)] = r.Values[1].(string)
	}
	return out, nil
}

// Names returns the id, name and aliases of every person, organisation,
// place, negotiation and event, for mention linking.
func (s *Store) Names(ctx context.Context) (map[string][]string, error) {
	recs, err := s.read(ctx, `MATCH (n:Person|Organisation|Place|Negotiation|Event) RETURN n.id, [n.name] + coalesce(n.aliases, [])`, nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(recs))
	for _, r := range recs {
		out[r.Values[0].(string)] = propReader{"n": r.Values[1]}.strs("n")
	}
	return out, nil
}
