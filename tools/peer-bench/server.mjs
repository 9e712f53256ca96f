// The Neo4j GraphQL Library (@neo4j/graphql 7) on Apollo Server (standalone),
// over newsgraph's database, for the side-by-side benchmark (make bench-peer):
//
//   NEO4J_URI=bolt://127.0.0.1:7692 NEO4J_PASSWORD=… PORT=0 node server.mjs
//
// Environment: NEO4J_URI [bolt://127.0.0.1:7687], NEO4J_USER [neo4j],
// NEO4J_PASSWORD (required), NEO4J_DATABASE [neo4j], HOST [127.0.0.1],
// PORT [4000; 0 picks a free port]. Prints `listening on http://HOST:PORT/`
// once it serves (GraphQL at that URL, POST). Stops on SIGTERM or SIGINT.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const env = process.env;
if (!env.NEO4J_PASSWORD) {
  console.error("peer: NEO4J_PASSWORD must be set");
  process.exit(2);
}
const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(
  env.NEO4J_URI || "bolt://127.0.0.1:7687",
  neo4j.auth.basic(env.NEO4J_USER || "neo4j", env.NEO4J_PASSWORD),
);
const database = env.NEO4J_DATABASE || "neo4j";
await driver.verifyConnectivity({ database });

const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
// Stopping is ours (below): Apollo's own signal handlers would race it.
const server = new ApolloServer({ schema, stopOnTerminationSignals: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: env.HOST || "127.0.0.1", port: Number(env.PORT ?? 4000) },
  // The library reads its Cypher session settings from the context.
  context: async () => ({ sessionConfig: { database } }),
});
console.log(`listening on ${url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Draining waits for open keep-alive connections; do not wait long.
  setTimeout(() => process.exit(0), 3000).unref();
  await server.stop();
  await driver.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
