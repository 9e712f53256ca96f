package importer_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// BenchmarkImport100k imports 100,000 synthetic records (nodes with their
// embedded relationships, and fact records) into an empty database and
// reports records per second:
//
//	go test -run '^$' -bench Import100k -benchtime 1x ./internal/importer/
func BenchmarkImport100k(b *testing.B) {
	const records = 100_000
	var file bytes.Buffer
	if err := synth.Write(&file, records, 1); err != nil {
		b.Fatal(err)
	}
	neo4jtest.Empty(b)
	s := neo4jtest.MustOpen(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		if err := neo4jtest.Wipe(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := importer.Import(ctx, bytes.NewReader(file.Bytes()), s, importer.Options{Origin: "bench", By: neo4jtest.Loader})
		if err != nil {
			b.Fatal(err)
		}
		if len(sum.Rejected) > 0 {
			b.Fatalf("rejected %d lines, first: %v", len(sum.Rejected), sum.Rejected[0])
		}
		b.ReportMetric(float64(sum.Records)/sum.Elapsed.Seconds(), "records/s")
		b.ReportMetric(float64(sum.Created)/sum.Elapsed.Seconds(), "writes/s")
		b.Logf("%v; load average %s", sum, loadAverage())
	}
}

// loadAverage is the machine's 1, 5 and 15 minute load average, printed
// next to the figures: other work on the machine skews them.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
