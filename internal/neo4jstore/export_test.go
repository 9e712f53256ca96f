package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph/internal/domain"
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

// ContentHashes returns contentHash of the properties of n (or of e, when
// n is nil, or of p when both are) and the reference: the SHA-256 of
// encoding/json's bytes, which earlier versions stored.
func ContentHashes(n domain.Node, e *domain.Edge, p map[string]any) (got, want string) {
	switch {
	case n != nil:
		p = nodeProps(n)
	case e != nil:
		p = edgeProps(*e)
	}
	plain := make(map[string]any, len(p))
	for k, v := range p {
		if d, ok := v.(dbtype.Date); ok {
			v = d.Time().Format(domain.DateLayout)
		}
		plain[k] = v
	}
	b, _ := json.Marshal(plain)
	sum := sha256.Sum256(b)
	return contentHash(p), hex.EncodeToString(sum[:12])
}
