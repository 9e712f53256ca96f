package gctune_test

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gctune"
)

// TestServe: serve sets the collector's percent and soft memory limit
// unless GOGC or GOMEMLIMIT do, and then leaves the runtime's values alone.
func TestServe(t *testing.T) {
	prevPercent := debug.SetGCPercent(100)
	prevLimit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(prevPercent); debug.SetMemoryLimit(prevLimit) })

	set := gctune.Serve(func(string) string { return "" })
	if got := debug.SetGCPercent(100); got != gctune.GCPercent {
		t.Errorf("GC percent = %d, want %d", got, gctune.GCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != gctune.MemoryLimit {
		t.Errorf("memory limit = %d, want %d", got, gctune.MemoryLimit)
	}
	if len(set) != 4 {
		t.Errorf("reported %v, want both settings", set)
	}

	debug.SetGCPercent(150)
	debug.SetMemoryLimit(1 << 30)
	set = gctune.Serve(func(name string) string { return map[string]string{"GOGC": "150", "GOMEMLIMIT": "1GiB"}[name] })
	if len(set) != 0 || debug.SetGCPercent(150) != 150 || debug.SetMemoryLimit(-1) != 1<<30 {
		t.Errorf("with GOGC and GOMEMLIMIT set, Serve changed the runtime (reported %v)", set)
	}
}
