import { useEffect } from 'react';
import { useQuery } from '../api';
import { ErrorBox, Loading, NodeLink, TypeBadge } from '../components';
import { formatDate, nameOf } from '../format';
import { TimelineQuery } from '../ops';
import { hrefOf, Link } from '../router';
import { markRendered } from '../timing';

const dayMs = 86_400_000;
const dayNumber = (d: string) => Date.parse(d + 'T00:00:00Z') / dayMs;

/**
 * Everything dated about an entity. A PartialDate is drawn as the range of
 * days it can mean (earliest..latest): "early Nov 2024" is a bar over
 * 1–10 November, "2024" a bar over the whole year; only a day is a tick.
 */
export function TimelinePage({ id }: { id: string }) {
  const { data, error, loading } = useQuery(TimelineQuery, { id });
  useEffect(() => {
    if (data) markRendered('timeline');
  }, [data]);
  if (loading && !data) return <Loading what="the timeline" />;
  if (error) return <ErrorBox error={error} />;
  if (!data) return null;
  const entries = data.timeline;
  const title = data.node ? nameOf(data.node) : id;
  if (entries.length === 0) return <p>Nothing dated about {title}.</p>;
  const lo = Math.min(...entries.map((e) => dayNumber(e.date.earliest)));
  const hi = Math.max(...entries.map((e) => dayNumber(e.date.latest))) + 1;
  const span = Math.max(hi - lo, 1);
  const pct = (d: number) => ((d - lo) / span) * 100;
  const years: number[] = [];
  for (let y = new Date(lo * dayMs).getUTCFullYear(); y <= new Date(hi * dayMs).getUTCFullYear(); y++) years.push(y);
  return (
    <section aria-labelledby="timeline-title" data-testid="timeline">
      <h1 id="timeline-title">
        Timeline of <Link to={hrefOf(id)}>{title}</Link>
      </h1>
      <p className="muted">Bars span every day a date can mean: a month-precision date is a bar over its month (or the part of it the text supports), a year a bar over the year.</p>
      <div className="timeline">
        <div className="tl-axis" aria-hidden="true">
          {years.map((y) => {
            const at = pct(Date.UTC(y, 0, 1) / dayMs);
            return at >= 0 && at <= 100 ? (
              <span key={y} className="tl-year" style={{ left: `${at}%` }}>
                {y}
              </span>
            ) : null;
          })}
        </div>
        <ol className="tl-rows">
          {entries.map((e, i) => {
            const a = dayNumber(e.date.earliest);
            const b = dayNumber(e.date.latest) + 1;
            const label = formatDate(e.date);
            return (
              <li key={i} className="tl-row" data-testid="timeline-entry" data-value={e.date.value}>
                <div className="tl-label">
                  <span className="tl-date">{label}</span> <TypeBadge type={e.node.__typename} /> <NodeLink node={e.node} />{' '}
                  <span className="muted">
                    {e.what.toLowerCase().replace(/_/g, ' ')}
                    {e.role && ` · ${e.role.toLowerCase()}`}
                  </span>
                </div>
                <div className="tl-track">
                  <span
                    className={`tl-bar tl-${e.date.precision}`}
                    data-testid="timeline-bar"
                    data-earliest={e.date.earliest}
                    data-latest={e.date.latest}
                    role="img"
                    aria-label={`${label}: ${e.date.earliest} to ${e.date.latest}`}
                    title={`${label} (${e.date.earliest} … ${e.date.latest})`}
                    style={{ left: `${pct(a)}%`, width: `${Math.max(((b - a) / span) * 100, 0.4)}%` }}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
