// Writers for the graph view's export of what is on screen (the server's
// /export covers a neighbourhood as queried, not one the user expanded).
export interface ExportNode {
  id: string;
  type: string;
  label: string;
}
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  claim: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const csv = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One CSV of nodes, a blank line, and one of edges. */
export function toCSV(nodes: ExportNode[], edges: ExportEdge[]): string {
  const rows = ['id,type,label', ...nodes.map((n) => [n.id, n.type, n.label].map(csv).join(',')), '', 'id,source,target,type,label,claim'];
  rows.push(...edges.map((e) => [e.id, e.source, e.target, e.type, e.label, e.claim].map(csv).join(',')));
  return rows.join('\n') + '\n';
}

export function toGraphML(nodes: ExportNode[], edges: ExportEdge[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="label" for="all" attr.name="label" attr.type="string"/>',
    '<key id="type" for="all" attr.name="type" attr.type="string"/>',
    '<key id="claim" for="edge" attr.name="claim" attr.type="string"/>',
    '<graph edgedefault="directed">',
  ];
  for (const n of nodes) out.push(`<node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="type">${xml(n.type)}</data></node>`);
  for (const e of edges)
    out.push(
      `<edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="label">${xml(e.label)}</data><data key="type">${xml(e.type)}</data><data key="claim">${xml(e.claim)}</data></edge>`,
    );
  out.push('</graph>', '</graphml>');
  return out.join('\n') + '\n';
}

export function toGEXF(nodes: ExportNode[], edges: ExportEdge[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '<graph defaultedgetype="directed" mode="static">',
    '<attributes class="node"><attribute id="type" title="type" type="string"/></attributes>',
    '<attributes class="edge"><attribute id="claim" title="claim" type="string"/></attributes>',
    '<nodes>',
  ];
  for (const n of nodes) out.push(`<node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues><attvalue for="type" value="${xml(n.type)}"/></attvalues></node>`);
  out.push('</nodes>', '<edges>');
  for (const e of edges)
    out.push(
      `<edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.label)}" kind="${xml(e.type)}"><attvalues><attvalue for="claim" value="${xml(e.claim)}"/></attvalues></edge>`,
    );
  out.push('</edges>', '</graph>', '</gexf>');
  return out.join('\n') + '\n';
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
