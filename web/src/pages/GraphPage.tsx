// The graph view: the neighbourhood of a node drawn with Cytoscape.js. This
// module (and Cytoscape) is loaded only when a graph is opened.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../api';
import { ErrorBox, TypeBadge } from '../components';
import type { NeighbourhoodQuery as Hood } from '../gql/graphql';
import { nameOf, stanceLabel, typeLabel } from '../format';
import { NeighbourhoodQuery } from '../ops';
import { hrefOf, Link, navigate } from '../router';
import { markRendered } from '../timing';
import { download, toCSV, toGEXF, toGraphML } from './graphExport';

/** The most nodes the view holds: expansions stop there, and say so. */
const maxViewNodes = 2000;

const typeStyle: Record<string, { color: string; shape: cytoscape.Css.NodeShape }> = {
  Person: { color: '#2563eb', shape: 'ellipse' },
  Organisation: { color: '#7c3aed', shape: 'round-rectangle' },
  Place: { color: '#059669', shape: 'triangle' },
  Negotiation: { color: '#d97706', shape: 'hexagon' },
  Event: { color: '#db2777', shape: 'diamond' },
  Source: { color: '#4b5563', shape: 'rectangle' },
  Claim: { color: '#dc2626', shape: 'tag' },
  Attribution: { color: '#9ca3af', shape: 'ellipse' },
};

type Sub = NonNullable<Hood['neighbourhood']>;

function elementsOf(sub: Sub): ElementDefinition[] {
  const stanceOf = new Map<string, string>();
  const nodes: ElementDefinition[] = sub.nodes.map((n) => {
    if (n.__typename === 'Attribution' && 'stance' in n) stanceOf.set(n.id, n.stance);
    const label = nameOf(n);
    return {
      group: 'nodes',
      data: { id: n.id, type: n.__typename, label: label.length > 40 ? label.slice(0, 38) + '…' : label, full: label, stance: 'stance' in n ? n.stance : '' },
    };
  });
  const edges: ElementDefinition[] = sub.edges.map((e) => {
    const stance = stanceOf.get(e.source) ?? '';
    const extra = [e.role, e.side, stance && stanceLabel[stance]].filter(Boolean).join(' · ');
    return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, label: extra ? `${e.type} · ${extra}` : e.type, claim: e.claim?.id ?? '' } };
  });
  return [...nodes, ...edges];
}

/** Nodes that have as many neighbours as the cap allows: some may be left out. */
function capped(sub: Sub, max: number): string[] {
  const around = new Map<string, Set<string>>();
  for (const e of sub.edges) {
    if (!around.has(e.source)) around.set(e.source, new Set());
    if (!around.has(e.target)) around.set(e.target, new Set());
    around.get(e.source)!.add(e.target);
    around.get(e.target)!.add(e.source);
  }
  return [...around].filter(([, s]) => s.size >= max).map(([id]) => id);
}

function layout(cy: Core, root: string) {
  const n = cy.nodes().length;
  if (n <= 150) {
    cy.layout({ name: 'cose', animate: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60, randomize: false, fit: true, padding: 20 } as cytoscape.LayoutOptions).run();
    return;
  }
  // Hundreds of nodes: rings by distance from the root stay readable and
  // cost linear time, where a force layout would take seconds.
  const depth = new Map<string, number>();
  cy.elements().bfs({
    roots: cy.getElementById(root),
    visit: (v, _e, _u, _i, d) => {
      depth.set(v.id(), d);
    },
  });
  const maxDepth = Math.max(0, ...depth.values());
  cy.layout({
    name: 'concentric',
    animate: false,
    fit: true,
    padding: 20,
    minNodeSpacing: 4,
    concentric: (node: cytoscape.NodeSingular) => maxDepth + 1 - (depth.get(node.id()) ?? maxDepth + 1),
    levelWidth: () => 1,
  } as cytoscape.LayoutOptions).run();
}

