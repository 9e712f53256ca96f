import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../api';
import { ErrorBox, Highlight, StatusBadge, StanceBadge, TypeBadge } from '../components';
import { nameOf, typeLabel, typeOrder } from '../format';
import { SearchQuery } from '../ops';
import { hrefOf, Link, navigate } from '../router';

/** Search as you type; results grouped by type with the matched fields highlighted. */
export function SearchPage({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const [debounced, setDebounced] = useState(q);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    // Typing updates the URL in place (no history entry per key) once the
    // user pauses, so that a result's back button returns to this search.
    const t = setTimeout(() => {
      setDebounced(text);
      navigate(text ? `/search?q=${encodeURIComponent(text)}` : '/', true);
    }, 200);
    return () => clearTimeout(t);
  }, [text]);
  const term = debounced.trim();
  const { data, error, loading } = useQuery(SearchQuery, { text: term, first: 50 }, term.length < 2);
  const hits = data?.search.hits ?? [];
  const groups = typeOrder.map((t) => [t, hits.filter((h) => h.node.__typename === t)] as const).filter(([, hs]) => hs.length > 0);
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Who said what about whom</h1>
      <p className="muted">
        Search people, organisations, places, negotiations, events, sources, claims and quotes. Polish inflection and diacritics are ignored:
        “Pieskow”, “Putinem” and “zelenski” all work.
      </p>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search" className="visually-hidden">
          Search the graph
        </label>
        <input
          id="search"
          ref={input}
          type="search"
          className="search-input"
          placeholder="Search: Pieskow, Kreml, rozmowa telefoniczna…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </form>
      <ErrorBox error={error} />
      <div aria-live="polite" className="muted">
        {term.length >= 2 && !loading && !error && `${hits.length} result${hits.length === 1 ? '' : 's'}`}
      </div>
      {groups.map(([type, hs]) => (
        <section key={type} className="result-group" aria-label={typeLabel[type]}>
          <h2>
            {typeLabel[type]} <span className="muted">({hs.length})</span>
          </h2>
          <ul className="results">
            {hs.map((h) => (
              <li key={h.node.id} data-testid="search-hit">
                <Link to={hrefOf(h.node.id)} className="result-title">
                  <Highlight text={nameOf(h.node)} query={term} />
                </Link>{' '}
                <TypeBadge type={h.node.__typename} />
                {h.node.__typename === 'Claim' && 'status' in h.node && <StatusBadge status={h.node.status} />}
                {h.node.__typename === 'Attribution' && 'stance' in h.node && <StanceBadge stance={h.node.stance} />}
                <ul className="matched">
                  {h.matched.map((m, i) => (
                    <li key={i}>
                      <span className="muted">{m.field}:</span> <Highlight text={m.value} query={term} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
