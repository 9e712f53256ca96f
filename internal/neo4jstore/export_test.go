package neo4jstore

// Query builders for the profiling test (traverse_profile_test.go).
var (
	NeighboursCypherForTests = neighboursCypher
	SearchCypherForTests     = searchCypher
	PathsCypherForTests      = pathsCypher
	SearchQueryForTests      = searchQuery
)
