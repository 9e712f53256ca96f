// How dates, stances, statuses and node names are shown. Dates keep the
// precision the text supports: a month-precision date narrowed to
// 2024-11-01..2024-11-10 reads "early Nov 2024", never "1 Nov 2024".
import type { DateFragment } from './gql/graphql';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y, m, d];
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const dayName = (day: string) => {
  const [y, m, d] = parts(day);
  return `${d} ${months[m - 1]} ${y}`;
};

/** "12 Feb 2025", "18 or 19 Mar 2025", "early Nov 2024", "Mar 2025", "2024". */
export function formatDate(d?: DateFragment | null): string {
  if (!d) return 'undated';
  const [y1, m1, d1] = parts(d.earliest);
  const [y2, m2, d2] = parts(d.latest);
  switch (d.precision) {
    case 'MINUTE':
      return `${dayName(d.earliest)} ${d.value.slice(11, 16)}`;
    case 'DAY':
      return dayName(d.earliest);
    case 'MONTH': {
      const month = `${months[m1 - 1]} ${y1}`;
      if (y1 !== y2 || m1 !== m2) return `${dayName(d.earliest)} – ${dayName(d.latest)}`;
      if (d1 === 1 && d2 === daysInMonth(y1, m1)) return month;
      if (d1 === d2) return `${d1} ${month}`;
      if (d2 === d1 + 1) return `${d1} or ${d2} ${month}`;
      if (d1 === 1 && d2 <= 10) return `early ${month}`;
      if (d1 >= 11 && d2 <= 20) return `mid ${month}`;
      if (d1 >= 21 && d2 === daysInMonth(y1, m1)) return `late ${month}`;
      return `${d1}–${d2} ${month}`;
    }
    case 'YEAR':
      if (d.earliest.endsWith('-01-01') && d.latest.endsWith('-12-31') && y1 === y2) return String(y1);
      return `${d.value} (${dayName(d.earliest)} – ${dayName(d.latest)})`;
  }
  return d.value;
}

export const stanceLabel: Record<string, string> = {
  ASSERTS: 'asserts',
  CONFIRMS: 'confirms',
  DENIES: 'denies',
  DECLINES_TO_RULE_OUT: 'declines to rule out',
  NEITHER_CONFIRMS_NOR_DENIES: 'neither confirms nor denies',
  REPORTS: 'relays (not counted)',
};

export const typeLabel: Record<string, string> = {
  Person: 'Person',
  Organisation: 'Organisation',
  Place: 'Place',
  Negotiation: 'Negotiation',
  Event: 'Event',
  Source: 'Source',
  Claim: 'Claim',
  Attribution: 'Statement',
};

export const typeOrder = ['Person', 'Organisation', 'Place', 'Negotiation', 'Event', 'Source', 'Claim', 'Attribution'];

type Label = { __typename?: string; id: string };

/** A node's name, title, summary or quote. */
export function nameOf(n?: Label | null): string {
  if (!n) return 'unnamed';
  const x = n as Record<string, unknown>;
  return String(x.name ?? x.title ?? x.summary ?? x.attSummary ?? x.quote ?? n.id);
}

/** Folds case and diacritics character by character, keeping indices. */
export function foldChars(s: string): string {
  let out = '';
  for (const c of s) {
    const f = c === 'ł' || c === 'Ł' ? 'l' : c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += (f[0] ?? c).padEnd(c.length, ' ');
  }
  return out;
}

/**
 * Ranges of text to highlight for a search: words whose folded form starts
 * with the folded stem of a query word (the search itself tolerates
 * inflection: "Putinem" finds "Putin", "Pieskowa" finds "Pieskow").
 */
export function highlightRanges(text: string, query: string): [number, number][] {
  const folded = foldChars(text);
  const stems = foldChars(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .map((w) => w.slice(0, Math.max(2, Math.min(w.length, w.length > 4 ? w.length - 2 : w.length))));
  const out: [number, number][] = [];
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(folded); m; m = word.exec(folded)) {
    const w = m[0];
    if (stems.some((s) => w.startsWith(s) || (w.length >= 4 && s.startsWith(w)))) out.push([m.index, m.index + w.length]);
  }
  return out;
}
