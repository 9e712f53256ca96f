// A small History API router: every entity, claim and view has a URL, and
// the back button works. The server answers the same first path segments
// (internal/webui.AppRoutes) with this app.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

function subscribe(cb: () => void) {
  window.addEventListener('popstate', cb);
  window.addEventListener('navigate', cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener('navigate', cb);
  };
}

const snapshot = () => location.pathname + location.search;

/** The current path and query string. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

export function navigate(to: string, replace = false): void {
  if (to === snapshot()) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event('navigate'));
  if (!replace) window.scrollTo(0, 0);
}

/** The explorer's URL of a node: its id is already `kind/slug`. */
export function hrefOf(id: string): string {
  return '/' + id.split('/').map(encodeURIComponent).join('/');
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a
      href={to}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
      {...rest}
    />
  );
}
