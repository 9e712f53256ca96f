import { lazy, Suspense, useEffect, useRef } from 'react';
import { Loading } from './components';
import { ClaimPage } from './pages/ClaimPage';
import { DisputesPage } from './pages/DisputesPage';
import { EditorPage } from './pages/EditorPage';
import { EntityPage } from './pages/EntityPage';
import { PathsPage } from './pages/PathsPage';
import { SearchPage } from './pages/SearchPage';
import { TimelinePage } from './pages/TimelinePage';
import { Link, useLocation } from './router';

// Cytoscape is the biggest dependency: it loads with the first graph view.
const GraphPage = lazy(() => import('./pages/GraphPage'));

const kinds = new Set(['person', 'organisation', 'place', 'negotiation', 'event', 'source', 'claim', 'attribution']);

function Route({ path, params }: { path: string; params: URLSearchParams }) {
  const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, ...rest] = segs;
  const idOf = (s: string[]) => s.join('/');
  if (!first || first === 'search') return <SearchPage q={params.get('q') ?? ''} />;
  if (first === 'claim' && rest.length) return <ClaimPage id={idOf(segs)} />;
  if (kinds.has(first) && rest.length) return <EntityPage id={idOf(segs)} />;
  if (first === 'graph' && rest.length > 1)
    return (
      <Suspense fallback={<Loading what="the graph view" />}>
        <GraphPage id={idOf(rest)} params={params} />
      </Suspense>
    );
  if (first === 'timeline' && rest.length > 1) return <TimelinePage id={idOf(rest)} />;
  if (first === 'paths') return <PathsPage params={params} />;
  if (first === 'disputes') return <DisputesPage params={params} />;
  if (first === 'editor') return <EditorPage />;
  return <p role="alert">No page here. <Link to="/">Search</Link></p>;
}

export function App() {
  const loc = useLocation();
  const url = new URL(loc, location.origin);
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    // Move focus to the new page for screen readers, except while typing a search.
    if (!url.pathname.startsWith('/search') && url.pathname !== '/') main.current?.focus();
    if (url.pathname === '/' || url.pathname.startsWith('/search')) document.title = 'newsgraph explorer';
  }, [url.pathname]);
  const nav: [string, string][] = [
    ['/', 'Search'],
    ['/disputes', 'Disputes'],
    ['/paths', 'Paths'],
    ['/editor', 'For editors'],
  ];
  return (
    <>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          newsgraph
        </Link>
        <nav aria-label="Main">
          {nav.map(([to, label]) => (
            <Link key={to} to={to} aria-current={url.pathname === to ? 'page' : undefined}>
              {label}
            </Link>
          ))}
          <a href="/graphiql">GraphiQL</a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Route path={url.pathname} params={url.searchParams} />
      </main>
    </>
  );
}
