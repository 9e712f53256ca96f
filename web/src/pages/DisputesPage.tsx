import { useMemo } from 'react';
import { useQuery } from '../api';
import { DateText, EntityPicker, ErrorBox, Loading, SideCard, StatusBadge } from '../components';
import { DisputesQuery } from '../ops';
import { hrefOf, Link, navigate } from '../router';
import { Sides } from './ClaimPage';

/** Every disputed claim with both sides, optionally about one entity. */
export function DisputesPage({ params }: { params: URLSearchParams }) {
  const about = params.get('about');
  const picked = useMemo(() => (about ? { id: about } : null), [about]);
  const { data, error, loading } = useQuery(DisputesQuery, { about, aboutList: about ? [about] : null });
  const shown = new Set(data?.disputes.map((d) => d.claim.id));
  const rest = data?.claims.nodes.filter((c) => !shown.has(c.id)) ?? [];
  return (
    <section aria-labelledby="disputes-title">
      <h1 id="disputes-title">Disputed claims</h1>
      <div className="form-grid">
        <EntityPicker
          label="About"
          value={picked}
          onPick={(n) => navigate(n ? `/disputes?about=${encodeURIComponent(n.id)}` : '/disputes')}
          types={['Person', 'Organisation', 'Place', 'Negotiation', 'Event', 'Source']}
        />
        {about && (
          <p>
            Showing disputes about <Link to={hrefOf(about)}>{about}</Link> · <Link to="/disputes">all disputes</Link>
          </p>
        )}
      </div>
      <ErrorBox error={error} />
      {loading && <Loading what="disputes" />}
      {data && data.disputes.length === 0 && <p role="status">No disputed claims{about ? ' about this entity' : ''}.</p>}
      {data?.disputes.map((d) => (
        <article key={d.claim.id} className="dispute" data-testid="dispute">
          <h2>
            <StatusBadge status={d.claim.status} /> <Link to={hrefOf(d.claim.id)}>{d.claim.summary}</Link>{' '}
            <span className="muted">
              (<DateText date={d.claim.pointInTime} />)
            </span>
          </h2>
          <Sides asserting={d.asserting} denying={d.denying} other={d.other} card={(s) => <SideCard s={s} />} />
        </article>
      ))}
      {rest.length > 0 && (
        <section>
          <h2>More disputed claims</h2>
          <p className="muted">Both sides are shown for the first {data?.disputes.length}; open a claim for the others.</p>
          <ul className="plain">
            {rest.map((c) => (
              <li key={c.id}>
                <Link to={hrefOf(c.id)}>{c.summary}</Link> <DateText date={c.pointInTime} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
