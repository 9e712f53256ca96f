package neo4jstore

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Records implements domain.Batch.
func (p *PreparedDataset) Records() int {
	n := 0
	for _, rows := range p.nodes {
		n += len(rows)
	}
	for _, rows := range p.edges {
		n += len(rows)
	}
	for _, rows := range p.newEdges {
		n += len(rows)
	}
	return n
}

// PrepareBatch implements domain.BulkWriter with PrepareDataset.
func (s *Store) PrepareBatch(ds *domain.Dataset) (domain.Batch, error) {
	p, err := PrepareDataset(ds)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// LoadBatch implements domain.BulkWriter with LoadPrepared.
func (s *Store) LoadBatch(ctx context.Context, b domain.Batch, by domain.Principal, history bool) (LoadStats, error) {
	var opts []LoadOption
	if !history {
		opts = append(opts, WithoutHistory())
	}
	return s.LoadPrepared(ctx, b.(*PreparedDataset), by, opts...)
}

var _ domain.BulkWriter = (*Store)(nil)
