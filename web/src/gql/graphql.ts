/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AboutInput = {
  id: string | number;
  role: AboutRole;
};

/** The part an entity plays in a claim. */
export type AboutRole =
  | 'OBJECT'
  | 'PARTICIPANT'
  | 'SUBJECT'
  | 'TOPIC';

/**
 * An article to ingest. Strings in every input are checked before anything is
 * written (BAD_USER_INPUT with `extensions.field` otherwise): one-line fields
 * (names, titles, codes, cues, URLs) hold no control character; multi-line
 * fields (texts, quotes, summaries, descriptions) only tab, line feed and
 * carriage return besides. Lengths are in characters.
 */
export type ArticleInput = {
  /** A person id. */
  author?: string | number | null | undefined;
  /** Optional: derived from the title and a hash of the text. */
  id?: string | number | null | undefined;
  kind?: SourceKind | null | undefined;
  /** BCP 47, e.g. pl; at most 100 characters. */
  language: string;
  publishedAt?: PartialDateInput | null | undefined;
  /** An organisation id. */
  publisher?: string | number | null | undefined;
  /** The full text, at most 1,000,000 characters (and the request body limit). */
  text: string;
  /** One line, at most 500 characters. */
  title: string;
  /** At most 2,048 characters. */
  url?: string | null | undefined;
};

/** An attribution to record; string limits as on ArticleInput. */
export type AttributionInput = {
  /** A person, organisation or source; omit for unnamed reports (sourcing UNSPECIFIED or ANONYMOUS). */
  actor?: string | number | null | undefined;
  /** Attributions this one relays. Citations form no cycle: citing an attribution that cites this one (directly or through others), or itself, is BAD_USER_INPUT. */
  cites?: Array<string | number> | null | undefined;
  /** An existing claim; or give newClaim. */
  claim?: string | number | null | undefined;
  /** The reporting phrase, one line of at most 500 characters. */
  cue?: string | null | undefined;
  /** The event it was said during. */
  during?: string | number | null | undefined;
  id: string | number;
  /** Where the actor made it, when that is not where we read it (a book the article quotes); replaces them when given. */
  madeIn?: Array<string | number> | null | undefined;
  /**
   * A claim to create with the attribution. Sending the same mutation again
   * (a retry) finds the claim as created and changes nothing; a claim already
   * stored under this id with other content is a CONFLICT: give it as `claim`.
   */
  newClaim?: ClaimInput | null | undefined;
  /** Verbatim; it must occur in the text of every source that has text. At most 20,000 characters. */
  quote?: string | null | undefined;
  /** Where we read it: at least one source. */
  sources: Array<string | number>;
  sourcing?: Sourcing;
  stance: Stance;
  statedAt?: PartialDateInput | null | undefined;
  /** An English rendering, at most 2,000 characters. */
  summary?: string | null | undefined;
};

export type ClaimDateInput = {
  date: PartialDateInput;
  kind: DateKind;
};

/** A claim to create or update; string limits as on ArticleInput. */
export type ClaimInput = {
  /** Replaces whom and what the claim is about. */
  about?: Array<AboutInput> | null | undefined;
  /** Replaces the claim's other dates (a deadline, a scheduled meeting); at most 20. */
  dates?: Array<ClaimDateInput> | null | undefined;
  id: string | number;
  /** Required to create. BCP 47; at most 100 characters. */
  language?: string | null | undefined;
  pointInTime?: PartialDateInput | null | undefined;
  rank?: Rank | null | undefined;
  /** Required to create: the claim in English, at most 2,000 characters. */
  summary?: string | null | undefined;
  /** Required to create: the claim in the source's words and language, at most 20,000 characters. */
  text?: string | null | undefined;
};

/**
 * Derived from a claim's attributions: CONFIRMED if a party to the fact confirms
 * it; DISPUTED if it is both asserted or confirmed and denied; DENIED if it is
 * denied and nobody asserts it; REPORTED otherwise.
 */
