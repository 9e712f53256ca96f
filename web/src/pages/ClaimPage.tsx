import { Fragment, useEffect, type ReactNode } from 'react';
import { useQuery } from '../api';
import { DateText, ErrorBox, Loading, NodeLink, StatementCard, StatusBadge, TypeBadge } from '../components';
import { ClaimQuery } from '../ops';
import { hrefOf, Link } from '../router';
import { markRendered } from '../timing';

export const sideOf = (stance: string) =>
  stance === 'ASSERTS' || stance === 'CONFIRMS'
    ? 'asserting'
    : stance === 'DENIES'
      ? 'denying'
      : stance === 'REPORTS'
        ? 'relaying'
        : 'other';

/** Who asserts or confirms, who denies, who hedges: three columns of cards, and those who only relay (REPORTS, not counted) when given. */
export function Sides<T extends { id: string }>({
  asserting,
  denying,
  other,
  relaying,
  card,
}: {
  asserting: T[];
  denying: T[];
  other: T[];
  relaying?: T[];
  card: (s: T) => ReactNode;
}) {
  const col = (key: string, title: string, items: T[]) => (
    <section className={`side side-${key}`} aria-label={title} data-testid={`side-${key}`}>
      <h3>
        {title} <span className="muted">({items.length})</span>
      </h3>
      {items.length === 0 && <p className="muted">nobody</p>}
      {items.map((s) => (
        <Fragment key={s.id}>{card(s)}</Fragment>
      ))}
    </section>
  );
  return (
    <div className="sides">
      {col('asserting', 'Asserts or confirms', asserting)}
      {col('denying', 'Denies', denying)}
      {col('other', 'Declines to rule out, or neither', other)}
      {relaying && relaying.length > 0 && col('relaying', 'Relays without endorsing (not counted)', relaying)}
    </div>
  );
}

/** A claim: its text and summary, derived status, and who asserts, denies or hedges. */
export function ClaimPage({ id }: { id: string }) {
  const { data, error, loading } = useQuery(ClaimQuery, { id });
  const c = data?.claim;
  useEffect(() => {
    if (!c) return;
    document.title = `${c.summary} · newsgraph`;
    markRendered('claim');
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.classList.add('target');
      target.scrollIntoView();
    }
  }, [c]);
  if (loading && !c) return <Loading what="the claim" />;
  if (error) return <ErrorBox error={error} />;
  if (!c) return <p role="alert">No claim has the id {id}.</p>;
  const by = (side: string) => c.attributions.filter((a) => sideOf(a.stance) === side);
  return (
    <article className="claim" data-testid="claim-page">
      <header className="page-header">
        <TypeBadge type="Claim" /> <StatusBadge status={c.status} />
        {c.rank !== 'NORMAL' && <span className="badge">{c.rank}</span>}
        <h1>{c.summary}</h1>
        <blockquote lang={c.language} className="quote">
          {c.text}
        </blockquote>
        <p>
          <span className="muted">when:</span> <DateText date={c.pointInTime} /> · <span className="muted">about:</span>{' '}
          {c.about.map((a, i) => (
            <span key={a.entity.id + a.role}>
              {i > 0 && ', '}
              <NodeLink node={a.entity} /> <span className="muted">({a.role.toLowerCase()})</span>
            </span>
          ))}
        </p>
        <nav aria-label="Views of this claim" className="actions">
          <Link to={`/graph${hrefOf(c.id)}`}>Graph</Link>
        </nav>
      </header>
      <h2>Who says what</h2>
      <Sides
        asserting={by('asserting')}
        denying={by('denying')}
        other={by('other')}
        relaying={by('relaying')}
        card={(s) => <StatementCard s={s} showClaim={false} />}
      />
    </article>
  );
}
