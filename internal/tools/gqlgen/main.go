// Command gqlgen generates newsgraph's GraphQL executor (graph/generated.go)
// with gqlgen, resolving every object below the root in its parent's
// goroutine (`go generate ./graph/` runs it).
//
// gqlgen starts a goroutine for each element of a list of objects and for
// each resolver field of an object, so that resolvers that wait on I/O
// overlap. newsgraph's resolvers below the root do not wait: after a root
// field resolves, the planner (graph.PlanLevels) reads every level of its
// selection, one round trip per level, and the nested resolvers find their
// data in memory. The goroutines then only cost: for a depth-4 page of
// ~1,700 objects they were a third of the server's CPU. So this command
// runs gqlgen with a plugin that turns concurrency off for every object but
// the root Query and Subscription (Mutation has it off already), and makes
// lists of objects marshal their elements in order (graph.marshalSlice)
// instead of gqlgen's graphql.MarshalSliceConcurrently.
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
	const from, to = "graphql.MarshalSliceConcurrently(", "marshalSlice("
	if !bytes.Contains(src, []byte(from)) {
		return fmt.Errorf("%s: no %s to replace: has gqlgen changed how it marshals lists?", file, from)
	}
	return os.WriteFile(file, bytes.ReplaceAll(src, []byte(from), []byte(to)), 0o644)
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