export type ClaimStatus =
  | 'CONFIRMED'
  | 'DENIED'
  | 'DISPUTED'
  | 'REPORTED';

/** What a date is to the claim that carries it. */
export type DateKind =
  /** A date by which something is to happen: "do 20 kwietnia" (by 20 April). */
  | 'DEADLINE'
  /** Any other date the claim is about. */
  | 'MENTIONED'
  /** A date something is planned for: "na poniedziałek zaplanowane są rozmowy" (talks are planned for Monday). */
  | 'SCHEDULED';

/** How much of a date the text supports. */
export type DatePrecision =
  | 'DAY'
  | 'MINUTE'
  | 'MONTH'
  | 'YEAR';

export type EventKind =
  | 'INTERVIEW'
  | 'MEETING'
  | 'PHONE_CALL'
  | 'PUBLICATION'
  | 'STATEMENT'
  | 'TALKS_ROUND';

export type NegotiationStatus =
  | 'CONCLUDED'
  | 'ONGOING'
  | 'PLANNED'
  | 'SUSPENDED';

export type OrganisationKind =
  | 'DELEGATION'
  | 'GOVERNMENT'
  | 'MEDIA'
  | 'NEWS_AGENCY'
  | 'OTHER'
  | 'STATE_BODY';

/** A PartialDate to write: an ISO prefix, optionally with narrower bounds inside its span. */
export type PartialDateInput = {
  earliest?: string | null | undefined;
  latest?: string | null | undefined;
  /** Narrows the date to no later than the latest day of this node's date ("before the election": the election's event). */
  notAfter?: string | number | null | undefined;
  /** Narrows the date to no earlier than the earliest day of this node's date. */
  notBefore?: string | number | null | undefined;
  value: string;
};

export type PlaceKind =
  | 'CITY'
  | 'COUNTRY'
  | 'REGION'
  | 'SEA'
  | 'VENUE';

/** An editor's ranking of a claim (Wikidata practice); claims are deprecated, never deleted. */
export type Rank =
  | 'DEPRECATED'
  | 'NORMAL'
  | 'PREFERRED';

export type RelationshipType =
  | 'ABOUT'
  | 'AUTHORED_BY'
  | 'CITES'
  | 'DERIVED_FROM'
  | 'DURING'
  | 'HELD_IN'
  | 'MADE_BY'
  /** Where the actor made an attribution (a book, a broadcast), as against RECORDED_IN, where we read it. */
  | 'MADE_IN'
  | 'MEMBER_OF'
  | 'MENTIONS'
  | 'ON'
  | 'PARTICIPANT'
  | 'PARTY'
  | 'PART_OF'
  | 'PUBLISHED_BY'
  | 'RECORDED_IN';

export type SourceKind =
  | 'AGENCY_REPORT'
  | 'ARTICLE'
  | 'BOOK'
  | 'BROADCAST'
  | 'INTERVIEW'
  | 'OFFICIAL_STATEMENT';

/** How the actor of an attribution is identified. */
export type Sourcing =
  | 'ANONYMOUS'
  | 'DOCUMENT'
  | 'NAMED'
  | 'UNSPECIFIED';

/**
 * What an attribution's actor says about its claim. Every stance but REPORTS
 * speaks for the actor (first-hand) and counts towards the claim's derived
 * status; REPORTS only relays another's report (it cites that attribution).
 */
export type Stance =
  /** Says it is so, in its own voice. */
  | 'ASSERTS'
  /** Says it is so, as one who knows (a party to the fact confirming makes the claim CONFIRMED). */
  | 'CONFIRMS'
  /** "We can't rule out everything else." */
  | 'DECLINES_TO_RULE_OUT'
  /** Says it is not so. */
  | 'DENIES'
  /** "If I did, it was smart." */
  | 'NEITHER_CONFIRMS_NOR_DENIES'
  /** Passes on another's report without endorsing it ("Reuters reported…", "doniósł…"): not counted in the status. */
  | 'REPORTS';

