package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/internal/domain"
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
		{errors.New("Timeout while waiting for connection to any of [127.0.0.1:7687]: dial tcp 127.0.0.1:7687: i/o timeout"), outage},
		{&neo4j.ConnectivityError{Inner: errors.New("Connection lost during commit: EOF")}, commitUnknown},
		{&neo4j.Neo4jError{Code: "Neo.ClientError.Database.DatabaseNotFound"}, permanent},
		// An editor's input in the message is never taken for an outage.
		{domain.Invalid("input.claim", `malformed id "EOF"`), permanent},
		{domain.Invalid("input.claim", "claim/company-acquisition does not exist"), permanent},
		{fmt.Errorf("in the transaction: %w", domain.Invalid("input.id", `malformed id "i/o timeout"`)), permanent},
	} {
		if got := classify(tc.err); got != tc.want {
			t.Errorf("classify(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}
