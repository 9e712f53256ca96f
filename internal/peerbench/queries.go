package peerbench

// A benchmark query, written three times for the same data: for newsgraph's
// schema (schema.graphqls and schema/), for the schema the Neo4j GraphQL Library 7
// generates from tools/peer-bench/typeDefs.graphql, and as one hand-written
// Cypher statement (the floor). Each answer's top-level field has the same
// name (GraphQL aliases, the Cypher column), so the three normalise to the same
// canonical form (canon.go).
//
// Ordering: top-level lists are ordered by id everywhere. newsgraph orders a
// relationship list by the stored sort keys (sortDate, sortName, id) and cuts
// it at `first`; the peer and the Cypher statement order by the same keys, so
// that a cut list holds the same items in all three.
type query struct {
	key       string // a, b, c, d
	title     string
	newsgraph string
	peer      string
	cypher    string
	// pool is the Cypher that returns the values the requests cycle through
	// (one row per parameter set, one column per variable); empty for a
	// query without variables.
	pool string
	// group, when above 1, makes one parameter set of that many consecutive
	// pool values, as the list variable groupVar: c asks for 10 people at a time.
	group    int
	groupVar string
	// verify is how many parameter sets are compared before the timing.
	verify int
}

// relOrder is newsgraph's order of a relationship list (neo4jstore.linksCypher)
// in the peer's sort syntax.
const relOrder = `[{sortDate: ASC}, {sortName: ASC}, {id: ASC}]`

// actorSel selects an Actor (Person | Organisation | Source) in both GraphQL schemas.
const actorSel = `actor { __typename ... on Person { id name } ... on Organisation { id name } ... on Source { id title } }`

// cypherActor projects the actor x as the GraphQL selection actorSel does.
const cypherActor = `CASE WHEN x:Person THEN x {__typename: 'Person', .id, .name}
  WHEN x:Organisation THEN x {__typename: 'Organisation', .id, .name}
  ELSE x {__typename: 'Source', .id, .title} END`

var queries = []query{
	{
		key: "a", title: "claim by id",
		newsgraph: `query A($id: ID!) { claim(id: $id) { id text } }`,
		peer:      `query A($id: ID!) { claim: claims(where: {id: {eq: $id}}) { id text } }`,
		cypher:    `MATCH (c:Claim {id: $id}) RETURN collect(c {.id, .text}) AS claim`,
		pool:      `MATCH (c:Claim) RETURN c.id AS id ORDER BY c.id`,
		group:     1, verify: 50,
	},
	{
		key: "b", title: "20 claims>atts>actor+sources",
		newsgraph: `query B { claims(first: 20, orderBy: {field: ID}) { nodes { id summary
  attributions(first: 20) { id stance ` + actorSel + ` sources(first: 20) { id title } } } } }`,
		peer: `query B { claims(limit: 20, sort: [{id: ASC}]) { id summary
  attributions(limit: 20, sort: ` + relOrder + `) { id stance ` + actorSel + ` sources(limit: 20, sort: ` + relOrder + `) { id title } } } }`,
		cypher: `MATCH (c:Claim) WITH c ORDER BY c.id LIMIT 20
RETURN collect(c {.id, .summary, attributions: COLLECT {
  MATCH (c)<-[:ON]-(a:Attribution)
  WITH a ORDER BY a.sortDate, a.sortName, a.id LIMIT 20
  RETURN a {.id, .stance,
    actor: [(a)-[:MADE_BY]->(x) | ` + cypherActor + `][0],
    sources: COLLECT {
      MATCH (a)-[:RECORDED_IN]->(s:Source)
      WITH s ORDER BY s.sortDate, s.sortName, s.id LIMIT 20
      RETURN s {.id, .title}
    }}
}}) AS claims`,
		verify: 1,
	},
	{
		key: "c", title: "10 people>stmts>claim>atts>actor",
		newsgraph: `query C($ids: [ID!]!) { people: nodes(ids: $ids) { ... on Person { id name
  statements(first: 20) { id stance claim { id summary
    attributions(first: 20) { id stance ` + actorSel + ` } } } } } }`,
		peer: `query C($ids: [ID!]!) { people(where: {id: {in: $ids}}, sort: [{id: ASC}]) { id name
  statements(limit: 20, sort: ` + relOrder + `) { id stance claim { id summary
    attributions(limit: 20, sort: ` + relOrder + `) { id stance ` + actorSel + ` } } } } }`,
		cypher: `MATCH (p:Person) WHERE p.id IN $ids
RETURN collect(p {.id, .name, statements: COLLECT {
  MATCH (p)<-[:MADE_BY]-(a:Attribution)
  WITH a ORDER BY a.sortDate, a.sortName, a.id LIMIT 20
  RETURN a {.id, .stance, claim: [(a)-[:ON]->(c:Claim) | c {.id, .summary, attributions: COLLECT {
    MATCH (c)<-[:ON]-(b:Attribution)
    WITH b ORDER BY b.sortDate, b.sortName, b.id LIMIT 20
    RETURN b {.id, .stance, actor: [(b)-[:MADE_BY]->(x) | ` + cypherActor + `][0]}
  }}][0]}
}}) AS people`,
		// The 200 people who made the most attributions, 10 at a time.
		pool: `MATCH (p:Person)<-[:MADE_BY]-(:Attribution)
WITH p, count(*) AS n ORDER BY n DESC, p.id LIMIT 200
RETURN p.id AS id`,
		group: 10, groupVar: "ids", verify: 20,
	},
	{
		key: "d", title: "20 ASSERTS atts about person",
		newsgraph: `query D($person: ID!) { attributions(filter: {stances: [ASSERTS], about: [$person]}, orderBy: {field: ID}, first: 20) {
  nodes { id stance claim { id summary } } } }`,
		peer: `query D($person: ID!) { attributions(where: {stance: {eq: ASSERTS}, claim: {about: {some: {Person: {id: {eq: $person}}}}}},
  sort: [{id: ASC}], limit: 20) { id stance claim { id summary } } }`,
		cypher: `MATCH (:Person {id: $person})<-[:ABOUT]-(c:Claim)<-[:ON]-(a:Attribution {stance: 'ASSERTS'})
WITH DISTINCT a, c ORDER BY a.id LIMIT 20
RETURN collect(a {.id, .stance, claim: c {.id, .summary}}) AS attributions`,
		// The 50 people with the most asserting attributions about them.
		pool: `MATCH (p:Person)<-[:ABOUT]-(:Claim)<-[:ON]-(a:Attribution {stance: 'ASSERTS'})
WITH p, count(DISTINCT a) AS n ORDER BY n DESC, p.id LIMIT 50
RETURN p.id AS person`,
		group: 1, verify: 50,
	},
}