export type StepDirection =
  | 'BACKWARD'
  /** The relationship points from the step's `from` to its `to`. */
  | 'FORWARD';

type NodeLabel_Attribution_Fragment = { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null };

type NodeLabel_Claim_Fragment = { __typename: 'Claim', summary: string, status: ClaimStatus, id: string };

type NodeLabel_Event_Fragment = { __typename: 'Event', name: string, id: string };

type NodeLabel_Negotiation_Fragment = { __typename: 'Negotiation', name: string, id: string };

type NodeLabel_Organisation_Fragment = { __typename: 'Organisation', name: string, id: string };

type NodeLabel_Person_Fragment = { __typename: 'Person', name: string, id: string };

type NodeLabel_Place_Fragment = { __typename: 'Place', name: string, id: string };

type NodeLabel_Source_Fragment = { __typename: 'Source', title: string, id: string };

export type NodeLabelFragment =
  | NodeLabel_Attribution_Fragment
  | NodeLabel_Claim_Fragment
  | NodeLabel_Event_Fragment
  | NodeLabel_Negotiation_Fragment
  | NodeLabel_Organisation_Fragment
  | NodeLabel_Person_Fragment
  | NodeLabel_Place_Fragment
  | NodeLabel_Source_Fragment
;

export type DateFragment = { value: string, precision: DatePrecision, earliest: string, latest: string };

type ActorLabel_Organisation_Fragment = { __typename: 'Organisation', id: string, name: string };

type ActorLabel_Person_Fragment = { __typename: 'Person', id: string, name: string };

type ActorLabel_Source_Fragment = { __typename: 'Source', id: string, title: string };

export type ActorLabelFragment =
  | ActorLabel_Organisation_Fragment
  | ActorLabel_Person_Fragment
  | ActorLabel_Source_Fragment
;

export type StatementFragment = { id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
    | { __typename: 'Organisation', id: string, name: string }
    | { __typename: 'Person', id: string, name: string }
    | { __typename: 'Source', id: string, title: string }
   | null, claim: { id: string, summary: string, status: ClaimStatus }, sources: Array<{ id: string, title: string, language: string, publisher: { id: string, name: string } | null }>, during: { id: string, name: string } | null, cites: Array<{ id: string, actor:
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
      | { __typename: 'Source', id: string, title: string }
     | null, cites: Array<{ id: string, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null }> }>, citedBy: Array<{ id: string, actor:
      | { __typename: 'Organisation', id: string, name: string }
      | { __typename: 'Person', id: string, name: string }
      | { __typename: 'Source', id: string, title: string }
     | null, citedBy: Array<{ id: string, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null }> }> };

export type ClaimAboutItemFragment = { role: AboutRole, claim: { id: string, summary: string, status: ClaimStatus, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } };

export type NodeLabelsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodeLabelsQuery = { nodes: Array<
    | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
    | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
    | { __typename: 'Event', name: string, id: string }
    | { __typename: 'Negotiation', name: string, id: string }
    | { __typename: 'Organisation', name: string, id: string }
    | { __typename: 'Person', name: string, id: string }
    | { __typename: 'Place', name: string, id: string }
    | { __typename: 'Source', title: string, id: string }
   | null> };

export type SearchQueryVariables = Exact<{
  text: string;
  first: number;
}>;


export type SearchQuery = { search: { hits: Array<{ score: number, node:
        | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
        | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Negotiation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Place', name: string, id: string }
        | { __typename: 'Source', title: string, id: string }
      , matched: Array<{ field: string, value: string }> }> } };

export type PersonPageQueryVariables = Exact<{
  id: string | number;
}>;


export type PersonPageQuery = { person: { id: string, name: string, aliases: Array<string>, description: string, wikidataId: string | null, memberships: Array<{ role: string | null, start: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, end: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, organisation: { id: string, name: string }, claim: { id: string } | null }>, statements: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, claim: { id: string, summary: string, status: ClaimStatus }, sources: Array<{ id: string, title: string, language: string, publisher: { id: string, name: string } | null }>, during: { id: string, name: string } | null, cites: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, cites: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }>, citedBy: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, citedBy: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }> }>, claimsAbout: Array<{ role: AboutRole, claim: { id: string, summary: string, status: ClaimStatus, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }>, events: Array<{ role: string | null, event: { id: string, name: string, date: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }>, authored: Array<{ id: string, title: string }> } | null };

