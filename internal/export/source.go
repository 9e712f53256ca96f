package export

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Store is what an export reads.
type Store interface {
	ReadAll(ctx context.Context) (*domain.Dataset, error)
	Neighbourhood(ctx context.Context, q domain.NeighbourhoodQuery) (*domain.Subgraph, error)
	ClaimSources(ctx context.Context, claims map[string]bool) (map[string][]string, error)
}

// Load reads what to export: the whole graph, or with q.ID set the
// neighbourhood q describes; with the sources behind every claim its
// relationships carry. A neighbourhood of an unknown id is ENOTFOUND.
func Load(ctx context.Context, st Store, q *domain.NeighbourhoodQuery) (*Graph, error) {
	g := &Graph{Title: "the whole newsgraph"}
	if q == nil {
		ds, err := st.ReadAll(ctx)
		if err != nil {
			return nil, err
		}
		g.Nodes, g.Edges = ds.Nodes, ds.Edges
	} else {
		sub, err := st.Neighbourhood(ctx, *q)
		if err != nil {
			return nil, err
		}
		if sub == nil {
			return nil, domain.Errorf(domain.ENOTFOUND, "%s does not exist", q.ID)
		}
		g.Subgraph = *sub
		g.Title = "neighbourhood of " + q.ID
	}
	claims := map[string]bool{}
	for _, e := range g.Edges {
		if e.ClaimID != nil {
			claims[*e.ClaimID] = true
		}
	}
	var err error
	g.Sources, err = st.ClaimSources(ctx, claims)
	return g, err
}
