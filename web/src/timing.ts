// Time to first render of a view after a full page load (performance.now()
// counts from the navigation's start), read by the browser tests from
// window.__newsgraphTimings and printed there; not asserted.
declare global {
  interface Window {
    __newsgraphTimings?: Record<string, number>;
    /** The graph view's Cytoscape instance, for the browser tests. */
    __newsgraphCy?: unknown;
  }
}

export function markRendered(view: string): void {
  const t = (window.__newsgraphTimings ??= {});
  t[view] ??= Math.round(performance.now());
}