export type OrganisationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganisationPageQuery = { organisation: { id: string, name: string, aliases: Array<string>, description: string, kind: OrganisationKind, country: string | null, members: Array<{ role: string | null, person: { id: string, name: string } }>, statements: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, claim: { id: string, summary: string, status: ClaimStatus }, sources: Array<{ id: string, title: string, language: string, publisher: { id: string, name: string } | null }>, during: { id: string, name: string } | null, cites: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, cites: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }>, citedBy: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, citedBy: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }> }>, claimsAbout: Array<{ role: AboutRole, claim: { id: string, summary: string, status: ClaimStatus, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }>, events: Array<{ role: string | null, event: { id: string, name: string, date: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }>, negotiations: Array<{ side: string | null, negotiation: { id: string, name: string } }>, published: Array<{ id: string, title: string, publishedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null }> } | null };

export type PlacePageQueryVariables = Exact<{
  id: string | number;
}>;


export type PlacePageQuery = { place: { id: string, name: string, aliases: Array<string>, kind: PlaceKind, countryCode: string | null, claimsAbout: Array<{ role: AboutRole, claim: { id: string, summary: string, status: ClaimStatus, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }>, hosted: Array<{ subject:
        | { __typename: 'Event', id: string, name: string }
        | { __typename: 'Negotiation', id: string, name: string }
       }> } | null };

export type NegotiationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type NegotiationPageQuery = { negotiation: { id: string, name: string, aliases: Array<string>, topic: string, status: NegotiationStatus, start: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, end: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, parties: Array<{ side: string | null, organisation: { id: string, name: string } }>, events: Array<{ event: { id: string, name: string, date: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }>, places: Array<{ place: { id: string, name: string } }>, claimsAbout: Array<{ role: AboutRole, claim: { id: string, summary: string, status: ClaimStatus, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }> } | null };

export type EventPageQueryVariables = Exact<{
  id: string | number;
}>;


export type EventPageQuery = { event: { id: string, name: string, aliases: Array<string>, description: string, kind: EventKind, date: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, participants: Array<{ role: string | null, participant:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       }>, places: Array<{ place: { id: string, name: string } }>, negotiations: Array<{ negotiation: { id: string, name: string } }>, statements: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, claim: { id: string, summary: string, status: ClaimStatus }, sources: Array<{ id: string, title: string, language: string, publisher: { id: string, name: string } | null }>, during: { id: string, name: string } | null, cites: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, cites: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }>, citedBy: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, citedBy: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }> }>, claimsAbout: Array<{ role: AboutRole, claim: { id: string, summary: string, status: ClaimStatus, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null } }> } | null };

export type SourcePageQueryVariables = Exact<{
  id: string | number;
}>;


export type SourcePageQuery = { source: { id: string, title: string, kind: SourceKind, url: string | null, language: string, text: string | null, publishedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, publisher: { id: string, name: string } | null, authors: Array<{ id: string, name: string }>, statements: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, claim: { id: string, summary: string, status: ClaimStatus }, sources: Array<{ id: string, title: string, language: string, publisher: { id: string, name: string } | null }>, during: { id: string, name: string } | null, cites: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, cites: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }>, citedBy: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, citedBy: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }> }>, attributions: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, claim: { id: string, summary: string, status: ClaimStatus }, sources: Array<{ id: string, title: string, language: string, publisher: { id: string, name: string } | null }>, during: { id: string, name: string } | null, cites: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, cites: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }>, citedBy: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, citedBy: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }> }>, cites: Array<{ id: string, title: string }>, citedBy: Array<{ id: string, title: string }>, mentions: Array<{ count: number | null, entity:
        | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
        | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Negotiation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Place', name: string, id: string }
        | { __typename: 'Source', title: string, id: string }
       }> } | null };

