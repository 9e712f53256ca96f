# newsgraph — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash

# Development defaults; override in the environment.
export NEO4J_PASSWORD ?= newsgraph-dev
export NEO4J_URI ?= bolt://127.0.0.1:7687

.PHONY: run test bench bench-peer neo4j-fetch neo4j-start neo4j-stop neo4j-status build generate

## run: start the local Neo4j (fetched from Maven Central on first use) and serve with the seed data
run: neo4j-start
	go run ./cmd/newsgraph serve

## test: start a throwaway Neo4j and run vet, gofmt, generate-check and every test against it
test:
	scripts/test

## bench: run the benchmarks against a throwaway Neo4j (4 GB heap); they print their figures
bench:
	scripts/bench

## bench-peer: newsgraph vs the Neo4j GraphQL Library vs plain Cypher on one throwaway Neo4j; prints a table
bench-peer:
	scripts/bench-peer

build:
	go build -o bin/newsgraph ./cmd/newsgraph

generate:
	go generate ./...

neo4j-fetch:
	scripts/neo4j fetch

neo4j-start:
	scripts/neo4j start

neo4j-stop:
	scripts/neo4j stop

neo4j-status:
	scripts/neo4j status
