// Command gqlgen generates newsgraph's GraphQL executor (graph/generated.go)
// with gqlgen, resolving every object below the root in its parent's
// goroutine (`go generate ./graph/` runs it).
//
// gqlgen starts a goroutine for each element of a list of objects and for
// each resolver field of an object, so that resolvers that wait on I/O
// overlap. newsgraph's resolvers below the root do not wait: after a root
// field resolves, the planner (graph.PlanLevels) reads every level of its
// selection, one round trip per level, and the nested resolvers find their
// data in memory. The goroutines then only cost. So this command runs
// gqlgen with a plugin that turns concurrency off for every object but the
// root Query and Subscription (Mutation has it off already), then rewrites
// the generated executor (see rewrites): lists of objects marshal their
// elements in order (graph.marshalSlice) instead of gqlgen's
// graphql.MarshalSliceConcurrently, and objects skip the @defer bookkeeping
// that only concurrent fields use. newsgraph's transport does not offer
// incremental delivery, so @defer is not served either way.
package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
}

func run() error {
	log.SetOutput(io.Discard) // gqlgen's notes on binding, as its command without --verbose
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		return err
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{})); err != nil {
		return err
	}
	file := cfg.Exec.Filename // absolute once the configuration is checked
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for _, r := range rewrites {
		if !bytes.Contains(src, []byte(r.from)) {
			return fmt.Errorf("%s: no %s to replace: has gqlgen changed how it generates objects?", file, r.from)
		}
		src = bytes.ReplaceAll(src, []byte(r.from), []byte(r.to))
	}
	if bytes.Contains(src, []byte("&deferred")) {
		return fmt.Errorf("%s: a field still resolves concurrently and may be deferred, but deferred groups were taken out", file)
	}
	return os.WriteFile(file, src, 0o644)
}

// rewrites are made to the generated executor once gqlgen has written it.
var rewrites = []struct{ from, to string }{
	// Lists of objects marshal their elements in order.
	{"graphql.MarshalSliceConcurrently(", "marshalSlice("},
	// Only a field resolved concurrently can be deferred (@defer): an
	// object's deferred group stays empty, and gqlgen's would compute the
	// object's path (an allocation per level) for every object.
	{"deferred := graphql.NewDeferredGroup(ctx)", "var deferred graphql.DeferredGroup"},
}

// sequential turns concurrency off for every object below the root.
type sequential struct{}

func (sequential) Name() string { return "newsgraph-sequential" }

func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		if !o.Root {
			o.DisableConcurrency = true
		}
	}
	return nil
}