export type AttributionPageQueryVariables = Exact<{
  id: string | number;
}>;


export type AttributionPageQuery = { attribution: { id: string, claim: { id: string } } | null };

export type ClaimPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ClaimPageQuery = { claim: { id: string, text: string, language: string, summary: string, status: ClaimStatus, rank: Rank, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, about: Array<{ role: AboutRole, entity:
        | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
        | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Negotiation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Place', name: string, id: string }
        | { __typename: 'Source', title: string, id: string }
       }>, attributions: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, claim: { id: string, summary: string, status: ClaimStatus }, sources: Array<{ id: string, title: string, language: string, publisher: { id: string, name: string } | null }>, during: { id: string, name: string } | null, cites: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, cites: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }>, citedBy: Array<{ id: string, actor:
          | { __typename: 'Organisation', id: string, name: string }
          | { __typename: 'Person', id: string, name: string }
          | { __typename: 'Source', id: string, title: string }
         | null, citedBy: Array<{ id: string, actor:
            | { __typename: 'Organisation', id: string, name: string }
            | { __typename: 'Person', id: string, name: string }
            | { __typename: 'Source', id: string, title: string }
           | null }> }> }> } | null };

export type NeighbourhoodQueryVariables = Exact<{
  id: string | number;
  hops: number;
  max: number;
}>;


export type NeighbourhoodQuery = { neighbourhood: { nodes: Array<
      | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
      | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Negotiation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Place', name: string, id: string }
      | { __typename: 'Source', title: string, id: string }
    >, edges: Array<{ id: string, type: RelationshipType, source: string, target: string, role: string | null, side: string | null, count: number | null, claim: { id: string, summary: string } | null }> } | null };

export type PathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  maxHops: number;
  avoid?: Array<string | number> | string | number | null | undefined;
  maxDegree: number;
}>;


export type PathsQuery = { paths: Array<{ length: number, steps: Array<{ type: RelationshipType, direction: StepDirection, role: string | null, from:
        | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
        | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Negotiation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Place', name: string, id: string }
        | { __typename: 'Source', title: string, id: string }
      , to:
        | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
        | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Negotiation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Place', name: string, id: string }
        | { __typename: 'Source', title: string, id: string }
      , claim: { id: string, summary: string, status: ClaimStatus } | null, sources: Array<{ id: string, title: string }> }> }> };

export type TimelineQueryVariables = Exact<{
  id: string | number;
}>;


export type TimelineQuery = { node:
    | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
    | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
    | { __typename: 'Event', name: string, id: string }
    | { __typename: 'Negotiation', name: string, id: string }
    | { __typename: 'Organisation', name: string, id: string }
    | { __typename: 'Person', name: string, id: string }
    | { __typename: 'Place', name: string, id: string }
    | { __typename: 'Source', title: string, id: string }
   | null, timeline: Array<{ what: string, role: string | null, date: { value: string, precision: DatePrecision, earliest: string, latest: string }, node:
      | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
      | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Negotiation', name: string, id: string }
      | { __typename: 'Organisation', name: string, id: string }
      | { __typename: 'Person', name: string, id: string }
      | { __typename: 'Place', name: string, id: string }
      | { __typename: 'Source', title: string, id: string }
     }> };

export type SideFragment = { id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
    | { __typename: 'Organisation', id: string, name: string }
    | { __typename: 'Person', id: string, name: string }
    | { __typename: 'Source', id: string, title: string }
   | null, sources: Array<{ id: string, title: string, language: string }> };

export type DisputesQueryVariables = Exact<{
  about?: string | number | null | undefined;
  aboutList?: Array<string | number> | string | number | null | undefined;
}>;


