// Runs graphql-http's GraphQL-over-HTTP server audit against a running server.
//
//   node audit.mjs http://127.0.0.1:PORT/graphql
//
// Prints one line per audit (status, id, name); for a failed audit also the
// reason and the response (status, content-type, body cut to 300 characters).
// The last line is `audit: N ok, W warnings, E errors`. Exits 1 when a SHOULD
// (warn) or MUST (error) audit fails, 2 on a usage or fatal error, else 0.
// Failed MAY audits are printed as `notice` and do not fail the run.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const BODY_MAX = 300;

function oneLine(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

async function describe(res) {
  if (!res) return 'response: <none>';
  let body;
  try {
    if (res.bodyUsed) {
      body = '<body already read by the audit>';
    } else {
      const text = await res.text();
      body = text.length > BODY_MAX ? `${text.slice(0, BODY_MAX)}… (${text.length} chars)` : text;
      body = JSON.stringify(body);
    }
  } catch (err) {
    body = `<body unreadable: ${err && err.message ? err.message : err}>`;
  }
  const ct = res.headers ? res.headers.get('content-type') : null;
  return `response: status ${res.status}, content-type ${ct === null ? '<none>' : JSON.stringify(ct)}, body ${body}`;
}

let results;
try {
  results = await auditServer({ url, fetchFn: fetch });
} catch (err) {
  console.error(`audit: fatal error while auditing ${url}: ${err && err.stack ? err.stack : err}`);
  process.exit(2);
}

const count = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const r of results) {
  count[r.status] = (count[r.status] || 0) + 1;
  console.log(`${r.status}\t${r.id}\t${r.name}`);
  if (r.status !== 'ok') {
    console.log(`\treason: ${oneLine(r.reason)}`);
    console.log(`\t${await describe(r.response)}`);
  }
}
if (count.notice) {
  console.log(`(${count.notice} notices from failed MAY audits; not counted as failures)`);
}
console.log(`audit: ${count.ok} ok, ${count.warn} warnings, ${count.error} errors`);
process.exit(count.warn + count.error > 0 ? 1 : 0);