export default function GraphPage({ id, params }: { id: string; params: URLSearchParams }) {
  const hops = Math.min(3, Math.max(1, Number(params.get('hops') ?? 1) || 1));
  const max = Math.min(100, Math.max(1, Number(params.get('max') ?? 25) || 25));
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [error, setError] = useState<ApiError>();
  const [selected, setSelected] = useState<{ id: string; type: string; label: string } | null>(null);
  const [stats, setStats] = useState({ nodes: 0, edges: 0 });
  const [caps, setCaps] = useState<string[]>([]);
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(true);

  const [list, setList] = useState<{ id: string; type: string; label: string }[]>([]);
  const refresh = (cy: Core) => {
    setStats({ nodes: cy.nodes().length, edges: cy.edges().length });
    setList(cy.nodes().map((n) => ({ id: n.id(), type: String(n.data('type')), label: String(n.data('full')) })));
  };

  useEffect(() => {
    // Cytoscape adds an inline <style> (position: relative for its container)
    // unless an element with this id exists; the CSP forbids inline styles
    // and styles.css already positions .graph.
    if (!document.getElementById('__________cytoscape_stylesheet')) {
      const marker = document.createElement('meta');
      marker.id = '__________cytoscape_stylesheet';
      document.head.appendChild(marker);
    }
    const cy = cytoscape({
      container: box.current,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 9,
            'min-zoomed-font-size': 7,
            'text-valign': 'bottom',
            'text-margin-y': 2,
            width: 16,
            height: 16,
            'text-wrap': 'ellipsis',
            'text-max-width': '120px',
          },
        },
        ...Object.entries(typeStyle).map(([t, s]) => ({ selector: `node[type = "${t}"]`, style: { 'background-color': s.color, shape: s.shape } })),
        { selector: 'node[type = "Attribution"]', style: { width: 10, height: 10 } },
        { selector: `node[id = "${id}"]`, style: { width: 26, height: 26, 'border-width': 3, 'border-color': '#111' } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
        {
          selector: 'edge',
          style: {
            width: 1,
            'line-color': '#cbd5e1',
            'target-arrow-color': '#94a3b8',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.6,
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 7,
            'min-zoomed-font-size': 9,
            color: '#475569',
            'text-rotation': 'autorotate',
          },
        },
        { selector: 'edge[type = "MADE_BY"], edge[type = "ON"]', style: { 'line-color': '#94a3b8' } },
      ],
    });
    cyRef.current = cy;
    // The browser tests find nodes' positions through it.
    window.__newsgraphCy = cy;
    cy.on('tap', 'node', (e) => {
      const n = e.target;
      setSelected({ id: n.id(), type: n.data('type'), label: n.data('full') });
    });
    cy.on('dbltap', 'node', (e) => void expand(e.target.id()));
    let alive = true;
    setBusy(true);
    request(NeighbourhoodQuery, { id, hops, max }).then(
      (d) => {
        if (!alive) return;
        if (!d.neighbourhood) {
          setError(new ApiError(`Nothing has the id ${id}`, 'NOT_FOUND'));
          setBusy(false);
          return;
        }
        cy.add(elementsOf(d.neighbourhood));
        layout(cy, id);
        refresh(cy);
        setCaps(capped(d.neighbourhood, max));
        setBusy(false);
        requestAnimationFrame(() => markRendered(`graph-${cy.nodes().length}-nodes`));
      },
      (e) => {
        if (alive) {
          setError(e as ApiError);
          setBusy(false);
        }
      },
    );
    return () => {
      alive = false;
      cy.destroy();
      cyRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, hops, max]);

  const expand = async (nodeId: string) => {
    const cy = cyRef.current;
    if (!cy) return;
    if (cy.nodes().length >= maxViewNodes) {
      setFull(true);
      return;
    }
    setBusy(true);
    try {
      const d = await request(NeighbourhoodQuery, { id: nodeId, hops: 1, max });
      if (!d.neighbourhood || cyRef.current !== cy) return;
      // Add what is new, up to the view's cap, and the edges between nodes it holds.
      const fresh = elementsOf(d.neighbourhood).filter((el) => cy.getElementById(String(el.data.id)).empty());
      const freshNodes = fresh.filter((el) => el.group === 'nodes');
      const room = maxViewNodes - cy.nodes().length;
      if (freshNodes.length > room) setFull(true);
      const keep = new Set(freshNodes.slice(0, room).map((el) => String(el.data.id)));
      const held = (id: unknown) => keep.has(String(id)) || !cy.getElementById(String(id)).empty();
      const added = cy.add([
        ...freshNodes.filter((el) => keep.has(String(el.data.id))),
        ...fresh.filter((el) => el.group === 'edges' && held(el.data.source) && held(el.data.target)),
      ]);
      const center = cy.getElementById(nodeId);
      const p = center.position();
      const newNodes = added.nodes();
      newNodes.forEach((n, i) => {
        const a = (2 * Math.PI * i) / Math.max(newNodes.length, 1);
        n.position({ x: p.x + 80 * Math.cos(a), y: p.y + 80 * Math.sin(a) });
      });
      center.data('expanded', 'yes');
      setCaps((c) => [...new Set([...c.filter((x) => x !== nodeId), ...capped(d.neighbourhood!, max)])]);
      refresh(cy);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: 'png' | 'csv' | 'graphml' | 'gexf') => {
    const cy = cyRef.current;
    if (!cy) return;
    const base = `newsgraph-${id.replace(/\//g, '-')}`;
    if (format === 'png') {
      download(cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }) as unknown as Blob, `${base}.png`);
      return;
    }
    const nodes = cy.nodes().map((n) => ({ id: n.id(), type: String(n.data('type')), label: String(n.data('full')) }));
    const edges = cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), type: String(e.data('type')), label: String(e.data('label')), claim: String(e.data('claim')) }));
    if (format === 'csv') download(new Blob([toCSV(nodes, edges)], { type: 'text/csv' }), `${base}.csv`);
    if (format === 'graphml') download(new Blob([toGraphML(nodes, edges)], { type: 'application/graphml+xml' }), `${base}.graphml`);
    if (format === 'gexf') download(new Blob([toGEXF(nodes, edges)], { type: 'application/gexf+xml' }), `${base}.gexf`);
  };

  const setParam = (k: string, v: number) => {
    const p = new URLSearchParams(params);
    p.set(k, String(v));
    navigate(`/graph${hrefOf(id)}?${p}`);
  };

  return (
    <section aria-labelledby="graph-title" className="graph-page">
      <h1 id="graph-title">
        Graph around <Link to={hrefOf(id)}>{id}</Link>
      </h1>
      <div className="graph-controls">
        <label>
          Hops{' '}
          <select value={hops} onChange={(e) => setParam('hops', Number(e.target.value))}>
            {[1, 2, 3].map((h) => (
              <option key={h}>{h}</option>
            ))}
          </select>
        </label>
        <label>
          Neighbours per node{' '}
          <select value={max} onChange={(e) => setParam('max', Number(e.target.value))}>
            {[10, 25, 50, 100].map((h) => (
              <option key={h}>{h}</option>
            ))}
          </select>
        </label>
        <span className="export" role="group" aria-label="Export the current view">
          Export:{' '}
          {(['png', 'gexf', 'graphml', 'csv'] as const).map((f) => (
            <button key={f} type="button" onClick={() => exportAs(f)}>
              {f.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
      <p className="muted" role="status" data-testid="graph-stats" data-nodes={stats.nodes} data-edges={stats.edges}>
        {busy ? 'Loading…' : `${stats.nodes} nodes, ${stats.edges} edges.`} Click a node for details, double-click to expand it; scroll to zoom.
      </p>
      {caps.length > 0 && (
        <p className="notice" data-testid="graph-cap">
          Cap reached: {caps.length} node{caps.length === 1 ? ' has' : 's have'} {max} or more neighbours, and at most {max} per node are shown. Raise “neighbours per node” or double-click a node to
          expand it.
        </p>
      )}
      {full && <p className="notice">The view holds at most {maxViewNodes} nodes: expansion stopped there.</p>}
      <ErrorBox error={error} />
      <div className="graph-wrap">
        <div ref={box} className="graph" data-testid="graph" role="img" aria-label={`Graph of ${stats.nodes} nodes around ${id}`} />
        <aside className="graph-panel" aria-live="polite">
          <h2>Legend</h2>
          <ul className="legend">
            {Object.entries(typeStyle).map(([t, s]) => (
              <li key={t}>
                <span className={`swatch swatch-${t}`} data-color={s.color} /> {typeLabel[t]}
              </li>
            ))}
          </ul>
          <details>
            <summary>The nodes as a list ({list.length})</summary>
            <ul className="plain">
              {list.map((n) => (
                <li key={n.id}>
                  <TypeBadge type={n.type} /> <Link to={hrefOf(n.id)}>{n.label}</Link>{' '}
                  <button type="button" className="small" onClick={() => void expand(n.id)} aria-label={`Expand ${n.label}`}>
                    +
                  </button>
                </li>
              ))}
            </ul>
          </details>
          {selected && (
            <div data-testid="graph-selected">
              <h2>Selected</h2>
              <p>
                <TypeBadge type={selected.type} /> {selected.label}
              </p>
              <p>
                <Link to={hrefOf(selected.id)}>Open its page</Link> ·{' '}
                <button type="button" onClick={() => void expand(selected.id)}>
                  Expand
                </button>
              </p>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}
