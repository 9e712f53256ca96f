// Building blocks shared by the pages.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError, request } from './api';
import type { DateFragment, SearchQuery as SearchResult, SideFragment, StatementFragment } from './gql/graphql';
import { NodesQuery, SearchQuery } from './ops';
import { formatDate, highlightRanges, nameOf, stanceLabel, typeLabel } from './format';
import { hrefOf, Link } from './router';

export function StanceBadge({ stance }: { stance: string }) {
  return (
    <span className={`badge stance stance-${stance}`} data-stance={stance} title={stanceLabel[stance]}>
      {stance}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status status-${status}`} data-status={status}>
      {status}
    </span>
  );
}

export function TypeBadge({ type }: { type: string }) {
  return <span className={`badge type type-${type}`}>{typeLabel[type] ?? type}</span>;
}

export function DateText({ date }: { date?: DateFragment | null }) {
  if (!date) return <span className="muted">undated</span>;
  return (
    <time dateTime={date.value} title={`${date.earliest} … ${date.latest} (${date.precision.toLowerCase()} precision)`}>
      {formatDate(date)}
    </time>
  );
}

/** Any node: nameOf picks its name, title, summary or quote. */
type Labelled = { id: string; __typename?: string };

export function NodeLink({ node }: { node?: Labelled | null }) {
  if (!node) return <span className="muted">unnamed</span>;
  return <Link to={hrefOf(node.id)}>{nameOf(node)}</Link>;
}

export function ErrorBox({ error }: { error?: ApiError | Error }) {
  if (!error) return null;
  const e = error as ApiError;
  return (
    <div className="error" role="alert">
      <strong>{e.code ?? 'Error'}</strong>: {e.message}
      {e.field && (
        <>
          {' '}
          (field <code>{e.field}</code>)
        </>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function Highlight({ text, query }: { text: string; query: string }) {
  const ranges = highlightRanges(text, query);
  const out: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([a, b], i) => {
    if (a > at) out.push(text.slice(at, a));
    out.push(<mark key={i}>{text.slice(a, b)}</mark>);
    at = b;
  });
  out.push(text.slice(at));
  return <>{out}</>;
}

/** Who relays whom: the attribution's cited and citing attributions. */
function Chain({ s }: { s: StatementFragment }) {
  if (!s.cites.length && !s.citedBy.length) return null;
  return (
    <div className="chain" data-testid="reported-by">
      {s.citedBy.map((c) => (
        <div key={c.id}>
          <span className="muted">reported by </span>
          <NodeLink node={c.actor} />
          {c.citedBy.map((cc) => (
            <span key={cc.id}>
              {' '}
              <span className="muted">← relayed by</span> <NodeLink node={cc.actor} />
            </span>
          ))}
        </div>
      ))}
      {s.cites.length > 0 && (
        <div>
          <span className="muted">relays </span>
          {s.cites.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <NodeLink node={c.actor} />
              {c.cites.map((cc) => (
                <span key={cc.id}>
                  {' '}
                  <span className="muted">who relays</span> <NodeLink node={cc.actor} />
                </span>
              ))}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** One attribution: who, stance, verbatim quote, English summary, cue, when, where, sources. */
export function StatementCard({ s, showActor = true, showClaim = true }: { s: StatementFragment; showActor?: boolean; showClaim?: boolean }) {
  return (
    <article className="statement" id={s.id} data-testid="statement" aria-label={`${nameOf(s.actor)} ${stanceLabel[s.stance]}`}>
      <Said s={s} showActor={showActor} />
      {s.cue && (
        <p className="cue">
          <span className="muted">cue:</span> <span lang={s.sources[0]?.language}>{s.cue}</span>
        </p>
      )}
      {showClaim && (
        <p className="claimref">
          <span className="muted">on the claim</span> <Link to={hrefOf(s.claim.id)}>{s.claim.summary}</Link> <StatusBadge status={s.claim.status} />
        </p>
      )}
      {s.during && (
        <p>
          <span className="muted">said during</span> <Link to={hrefOf(s.during.id)}>{s.during.name}</Link>
        </p>
      )}
      <p className="sources">
        <span className="muted">{s.sources.length === 1 ? 'source' : 'sources'}:</span>{' '}
        {s.sources.map((src, i) => (
          <span key={src.id}>
            {i > 0 && '; '}
            <Link to={hrefOf(src.id)}>{src.title}</Link>
            {src.publisher && <span className="muted"> ({src.publisher.name})</span>}
          </span>
        ))}
      </p>
      <Chain s={s} />
    </article>
  );
}

/** The head of a statement card: stance, who (when asked), when, the verbatim quote and its summary. */
function Said({ s, showActor }: { s: StatementFragment | SideFragment; showActor: boolean }) {
  return (
    <>
      <header>
        <StanceBadge stance={s.stance} />
        {showActor && (
          <span className="actor">
            {s.actor ? <NodeLink node={s.actor} /> : <span className="muted">{s.sourcing.toLowerCase()} source</span>}
          </span>
        )}
        <span className="when">
          <DateText date={s.statedAt} />
        </span>
      </header>
      {s.quote && (
        <blockquote lang={s.sources[0]?.language} className="quote">
          „{s.quote}”
        </blockquote>
      )}
      {s.summary && <p className="summary">{s.summary}</p>}
    </>
  );
}

/** One side of a dispute: who, stance, quote, summary, when, where we read it. */
export function SideCard({ s }: { s: SideFragment }) {
  return (
    <article className="statement" id={s.id} data-testid="statement" aria-label={`${nameOf(s.actor)} ${stanceLabel[s.stance]}`}>
      <Said s={s} showActor />
      <p className="sources">
        <span className="muted">{s.sources.length === 1 ? 'source' : 'sources'}:</span>{' '}
        {s.sources.map((src, i) => (
          <span key={src.id}>
            {i > 0 && '; '}
            <Link to={hrefOf(src.id)}>{src.title}</Link>
          </span>
        ))}
      </p>
    </article>
  );
}

type Hit = SearchResult['search']['hits'][number];

/** A search box that offers entities as you type; picking one calls onPick. */
export function EntityPicker({ label, value, onPick, types }: { label: string; value?: Labelled | null; onPick: (n: Labelled | null) => void; types?: string[] }) {
  const id = useId();
  const [text, setText] = useState(value ? nameOf(value) : '');
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<AbortController | null>(null);
  useEffect(() => {
    setText(value ? nameOf(value) : '');
    // A value from the URL is only an id: show its name once known.
    if (!value || value.__typename) return;
    const ctl = new AbortController();
    request(NodesQuery, { ids: [value.id] }, ctl.signal).then(
      (d) => d.nodes[0] && setText(nameOf(d.nodes[0])),
      () => undefined,
    );
    return () => ctl.abort();
  }, [value]);
  useEffect(() => {
    if (!open || text.trim().length < 2) {
      setHits([]);
      return;
    }
    timer.current?.abort();
    const ctl = new AbortController();
    timer.current = ctl;
    request(SearchQuery, { text, first: 20 }, ctl.signal).then(
      (d) => setHits(d.search.hits.filter((h) => !types || types.includes(h.node.__typename)).slice(0, 8)),
      () => undefined,
    );
    return () => ctl.abort();
  }, [text, open, types]);
  const pick = (h: Hit) => {
    onPick(h.node);
    setText(nameOf(h.node));
    setOpen(false);
  };
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (!e.target.value) onPick(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && hits[active]) {
            e.preventDefault();
            pick(hits[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && hits.length > 0 && (
        <ul id={`${id}-list`} role="listbox" className="picker-list">
          {hits.map((h, i) => (
            <li
              key={h.node.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              <TypeBadge type={h.node.__typename} /> {nameOf(h.node)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
