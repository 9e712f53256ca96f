// Package loadavg reads the machine's load average, which every benchmark
// prints beside its figures (the machine is shared and noisy).
package loadavg

import (
	"os"
	"strings"
)

// String is the 1, 5 and 15 minute load averages, e.g. "2.41 2.52 3.01", or
// "unknown" where /proc/loadavg cannot be read.
func String() string {
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
