// Command newsgraph serves the newsgraph GraphQL API over a Neo4j graph and
// manages its data. Run `newsgraph --help` for the commands and settings.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsgraph/newsgraph/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