export type DisputesQuery = { disputes: Array<{ claim: { id: string, summary: string, text: string, status: ClaimStatus, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null }, asserting: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, sources: Array<{ id: string, title: string, language: string }> }>, denying: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, sources: Array<{ id: string, title: string, language: string }> }>, other: Array<{ id: string, stance: Stance, quote: string | null, summary: string | null, cue: string | null, sourcing: Sourcing, statedAt: { value: string, precision: DatePrecision, earliest: string, latest: string } | null, actor:
        | { __typename: 'Organisation', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
        | { __typename: 'Source', id: string, title: string }
       | null, sources: Array<{ id: string, title: string, language: string }> }> }>, claims: { totalCount: number, nodes: Array<{ id: string, summary: string, pointInTime: { value: string, precision: DatePrecision, earliest: string, latest: string } | null }> } };

export type IngestMutationVariables = Exact<{
  input: ArticleInput;
}>;


export type IngestMutation = { ingestArticle: { source: { id: string, title: string }, mentions: Array<{ count: number, forms: Array<string>, entity:
        | { __typename: 'Attribution', stance: Stance, quote: string | null, id: string, attSummary: string | null }
        | { __typename: 'Claim', summary: string, status: ClaimStatus, id: string }
        | { __typename: 'Event', name: string, id: string }
        | { __typename: 'Negotiation', name: string, id: string }
        | { __typename: 'Organisation', name: string, id: string }
        | { __typename: 'Person', name: string, id: string }
        | { __typename: 'Place', name: string, id: string }
        | { __typename: 'Source', title: string, id: string }
       }>, suggestions: Array<{ text: string, count: number }> } };

export type RecordAttributionMutationVariables = Exact<{
  input: AttributionInput;
}>;


export type RecordAttributionMutation = { recordAttribution: { id: string, stance: Stance, claim: { id: string, summary: string, status: ClaimStatus } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const NodeLabelFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"NodeLabel"}) as unknown as TypedDocumentString<NodeLabelFragment, unknown>;
export const DateFragmentDoc = new TypedDocumentString(`
    fragment Date on PartialDate {
  value
  precision
  earliest
  latest
}
    `, {"fragmentName":"Date"}) as unknown as TypedDocumentString<DateFragment, unknown>;
export const ActorLabelFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"ActorLabel"}) as unknown as TypedDocumentString<ActorLabelFragment, unknown>;
export const StatementFragmentDoc = new TypedDocumentString(`
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
}`, {"fragmentName":"Statement"}) as unknown as TypedDocumentString<StatementFragment, unknown>;
export const ClaimAboutItemFragmentDoc = new TypedDocumentString(`
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
}`, {"fragmentName":"ClaimAboutItem"}) as unknown as TypedDocumentString<ClaimAboutItemFragment, unknown>;
export const SideFragmentDoc = new TypedDocumentString(`
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
}`, {"fragmentName":"Side"}) as unknown as TypedDocumentString<SideFragment, unknown>;
export const NodeLabelsDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<NodeLabelsQuery, NodeLabelsQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const PersonPageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<PersonPageQuery, PersonPageQueryVariables>;
export const OrganisationPageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<OrganisationPageQuery, OrganisationPageQueryVariables>;
export const PlacePageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<PlacePageQuery, PlacePageQueryVariables>;
export const NegotiationPageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<NegotiationPageQuery, NegotiationPageQueryVariables>;
export const EventPageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<EventPageQuery, EventPageQueryVariables>;
export const SourcePageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<SourcePageQuery, SourcePageQueryVariables>;
export const AttributionPageDocument = new TypedDocumentString(`
    query AttributionPage($id: ID!) {
  attribution(id: $id) {
    id
    claim {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AttributionPageQuery, AttributionPageQueryVariables>;
export const ClaimPageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<ClaimPageQuery, ClaimPageQueryVariables>;
export const NeighbourhoodDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<NeighbourhoodQuery, NeighbourhoodQueryVariables>;
export const PathsDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
export const DisputesDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<DisputesQuery, DisputesQueryVariables>;
export const IngestDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<IngestMutation, IngestMutationVariables>;
export const RecordAttributionDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RecordAttributionMutation, RecordAttributionMutationVariables>;