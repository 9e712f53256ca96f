package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Query builders for the profiling test (traverse_profile_test.go).
var (
	NeighboursCypherForTests = neighboursCypher
	SearchCypherForTests     = searchCypher
	PathsCypherForTests      = pathsCypher
	SearchQueryForTests      = searchQuery
)

// SetSchemaVersion overwrites the recorded schema version, so that the
// package's tests can play an older or a newer database.
func (s *Store) SetSchemaVersion(ctx context.Context, v int) error {
	_, err := s.write(ctx, 10*time.Second, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, writeSchemaVersion, map[string]any{"version": v})
		return nil, err
	})
	return err
}
