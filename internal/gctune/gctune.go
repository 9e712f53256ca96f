// Package gctune holds the garbage collector's settings of serve, so that
// serve and the benchmarks that stand in for it run under the same ones.
package gctune

import "runtime/debug"

// The garbage collector's settings for serve, unless GOGC or GOMEMLIMIT
// set them. With Go's default (GOGC=100) the collector runs each time the
// heap doubles over what is live, and a server whose live heap is a few MB
// collects hundreds of times a second under load: in the side-by-side
// benchmark (make bench-peer) collection, sweeping and the scheduling they
// cause were about 40% of newsgraph's CPU on the depth-4 page. GCPercent
// lets the heap grow to 11× what is live before a collection, and
// MemoryLimit, a soft limit, makes the collector run as often as it must
// to stay under it: the service stays within the 512 MB that
// docs/limits.md budgets for it while it is far below, and collects rarely.
const (
	GCPercent   = 1000
	MemoryLimit = 384 << 20
)

// Serve applies serve's collector settings where the environment (read
// through getenv) sets none, and returns what it set as log attributes.
func Serve(getenv func(string) string) (set []any) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
		set = append(set, "gc_percent", GCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
		set = append(set, "memory_limit_bytes", MemoryLimit)
	}
	return set
}
