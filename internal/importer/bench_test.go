package importer_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/importer"
	"github.com/newsgraph/newsgraph/internal/loadavg"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// BenchmarkImport100k imports 100,000 synthetic records (nodes with their
// embedded relationships, and fact records) into an empty database and
// reports records per second. The first imports after Neo4j starts run
// while the JVM is still compiling Neo4j's code: the first at about three
// times the CPU of a warm one (46 against 14 CPU-seconds), the next few
// at less and less (23, 19, 15); a server that has run for a while has
// done that long ago. So the benchmark first imports the file untimed
// until Neo4j's CPU per import stops falling (within 5% of the import
// before, at most warmups times; 3 times when the CPU is unknown), logs
// those figures, and then measures on the warm DBMS:
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
	// load imports the file and returns what it did and the CPU seconds
	// Neo4j spent on it (-1 when unknown).
	load := func() (importer.Summary, float64) {
		cpu0, cpuOK := neo4jCPU()
		sum, err := importer.Import(ctx, bytes.NewReader(file.Bytes()), s, importer.Options{Origin: "bench", By: neo4jtest.Loader})
		if err != nil {
			b.Fatal(err)
		}
		if len(sum.Rejected) > 0 {
			b.Fatalf("rejected %d lines, first: %v", len(sum.Rejected), sum.Rejected[0])
		}
		if cpu1, ok := neo4jCPU(); ok && cpuOK {
			return sum, cpu1 - cpu0
		}
		return sum, -1
	}
	const warmups = 6
	for i, prev := 0, -1.0; i < warmups; i++ {
		if i > 0 {
			if err := neo4jtest.Wipe(ctx); err != nil {
				b.Fatal(err)
			}
		}
		sum, cpu := load()
		b.Logf("warm-up %d (untimed): %v; Neo4j used %.1f s of CPU", i+1, sum, cpu)
		if cpu < 0 && i == 2 || cpu >= 0 && prev >= 0 && cpu > 0.95*prev {
			break
		}
		prev = cpu
	}
	for b.Loop() {
		b.StopTimer()
		if err := neo4jtest.Wipe(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, cpu := load()
		b.ReportMetric(float64(sum.Records)/sum.Elapsed.Seconds(), "records/s")
		b.ReportMetric(float64(sum.Created)/sum.Elapsed.Seconds(), "writes/s")
		if cpu >= 0 {
			// What Neo4j spent, less sensitive than the rate to the
			// other work on the machine.
			b.ReportMetric(cpu, "neo4j-cpu-s")
		}
		b.Logf("%v; Neo4j used %.1f s of CPU; load average %s", sum, cpu, loadavg.String())
	}
}

// neo4jCPU is the CPU time, in seconds, that the Neo4j process
// NEWSGRAPH_TEST_NEO4J_PID (scripts/bench sets it) has used.
func neo4jCPU() (float64, bool) {
	pid := os.Getenv("NEWSGRAPH_TEST_NEO4J_PID")
	if pid == "" {
		return 0, false
	}
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0, false
	}
	// The command may hold spaces: the fields after it follow the last ')'.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseFloat(f[11], 64)
	stime, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return (utime + stime) / 100, true // clock ticks (USER_HZ, 100 on Linux)
}
