import { useState } from 'react';
import { useQuery } from '../api';
import { EntityPicker, ErrorBox, Loading, NodeLink, StatusBadge, TypeBadge } from '../components';
import { PathsQuery } from '../ops';
import { hrefOf, Link, navigate } from '../router';

type Picked = { id: string; __typename?: string } | null;

const entityTypes = ['Person', 'Organisation', 'Place', 'Negotiation', 'Event', 'Source', 'Claim'];

/** Shortest paths between two entities; each step shows the claim and sources behind it. */
export function PathsPage({ params }: { params: URLSearchParams }) {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const avoid = (params.get('avoid') ?? '').split(',').filter(Boolean);
  const maxDegree = Number(params.get('maxDegree') ?? 0) || 0;
  const maxHops = Number(params.get('maxHops') ?? 4) || 4;
  const [a, setA] = useState<Picked>(from ? { id: from } : null);
  const [b, setB] = useState<Picked>(to ? { id: to } : null);
  const [avoidText, setAvoidText] = useState(avoid.join(', '));
  const [deg, setDeg] = useState(String(maxDegree));
  const [hops, setHops] = useState(String(maxHops));
  const ready = Boolean(from && to);
  const { data, error, loading } = useQuery(PathsQuery, { from, to, maxHops, avoid: avoid.length ? avoid : null, maxDegree }, !ready);
  const submit = () => {
    if (!a || !b) return;
    const p = new URLSearchParams({ from: a.id, to: b.id, maxHops: hops, maxDegree: deg });
    const av = avoidText
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (av.length) p.set('avoid', av.join(','));
    navigate(`/paths?${p}`);
  };
  return (
    <section aria-labelledby="paths-title">
      <h1 id="paths-title">Paths between two entities</h1>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <EntityPicker label="From" value={a} onPick={setA} types={entityTypes} />
        <EntityPicker label="To" value={b} onPick={setB} types={entityTypes} />
        <div>
          <label htmlFor="avoid">Avoid (ids, comma-separated)</label>
          <input id="avoid" value={avoidText} onChange={(e) => setAvoidText(e.target.value)} placeholder="source/pl-article-2025-03-trump-putin-calls" />
        </div>
        <div>
          <label htmlFor="maxDegree">Skip hubs with more than (0: off)</label>
          <input id="maxDegree" type="number" min={0} value={deg} onChange={(e) => setDeg(e.target.value)} />
        </div>
        <div>
          <label htmlFor="maxHops">Max hops (1–6)</label>
          <input id="maxHops" type="number" min={1} max={6} value={hops} onChange={(e) => setHops(e.target.value)} />
        </div>
        <div>
          <button type="submit" disabled={!a || !b}>
            Find paths
          </button>
        </div>
      </form>
      <ErrorBox error={error} />
      {loading && ready && <Loading what="paths" />}
      {data && data.paths.length === 0 && <p role="status">No path within {maxHops} hops.</p>}
      {data && data.paths.length > 0 && (
        <ol className="paths" aria-label="Paths">
          {data.paths.map((p, i) => (
            <li key={i} className="path" data-testid="path">
              <h2>
                Path {i + 1} <span className="muted">({p.length} steps)</span>
              </h2>
              <ol className="steps">
                {p.steps.map((s, j) => (
                  <li key={j} className="step" data-testid="path-step">
                    <div className="step-line">
                      <TypeBadge type={s.from.__typename} /> <NodeLink node={s.from} /> <span className="rel">{s.direction === 'FORWARD' ? `—${s.type}${s.role ? ` (${s.role})` : ''}→` : `←${s.type}${s.role ? ` (${s.role})` : ''}—`}</span>{' '}
                      <TypeBadge type={s.to.__typename} /> <NodeLink node={s.to} />
                    </div>
                    {s.claim && (
                      <div className="step-claim">
                        <span className="muted">claim:</span> <Link to={hrefOf(s.claim.id)}>{s.claim.summary}</Link> <StatusBadge status={s.claim.status} />
                      </div>
                    )}
                    {s.sources.length > 0 && (
                      <div className="step-sources">
                        <span className="muted">sources:</span>{' '}
                        {s.sources.map((src, k) => (
                          <span key={src.id}>
                            {k > 0 && '; '}
                            <Link to={hrefOf(src.id)}>{src.title}</Link>
                          </span>
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
