// Every operation the explorer sends. GraphQL Code Generator checks them
// against the schema (../schema.graphqls and ../schema/*.graphqls) and types their results (src/gql).
import { graphql } from './gql';

export const NodeLabelFragment = graphql(`
  fragment NodeLabel on Node {
    __typename
    id
    ... on Person { name }
    ... on Organisation { name }
    ... on Place { name }
    ... on Negotiation { name }
    ... on Event { name }
    ... on Source { title }
    ... on Claim { summary status }
    ... on Attribution { stance quote attSummary: summary }
  }
`);

export const DateFragment = graphql(`
  fragment Date on PartialDate { value precision earliest latest }
`);

export const ActorLabelFragment = graphql(`
  fragment ActorLabel on Actor {
    __typename
    ... on Person { id name }
    ... on Organisation { id name }
    ... on Source { id title }
  }
`);

export const StatementFragment = graphql(`
  fragment Statement on Attribution {
    id
    stance
    quote
    summary
    cue
    sourcing
    statedAt { ...Date }
    actor { ...ActorLabel }
    claim { id summary status }
    sources(first: 5) { id title language publisher { id name } }
    during { id name }
    cites(first: 5) { id actor { ...ActorLabel } cites(first: 3) { id actor { ...ActorLabel } } }
    citedBy(first: 5) { id actor { ...ActorLabel } citedBy(first: 3) { id actor { ...ActorLabel } } }
  }
`);

export const ClaimAboutFragment = graphql(`
  fragment ClaimAboutItem on ClaimAbout { role claim { id summary status pointInTime { ...Date } } }
`);

export const NodesQuery = graphql(`
  query NodeLabels($ids: [ID!]!) {
    nodes(ids: $ids) { ...NodeLabel }
  }
`);

export const SearchQuery = graphql(`
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      hits { score node { ...NodeLabel } matched { field value } }
    }
  }
`);

// One query per kind of entity page: the id's prefix says which.
export const PersonQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      id name aliases description wikidataId
      memberships { role start { ...Date } end { ...Date } organisation { id name } claim { id } }
      statements(first: 100) { ...Statement }
      claimsAbout(first: 100) { ...ClaimAboutItem }
      events { role event { id name date { ...Date } } }
      authored { id title }
    }
  }
`);

export const OrganisationQuery = graphql(`
  query OrganisationPage($id: ID!) {
    organisation(id: $id) {
      id name aliases description kind country
      members { role person { id name } }
      statements(first: 100) { ...Statement }
      claimsAbout(first: 100) { ...ClaimAboutItem }
      events { role event { id name date { ...Date } } }
      negotiations { side negotiation { id name } }
      published { id title publishedAt { ...Date } }
    }
  }
`);

export const PlaceQuery = graphql(`
  query PlacePage($id: ID!) {
    place(id: $id) {
      id name aliases kind countryCode
      claimsAbout(first: 100) { ...ClaimAboutItem }
      hosted { subject { __typename ... on Event { id name } ... on Negotiation { id name } } }
    }
  }
`);

export const NegotiationQuery = graphql(`
  query NegotiationPage($id: ID!) {
    negotiation(id: $id) {
      id name aliases topic status start { ...Date } end { ...Date }
      parties { side organisation { id name } }
      events { event { id name date { ...Date } } }
      places { place { id name } }
      claimsAbout(first: 100) { ...ClaimAboutItem }
    }
  }
`);

export const EventQuery = graphql(`
  query EventPage($id: ID!) {
    event(id: $id) {
      id name aliases description kind date { ...Date }
      participants { role participant { ...ActorLabel } }
      places { place { id name } }
      negotiations { negotiation { id name } }
      statements(first: 100) { ...Statement }
      claimsAbout(first: 100) { ...ClaimAboutItem }
    }
  }
`);

export const SourceQuery = graphql(`
  query SourcePage($id: ID!) {
    source(id: $id) {
      id title kind url language publishedAt { ...Date } text
      publisher { id name }
      authors { id name }
      statements(first: 50) { ...Statement }
      attributions(first: 50) { ...Statement }
      cites { id title }
      citedBy { id title }
      mentions(first: 100) { count entity { ...NodeLabel } }
    }
  }
`);

export const AttributionQuery = graphql(`
  query AttributionPage($id: ID!) {
    attribution(id: $id) { id claim { id } }
  }
`);

export const ClaimQuery = graphql(`
  query ClaimPage($id: ID!) {
    claim(id: $id) {
      id text language summary status rank pointInTime { ...Date }
      about { role entity { ...NodeLabel } }
      attributions(first: 100) { ...Statement }
    }
  }
`);

export const NeighbourhoodQuery = graphql(`
  query Neighbourhood($id: ID!, $hops: Int!, $max: Int!) {
    neighbourhood(id: $id, hops: $hops, maxNeighbours: $max) {
      nodes { ...NodeLabel }
      edges { id type source target role side count claim { id summary } }
    }
  }
`);

export const PathsQuery = graphql(`
  query Paths($from: ID!, $to: ID!, $maxHops: Int!, $avoid: [ID!], $maxDegree: Int!) {
    paths(from: $from, to: $to, maxHops: $maxHops, avoid: $avoid, maxDegree: $maxDegree, first: 10) {
      length
      steps {
        type direction role
        from { ...NodeLabel }
        to { ...NodeLabel }
        claim { id summary status }
        sources { id title }
      }
    }
  }
`);

export const TimelineQuery = graphql(`
  query Timeline($id: ID!) {
    node(id: $id) { ...NodeLabel }
    timeline(id: $id, first: 200) { date { ...Date } what role node { ...NodeLabel } }
  }
`);

export const SideFragment = graphql(`
  fragment Side on Attribution {
    id stance quote summary cue sourcing
    statedAt { ...Date }
    actor { ...ActorLabel }
    sources(first: 3) { id title language }
  }
`);

// disputes' sides have no slicing argument (each is assumed 100 long), so
// the static cost allows the details of 10 disputes per request; the list of
// every disputed claim comes from claims(statuses: DISPUTED).
export const DisputesQuery = graphql(`
  query Disputes($about: ID, $aboutList: [ID!]) {
    disputes(about: $about, first: 10) {
      claim { id summary text status pointInTime { ...Date } }
      asserting { ...Side }
      denying { ...Side }
      other { ...Side }
    }
    claims(first: 100, filter: { statuses: [DISPUTED], about: $aboutList }) {
      totalCount
      nodes { id summary pointInTime { ...Date } }
    }
  }
`);

export const IngestMutation = graphql(`
  mutation Ingest($input: ArticleInput!) {
    ingestArticle(input: $input) {
      source { id title }
      mentions { count forms entity { ...NodeLabel } }
      suggestions { text count }
    }
  }
`);

export const RecordAttributionMutation = graphql(`
  mutation RecordAttribution($input: AttributionInput!) {
    recordAttribution(input: $input) { id stance claim { id summary status } }
  }
`);
