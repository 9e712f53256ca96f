# syntax=docker/dockerfile:1
#
# newsgraph image: a static Go binary on Alpine (Alpine rather than distroless
# so that the HEALTHCHECK has busybox wget). Neo4j is not in the image; point
# NEO4J_URI at one (docker-compose.yml starts one next to it).
#
#   docker build -t newsgraph .
#   docker run --rm -p 127.0.0.1:8080:8080 -e NEO4J_URI=bolt://host:7687 -e NEO4J_PASSWORD=... newsgraph
#
# There is no Docker engine on the project's dev/CI machines: this file is not
# built by `make test` or CI.

# ---- build ----
# go.mod says go 1.26.8; with the default GOTOOLCHAIN=auto an older 1.26.x
# image fetches that toolchain itself.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -o /newsgraph ./cmd/newsgraph

# ---- run ----
FROM alpine:3.20
# ca-certificates: for neo4j+s:// (Aura and other TLS servers).
RUN apk add --no-cache ca-certificates \
 && addgroup -S -g 10001 newsgraph \
 && adduser -S -D -H -u 10001 -G newsgraph newsgraph
COPY --from=build /newsgraph /newsgraph
USER 10001:10001
# Every flag of the binary falls back to an environment variable
# (see `newsgraph --help`); NEO4J_PASSWORD has no default and must be given.
ENV NEWSGRAPH_LISTEN=0.0.0.0:8080
EXPOSE 8080
# The server listens only after Neo4j answered, the schema was applied and the
# seed loaded (up to NEWSGRAPH_STARTUP_WAIT, 60s); /readyz then answers 200 while
# Neo4j answers a ping.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD wget -qO- http://127.0.0.1:8080/readyz >/dev/null || exit 1
ENTRYPOINT ["/newsgraph"]
CMD ["serve"]
