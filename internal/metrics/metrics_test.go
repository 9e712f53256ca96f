package metrics_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/internal/metrics"
)

// TestOperationNamesAreBounded sends more operation names than get series of
// their own: the rest are counted as "other", so clients cannot grow the
// registry without bound.
func TestOperationNamesAreBounded(t *testing.T) {
	m := metrics.New()
	for i := range 500 {
		m.Refused(fmt.Sprintf("Op%d", i), gqlerror.List{{Message: "x", Extensions: map[string]any{"code": "GRAPHQL_PARSE_FAILED"}}})
	}
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	series := strings.Count(string(body), "newsgraph_graphql_requests_total{")
	if series > 201 {
		t.Errorf("%d series of newsgraph_graphql_requests_total for 500 names, want at most 201", series)
	}
	if !strings.Contains(string(body), `newsgraph_graphql_requests_total{code="GRAPHQL_PARSE_FAILED",operation="other",type="unknown"} 300`) {
		t.Errorf("the names past the bound are not counted as other")
	}
}
