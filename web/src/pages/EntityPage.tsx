import { useEffect, type ReactNode } from 'react';
import { useQuery, type QueryState } from '../api';
import { DateText, ErrorBox, Loading, NodeLink, StatementCard, StatusBadge, TypeBadge } from '../components';
import type { ClaimAboutItemFragment, DateFragment, StatementFragment } from '../gql/graphql';
import { AttributionQuery, EventQuery, NegotiationQuery, OrganisationQuery, PersonQuery, PlaceQuery, SourceQuery } from '../ops';
import { hrefOf, Link, navigate } from '../router';
import { markRendered } from '../timing';

function ClaimsAbout({ items }: { items: ClaimAboutItemFragment[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="claims-about">
      <h2 id="claims-about">Claims about it</h2>
      <ul className="plain">
        {items.map((c) => (
          <li key={c.claim.id + c.role}>
            <StatusBadge status={c.claim.status} /> <Link to={hrefOf(c.claim.id)}>{c.claim.summary}</Link>{' '}
            <span className="muted">
              ({c.role.toLowerCase()}, <DateText date={c.claim.pointInTime} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Statements({ title, items, showActor = false }: { title: string; items: StatementFragment[]; showActor?: boolean }) {
  if (!items.length) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {items.map((s) => (
        <StatementCard key={s.id} s={s} showActor={showActor} />
      ))}
    </section>
  );
}

function Events({ items }: { items: { role?: string | null; event: { id: string; name: string; date?: DateFragment | null } }[] }) {
  if (!items.length) return null;
  return (
    <section>
      <h2>Events</h2>
      <ul className="plain">
        {items.map((e) => (
          <li key={e.event.id + e.role}>
            <Link to={hrefOf(e.event.id)}>{e.event.name}</Link> {e.role && <span className="muted">({e.role.toLowerCase()})</span>} <DateText date={e.event.date} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Links({ title, items }: { title: string; items: { id: string; label: string; extra?: ReactNode }[] }) {
  if (!items.length) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul className="plain">
        {items.map((x) => (
          <li key={x.id + x.label}>
            <Link to={hrefOf(x.id)}>{x.label}</Link> {x.extra}
          </li>
        ))}
      </ul>
    </section>
  );
}

const lower = (s?: string | null) => (s ? s.toLowerCase().replace(/_/g, ' ') : '');

/** The frame of every entity page: loading, errors, header with names and views. */
function Page<R>({ id, kind, state, pick, children }: { id: string; kind: string; state: QueryState<R>; pick: (r: R) => { name: string; aliases?: string[]; description?: string } | null | undefined; children: (r: R) => ReactNode }) {
  const n = state.data ? pick(state.data) : undefined;
  useEffect(() => {
    if (!n) return;
    document.title = `${n.name} · newsgraph`;
    markRendered('entity');
  }, [n]);
  if (state.loading && !state.data) return <Loading what="the page" />;
  if (state.error) return <ErrorBox error={state.error} />;
  if (!n || !state.data) return <p role="alert">Nothing has the id {id}.</p>;
  return (
    <article className="entity" data-testid="entity-page">
      <header className="page-header">
        <TypeBadge type={kind} />
        <h1>{n.name}</h1>
        {n.aliases && n.aliases.length > 0 && (
          <p className="aliases">
            <span className="muted">also:</span> {n.aliases.join(' · ')}
          </p>
        )}
        {n.description && <p>{n.description}</p>}
        <nav aria-label="Views of this entity" className="actions">
          <Link to={`/graph${hrefOf(id)}`}>Graph</Link>
          <Link to={`/timeline${hrefOf(id)}`}>Timeline</Link>
          <Link to={`/disputes?about=${encodeURIComponent(id)}`}>Disputes</Link>
          <Link to={`/paths?from=${encodeURIComponent(id)}`}>Paths from here</Link>
        </nav>
      </header>
      {children(state.data)}
    </article>
  );
}

function PersonPage({ id }: { id: string }) {
  const q = useQuery(PersonQuery, { id });
  return (
    <Page id={id} kind="Person" state={q} pick={(d) => d.person}>
      {({ person: n }) =>
        n && (
          <>
            {n.memberships.length > 0 && (
              <section aria-labelledby="memberships">
                <h2 id="memberships">Memberships and roles</h2>
                <ul className="plain">
                  {n.memberships.map((m) => (
                    <li key={m.organisation.id + m.role}>
                      {m.role ?? 'member'} of <Link to={hrefOf(m.organisation.id)}>{m.organisation.name}</Link>
                      {(m.start || m.end) && (
                        <span className="muted">
                          {' '}
                          (<DateText date={m.start} /> – <DateText date={m.end} />)
                        </span>
                      )}
                      {m.claim && (
                        <>
                          {' '}
                          <Link to={hrefOf(m.claim.id)} className="muted">
                            [the claim]
                          </Link>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <Statements title="Statements" items={n.statements} />
            <ClaimsAbout items={n.claimsAbout} />
            <Events items={n.events} />
            <Links title="Wrote" items={n.authored.map((s) => ({ id: s.id, label: s.title }))} />
          </>
        )
      }
    </Page>
  );
}

function OrganisationPage({ id }: { id: string }) {
  const q = useQuery(OrganisationQuery, { id });
  return (
    <Page id={id} kind="Organisation" state={q} pick={(d) => d.organisation}>
      {({ organisation: n }) =>
        n && (
          <>
            <p className="muted">
              {lower(n.kind)}
              {n.country && ` · ${n.country}`}
            </p>
            <Links title="Members and roles" items={n.members.map((m) => ({ id: m.person.id, label: m.person.name, extra: <span className="muted">{m.role ?? 'member'}</span> }))} />
            <Statements title="Statements" items={n.statements} />
            <ClaimsAbout items={n.claimsAbout} />
            <Events items={n.events} />
            <Links title="Party to" items={n.negotiations.map((p) => ({ id: p.negotiation.id, label: p.negotiation.name, extra: p.side && <span className="muted">({p.side})</span> }))} />
            <Links title="Published" items={n.published.map((s) => ({ id: s.id, label: s.title, extra: <DateText date={s.publishedAt} /> }))} />
          </>
        )
      }
    </Page>
  );
}

function PlacePage({ id }: { id: string }) {
  const q = useQuery(PlaceQuery, { id });
  return (
    <Page id={id} kind="Place" state={q} pick={(d) => d.place}>
      {({ place: n }) =>
        n && (
          <>
            <p className="muted">
              {lower(n.kind)}
              {n.countryCode && ` · ${n.countryCode}`}
            </p>
            <ClaimsAbout items={n.claimsAbout} />
            <Links title="Held here" items={n.hosted.flatMap((h) => ('id' in h.subject ? [{ id: h.subject.id, label: h.subject.name }] : []))} />
          </>
        )
      }
    </Page>
  );
}

function NegotiationPage({ id }: { id: string }) {
  const q = useQuery(NegotiationQuery, { id });
  return (
    <Page id={id} kind="Negotiation" state={q} pick={(d) => d.negotiation}>
      {({ negotiation: n }) =>
        n && (
          <>
            <p>
              {n.topic} <span className="muted">· {lower(n.status)} ·</span> <DateText date={n.start} /> – <DateText date={n.end} />
            </p>
            <Links title="Parties" items={n.parties.map((p) => ({ id: p.organisation.id, label: p.organisation.name, extra: p.side && <span className="muted">({p.side})</span> }))} />
            <Events items={n.events} />
            <Links title="Places" items={n.places.map((p) => ({ id: p.place.id, label: p.place.name }))} />
            <ClaimsAbout items={n.claimsAbout} />
          </>
        )
      }
    </Page>
  );
}

function EventPage({ id }: { id: string }) {
  const q = useQuery(EventQuery, { id });
  return (
    <Page id={id} kind="Event" state={q} pick={(d) => d.event}>
      {({ event: n }) =>
        n && (
          <>
            <p>
              <span className="muted">{lower(n.kind)} ·</span> <DateText date={n.date} />
            </p>
            <section>
              <h2>Participants</h2>
              <ul className="plain">
                {n.participants.map((p, i) => (
                  <li key={i}>
                    <NodeLink node={'id' in p.participant ? p.participant : null} /> {p.role && <span className="muted">({p.role.toLowerCase()})</span>}
                  </li>
                ))}
              </ul>
            </section>
            <Links title="Places" items={n.places.map((p) => ({ id: p.place.id, label: p.place.name }))} />
            <Links title="Part of" items={n.negotiations.map((p) => ({ id: p.negotiation.id, label: p.negotiation.name }))} />
            <Statements title="Said during this event" items={n.statements} showActor />
            <ClaimsAbout items={n.claimsAbout} />
          </>
        )
      }
    </Page>
  );
}

function SourcePage({ id }: { id: string }) {
  const q = useQuery(SourceQuery, { id });
  return (
    <Page id={id} kind="Source" state={q} pick={(d) => d.source && { name: d.source.title }}>
      {({ source: n }) =>
        n && (
          <>
            <p>
              <span className="muted">{lower(n.kind)} · </span>
              <span>{n.language}</span> · <DateText date={n.publishedAt} />
              {n.publisher && (
                <>
                  {' '}
                  · published by <Link to={hrefOf(n.publisher.id)}>{n.publisher.name}</Link>
                </>
              )}
              {n.authors.map((a) => (
                <span key={a.id}>
                  {' '}
                  · by <Link to={hrefOf(a.id)}>{a.name}</Link>
                </span>
              ))}
            </p>
            {n.url && (
              <p>
                Original: <span className="url">{n.url}</span>
              </p>
            )}
            <Links title="Relays" items={n.cites.map((s) => ({ id: s.id, label: s.title }))} />
            <Links title="Relayed by" items={n.citedBy.map((s) => ({ id: s.id, label: s.title }))} />
            <Statements title="In its own voice" items={n.statements} />
            <Statements title="What we read here" items={n.attributions} showActor />
            {n.mentions.length > 0 && (
              <section>
                <h2>Mentions</h2>
                <ul className="plain columns">
                  {n.mentions.map((m) => (
                    <li key={m.entity.id}>
                      <NodeLink node={m.entity} /> <span className="muted">×{m.count ?? 1}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {n.text && (
              <details>
                <summary>Full text</summary>
                <p lang={n.language} className="fulltext">
                  {n.text}
                </p>
              </details>
            )}
          </>
        )
      }
    </Page>
  );
}

/** A statement has no page of its own: it opens on its claim's page. */
function AttributionRedirect({ id }: { id: string }) {
  const { data, error } = useQuery(AttributionQuery, { id });
  useEffect(() => {
    if (data?.attribution) navigate(`${hrefOf(data.attribution.claim.id)}#${encodeURIComponent(id)}`, true);
  }, [data, id]);
  if (error) return <ErrorBox error={error} />;
  if (data && !data.attribution) return <p role="alert">Nothing has the id {id}.</p>;
  return <Loading what="the statement" />;
}

/** An entity's page: names, roles, statements, claims about it, events, the reporting chain. */
export function EntityPage({ id }: { id: string }) {
  switch (id.split('/')[0]) {
    case 'person':
      return <PersonPage id={id} />;
    case 'organisation':
      return <OrganisationPage id={id} />;
    case 'place':
      return <PlacePage id={id} />;
    case 'negotiation':
      return <NegotiationPage id={id} />;
    case 'event':
      return <EventPage id={id} />;
    case 'source':
      return <SourcePage id={id} />;
    case 'attribution':
      return <AttributionRedirect id={id} />;
  }
  return <p role="alert">Unknown kind of id: {id}</p>;
}
