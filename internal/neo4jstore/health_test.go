package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestClassify: only what says Neo4j is unreachable marks the store down; a
// deadlock is retried; the caller's deadline and a saturated pool are
// neither.
func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want errClass
	}{
		{&neo4j.ConnectivityError{Inner: errors.New("dial tcp 127.0.0.1:7687: connect: connection refused")}, outage},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, outage},
		{&neo4j.TransactionExecutionLimit{Errors: []error{&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}}}, outage},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}, transient},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.General.TransactionMemoryLimit"}, permanent},
		{&neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, permanent},
		{fmt.Errorf("wrapped: %w", context.DeadlineExceeded), permanent},
		{errors.New("Timeout while waiting for connection to any of [127.0.0.1:7687]: context deadline exceeded"), permanent},
	} {
		if got := classify(tc.err); got != tc.want {
			t.Errorf("classify(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}
