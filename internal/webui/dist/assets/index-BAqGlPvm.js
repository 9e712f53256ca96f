const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/GraphPage-DkZILT8j.js","assets/rolldown-runtime-BWaJ3C7D.js","assets/preload-helper--RVb0OjH.js"])))=>i.map(i=>d[i]);
import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{a as t,n,r,t as i}from"./preload-helper--RVb0OjH.js";var a=r(),o=e(t(),1),s=`newsgraph.apiKey`;function c(){return sessionStorage.getItem(s)??``}function l(e){e?sessionStorage.setItem(s,e):sessionStorage.removeItem(s)}var u=class extends Error{code;field;constructor(e,t,n){super(e),this.code=t,this.field=n}};async function d(e,t,n){let r={"Content-Type":`application/json`,Accept:`application/graphql-response+json, application/json`},i=c();i&&(r.Authorization=`Bearer ${i}`);let a;try{a=await fetch(`/graphql`,{method:`POST`,headers:r,body:JSON.stringify({query:e.toString(),variables:t}),signal:n})}catch(e){throw e.name===`AbortError`?e:new u(`The service cannot be reached: ${e.message}`,`UNAVAILABLE`)}let o;try{o=await a.json()}catch{throw new u(`The service answered ${a.status} ${a.statusText}`)}if(o.errors?.length){let e=o.errors[0];throw new u(e.message,e.extensions?.code,e.extensions?.field)}if(!o.data)throw new u(`The service answered ${a.status} without data`);return o.data}function f(e,t,n=!1){let[r,i]=(0,o.useState)({loading:!n}),a=JSON.stringify(t);return(0,o.useEffect)(()=>{if(n){i({loading:!1});return}let t=new AbortController;return i(e=>({data:e.data,loading:!0})),d(e,JSON.parse(a),t.signal).then(e=>i({data:e,loading:!1}),e=>{e.name!==`AbortError`&&i({error:e,loading:!1})}),()=>t.abort()},[e,a,n]),r}var p=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},m=new p(`
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}
    `,{fragmentName:`NodeLabel`}),h=new p(`
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
    `,{fragmentName:`Date`}),g=new p(`
    fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}
    `,{fragmentName:`ActorLabel`}),ee=new p(`
    fragment Statement on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  claim {
    id
    summary
    status
  }
  sources(first: 5) {
    id
    title
    language
    publisher {
      id
      name
    }
  }
  during {
    id
    name
  }
  cites(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    cites(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
  citedBy(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    citedBy(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}`,{fragmentName:`Statement`}),_=new p(`
    fragment ClaimAboutItem on ClaimAbout {
  role
  claim {
    id
    summary
    status
    pointInTime {
      ...Date
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}`,{fragmentName:`ClaimAboutItem`}),v=new p(`
    fragment Side on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  sources(first: 3) {
    id
    title
    language
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}`,{fragmentName:`Side`}),y={"\n  fragment NodeLabel on Node {\n    __typename\n    id\n    ... on Person { name }\n    ... on Organisation { name }\n    ... on Place { name }\n    ... on Negotiation { name }\n    ... on Event { name }\n    ... on Source { title }\n    ... on Claim { summary status }\n    ... on Attribution { stance quote attSummary: summary }\n  }\n":m,"\n  fragment Date on PartialDate { value precision earliest latest }\n":h,"\n  fragment ActorLabel on Actor {\n    __typename\n    ... on Person { id name }\n    ... on Organisation { id name }\n    ... on Source { id title }\n  }\n":g,"\n  fragment Statement on Attribution {\n    id\n    stance\n    quote\n    summary\n    cue\n    sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    claim { id summary status }\n    sources(first: 5) { id title language publisher { id name } }\n    during { id name }\n    cites(first: 5) { id actor { ...ActorLabel } cites(first: 3) { id actor { ...ActorLabel } } }\n    citedBy(first: 5) { id actor { ...ActorLabel } citedBy(first: 3) { id actor { ...ActorLabel } } }\n  }\n":ee,"\n  fragment ClaimAboutItem on ClaimAbout { role claim { id summary status pointInTime { ...Date } } }\n":_,"\n  query NodeLabels($ids: [ID!]!) {\n    nodes(ids: $ids) { ...NodeLabel }\n  }\n":new p(`
    query NodeLabels($ids: [ID!]!) {
  nodes(ids: $ids) {
    ...NodeLabel
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}`),"\n  query Search($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      hits { score node { ...NodeLabel } matched { field value } }\n    }\n  }\n":new p(`
    query Search($text: String!, $first: Int!) {
  search(text: $text, first: $first) {
    hits {
      score
      node {
        ...NodeLabel
      }
      matched {
        field
        value
      }
    }
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}`),"\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id name aliases description wikidataId\n      memberships { role start { ...Date } end { ...Date } organisation { id name } claim { id } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      authored { id title }\n    }\n  }\n":new p(`
    query PersonPage($id: ID!) {
  person(id: $id) {
    id
    name
    aliases
    description
    wikidataId
    memberships {
      role
      start {
        ...Date
      }
      end {
        ...Date
      }
      organisation {
        id
        name
      }
      claim {
        id
      }
    }
    statements(first: 100) {
      ...Statement
    }
    claimsAbout(first: 100) {
      ...ClaimAboutItem
    }
    events {
      role
      event {
        id
        name
        date {
          ...Date
        }
      }
    }
    authored {
      id
      title
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}
fragment Statement on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  claim {
    id
    summary
    status
  }
  sources(first: 5) {
    id
    title
    language
    publisher {
      id
      name
    }
  }
  during {
    id
    name
  }
  cites(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    cites(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
  citedBy(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    citedBy(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
}
fragment ClaimAboutItem on ClaimAbout {
  role
  claim {
    id
    summary
    status
    pointInTime {
      ...Date
    }
  }
}`),"\n  query OrganisationPage($id: ID!) {\n    organisation(id: $id) {\n      id name aliases description kind country\n      members { role person { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      events { role event { id name date { ...Date } } }\n      negotiations { side negotiation { id name } }\n      published { id title publishedAt { ...Date } }\n    }\n  }\n":new p(`
    query OrganisationPage($id: ID!) {
  organisation(id: $id) {
    id
    name
    aliases
    description
    kind
    country
    members {
      role
      person {
        id
        name
      }
    }
    statements(first: 100) {
      ...Statement
    }
    claimsAbout(first: 100) {
      ...ClaimAboutItem
    }
    events {
      role
      event {
        id
        name
        date {
          ...Date
        }
      }
    }
    negotiations {
      side
      negotiation {
        id
        name
      }
    }
    published {
      id
      title
      publishedAt {
        ...Date
      }
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}
fragment Statement on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  claim {
    id
    summary
    status
  }
  sources(first: 5) {
    id
    title
    language
    publisher {
      id
      name
    }
  }
  during {
    id
    name
  }
  cites(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    cites(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
  citedBy(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    citedBy(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
}
fragment ClaimAboutItem on ClaimAbout {
  role
  claim {
    id
    summary
    status
    pointInTime {
      ...Date
    }
  }
}`),"\n  query PlacePage($id: ID!) {\n    place(id: $id) {\n      id name aliases kind countryCode\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n      hosted { subject { __typename ... on Event { id name } ... on Negotiation { id name } } }\n    }\n  }\n":new p(`
    query PlacePage($id: ID!) {
  place(id: $id) {
    id
    name
    aliases
    kind
    countryCode
    claimsAbout(first: 100) {
      ...ClaimAboutItem
    }
    hosted {
      subject {
        __typename
        ... on Event {
          id
          name
        }
        ... on Negotiation {
          id
          name
        }
      }
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ClaimAboutItem on ClaimAbout {
  role
  claim {
    id
    summary
    status
    pointInTime {
      ...Date
    }
  }
}`),"\n  query NegotiationPage($id: ID!) {\n    negotiation(id: $id) {\n      id name aliases topic status start { ...Date } end { ...Date }\n      parties { side organisation { id name } }\n      events { event { id name date { ...Date } } }\n      places { place { id name } }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n":new p(`
    query NegotiationPage($id: ID!) {
  negotiation(id: $id) {
    id
    name
    aliases
    topic
    status
    start {
      ...Date
    }
    end {
      ...Date
    }
    parties {
      side
      organisation {
        id
        name
      }
    }
    events {
      event {
        id
        name
        date {
          ...Date
        }
      }
    }
    places {
      place {
        id
        name
      }
    }
    claimsAbout(first: 100) {
      ...ClaimAboutItem
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ClaimAboutItem on ClaimAbout {
  role
  claim {
    id
    summary
    status
    pointInTime {
      ...Date
    }
  }
}`),"\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id name aliases description kind date { ...Date }\n      participants { role participant { ...ActorLabel } }\n      places { place { id name } }\n      negotiations { negotiation { id name } }\n      statements(first: 100) { ...Statement }\n      claimsAbout(first: 100) { ...ClaimAboutItem }\n    }\n  }\n":new p(`
    query EventPage($id: ID!) {
  event(id: $id) {
    id
    name
    aliases
    description
    kind
    date {
      ...Date
    }
    participants {
      role
      participant {
        ...ActorLabel
      }
    }
    places {
      place {
        id
        name
      }
    }
    negotiations {
      negotiation {
        id
        name
      }
    }
    statements(first: 100) {
      ...Statement
    }
    claimsAbout(first: 100) {
      ...ClaimAboutItem
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}
fragment Statement on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  claim {
    id
    summary
    status
  }
  sources(first: 5) {
    id
    title
    language
    publisher {
      id
      name
    }
  }
  during {
    id
    name
  }
  cites(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    cites(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
  citedBy(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    citedBy(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
}
fragment ClaimAboutItem on ClaimAbout {
  role
  claim {
    id
    summary
    status
    pointInTime {
      ...Date
    }
  }
}`),"\n  query SourcePage($id: ID!) {\n    source(id: $id) {\n      id title kind url language publishedAt { ...Date } text\n      publisher { id name }\n      authors { id name }\n      statements(first: 50) { ...Statement }\n      attributions(first: 50) { ...Statement }\n      cites { id title }\n      citedBy { id title }\n      mentions(first: 100) { count entity { ...NodeLabel } }\n    }\n  }\n":new p(`
    query SourcePage($id: ID!) {
  source(id: $id) {
    id
    title
    kind
    url
    language
    publishedAt {
      ...Date
    }
    text
    publisher {
      id
      name
    }
    authors {
      id
      name
    }
    statements(first: 50) {
      ...Statement
    }
    attributions(first: 50) {
      ...Statement
    }
    cites {
      id
      title
    }
    citedBy {
      id
      title
    }
    mentions(first: 100) {
      count
      entity {
        ...NodeLabel
      }
    }
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}
fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}
fragment Statement on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  claim {
    id
    summary
    status
  }
  sources(first: 5) {
    id
    title
    language
    publisher {
      id
      name
    }
  }
  during {
    id
    name
  }
  cites(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    cites(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
  citedBy(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    citedBy(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
}`),"\n  query AttributionPage($id: ID!) {\n    attribution(id: $id) { id claim { id } }\n  }\n":new p(`
    query AttributionPage($id: ID!) {
  attribution(id: $id) {
    id
    claim {
      id
    }
  }
}
    `),"\n  query ClaimPage($id: ID!) {\n    claim(id: $id) {\n      id text language summary status rank pointInTime { ...Date }\n      about { role entity { ...NodeLabel } }\n      attributions(first: 100) { ...Statement }\n    }\n  }\n":new p(`
    query ClaimPage($id: ID!) {
  claim(id: $id) {
    id
    text
    language
    summary
    status
    rank
    pointInTime {
      ...Date
    }
    about {
      role
      entity {
        ...NodeLabel
      }
    }
    attributions(first: 100) {
      ...Statement
    }
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}
fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}
fragment Statement on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  claim {
    id
    summary
    status
  }
  sources(first: 5) {
    id
    title
    language
    publisher {
      id
      name
    }
  }
  during {
    id
    name
  }
  cites(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    cites(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
  citedBy(first: 5) {
    id
    actor {
      ...ActorLabel
    }
    citedBy(first: 3) {
      id
      actor {
        ...ActorLabel
      }
    }
  }
}`),"\n  query Neighbourhood($id: ID!, $hops: Int!, $max: Int!) {\n    neighbourhood(id: $id, hops: $hops, maxNeighbours: $max) {\n      nodes { ...NodeLabel }\n      edges { id type source target role side count claim { id summary } }\n    }\n  }\n":new p(`
    query Neighbourhood($id: ID!, $hops: Int!, $max: Int!) {
  neighbourhood(id: $id, hops: $hops, maxNeighbours: $max) {
    nodes {
      ...NodeLabel
    }
    edges {
      id
      type
      source
      target
      role
      side
      count
      claim {
        id
        summary
      }
    }
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}`),"\n  query Paths($from: ID!, $to: ID!, $maxHops: Int!, $avoid: [ID!], $maxDegree: Int!) {\n    paths(from: $from, to: $to, maxHops: $maxHops, avoid: $avoid, maxDegree: $maxDegree, first: 10) {\n      length\n      steps {\n        type direction role\n        from { ...NodeLabel }\n        to { ...NodeLabel }\n        claim { id summary status }\n        sources { id title }\n      }\n    }\n  }\n":new p(`
    query Paths($from: ID!, $to: ID!, $maxHops: Int!, $avoid: [ID!], $maxDegree: Int!) {
  paths(
    from: $from
    to: $to
    maxHops: $maxHops
    avoid: $avoid
    maxDegree: $maxDegree
    first: 10
  ) {
    length
    steps {
      type
      direction
      role
      from {
        ...NodeLabel
      }
      to {
        ...NodeLabel
      }
      claim {
        id
        summary
        status
      }
      sources {
        id
        title
      }
    }
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}`),"\n  query Timeline($id: ID!) {\n    node(id: $id) { ...NodeLabel }\n    timeline(id: $id, first: 200) { date { ...Date } what role node { ...NodeLabel } }\n  }\n":new p(`
    query Timeline($id: ID!) {
  node(id: $id) {
    ...NodeLabel
  }
  timeline(id: $id, first: 200) {
    date {
      ...Date
    }
    what
    role
    node {
      ...NodeLabel
    }
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}
fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}`),"\n  fragment Side on Attribution {\n    id stance quote summary cue sourcing\n    statedAt { ...Date }\n    actor { ...ActorLabel }\n    sources(first: 3) { id title language }\n  }\n":v,"\n  query Disputes($about: ID, $aboutList: [ID!]) {\n    disputes(about: $about, first: 10) {\n      claim { id summary text status pointInTime { ...Date } }\n      asserting { ...Side }\n      denying { ...Side }\n      other { ...Side }\n    }\n    claims(first: 100, filter: { statuses: [DISPUTED], about: $aboutList }) {\n      totalCount\n      nodes { id summary pointInTime { ...Date } }\n    }\n  }\n":new p(`
    query Disputes($about: ID, $aboutList: [ID!]) {
  disputes(about: $about, first: 10) {
    claim {
      id
      summary
      text
      status
      pointInTime {
        ...Date
      }
    }
    asserting {
      ...Side
    }
    denying {
      ...Side
    }
    other {
      ...Side
    }
  }
  claims(first: 100, filter: {statuses: [DISPUTED], about: $aboutList}) {
    totalCount
    nodes {
      id
      summary
      pointInTime {
        ...Date
      }
    }
  }
}
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
fragment ActorLabel on Actor {
  __typename
  ... on Person {
    id
    name
  }
  ... on Organisation {
    id
    name
  }
  ... on Source {
    id
    title
  }
}
fragment Side on Attribution {
  id
  stance
  quote
  summary
  cue
  sourcing
  statedAt {
    ...Date
  }
  actor {
    ...ActorLabel
  }
  sources(first: 3) {
    id
    title
    language
  }
}`),"\n  mutation Ingest($input: ArticleInput!) {\n    ingestArticle(input: $input) {\n      source { id title }\n      mentions { count forms entity { ...NodeLabel } }\n      suggestions { text count }\n    }\n  }\n":new p(`
    mutation Ingest($input: ArticleInput!) {
  ingestArticle(input: $input) {
    source {
      id
      title
    }
    mentions {
      count
      forms
      entity {
        ...NodeLabel
      }
    }
    suggestions {
      text
      count
    }
  }
}
    fragment NodeLabel on Node {
  __typename
  id
  ... on Person {
    name
  }
  ... on Organisation {
    name
  }
  ... on Place {
    name
  }
  ... on Negotiation {
    name
  }
  ... on Event {
    name
  }
  ... on Source {
    title
  }
  ... on Claim {
    summary
    status
  }
  ... on Attribution {
    stance
    quote
    attSummary: summary
  }
}`),"\n  mutation RecordAttribution($input: AttributionInput!) {\n    recordAttribution(input: $input) { id stance claim { id summary status } }\n  }\n":new p(`
    mutation RecordAttribution($input: AttributionInput!) {
  recordAttribution(input: $input) {
    id
    stance
    claim {
      id
      summary
      status
    }
  }
}
    `)};function b(e){return y[e]??{}}b(`
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
`),b(`
  fragment Date on PartialDate { value precision earliest latest }
`),b(`
  fragment ActorLabel on Actor {
    __typename
    ... on Person { id name }
    ... on Organisation { id name }
    ... on Source { id title }
  }
`),b(`
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
`),b(`
  fragment ClaimAboutItem on ClaimAbout { role claim { id summary status pointInTime { ...Date } } }
`);var te=b(`
  query NodeLabels($ids: [ID!]!) {
    nodes(ids: $ids) { ...NodeLabel }
  }
`),x=b(`
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      hits { score node { ...NodeLabel } matched { field value } }
    }
  }
`),ne=b(`
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
`),re=b(`
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
`),ie=b(`
  query PlacePage($id: ID!) {
    place(id: $id) {
      id name aliases kind countryCode
      claimsAbout(first: 100) { ...ClaimAboutItem }
      hosted { subject { __typename ... on Event { id name } ... on Negotiation { id name } } }
    }
  }
`),ae=b(`
  query NegotiationPage($id: ID!) {
    negotiation(id: $id) {
      id name aliases topic status start { ...Date } end { ...Date }
      parties { side organisation { id name } }
      events { event { id name date { ...Date } } }
      places { place { id name } }
      claimsAbout(first: 100) { ...ClaimAboutItem }
    }
  }
`),oe=b(`
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
`),se=b(`
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
`),ce=b(`
  query AttributionPage($id: ID!) {
    attribution(id: $id) { id claim { id } }
  }
`),le=b(`
  query ClaimPage($id: ID!) {
    claim(id: $id) {
      id text language summary status rank pointInTime { ...Date }
      about { role entity { ...NodeLabel } }
      attributions(first: 100) { ...Statement }
    }
  }
`),ue=b(`
  query Neighbourhood($id: ID!, $hops: Int!, $max: Int!) {
    neighbourhood(id: $id, hops: $hops, maxNeighbours: $max) {
      nodes { ...NodeLabel }
      edges { id type source target role side count claim { id summary } }
    }
  }
`),de=b(`
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
`),fe=b(`
  query Timeline($id: ID!) {
    node(id: $id) { ...NodeLabel }
    timeline(id: $id, first: 200) { date { ...Date } what role node { ...NodeLabel } }
  }
`);b(`
  fragment Side on Attribution {
    id stance quote summary cue sourcing
    statedAt { ...Date }
    actor { ...ActorLabel }
    sources(first: 3) { id title language }
  }
`);var pe=b(`
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
`),me=b(`
  mutation Ingest($input: ArticleInput!) {
    ingestArticle(input: $input) {
      source { id title }
      mentions { count forms entity { ...NodeLabel } }
      suggestions { text count }
    }
  }
`),he=b(`
  mutation RecordAttribution($input: AttributionInput!) {
    recordAttribution(input: $input) { id stance claim { id summary status } }
  }
`),ge=[`Jan`,`Feb`,`Mar`,`Apr`,`May`,`Jun`,`Jul`,`Aug`,`Sep`,`Oct`,`Nov`,`Dec`];function S(e){let[t,n,r]=e.split(`-`).map(Number);return[t,n,r]}function _e(e,t){return new Date(Date.UTC(e,t,0)).getUTCDate()}var C=e=>{let[t,n,r]=S(e);return`${r} ${ge[n-1]} ${t}`};function ve(e){if(!e)return`undated`;let[t,n,r]=S(e.earliest),[i,a,o]=S(e.latest);switch(e.precision){case`MINUTE`:return`${C(e.earliest)} ${e.value.slice(11,16)}`;case`DAY`:return C(e.earliest);case`MONTH`:{let s=`${ge[n-1]} ${t}`;return t!==i||n!==a?`${C(e.earliest)} – ${C(e.latest)}`:r===1&&o===_e(t,n)?s:r===o?`${r} ${s}`:o===r+1?`${r} or ${o} ${s}`:r===1&&o<=10?`early ${s}`:r>=11&&o<=20?`mid ${s}`:r>=21&&o===_e(t,n)?`late ${s}`:`${r}–${o} ${s}`}case`YEAR`:return e.earliest.endsWith(`-01-01`)&&e.latest.endsWith(`-12-31`)&&t===i?String(t):`${e.value} (${C(e.earliest)} – ${C(e.latest)})`}return e.value}var w={ASSERTS:`asserts`,CONFIRMS:`confirms`,DENIES:`denies`,DECLINES_TO_RULE_OUT:`declines to rule out`,NEITHER_CONFIRMS_NOR_DENIES:`neither confirms nor denies`,REPORTS:`relays (not counted)`},T={Person:`Person`,Organisation:`Organisation`,Place:`Place`,Negotiation:`Negotiation`,Event:`Event`,Source:`Source`,Claim:`Claim`,Attribution:`Statement`},ye=[`Person`,`Organisation`,`Place`,`Negotiation`,`Event`,`Source`,`Claim`,`Attribution`];function E(e){if(!e)return`unnamed`;let t=e;return String(t.name??t.title??t.summary??t.attSummary??t.quote??e.id)}function be(e){let t=``;for(let n of e){let e=n===`ł`||n===`Ł`?`l`:n.normalize(`NFD`).replace(/\p{M}/gu,``).toLowerCase();t+=(e[0]??n).padEnd(n.length,` `)}return t}function xe(e,t){let n=be(e),r=be(t).split(/[^\p{L}\p{N}]+/u).filter(e=>e.length>=2).map(e=>e.slice(0,Math.max(2,Math.min(e.length,e.length>4?e.length-2:e.length)))),i=[],a=/[\p{L}\p{N}]+/gu;for(let e=a.exec(n);e;e=a.exec(n)){let t=e[0];r.some(e=>t.startsWith(e)||t.length>=4&&e.startsWith(t))&&i.push([e.index,e.index+t.length])}return i}var D=n();function Se(e){return window.addEventListener(`popstate`,e),window.addEventListener(`navigate`,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(`navigate`,e)}}var O=()=>location.pathname+location.search;function Ce(){return(0,o.useSyncExternalStore)(Se,O)}function k(e,t=!1){e!==O()&&(t?history.replaceState(null,``,e):history.pushState(null,``,e),window.dispatchEvent(new Event(`navigate`)),t||window.scrollTo(0,0))}function A(e){return`/`+e.split(`/`).map(encodeURIComponent).join(`/`)}function j({to:e,onClick:t,...n}){return(0,D.jsx)(`a`,{href:e,onClick:n=>{t?.(n),n.defaultPrevented||n.button!==0||n.metaKey||n.ctrlKey||n.shiftKey||n.altKey||(n.preventDefault(),k(e))},...n})}function M({stance:e}){return(0,D.jsx)(`span`,{className:`badge stance stance-${e}`,"data-stance":e,title:w[e],children:e})}function N({status:e}){return(0,D.jsx)(`span`,{className:`badge status status-${e}`,"data-status":e,children:e})}function P({type:e}){return(0,D.jsx)(`span`,{className:`badge type type-${e}`,children:T[e]??e})}function F({date:e}){return e?(0,D.jsx)(`time`,{dateTime:e.value,title:`${e.earliest} … ${e.latest} (${e.precision.toLowerCase()} precision)`,children:ve(e)}):(0,D.jsx)(`span`,{className:`muted`,children:`undated`})}function I({node:e}){return e?(0,D.jsx)(j,{to:A(e.id),children:E(e)}):(0,D.jsx)(`span`,{className:`muted`,children:`unnamed`})}function L({error:e}){if(!e)return null;let t=e;return(0,D.jsxs)(`div`,{className:`error`,role:`alert`,children:[(0,D.jsx)(`strong`,{children:t.code??`Error`}),`: `,t.message,t.field&&(0,D.jsxs)(D.Fragment,{children:[` `,`(field `,(0,D.jsx)(`code`,{children:t.field}),`)`]})]})}function R({what:e}){return(0,D.jsxs)(`p`,{className:`muted`,role:`status`,children:[`Loading `,e,`…`]})}function z({text:e,query:t}){let n=xe(e,t),r=[],i=0;return n.forEach(([t,n],a)=>{t>i&&r.push(e.slice(i,t)),r.push((0,D.jsx)(`mark`,{children:e.slice(t,n)},a)),i=n}),r.push(e.slice(i)),(0,D.jsx)(D.Fragment,{children:r})}function we({s:e}){return!e.cites.length&&!e.citedBy.length?null:(0,D.jsxs)(`div`,{className:`chain`,"data-testid":`reported-by`,children:[e.citedBy.map(e=>(0,D.jsxs)(`div`,{children:[(0,D.jsx)(`span`,{className:`muted`,children:`reported by `}),(0,D.jsx)(I,{node:e.actor}),e.citedBy.map(e=>(0,D.jsxs)(`span`,{children:[` `,(0,D.jsx)(`span`,{className:`muted`,children:`← relayed by`}),` `,(0,D.jsx)(I,{node:e.actor})]},e.id))]},e.id)),e.cites.length>0&&(0,D.jsxs)(`div`,{children:[(0,D.jsx)(`span`,{className:`muted`,children:`relays `}),e.cites.map((e,t)=>(0,D.jsxs)(`span`,{children:[t>0&&`, `,(0,D.jsx)(I,{node:e.actor}),e.cites.map(e=>(0,D.jsxs)(`span`,{children:[` `,(0,D.jsx)(`span`,{className:`muted`,children:`who relays`}),` `,(0,D.jsx)(I,{node:e.actor})]},e.id))]},e.id))]})]})}function B({s:e,showActor:t=!0,showClaim:n=!0}){return(0,D.jsxs)(`article`,{className:`statement`,id:e.id,"data-testid":`statement`,"aria-label":`${E(e.actor)} ${w[e.stance]}`,children:[(0,D.jsx)(V,{s:e,showActor:t}),e.cue&&(0,D.jsxs)(`p`,{className:`cue`,children:[(0,D.jsx)(`span`,{className:`muted`,children:`cue:`}),` `,(0,D.jsx)(`span`,{lang:e.sources[0]?.language,children:e.cue})]}),n&&(0,D.jsxs)(`p`,{className:`claimref`,children:[(0,D.jsx)(`span`,{className:`muted`,children:`on the claim`}),` `,(0,D.jsx)(j,{to:A(e.claim.id),children:e.claim.summary}),` `,(0,D.jsx)(N,{status:e.claim.status})]}),e.during&&(0,D.jsxs)(`p`,{children:[(0,D.jsx)(`span`,{className:`muted`,children:`said during`}),` `,(0,D.jsx)(j,{to:A(e.during.id),children:e.during.name})]}),(0,D.jsxs)(`p`,{className:`sources`,children:[(0,D.jsxs)(`span`,{className:`muted`,children:[e.sources.length===1?`source`:`sources`,`:`]}),` `,e.sources.map((e,t)=>(0,D.jsxs)(`span`,{children:[t>0&&`; `,(0,D.jsx)(j,{to:A(e.id),children:e.title}),e.publisher&&(0,D.jsxs)(`span`,{className:`muted`,children:[` (`,e.publisher.name,`)`]})]},e.id))]}),(0,D.jsx)(we,{s:e})]})}function V({s:e,showActor:t}){return(0,D.jsxs)(D.Fragment,{children:[(0,D.jsxs)(`header`,{children:[(0,D.jsx)(M,{stance:e.stance}),t&&(0,D.jsx)(`span`,{className:`actor`,children:e.actor?(0,D.jsx)(I,{node:e.actor}):(0,D.jsxs)(`span`,{className:`muted`,children:[e.sourcing.toLowerCase(),` source`]})}),(0,D.jsx)(`span`,{className:`when`,children:(0,D.jsx)(F,{date:e.statedAt})})]}),e.quote&&(0,D.jsxs)(`blockquote`,{lang:e.sources[0]?.language,className:`quote`,children:[`„`,e.quote,`”`]}),e.summary&&(0,D.jsx)(`p`,{className:`summary`,children:e.summary})]})}function Te({s:e}){return(0,D.jsxs)(`article`,{className:`statement`,id:e.id,"data-testid":`statement`,"aria-label":`${E(e.actor)} ${w[e.stance]}`,children:[(0,D.jsx)(V,{s:e,showActor:!0}),(0,D.jsxs)(`p`,{className:`sources`,children:[(0,D.jsxs)(`span`,{className:`muted`,children:[e.sources.length===1?`source`:`sources`,`:`]}),` `,e.sources.map((e,t)=>(0,D.jsxs)(`span`,{children:[t>0&&`; `,(0,D.jsx)(j,{to:A(e.id),children:e.title})]},e.id))]})]})}function H({label:e,value:t,onPick:n,types:r}){let i=(0,o.useId)(),[a,s]=(0,o.useState)(t?E(t):``),[c,l]=(0,o.useState)([]),[u,f]=(0,o.useState)(!1),[p,m]=(0,o.useState)(0),h=(0,o.useRef)(null);(0,o.useEffect)(()=>{if(s(t?E(t):``),!t||t.__typename)return;let e=new AbortController;return d(te,{ids:[t.id]},e.signal).then(e=>e.nodes[0]&&s(E(e.nodes[0])),()=>void 0),()=>e.abort()},[t]),(0,o.useEffect)(()=>{if(!u||a.trim().length<2){l([]);return}h.current?.abort();let e=new AbortController;return h.current=e,d(x,{text:a,first:20},e.signal).then(e=>l(e.search.hits.filter(e=>!r||r.includes(e.node.__typename)).slice(0,8)),()=>void 0),()=>e.abort()},[a,u,r]);let g=e=>{n(e.node),s(E(e.node)),f(!1)};return(0,D.jsxs)(`div`,{className:`picker`,children:[(0,D.jsx)(`label`,{htmlFor:i,children:e}),(0,D.jsx)(`input`,{id:i,role:`combobox`,"aria-expanded":u&&c.length>0,"aria-controls":`${i}-list`,"aria-autocomplete":`list`,value:a,autoComplete:`off`,onChange:e=>{s(e.target.value),f(!0),m(0),e.target.value||n(null)},onKeyDown:e=>{e.key===`ArrowDown`?m(e=>Math.min(e+1,c.length-1)):e.key===`ArrowUp`?m(e=>Math.max(e-1,0)):e.key===`Enter`&&c[p]?(e.preventDefault(),g(c[p])):e.key===`Escape`&&f(!1)},onBlur:()=>setTimeout(()=>f(!1),150)}),u&&c.length>0&&(0,D.jsx)(`ul`,{id:`${i}-list`,role:`listbox`,className:`picker-list`,children:c.map((e,t)=>(0,D.jsxs)(`li`,{role:`option`,"aria-selected":t===p,className:t===p?`active`:``,onMouseDown:t=>{t.preventDefault(),g(e)},children:[(0,D.jsx)(P,{type:e.node.__typename}),` `,E(e.node)]},e.node.id))})]})}function U(e){let t=window.__newsgraphTimings??={};t[e]??=Math.round(performance.now())}var Ee=e=>e===`ASSERTS`||e===`CONFIRMS`?`asserting`:e===`DENIES`?`denying`:e===`REPORTS`?`relaying`:`other`;function W({asserting:e,denying:t,other:n,relaying:r,card:i}){let a=(e,t,n)=>(0,D.jsxs)(`section`,{className:`side side-${e}`,"aria-label":t,"data-testid":`side-${e}`,children:[(0,D.jsxs)(`h3`,{children:[t,` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,n.length,`)`]})]}),n.length===0&&(0,D.jsx)(`p`,{className:`muted`,children:`nobody`}),n.map(e=>(0,D.jsx)(o.Fragment,{children:i(e)},e.id))]});return(0,D.jsxs)(`div`,{className:`sides`,children:[a(`asserting`,`Asserts or confirms`,e),a(`denying`,`Denies`,t),a(`other`,`Declines to rule out, or neither`,n),r&&r.length>0&&a(`relaying`,`Relays without endorsing (not counted)`,r)]})}function De({id:e}){let{data:t,error:n,loading:r}=f(le,{id:e}),i=t?.claim;if((0,o.useEffect)(()=>{if(!i)return;document.title=`${i.summary} · newsgraph`,U(`claim`);let e=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));e&&(e.classList.add(`target`),e.scrollIntoView())},[i]),r&&!i)return(0,D.jsx)(R,{what:`the claim`});if(n)return(0,D.jsx)(L,{error:n});if(!i)return(0,D.jsxs)(`p`,{role:`alert`,children:[`No claim has the id `,e,`.`]});let a=e=>i.attributions.filter(t=>Ee(t.stance)===e);return(0,D.jsxs)(`article`,{className:`claim`,"data-testid":`claim-page`,children:[(0,D.jsxs)(`header`,{className:`page-header`,children:[(0,D.jsx)(P,{type:`Claim`}),` `,(0,D.jsx)(N,{status:i.status}),i.rank!==`NORMAL`&&(0,D.jsx)(`span`,{className:`badge`,children:i.rank}),(0,D.jsx)(`h1`,{children:i.summary}),(0,D.jsx)(`blockquote`,{lang:i.language,className:`quote`,children:i.text}),(0,D.jsxs)(`p`,{children:[(0,D.jsx)(`span`,{className:`muted`,children:`when:`}),` `,(0,D.jsx)(F,{date:i.pointInTime}),` · `,(0,D.jsx)(`span`,{className:`muted`,children:`about:`}),` `,i.about.map((e,t)=>(0,D.jsxs)(`span`,{children:[t>0&&`, `,(0,D.jsx)(I,{node:e.entity}),` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,e.role.toLowerCase(),`)`]})]},e.entity.id+e.role))]}),(0,D.jsx)(`nav`,{"aria-label":`Views of this claim`,className:`actions`,children:(0,D.jsx)(j,{to:`/graph${A(i.id)}`,children:`Graph`})})]}),(0,D.jsx)(`h2`,{children:`Who says what`}),(0,D.jsx)(W,{asserting:a(`asserting`),denying:a(`denying`),other:a(`other`),relaying:a(`relaying`),card:e=>(0,D.jsx)(B,{s:e,showClaim:!1})})]})}function Oe({params:e}){let t=e.get(`about`),n=(0,o.useMemo)(()=>t?{id:t}:null,[t]),{data:r,error:i,loading:a}=f(pe,{about:t,aboutList:t?[t]:null}),s=new Set(r?.disputes.map(e=>e.claim.id)),c=r?.claims.nodes.filter(e=>!s.has(e.id))??[];return(0,D.jsxs)(`section`,{"aria-labelledby":`disputes-title`,children:[(0,D.jsx)(`h1`,{id:`disputes-title`,children:`Disputed claims`}),(0,D.jsxs)(`div`,{className:`form-grid`,children:[(0,D.jsx)(H,{label:`About`,value:n,onPick:e=>k(e?`/disputes?about=${encodeURIComponent(e.id)}`:`/disputes`),types:[`Person`,`Organisation`,`Place`,`Negotiation`,`Event`,`Source`]}),t&&(0,D.jsxs)(`p`,{children:[`Showing disputes about `,(0,D.jsx)(j,{to:A(t),children:t}),` · `,(0,D.jsx)(j,{to:`/disputes`,children:`all disputes`})]})]}),(0,D.jsx)(L,{error:i}),a&&(0,D.jsx)(R,{what:`disputes`}),r&&r.disputes.length===0&&(0,D.jsxs)(`p`,{role:`status`,children:[`No disputed claims`,t?` about this entity`:``,`.`]}),r?.disputes.map(e=>(0,D.jsxs)(`article`,{className:`dispute`,"data-testid":`dispute`,children:[(0,D.jsxs)(`h2`,{children:[(0,D.jsx)(N,{status:e.claim.status}),` `,(0,D.jsx)(j,{to:A(e.claim.id),children:e.claim.summary}),` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,(0,D.jsx)(F,{date:e.claim.pointInTime}),`)`]})]}),(0,D.jsx)(W,{asserting:e.asserting,denying:e.denying,other:e.other,card:e=>(0,D.jsx)(Te,{s:e})})]},e.claim.id)),c.length>0&&(0,D.jsxs)(`section`,{children:[(0,D.jsx)(`h2`,{children:`More disputed claims`}),(0,D.jsxs)(`p`,{className:`muted`,children:[`Both sides are shown for the first `,r?.disputes.length,`; open a claim for the others.`]}),(0,D.jsx)(`ul`,{className:`plain`,children:c.map(e=>(0,D.jsxs)(`li`,{children:[(0,D.jsx)(j,{to:A(e.id),children:e.summary}),` `,(0,D.jsx)(F,{date:e.pointInTime})]},e.id))})]})]})}var ke=[`ASSERTS`,`CONFIRMS`,`DENIES`,`DECLINES_TO_RULE_OUT`,`NEITHER_CONFIRMS_NOR_DENIES`,`REPORTS`];function G({name:e,label:t,error:n,textarea:r,...i}){let a=!(!n?.field||n.field!==e&&!n.field.endsWith(`.`+e)),o=`f-${e}`;return(0,D.jsxs)(`div`,{className:a?`field invalid`:`field`,children:[(0,D.jsx)(`label`,{htmlFor:o,children:t}),r?(0,D.jsx)(`textarea`,{id:o,name:e,"aria-invalid":a,...i}):(0,D.jsx)(`input`,{id:o,name:e,"aria-invalid":a,...i}),a&&(0,D.jsx)(`span`,{className:`field-error`,role:`alert`,children:n.message})]})}function Ae(){let[e,t]=(0,o.useState)(c()),[n,r]=(0,o.useState)(!!c());return(0,D.jsxs)(`form`,{className:`key-form`,onSubmit:t=>{t.preventDefault(),l(e.trim()),r(!!e.trim())},children:[(0,D.jsx)(`label`,{htmlFor:`api-key`,children:`API key (editor role)`}),(0,D.jsx)(`input`,{id:`api-key`,type:`password`,autoComplete:`off`,value:e,onChange:e=>t(e.target.value)}),(0,D.jsx)(`button`,{type:`submit`,children:`Use this key`}),(0,D.jsx)(`span`,{role:`status`,className:`muted`,children:n?`Key kept for this tab only (session storage).`:`No key: reading only.`})]})}function je(){let[e,t]=(0,o.useState)(),[n,r]=(0,o.useState)(),[i,a]=(0,o.useState)(!1);return(0,D.jsxs)(`section`,{"aria-labelledby":`ingest-title`,children:[(0,D.jsx)(`h2`,{id:`ingest-title`,children:`Ingest an article`}),(0,D.jsxs)(`form`,{onSubmit:async e=>{e.preventDefault();let n=new FormData(e.currentTarget),i=e=>String(n.get(e)??``).trim();a(!0),t(void 0);try{let e=await d(me,{input:{title:i(`title`),language:i(`language`)||`pl`,text:i(`text`),url:i(`url`)||null,publishedAt:i(`publishedAt`)?{value:i(`publishedAt`)}:null}});r(e.ingestArticle)}catch(e){t(e),r(void 0)}finally{a(!1)}},className:`form-grid`,"aria-describedby":`ingest-help`,children:[(0,D.jsx)(`p`,{id:`ingest-help`,className:`muted wide`,children:`Paste an article: the service records it as a Source and links the people, organisations, places, negotiations and events its text names, whatever the inflection.`}),(0,D.jsx)(G,{name:`title`,label:`Title`,error:e,required:!0}),(0,D.jsx)(G,{name:`language`,label:`Language (BCP 47)`,error:e,defaultValue:`pl`}),(0,D.jsx)(G,{name:`url`,label:`URL`,error:e}),(0,D.jsx)(G,{name:`publishedAt`,label:`Published (e.g. 2025-03 or 2025-03-19)`,error:e}),(0,D.jsx)(`div`,{className:`wide`,children:(0,D.jsx)(G,{name:`text`,label:`Text`,error:e,textarea:!0,rows:8,required:!0})}),(0,D.jsx)(`div`,{children:(0,D.jsx)(`button`,{type:`submit`,disabled:i,children:i?`Ingesting…`:`Ingest`})})]}),(0,D.jsx)(L,{error:e}),n&&(0,D.jsxs)(`div`,{"data-testid":`ingest-result`,role:`status`,children:[(0,D.jsxs)(`p`,{children:[`Recorded `,(0,D.jsx)(j,{to:A(n.source.id),children:n.source.title}),`.`]}),(0,D.jsxs)(`h3`,{children:[`Linked mentions (`,n.mentions.length,`)`]}),(0,D.jsx)(`ul`,{className:`plain`,children:n.mentions.map(e=>(0,D.jsxs)(`li`,{children:[(0,D.jsx)(P,{type:e.entity.__typename}),` `,(0,D.jsx)(I,{node:e.entity}),` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`×`,e.count,` as`]}),` `,(0,D.jsx)(`span`,{lang:`pl`,children:e.forms.join(`, `)})]},e.entity.id))}),(0,D.jsxs)(`h3`,{children:[`Unlinked names (`,n.suggestions.length,`)`]}),(0,D.jsx)(`ul`,{className:`plain columns`,children:n.suggestions.map(e=>(0,D.jsxs)(`li`,{lang:`pl`,children:[e.text,` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`×`,e.count]})]},e.text))})]})]})}function Me(){let[e,t]=(0,o.useState)(),[n,r]=(0,o.useState)();return(0,D.jsxs)(`section`,{"aria-labelledby":`attr-title`,children:[(0,D.jsx)(`h2`,{id:`attr-title`,children:`Record an attribution`}),(0,D.jsxs)(`form`,{onSubmit:async e=>{e.preventDefault();let n=new FormData(e.currentTarget),i=e=>String(n.get(e)??``).trim(),a=e=>i(e)||null;t(void 0);try{let e=await d(he,{input:{id:i(`id`),claim:a(`claim`),newClaim:i(`claim`)?null:{id:i(`newClaimId`),text:a(`newClaimText`),summary:a(`newClaimSummary`),language:a(`newClaimLanguage`)},actor:a(`actor`),stance:i(`stance`),quote:a(`quote`),summary:a(`summary`),cue:a(`cue`),statedAt:i(`statedAt`)?{value:i(`statedAt`)}:null,sources:i(`sources`).split(`,`).map(e=>e.trim()).filter(Boolean)}});r(e.recordAttribution)}catch(e){t(e),r(void 0)}},className:`form-grid`,children:[(0,D.jsx)(G,{name:`id`,label:`Attribution id`,error:e,placeholder:`attribution/…`,required:!0}),(0,D.jsx)(G,{name:`actor`,label:`Actor id (person, organisation or source)`,error:e,placeholder:`person/dmitry-peskov`}),(0,D.jsxs)(`div`,{className:`field`,children:[(0,D.jsx)(`label`,{htmlFor:`f-stance`,children:`Stance`}),(0,D.jsx)(`select`,{id:`f-stance`,name:`stance`,defaultValue:`ASSERTS`,children:ke.map(e=>(0,D.jsx)(`option`,{value:e,children:e},e))})]}),(0,D.jsx)(G,{name:`claim`,label:`Existing claim id (or fill in a new claim below)`,error:e,placeholder:`claim/…`}),(0,D.jsx)(G,{name:`newClaimId`,label:`New claim id`,error:e,placeholder:`claim/…`}),(0,D.jsx)(G,{name:`newClaimLanguage`,label:`New claim language`,error:e,defaultValue:`pl`}),(0,D.jsx)(G,{name:`newClaimText`,label:`New claim text (original language)`,error:e}),(0,D.jsx)(G,{name:`newClaimSummary`,label:`New claim summary (English)`,error:e}),(0,D.jsx)(G,{name:`quote`,label:`Verbatim quote (must occur in the sources' text)`,error:e}),(0,D.jsx)(G,{name:`summary`,label:`English summary`,error:e}),(0,D.jsx)(G,{name:`cue`,label:`Cue (e.g. przyznał Pieskow)`,error:e}),(0,D.jsx)(G,{name:`statedAt`,label:`Stated (e.g. 2025-03)`,error:e}),(0,D.jsx)(G,{name:`sources`,label:`Source ids (comma-separated)`,error:e,required:!0}),(0,D.jsx)(`div`,{children:(0,D.jsx)(`button`,{type:`submit`,children:`Record`})})]}),(0,D.jsx)(L,{error:e}),n&&(0,D.jsxs)(`p`,{role:`status`,"data-testid":`attribution-result`,children:[`Recorded: `,(0,D.jsx)(M,{stance:n.stance}),` on `,(0,D.jsx)(j,{to:A(n.claim.id),children:n.claim.summary}),` `,(0,D.jsx)(N,{status:n.claim.status})]})]})}function Ne(){return(0,D.jsxs)(`section`,{"aria-labelledby":`editor-title`,children:[(0,D.jsx)(`h1`,{id:`editor-title`,children:`For editors`}),(0,D.jsx)(Ae,{}),(0,D.jsx)(je,{}),(0,D.jsx)(Me,{})]})}function K({items:e}){return e.length?(0,D.jsxs)(`section`,{"aria-labelledby":`claims-about`,children:[(0,D.jsx)(`h2`,{id:`claims-about`,children:`Claims about it`}),(0,D.jsx)(`ul`,{className:`plain`,children:e.map(e=>(0,D.jsxs)(`li`,{children:[(0,D.jsx)(N,{status:e.claim.status}),` `,(0,D.jsx)(j,{to:A(e.claim.id),children:e.claim.summary}),` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,e.role.toLowerCase(),`, `,(0,D.jsx)(F,{date:e.claim.pointInTime}),`)`]})]},e.claim.id+e.role))})]}):null}function q({title:e,items:t,showActor:n=!1}){return t.length?(0,D.jsxs)(`section`,{"aria-label":e,children:[(0,D.jsx)(`h2`,{children:e}),t.map(e=>(0,D.jsx)(B,{s:e,showActor:n},e.id))]}):null}function J({items:e}){return e.length?(0,D.jsxs)(`section`,{children:[(0,D.jsx)(`h2`,{children:`Events`}),(0,D.jsx)(`ul`,{className:`plain`,children:e.map(e=>(0,D.jsxs)(`li`,{children:[(0,D.jsx)(j,{to:A(e.event.id),children:e.event.name}),` `,e.role&&(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,e.role.toLowerCase(),`)`]}),` `,(0,D.jsx)(F,{date:e.event.date})]},e.event.id+e.role))})]}):null}function Y({title:e,items:t}){return t.length?(0,D.jsxs)(`section`,{children:[(0,D.jsx)(`h2`,{children:e}),(0,D.jsx)(`ul`,{className:`plain`,children:t.map(e=>(0,D.jsxs)(`li`,{children:[(0,D.jsx)(j,{to:A(e.id),children:e.label}),` `,e.extra]},e.id+e.label))})]}):null}var X=e=>e?e.toLowerCase().replace(/_/g,` `):``;function Z({id:e,kind:t,state:n,pick:r,children:i}){let a=n.data?r(n.data):void 0;return(0,o.useEffect)(()=>{a&&(document.title=`${a.name} · newsgraph`,U(`entity`))},[a]),n.loading&&!n.data?(0,D.jsx)(R,{what:`the page`}):n.error?(0,D.jsx)(L,{error:n.error}):!a||!n.data?(0,D.jsxs)(`p`,{role:`alert`,children:[`Nothing has the id `,e,`.`]}):(0,D.jsxs)(`article`,{className:`entity`,"data-testid":`entity-page`,children:[(0,D.jsxs)(`header`,{className:`page-header`,children:[(0,D.jsx)(P,{type:t}),(0,D.jsx)(`h1`,{children:a.name}),a.aliases&&a.aliases.length>0&&(0,D.jsxs)(`p`,{className:`aliases`,children:[(0,D.jsx)(`span`,{className:`muted`,children:`also:`}),` `,a.aliases.join(` · `)]}),a.description&&(0,D.jsx)(`p`,{children:a.description}),(0,D.jsxs)(`nav`,{"aria-label":`Views of this entity`,className:`actions`,children:[(0,D.jsx)(j,{to:`/graph${A(e)}`,children:`Graph`}),(0,D.jsx)(j,{to:`/timeline${A(e)}`,children:`Timeline`}),(0,D.jsx)(j,{to:`/disputes?about=${encodeURIComponent(e)}`,children:`Disputes`}),(0,D.jsx)(j,{to:`/paths?from=${encodeURIComponent(e)}`,children:`Paths from here`})]})]}),i(n.data)]})}function Pe({id:e}){let t=f(ne,{id:e});return(0,D.jsx)(Z,{id:e,kind:`Person`,state:t,pick:e=>e.person,children:({person:e})=>e&&(0,D.jsxs)(D.Fragment,{children:[e.memberships.length>0&&(0,D.jsxs)(`section`,{"aria-labelledby":`memberships`,children:[(0,D.jsx)(`h2`,{id:`memberships`,children:`Memberships and roles`}),(0,D.jsx)(`ul`,{className:`plain`,children:e.memberships.map(e=>(0,D.jsxs)(`li`,{children:[e.role??`member`,` of `,(0,D.jsx)(j,{to:A(e.organisation.id),children:e.organisation.name}),(e.start||e.end)&&(0,D.jsxs)(`span`,{className:`muted`,children:[` `,`(`,(0,D.jsx)(F,{date:e.start}),` – `,(0,D.jsx)(F,{date:e.end}),`)`]}),e.claim&&(0,D.jsxs)(D.Fragment,{children:[` `,(0,D.jsx)(j,{to:A(e.claim.id),className:`muted`,children:`[the claim]`})]})]},e.organisation.id+e.role))})]}),(0,D.jsx)(q,{title:`Statements`,items:e.statements}),(0,D.jsx)(K,{items:e.claimsAbout}),(0,D.jsx)(J,{items:e.events}),(0,D.jsx)(Y,{title:`Wrote`,items:e.authored.map(e=>({id:e.id,label:e.title}))})]})})}function Fe({id:e}){let t=f(re,{id:e});return(0,D.jsx)(Z,{id:e,kind:`Organisation`,state:t,pick:e=>e.organisation,children:({organisation:e})=>e&&(0,D.jsxs)(D.Fragment,{children:[(0,D.jsxs)(`p`,{className:`muted`,children:[X(e.kind),e.country&&` · ${e.country}`]}),(0,D.jsx)(Y,{title:`Members and roles`,items:e.members.map(e=>({id:e.person.id,label:e.person.name,extra:(0,D.jsx)(`span`,{className:`muted`,children:e.role??`member`})}))}),(0,D.jsx)(q,{title:`Statements`,items:e.statements}),(0,D.jsx)(K,{items:e.claimsAbout}),(0,D.jsx)(J,{items:e.events}),(0,D.jsx)(Y,{title:`Party to`,items:e.negotiations.map(e=>({id:e.negotiation.id,label:e.negotiation.name,extra:e.side&&(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,e.side,`)`]})}))}),(0,D.jsx)(Y,{title:`Published`,items:e.published.map(e=>({id:e.id,label:e.title,extra:(0,D.jsx)(F,{date:e.publishedAt})}))})]})})}function Ie({id:e}){let t=f(ie,{id:e});return(0,D.jsx)(Z,{id:e,kind:`Place`,state:t,pick:e=>e.place,children:({place:e})=>e&&(0,D.jsxs)(D.Fragment,{children:[(0,D.jsxs)(`p`,{className:`muted`,children:[X(e.kind),e.countryCode&&` · ${e.countryCode}`]}),(0,D.jsx)(K,{items:e.claimsAbout}),(0,D.jsx)(Y,{title:`Held here`,items:e.hosted.flatMap(e=>`id`in e.subject?[{id:e.subject.id,label:e.subject.name}]:[])})]})})}function Le({id:e}){let t=f(ae,{id:e});return(0,D.jsx)(Z,{id:e,kind:`Negotiation`,state:t,pick:e=>e.negotiation,children:({negotiation:e})=>e&&(0,D.jsxs)(D.Fragment,{children:[(0,D.jsxs)(`p`,{children:[e.topic,` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`· `,X(e.status),` ·`]}),` `,(0,D.jsx)(F,{date:e.start}),` – `,(0,D.jsx)(F,{date:e.end})]}),(0,D.jsx)(Y,{title:`Parties`,items:e.parties.map(e=>({id:e.organisation.id,label:e.organisation.name,extra:e.side&&(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,e.side,`)`]})}))}),(0,D.jsx)(J,{items:e.events}),(0,D.jsx)(Y,{title:`Places`,items:e.places.map(e=>({id:e.place.id,label:e.place.name}))}),(0,D.jsx)(K,{items:e.claimsAbout})]})})}function Re({id:e}){let t=f(oe,{id:e});return(0,D.jsx)(Z,{id:e,kind:`Event`,state:t,pick:e=>e.event,children:({event:e})=>e&&(0,D.jsxs)(D.Fragment,{children:[(0,D.jsxs)(`p`,{children:[(0,D.jsxs)(`span`,{className:`muted`,children:[X(e.kind),` ·`]}),` `,(0,D.jsx)(F,{date:e.date})]}),(0,D.jsxs)(`section`,{children:[(0,D.jsx)(`h2`,{children:`Participants`}),(0,D.jsx)(`ul`,{className:`plain`,children:e.participants.map((e,t)=>(0,D.jsxs)(`li`,{children:[(0,D.jsx)(I,{node:`id`in e.participant?e.participant:null}),` `,e.role&&(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,e.role.toLowerCase(),`)`]})]},t))})]}),(0,D.jsx)(Y,{title:`Places`,items:e.places.map(e=>({id:e.place.id,label:e.place.name}))}),(0,D.jsx)(Y,{title:`Part of`,items:e.negotiations.map(e=>({id:e.negotiation.id,label:e.negotiation.name}))}),(0,D.jsx)(q,{title:`Said during this event`,items:e.statements,showActor:!0}),(0,D.jsx)(K,{items:e.claimsAbout})]})})}function ze({id:e}){let t=f(se,{id:e});return(0,D.jsx)(Z,{id:e,kind:`Source`,state:t,pick:e=>e.source&&{name:e.source.title},children:({source:e})=>e&&(0,D.jsxs)(D.Fragment,{children:[(0,D.jsxs)(`p`,{children:[(0,D.jsxs)(`span`,{className:`muted`,children:[X(e.kind),` · `]}),(0,D.jsx)(`span`,{children:e.language}),` · `,(0,D.jsx)(F,{date:e.publishedAt}),e.publisher&&(0,D.jsxs)(D.Fragment,{children:[` `,`· published by `,(0,D.jsx)(j,{to:A(e.publisher.id),children:e.publisher.name})]}),e.authors.map(e=>(0,D.jsxs)(`span`,{children:[` `,`· by `,(0,D.jsx)(j,{to:A(e.id),children:e.name})]},e.id))]}),e.url&&(0,D.jsxs)(`p`,{children:[`Original: `,(0,D.jsx)(`span`,{className:`url`,children:e.url})]}),(0,D.jsx)(Y,{title:`Relays`,items:e.cites.map(e=>({id:e.id,label:e.title}))}),(0,D.jsx)(Y,{title:`Relayed by`,items:e.citedBy.map(e=>({id:e.id,label:e.title}))}),(0,D.jsx)(q,{title:`In its own voice`,items:e.statements}),(0,D.jsx)(q,{title:`What we read here`,items:e.attributions,showActor:!0}),e.mentions.length>0&&(0,D.jsxs)(`section`,{children:[(0,D.jsx)(`h2`,{children:`Mentions`}),(0,D.jsx)(`ul`,{className:`plain columns`,children:e.mentions.map(e=>(0,D.jsxs)(`li`,{children:[(0,D.jsx)(I,{node:e.entity}),` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`×`,e.count??1]})]},e.entity.id))})]}),e.text&&(0,D.jsxs)(`details`,{children:[(0,D.jsx)(`summary`,{children:`Full text`}),(0,D.jsx)(`p`,{lang:e.language,className:`fulltext`,children:e.text})]})]})})}function Be({id:e}){let{data:t,error:n}=f(ce,{id:e});return(0,o.useEffect)(()=>{t?.attribution&&k(`${A(t.attribution.claim.id)}#${encodeURIComponent(e)}`,!0)},[t,e]),n?(0,D.jsx)(L,{error:n}):t&&!t.attribution?(0,D.jsxs)(`p`,{role:`alert`,children:[`Nothing has the id `,e,`.`]}):(0,D.jsx)(R,{what:`the statement`})}function Ve({id:e}){switch(e.split(`/`)[0]){case`person`:return(0,D.jsx)(Pe,{id:e});case`organisation`:return(0,D.jsx)(Fe,{id:e});case`place`:return(0,D.jsx)(Ie,{id:e});case`negotiation`:return(0,D.jsx)(Le,{id:e});case`event`:return(0,D.jsx)(Re,{id:e});case`source`:return(0,D.jsx)(ze,{id:e});case`attribution`:return(0,D.jsx)(Be,{id:e})}return(0,D.jsxs)(`p`,{role:`alert`,children:[`Unknown kind of id: `,e]})}var He=[`Person`,`Organisation`,`Place`,`Negotiation`,`Event`,`Source`,`Claim`];function Ue({params:e}){let t=e.get(`from`)??``,n=e.get(`to`)??``,r=(e.get(`avoid`)??``).split(`,`).filter(Boolean),i=Number(e.get(`maxDegree`)??0)||0,a=Number(e.get(`maxHops`)??4)||4,[s,c]=(0,o.useState)(t?{id:t}:null),[l,u]=(0,o.useState)(n?{id:n}:null),[d,p]=(0,o.useState)(r.join(`, `)),[m,h]=(0,o.useState)(String(i)),[g,ee]=(0,o.useState)(String(a)),_=!!(t&&n),{data:v,error:y,loading:b}=f(de,{from:t,to:n,maxHops:a,avoid:r.length?r:null,maxDegree:i},!_),te=()=>{if(!s||!l)return;let e=new URLSearchParams({from:s.id,to:l.id,maxHops:g,maxDegree:m}),t=d.split(`,`).map(e=>e.trim()).filter(Boolean);t.length&&e.set(`avoid`,t.join(`,`)),k(`/paths?${e}`)};return(0,D.jsxs)(`section`,{"aria-labelledby":`paths-title`,children:[(0,D.jsx)(`h1`,{id:`paths-title`,children:`Paths between two entities`}),(0,D.jsxs)(`form`,{className:`form-grid`,onSubmit:e=>{e.preventDefault(),te()},children:[(0,D.jsx)(H,{label:`From`,value:s,onPick:c,types:He}),(0,D.jsx)(H,{label:`To`,value:l,onPick:u,types:He}),(0,D.jsxs)(`div`,{children:[(0,D.jsx)(`label`,{htmlFor:`avoid`,children:`Avoid (ids, comma-separated)`}),(0,D.jsx)(`input`,{id:`avoid`,value:d,onChange:e=>p(e.target.value),placeholder:`source/pl-article-2025-03-trump-putin-calls`})]}),(0,D.jsxs)(`div`,{children:[(0,D.jsx)(`label`,{htmlFor:`maxDegree`,children:`Skip hubs with more than (0: off)`}),(0,D.jsx)(`input`,{id:`maxDegree`,type:`number`,min:0,value:m,onChange:e=>h(e.target.value)})]}),(0,D.jsxs)(`div`,{children:[(0,D.jsx)(`label`,{htmlFor:`maxHops`,children:`Max hops (1–6)`}),(0,D.jsx)(`input`,{id:`maxHops`,type:`number`,min:1,max:6,value:g,onChange:e=>ee(e.target.value)})]}),(0,D.jsx)(`div`,{children:(0,D.jsx)(`button`,{type:`submit`,disabled:!s||!l,children:`Find paths`})})]}),(0,D.jsx)(L,{error:y}),b&&_&&(0,D.jsx)(R,{what:`paths`}),v&&v.paths.length===0&&(0,D.jsxs)(`p`,{role:`status`,children:[`No path within `,a,` hops.`]}),v&&v.paths.length>0&&(0,D.jsx)(`ol`,{className:`paths`,"aria-label":`Paths`,children:v.paths.map((e,t)=>(0,D.jsxs)(`li`,{className:`path`,"data-testid":`path`,children:[(0,D.jsxs)(`h2`,{children:[`Path `,t+1,` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,e.length,` steps)`]})]}),(0,D.jsx)(`ol`,{className:`steps`,children:e.steps.map((e,t)=>(0,D.jsxs)(`li`,{className:`step`,"data-testid":`path-step`,children:[(0,D.jsxs)(`div`,{className:`step-line`,children:[(0,D.jsx)(P,{type:e.from.__typename}),` `,(0,D.jsx)(I,{node:e.from}),` `,(0,D.jsx)(`span`,{className:`rel`,children:e.direction===`FORWARD`?`—${e.type}${e.role?` (${e.role})`:``}→`:`←${e.type}${e.role?` (${e.role})`:``}—`}),` `,(0,D.jsx)(P,{type:e.to.__typename}),` `,(0,D.jsx)(I,{node:e.to})]}),e.claim&&(0,D.jsxs)(`div`,{className:`step-claim`,children:[(0,D.jsx)(`span`,{className:`muted`,children:`claim:`}),` `,(0,D.jsx)(j,{to:A(e.claim.id),children:e.claim.summary}),` `,(0,D.jsx)(N,{status:e.claim.status})]}),e.sources.length>0&&(0,D.jsxs)(`div`,{className:`step-sources`,children:[(0,D.jsx)(`span`,{className:`muted`,children:`sources:`}),` `,e.sources.map((e,t)=>(0,D.jsxs)(`span`,{children:[t>0&&`; `,(0,D.jsx)(j,{to:A(e.id),children:e.title})]},e.id))]})]},t))})]},t))})]})}function We({q:e}){let[t,n]=(0,o.useState)(e),[r,i]=(0,o.useState)(e),a=(0,o.useRef)(null);(0,o.useEffect)(()=>a.current?.focus(),[]),(0,o.useEffect)(()=>{let e=setTimeout(()=>{i(t),k(t?`/search?q=${encodeURIComponent(t)}`:`/`,!0)},200);return()=>clearTimeout(e)},[t]);let s=r.trim(),{data:c,error:l,loading:u}=f(x,{text:s,first:50},s.length<2),d=c?.search.hits??[],p=ye.map(e=>[e,d.filter(t=>t.node.__typename===e)]).filter(([,e])=>e.length>0);return(0,D.jsxs)(`section`,{"aria-labelledby":`search-title`,children:[(0,D.jsx)(`h1`,{id:`search-title`,children:`Who said what about whom`}),(0,D.jsx)(`p`,{className:`muted`,children:`Search people, organisations, places, negotiations, events, sources, claims and quotes. Polish inflection and diacritics are ignored: “Pieskow”, “Putinem” and “zelenski” all work.`}),(0,D.jsxs)(`form`,{role:`search`,onSubmit:e=>e.preventDefault(),children:[(0,D.jsx)(`label`,{htmlFor:`search`,className:`visually-hidden`,children:`Search the graph`}),(0,D.jsx)(`input`,{id:`search`,ref:a,type:`search`,className:`search-input`,placeholder:`Search: Pieskow, Kreml, rozmowa telefoniczna…`,value:t,onChange:e=>n(e.target.value),autoComplete:`off`})]}),(0,D.jsx)(L,{error:l}),(0,D.jsx)(`div`,{"aria-live":`polite`,className:`muted`,children:s.length>=2&&!u&&!l&&`${d.length} result${d.length===1?``:`s`}`}),p.map(([e,t])=>(0,D.jsxs)(`section`,{className:`result-group`,"aria-label":T[e],children:[(0,D.jsxs)(`h2`,{children:[T[e],` `,(0,D.jsxs)(`span`,{className:`muted`,children:[`(`,t.length,`)`]})]}),(0,D.jsx)(`ul`,{className:`results`,children:t.map(e=>(0,D.jsxs)(`li`,{"data-testid":`search-hit`,children:[(0,D.jsx)(j,{to:A(e.node.id),className:`result-title`,children:(0,D.jsx)(z,{text:E(e.node),query:s})}),` `,(0,D.jsx)(P,{type:e.node.__typename}),e.node.__typename===`Claim`&&`status`in e.node&&(0,D.jsx)(N,{status:e.node.status}),e.node.__typename===`Attribution`&&`stance`in e.node&&(0,D.jsx)(M,{stance:e.node.stance}),(0,D.jsx)(`ul`,{className:`matched`,children:e.matched.map((e,t)=>(0,D.jsxs)(`li`,{children:[(0,D.jsxs)(`span`,{className:`muted`,children:[e.field,`:`]}),` `,(0,D.jsx)(z,{text:e.value,query:s})]},t))})]},e.node.id))})]},e))]})}var Q=864e5,$=e=>Date.parse(e+`T00:00:00Z`)/Q;function Ge({id:e}){let{data:t,error:n,loading:r}=f(fe,{id:e});if((0,o.useEffect)(()=>{t&&U(`timeline`)},[t]),r&&!t)return(0,D.jsx)(R,{what:`the timeline`});if(n)return(0,D.jsx)(L,{error:n});if(!t)return null;let i=t.timeline,a=t.node?E(t.node):e;if(i.length===0)return(0,D.jsxs)(`p`,{children:[`Nothing dated about `,a,`.`]});let s=Math.min(...i.map(e=>$(e.date.earliest))),c=Math.max(...i.map(e=>$(e.date.latest)))+1,l=Math.max(c-s,1),u=e=>(e-s)/l*100,d=[];for(let e=new Date(s*Q).getUTCFullYear();e<=new Date(c*Q).getUTCFullYear();e++)d.push(e);return(0,D.jsxs)(`section`,{"aria-labelledby":`timeline-title`,"data-testid":`timeline`,children:[(0,D.jsxs)(`h1`,{id:`timeline-title`,children:[`Timeline of `,(0,D.jsx)(j,{to:A(e),children:a})]}),(0,D.jsx)(`p`,{className:`muted`,children:`Bars span every day a date can mean: a month-precision date is a bar over its month (or the part of it the text supports), a year a bar over the year.`}),(0,D.jsxs)(`div`,{className:`timeline`,children:[(0,D.jsx)(`div`,{className:`tl-axis`,"aria-hidden":`true`,children:d.map(e=>{let t=u(Date.UTC(e,0,1)/Q);return t>=0&&t<=100?(0,D.jsx)(`span`,{className:`tl-year`,style:{left:`${t}%`},children:e},e):null})}),(0,D.jsx)(`ol`,{className:`tl-rows`,children:i.map((e,t)=>{let n=$(e.date.earliest),r=$(e.date.latest)+1,i=ve(e.date);return(0,D.jsxs)(`li`,{className:`tl-row`,"data-testid":`timeline-entry`,"data-value":e.date.value,children:[(0,D.jsxs)(`div`,{className:`tl-label`,children:[(0,D.jsx)(`span`,{className:`tl-date`,children:i}),` `,(0,D.jsx)(P,{type:e.node.__typename}),` `,(0,D.jsx)(I,{node:e.node}),` `,(0,D.jsxs)(`span`,{className:`muted`,children:[e.what.toLowerCase().replace(/_/g,` `),e.role&&` · ${e.role.toLowerCase()}`]})]}),(0,D.jsx)(`div`,{className:`tl-track`,children:(0,D.jsx)(`span`,{className:`tl-bar tl-${e.date.precision}`,"data-testid":`timeline-bar`,"data-earliest":e.date.earliest,"data-latest":e.date.latest,role:`img`,"aria-label":`${i}: ${e.date.earliest} to ${e.date.latest}`,title:`${i} (${e.date.earliest} … ${e.date.latest})`,style:{left:`${u(n)}%`,width:`${Math.max((r-n)/l*100,.4)}%`}})})]},t)})})]})]})}var Ke=(0,o.lazy)(()=>i(()=>import(`./GraphPage-DkZILT8j.js`),__vite__mapDeps([0,1,2]))),qe=new Set([`person`,`organisation`,`place`,`negotiation`,`event`,`source`,`claim`,`attribution`]);function Je({path:e,params:t}){let n=e.split(`/`).filter(Boolean).map(decodeURIComponent),[r,...i]=n,a=e=>e.join(`/`);return!r||r===`search`?(0,D.jsx)(We,{q:t.get(`q`)??``}):r===`claim`&&i.length?(0,D.jsx)(De,{id:a(n)}):qe.has(r)&&i.length?(0,D.jsx)(Ve,{id:a(n)}):r===`graph`&&i.length>1?(0,D.jsx)(o.Suspense,{fallback:(0,D.jsx)(R,{what:`the graph view`}),children:(0,D.jsx)(Ke,{id:a(i),params:t})}):r===`timeline`&&i.length>1?(0,D.jsx)(Ge,{id:a(i)}):r===`paths`?(0,D.jsx)(Ue,{params:t}):r===`disputes`?(0,D.jsx)(Oe,{params:t}):r===`editor`?(0,D.jsx)(Ne,{}):(0,D.jsxs)(`p`,{role:`alert`,children:[`No page here. `,(0,D.jsx)(j,{to:`/`,children:`Search`})]})}function Ye(){let e=Ce(),t=new URL(e,location.origin),n=(0,o.useRef)(null);return(0,o.useEffect)(()=>{!t.pathname.startsWith(`/search`)&&t.pathname!==`/`&&n.current?.focus(),(t.pathname===`/`||t.pathname.startsWith(`/search`))&&(document.title=`newsgraph explorer`)},[t.pathname]),(0,D.jsxs)(D.Fragment,{children:[(0,D.jsx)(`a`,{href:`#main`,className:`skip`,children:`Skip to content`}),(0,D.jsxs)(`header`,{className:`top`,children:[(0,D.jsx)(j,{to:`/`,className:`brand`,children:`newsgraph`}),(0,D.jsxs)(`nav`,{"aria-label":`Main`,children:[[[`/`,`Search`],[`/disputes`,`Disputes`],[`/paths`,`Paths`],[`/editor`,`For editors`]].map(([e,n])=>(0,D.jsx)(j,{to:e,"aria-current":t.pathname===e?`page`:void 0,children:n},e)),(0,D.jsx)(`a`,{href:`/graphiql`,children:`GraphiQL`})]})]}),(0,D.jsx)(`main`,{id:`main`,ref:n,tabIndex:-1,children:(0,D.jsx)(Je,{path:t.pathname,params:t.searchParams})})]})}(0,a.createRoot)(document.getElementById(`root`)).render((0,D.jsx)(o.StrictMode,{children:(0,D.jsx)(Ye,{})}));export{A as a,w as c,u as d,d as f,j as i,T as l,L as n,k as o,P as r,E as s,U as t,ue as u};