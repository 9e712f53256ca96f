package cli

// For the tests of package cli_test.
var TuneGC = tuneGC

const (
	ServeGCPercent   = serveGCPercent
	ServeMemoryLimit = serveMemoryLimit
)
