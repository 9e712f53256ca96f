/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment NodeLabel on Node {\n    __typename\n    id\n    ... on Person { name }\n    ... on Organisation { name }\n    ... on Place { name }\n    ... on Negotiation { name }\n    ... on Event { name }\n    ... on Source { title }\n    ... on Claim { summary status }\n    ... on Attribution { stance quote attSummary: summary }\n  }\n": typeof types.NodeLabelFragmentDoc,
    "\n  fragment Date on PartialDate { value precision earliest latest }\n": typeof types.DateFragmentDoc,
    "\n  fragment ActorLabel on Actor {\n    __typename\n    ... on Person { id name }\n    ... on Organisation { id name }\n    ... on Source { id title }\n  }\n": typeof types.ActorLabelFragmentDoc,
    "\n  fragment Statement on Attribution {\n    id\n    stance\n    quote\n    summary\n    cue\n    sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    claim { id summary status }\n    sources(first: 5) { id title language publisher { id name } }\n    during { id name }\n    cites(first: 5) { id actor { ...ActorLabel } cites(first: 3) { id actor { ...ActorLabel } } }\n    citedBy(first: 5) { id actor { ...ActorLabel } citedBy(first: 3) { id actor { ...ActorLabel } } }\n  }\n": typeof types.StatementFragmentDoc,
    "\n  fragment ClaimAboutItem on ClaimAbout { role claim { id summary status pointInTime { ...Date } } }\n": typeof types.ClaimAboutItemFragmentDoc,
    "\n  query NodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeLabel }\n  }\n": typeof types.NodeLabelsDocument,
    "\n  query Search($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      hits { score node { ...NodeLabel } matched { field value } }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id name aliases description wikidataId\n      memberships { role start { ...Date } end { ...Date } organisation { id name } claim { id } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      authored { id title }\n    }\n  }\n": typeof types.PersonPageDocument,
    "\n  query OrganisationPage($id: ID!) {\n    organisation(id: $id) {\n      id name aliases description kind country\n      members { role person { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      negotiations { side negotiation { id name } }\n      published { id title publishedAt { ...Date } }\n    }\n  }\n": typeof types.OrganisationPageDocument,
    "\n  query PlacePage($id: ID!) {\n    place(id: $id) {\n      id name aliases kind countryCode\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      hosted { subject { __typename ... on Event { id name } ... on Negotiation { id name } } }\n    }\n  }\n": typeof types.PlacePageDocument,
    "\n  query NegotiationPage($id: ID!) {\n    negotiation(id: $id) {\n      id name aliases topic status start { ...Date } end { ...Date }\n      parties { side organisation { id name } }\n      events { event { id name date { ...Date } } }\n      places { place { id name } }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n": typeof types.NegotiationPageDocument,
    "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id name aliases description kind date { ...Date }\n      participants { role participant { ...ActorLabel } }\n      places { place { id name } }\n      negotiations { negotiation { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n": typeof types.EventPageDocument,
    "\n  query SourcePage($id: ID!) {\n    source(id: $id) {\n      id title kind url language publishedAt { ...Date } text\n      publisher { id name }\n      authors { id name }\n      statements(first: 50) { ...Statement }\n      attributions(first: 50) { ...Statement }\n      cites { id title }\n      citedBy { id title }\n      mentions(first: 100) { count entity { ...NodeLabel } }\n    }\n  }\n": typeof types.SourcePageDocument,
    "\n  query AttributionPage($id: ID!) {\n    attribution(id: $id) { id claim { id } }\n  }\n": typeof types.AttributionPageDocument,
    "\n  query ClaimPage($id: ID!) {\n    claim(id: $id) {\n      id text language summary status rank pointInTime { ...Date }\n      about { role entity { ...NodeLabel } }\n      attributions(first: 100) { ...Statement }\n    }\n  }\n": typeof types.ClaimPageDocument,
    "\n  query Neighbourhood($id: ID!, $hops: Int!, $max: Int!) {\n    neighbourhood(id: $id, hops: $hops, maxNeighbours: $max) {\n      nodes { ...NodeLabel }\n      edges { id type source target role side count claim { id summary } }\n    }\n  }\n": typeof types.NeighbourhoodDocument,
    "\n  query Paths($from: ID!, $to: ID!, $maxHops: Int!, $avoid: [ID!], $maxDegree: Int!) {\n    paths(from: $from, to: $to, maxHops: $maxHops, avoid: $avoid, maxDegree: $maxDegree, first: 10) {\n      length\n      steps {\n        type direction role\n        from { ...NodeLabel }\n        to { ...NodeLabel }\n        claim { id summary status }\n        sources { id title }\n      }\n    }\n  }\n": typeof types.PathsDocument,
    "\n  query Timeline($id: ID!) {\n    node(id: $id) { ...NodeLabel }\n    timeline(id: $id, first: 200) { date { ...Date } what role node { ...NodeLabel } }\n  }\n": typeof types.TimelineDocument,
    "\n  fragment Side on Attribution {\n    id stance quote summary cue sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    sources(first: 3) { id title language }\n  }\n": typeof types.SideFragmentDoc,
    "\n  query Disputes($about: ID, $aboutList: [ID!]) {\n    disputes(about: $about, first: 10) {\n      claim { id summary text status pointInTime { ...Date } }\n      asserting { ...Side }\n      denying { ...Side }\n      other { ...Side }\n    }\n    claims(first: 100, filter: { statuses: [DISPUTED], about: $aboutList }) {\n      totalCount\n      nodes { id summary pointInTime { ...Date } }\n    }\n  }\n": typeof types.DisputesDocument,
    "\n  mutation Ingest($input: ArticleInput!) {\n    ingestArticle(input: $input) {\n      source { id title }\n      mentions { count forms entity { ...NodeLabel } }\n      suggestions { text count }\n    }\n  }\n": typeof types.IngestDocument,
    "\n  mutation RecordAttribution($input: AttributionInput!) {\n    recordAttribution(input: $input) { id stance claim { id summary status } }\n  }\n": typeof types.RecordAttributionDocument,
};
const documents: Documents = {
    "\n  fragment NodeLabel on Node {\n    __typename\n    id\n    ... on Person { name }\n    ... on Organisation { name }\n    ... on Place { name }\n    ... on Negotiation { name }\n    ... on Event { name }\n    ... on Source { title }\n    ... on Claim { summary status }\n    ... on Attribution { stance quote attSummary: summary }\n  }\n": types.NodeLabelFragmentDoc,
    "\n  fragment Date on PartialDate { value precision earliest latest }\n": types.DateFragmentDoc,
    "\n  fragment ActorLabel on Actor {\n    __typename\n    ... on Person { id name }\n    ... on Organisation { id name }\n    ... on Source { id title }\n  }\n": types.ActorLabelFragmentDoc,
    "\n  fragment Statement on Attribution {\n    id\n    stance\n    quote\n    summary\n    cue\n    sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    claim { id summary status }\n    sources(first: 5) { id title language publisher { id name } }\n    during { id name }\n    cites(first: 5) { id actor { ...ActorLabel } cites(first: 3) { id actor { ...ActorLabel } } }\n    citedBy(first: 5) { id actor { ...ActorLabel } citedBy(first: 3) { id actor { ...ActorLabel } } }\n  }\n": types.StatementFragmentDoc,
    "\n  fragment ClaimAboutItem on ClaimAbout { role claim { id summary status pointInTime { ...Date } } }\n": types.ClaimAboutItemFragmentDoc,
    "\n  query NodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeLabel }\n  }\n": types.NodeLabelsDocument,
    "\n  query Search($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      hits { score node { ...NodeLabel } matched { field value } }\n    }\n  }\n": types.SearchDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id name aliases description wikidataId\n      memberships { role start { ...Date } end { ...Date } organisation { id name } claim { id } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      authored { id title }\n    }\n  }\n": types.PersonPageDocument,
    "\n  query OrganisationPage($id: ID!) {\n    organisation(id: $id) {\n      id name aliases description kind country\n      members { role person { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      negotiations { side negotiation { id name } }\n      published { id title publishedAt { ...Date } }\n    }\n  }\n": types.OrganisationPageDocument,
    "\n  query PlacePage($id: ID!) {\n    place(id: $id) {\n      id name aliases kind countryCode\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      hosted { subject { __typename ... on Event { id name } ... on Negotiation { id name } } }\n    }\n  }\n": types.PlacePageDocument,
    "\n  query NegotiationPage($id: ID!) {\n    negotiation(id: $id) {\n      id name aliases topic status start { ...Date } end { ...Date }\n      parties { side organisation { id name } }\n      events { event { id name date { ...Date } } }\n      places { place { id name } }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n": types.NegotiationPageDocument,
    "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id name aliases description kind date { ...Date }\n      participants { role participant { ...ActorLabel } }\n      places { place { id name } }\n      negotiations { negotiation { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n": types.EventPageDocument,
    "\n  query SourcePage($id: ID!) {\n    source(id: $id) {\n      id title kind url language publishedAt { ...Date } text\n      publisher { id name }\n      authors { id name }\n      statements(first: 50) { ...Statement }\n      attributions(first: 50) { ...Statement }\n      cites { id title }\n      citedBy { id title }\n      mentions(first: 100) { count entity { ...NodeLabel } }\n    }\n  }\n": types.SourcePageDocument,
    "\n  query AttributionPage($id: ID!) {\n    attribution(id: $id) { id claim { id } }\n  }\n": types.AttributionPageDocument,
    "\n  query ClaimPage($id: ID!) {\n    claim(id: $id) {\n      id text language summary status rank pointInTime { ...Date }\n      about { role entity { ...NodeLabel } }\n      attributions(first: 100) { ...Statement }\n    }\n  }\n": types.ClaimPageDocument,
    "\n  query Neighbourhood($id: ID!, $hops: Int!, $max: Int!) {\n    neighbourhood(id: $id, hops: $hops, maxNeighbours: $max) {\n      nodes { ...NodeLabel }\n      edges { id type source target role side count claim { id summary } }\n    }\n  }\n": types.NeighbourhoodDocument,
    "\n  query Paths($from: ID!, $to: ID!, $maxHops: Int!, $avoid: [ID!], $maxDegree: Int!) {\n    paths(from: $from, to: $to, maxHops: $maxHops, avoid: $avoid, maxDegree: $maxDegree, first: 10) {\n      length\n      steps {\n        type direction role\n        from { ...NodeLabel }\n        to { ...NodeLabel }\n        claim { id summary status }\n        sources { id title }\n      }\n    }\n  }\n": types.PathsDocument,
    "\n  query Timeline($id: ID!) {\n    node(id: $id) { ...NodeLabel }\n    timeline(id: $id, first: 200) { date { ...Date } what role node { ...NodeLabel } }\n  }\n": types.TimelineDocument,
    "\n  fragment Side on Attribution {\n    id stance quote summary cue sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    sources(first: 3) { id title language }\n  }\n": types.SideFragmentDoc,
    "\n  query Disputes($about: ID, $aboutList: [ID!]) {\n    disputes(about: $about, first: 10) {\n      claim { id summary text status pointInTime { ...Date } }\n      asserting { ...Side }\n      denying { ...Side }\n      other { ...Side }\n    }\n    claims(first: 100, filter: { statuses: [DISPUTED], about: $aboutList }) {\n      totalCount\n      nodes { id summary pointInTime { ...Date } }\n    }\n  }\n": types.DisputesDocument,
    "\n  mutation Ingest($input: ArticleInput!) {\n    ingestArticle(input: $input) {\n      source { id title }\n      mentions { count forms entity { ...NodeLabel } }\n      suggestions { text count }\n    }\n  }\n": types.IngestDocument,
    "\n  mutation RecordAttribution($input: AttributionInput!) {\n    recordAttribution(input: $input) { id stance claim { id summary status } }\n  }\n": types.RecordAttributionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NodeLabel on Node {\n    __typename\n    id\n    ... on Person { name }\n    ... on Organisation { name }\n    ... on Place { name }\n    ... on Negotiation { name }\n    ... on Event { name }\n    ... on Source { title }\n    ... on Claim { summary status }\n    ... on Attribution { stance quote attSummary: summary }\n  }\n"): typeof import('./graphql').NodeLabelFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Date on PartialDate { value precision earliest latest }\n"): typeof import('./graphql').DateFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActorLabel on Actor {\n    __typename\n    ... on Person { id name }\n    ... on Organisation { id name }\n    ... on Source { id title }\n  }\n"): typeof import('./graphql').ActorLabelFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Statement on Attribution {\n    id\n    stance\n    quote\n    summary\n    cue\n    sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    claim { id summary status }\n    sources(first: 5) { id title language publisher { id name } }\n    during { id name }\n    cites(first: 5) { id actor { ...ActorLabel } cites(first: 3) { id actor { ...ActorLabel } } }\n    citedBy(first: 5) { id actor { ...ActorLabel } citedBy(first: 3) { id actor { ...ActorLabel } } }\n  }\n"): typeof import('./graphql').StatementFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimAboutItem on ClaimAbout { role claim { id summary status pointInTime { ...Date } } }\n"): typeof import('./graphql').ClaimAboutItemFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeLabel }\n  }\n"): typeof import('./graphql').NodeLabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      hits { score node { ...NodeLabel } matched { field value } }\n    }\n  }\n"): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id name aliases description wikidataId\n      memberships { role start { ...Date } end { ...Date } organisation { id name } claim { id } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      authored { id title }\n    }\n  }\n"): typeof import('./graphql').PersonPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationPage($id: ID!) {\n    organisation(id: $id) {\n      id name aliases description kind country\n      members { role person { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      negotiations { side negotiation { id name } }\n      published { id title publishedAt { ...Date } }\n    }\n  }\n"): typeof import('./graphql').OrganisationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlacePage($id: ID!) {\n    place(id: $id) {\n      id name aliases kind countryCode\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      hosted { subject { __typename ... on Event { id name } ... on Negotiation { id name } } }\n    }\n  }\n"): typeof import('./graphql').PlacePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NegotiationPage($id: ID!) {\n    negotiation(id: $id) {\n      id name aliases topic status start { ...Date } end { ...Date }\n      parties { side organisation { id name } }\n      events { event { id name date { ...Date } } }\n      places { place { id name } }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n"): typeof import('./graphql').NegotiationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id name aliases description kind date { ...Date }\n      participants { role participant { ...ActorLabel } }\n      places { place { id name } }\n      negotiations { negotiation { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n"): typeof import('./graphql').EventPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourcePage($id: ID!) {\n    source(id: $id) {\n      id title kind url language publishedAt { ...Date } text\n      publisher { id name }\n      authors { id name }\n      statements(first: 50) { ...Statement }\n      attributions(first: 50) { ...Statement }\n      cites { id title }\n      citedBy { id title }\n      mentions(first: 100) { count entity { ...NodeLabel } }\n    }\n  }\n"): typeof import('./graphql').SourcePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttributionPage($id: ID!) {\n    attribution(id: $id) { id claim { id } }\n  }\n"): typeof import('./graphql').AttributionPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimPage($id: ID!) {\n    claim(id: $id) {\n      id text language summary status rank pointInTime { ...Date }\n      about { role entity { ...NodeLabel } }\n      attributions(first: 100) { ...Statement }\n    }\n  }\n"): typeof import('./graphql').ClaimPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighbourhood($id: ID!, $hops: Int!, $max: Int!) {\n    neighbourhood(id: $id, hops: $hops, maxNeighbours: $max) {\n      nodes { ...NodeLabel }\n      edges { id type source target role side count claim { id summary } }\n    }\n  }\n"): typeof import('./graphql').NeighbourhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Paths($from: ID!, $to: ID!, $maxHops: Int!, $avoid: [ID!], $maxDegree: Int!) {\n    paths(from: $from, to: $to, maxHops: $maxHops, avoid: $avoid, maxDegree: $maxDegree, first: 10) {\n      length\n      steps {\n        type direction role\n        from { ...NodeLabel }\n        to { ...NodeLabel }\n        claim { id summary status }\n        sources { id title }\n      }\n    }\n  }\n"): typeof import('./graphql').PathsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline($id: ID!) {\n    node(id: $id) { ...NodeLabel }\n    timeline(id: $id, first: 200) { date { ...Date } what role node { ...NodeLabel } }\n  }\n"): typeof import('./graphql').TimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Side on Attribution {\n    id stance quote summary cue sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    sources(first: 3) { id title language }\n  }\n"): typeof import('./graphql').SideFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Disputes($about: ID, $aboutList: [ID!]) {\n    disputes(about: $about, first: 10) {\n      claim { id summary text status pointInTime { ...Date } }\n      asserting { ...Side }\n      denying { ...Side }\n      other { ...Side }\n    }\n    claims(first: 100, filter: { statuses: [DISPUTED], about: $aboutList }) {\n      totalCount\n      nodes { id summary pointInTime { ...Date } }\n    }\n  }\n"): typeof import('./graphql').DisputesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ingest($input: ArticleInput!) {\n    ingestArticle(input: $input) {\n      source { id title }\n      mentions { count forms entity { ...NodeLabel } }\n      suggestions { text count }\n    }\n  }\n"): typeof import('./graphql').IngestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttribution($input: AttributionInput!) {\n    recordAttribution(input: $input) { id stance claim { id summary status } }\n  }\n"): typeof import('./graphql').RecordAttributionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
