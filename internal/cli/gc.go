package cli

import "runtime/debug"

// The garbage collector's settings for serve, unless GOGC or GOMEMLIMIT
// set them. With Go's default (GOGC=100) the collector runs each time the
// heap doubles over what is live, and a server whose live heap is a few MB
// collects hundreds of times a second under load: in the side-by-side
// benchmark (make bench-peer) collection, sweeping and the scheduling they
// cause were about 40% of newsgraph's CPU on the depth-4 page. serveGCPercent
// lets the heap grow to 11× what is live before a collection, and
// serveMemoryLimit, a soft limit, makes the collector run as often as it
// must to stay under it: the service stays within the 512 MB that
// docs/limits.md budgets for it while it is far below, and collects rarely.
const (
	serveGCPercent   = 1000
	serveMemoryLimit = 384 << 20
)

// tuneGC applies serve's collector settings where the environment sets
// none, and returns what it set as log attributes.
func tuneGC(getenv func(string) string) (set []any) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
		set = append(set, "gc_percent", serveGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
		set = append(set, "memory_limit_bytes", serveMemoryLimit)
	}
	return set
}
