// Browser tests of the explorer and GraphiQL: headless Chromium (Debian's,
// driven by playwright-core) against the real service on the seed data.
// Run by internal/webui's TestBrowser (make test), which starts the service
// and passes BASE_URL, CHROMIUM, OUT_DIR, HUB_ID, HUB_MAX and EDITOR_KEY.
// Every request to another origin is blocked and fails the run.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.BASE_URL;
const out = process.env.OUT_DIR ?? '.';
const origin = new URL(base).origin;
mkdirSync(out, { recursive: true });

const failures = [];
const offsite = [];
const cspViolations = [];
const timings = [];
let current = '';

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function step(name, fn) {
  current = name;
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failures.push(`${name}: ${e.message.split('\n')[0]}`);
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function newPage(viewport = { width: 1280, height: 900 }) {
  const ctx = await browser.newContext({ viewport, acceptDownloads: true });
  // No page of the service may need another host: block them all, and count.
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    offsite.push(`${current}: ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(`${current}: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => failures.push(`${current}: page error ${e.message}`));
  return page;
}

const shot = (page, name) => page.screenshot({ path: join(out, `${name}.png`) });

const page = await newPage();

await step('search "Pieskow" and open Peskov; the back button returns to the results', async () => {
  await page.goto(base + '/');
  const box = page.getByRole('searchbox', { name: 'Search the graph' });
  await box.pressSequentially('Pieskow', { delay: 30 });
  const hit = page.getByRole('link', { name: 'Dmitry Peskov', exact: true });
  await hit.waitFor();
  check((await page.locator('mark', { hasText: 'Pieskow' }).count()) > 0, 'no highlighted match for Pieskow');
  check(await page.getByRole('region', { name: 'Person' }).isVisible(), 'results are not grouped by type (no Person group)');
  await shot(page, 'search');
  await hit.click();
  await page.waitForURL(base + '/person/dmitry-peskov');
  await page.getByRole('heading', { level: 1, name: 'Dmitry Peskov' }).waitFor();
  await page.goBack();
  await page.waitForURL(/\/search\?q=Pieskow$/);
  await page.getByRole('link', { name: 'Dmitry Peskov', exact: true }).waitFor();
});

await step("Peskov's statement shows DECLINES_TO_RULE_OUT with the verbatim quote", async () => {
  const t0 = Date.now();
  await page.goto(base + '/person/dmitry-peskov');
  await page.getByTestId('entity-page').waitFor();
  const wall = Date.now() - t0;
  const t = await page.evaluate(() => window.__newsgraphTimings?.entity);
  timings.push(`entity page /person/dmitry-peskov: first render ${t} ms after navigation start (${wall} ms wall clock from goto)`);
  const st = page.locator('[data-testid=statement]', { has: page.locator('[data-stance=DECLINES_TO_RULE_OUT]') });
  await st.waitFor();
  const text = await st.innerText();
  check(text.includes('Ale nie możemy wykluczyć wszystkiego innego'), `the statement lacks the quote: ${text}`);
  check(text.includes('przyznał Pieskow z uśmiechem'), 'the statement lacks its cue');
  check(text.includes('Mar 2025'), 'the statement lacks its date');
  check((await page.getByRole('link', { name: 'Kremlin', exact: true }).count()) > 0, 'no membership link to the Kremlin');
  await shot(page, 'entity-peskov');
});

await step('the early-November claim: Reuters, The Washington Post and Axios against the Kremlin', async () => {
  await page.goto(base + '/claim/2024-11-trump-putin-call');
  await page.getByTestId('claim-page').waitFor();
  const asserting = await page.getByTestId('side-asserting').innerText();
  const denying = await page.getByTestId('side-denying').innerText();
  for (const o of ['Reuters', 'The Washington Post', 'Axios']) check(asserting.includes(o), `${o} is not on the asserting side: ${asserting}`);
  check(denying.includes('Kremlin'), `the Kremlin is not on the denying side: ${denying}`);
  check((await page.locator('.page-header').innerText()).includes('early Nov 2024'), 'the claim date is not shown as "early Nov 2024"');
  // The article only relays the outlets (stance REPORTS): its card, with the
  // reported-by chain, stands in its own column, not among those asserting.
  const relaying = await page.getByTestId('side-relaying').innerText();
  check(relaying.includes('relays'), `the article's relay of the outlets (reported-by chain) is not shown: ${relaying}`);
  await shot(page, 'claim-early-november');
});

await step('dates keep their precision; Reuters\' page shows the article relaying it', async () => {
  for (const [id, want] of [
    ['claim/2025-03-trump-zelensky-call', '18 or 19 Mar 2025'],
    ['claim/2024-trump-putin-talked-before-election', 'when: 2024'],
  ]) {
    await page.goto(`${base}/${id}`);
    await page.getByTestId('claim-page').waitFor();
    const header = await page.locator('.page-header').innerText();
    check(header.includes(want), `${id} does not show "${want}": ${header}`);
  }
  await page.goto(base + '/organisation/reuters');
  const chain = page.getByTestId('reported-by').first();
  await chain.waitFor();
  const text = await chain.innerText();
  check(text.includes('reported by') && text.includes('Untitled Polish news article'), `Reuters' statement does not show the article relaying it: ${text}`);
});

await step('the graph view of Peskov renders nodes and expands one', async () => {
  await page.goto(base + '/graph/person/dmitry-peskov');
  const stats = page.getByTestId('graph-stats');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=graph-stats]')?.getAttribute('data-nodes')) > 1);
  const before = Number(await stats.getAttribute('data-nodes'));
  const pos = await page.evaluate(() => {
    const cy = window.__newsgraphCy;
    const n = cy.getElementById('organisation/kremlin');
    const p = n.renderedPosition();
    const r = cy.container().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  });
  await page.mouse.dblclick(pos.x, pos.y);
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid=graph-stats]')?.getAttribute('data-nodes')) > b, before);
  const after = Number(await stats.getAttribute('data-nodes'));
  await page.mouse.click(pos.x, pos.y);
  await page.getByTestId('graph-selected').waitFor();
  timings.push(`graph view of Peskov: ${before} nodes, ${after} after expanding the Kremlin`);
  await shot(page, 'graph-peskov');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'GEXF' }).click();
  const file = await dl;
  check(file.suggestedFilename().endsWith('.gexf'), `the GEXF export is named ${file.suggestedFilename()}`);
});

await step('a 500-node graph view renders (time printed)', async () => {
  const p2 = await newPage();
  const t0 = Date.now();
  await p2.goto(`${base}/graph/${process.env.HUB_ID}?hops=2&max=${process.env.HUB_MAX}`);
  await p2.waitForFunction(() => Number(document.querySelector('[data-testid=graph-stats]')?.getAttribute('data-nodes')) > 0, null, { timeout: 60000 });
  const wall = Date.now() - t0;
  const n = Number(await p2.getByTestId('graph-stats').getAttribute('data-nodes'));
  check(n >= 500, `the hub's graph has ${n} nodes, want at least 500`);
  const t = await p2.evaluate((k) => window.__newsgraphTimings?.[k], `graph-${n}-nodes`);
  check(await p2.getByTestId('graph-cap').isVisible(), 'the cap notice is not shown');
  timings.push(`graph view of ${n} nodes (${process.env.HUB_ID}, 2 hops, ${process.env.HUB_MAX} per node): laid out and drawn ${t} ms after navigation start (${wall} ms wall clock from goto)`);
  await shot(p2, 'graph-500');
  await p2.context().close();
});

await step('a path from Woodward to the Kremlin shows its claims and sources', async () => {
  await page.goto(`${base}/paths?from=person/bob-woodward&to=organisation/kremlin`);
  await page.getByTestId('path').first().waitFor();
  const first = await page.getByTestId('path').first().innerText();
  check(first.includes('Bob Woodward') && first.includes('Kremlin'), `the path does not run from Woodward to the Kremlin: ${first}`);
  check(first.includes('claim:') && first.includes('After leaving the White House in 2021'), 'the path\'s steps do not show their claims');
  check(first.includes('sources:'), 'the path\'s steps do not show their sources');
  await shot(page, 'paths-woodward-kremlin');
});

await step('the timeline shows the November 2024 range as a bar over its days', async () => {
  await page.goto(base + '/timeline/person/vladimir-putin');
  await page.getByTestId('timeline').waitFor();
  const nov = page.locator('[data-testid=timeline-bar][data-earliest="2024-11-01"][data-latest="2024-11-10"]').first();
  await nov.waitFor();
  const day = page.locator('[data-testid=timeline-bar][data-earliest="2025-02-12"][data-latest="2025-02-12"]').first();
  const wn = (await nov.boundingBox()).width;
  const wd = (await day.boundingBox()).width;
  check(wn > wd * 3, `the early-November range (${wn}px) is not drawn wider than a day (${wd}px)`);
  check((await page.getByTestId('timeline').innerText()).includes('early Nov 2024'), 'no "early Nov 2024" label');
  await shot(page, 'timeline-putin');
});

await step('disputes about Putin show both sides', async () => {
  await page.goto(`${base}/disputes?about=person/vladimir-putin`);
  await page.getByTestId('dispute').first().waitFor();
  const all = await page.locator('main').innerText();
  check(all.includes('Trump and Putin spoke in early November 2024.'), 'the early-November dispute is missing');
});

await step('GraphiQL loads with no other host and runs a README example', async () => {
  const g = await newPage();
  await g.goto(base + '/graphiql');
  await g.locator('.graphiql-container').waitFor();
  check((await g.locator('.graphiql-tab').count()) >= 5, 'the README examples are not offered as tabs');
  // GraphiQL fetches the schema first; on a busy machine a click can come
  // before it is ready, so click again until the result shows.
  const ran = () => g.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('totalCount'), null, { timeout: 5000 }).then(() => true, () => false);
  let ok = false;
  for (let i = 0; i < 8 && !ok; i++) {
    await g.locator('.graphiql-execute-button').click();
    ok = await ran();
  }
  check(ok, 'running the first README example shows no result');
  await shot(g, 'graphiql');
  await g.context().close();
});

await step('at 390 px wide the entity page has no horizontal scroll', async () => {
  const m = await newPage({ width: 390, height: 844 });
  await m.goto(base + '/claim/2024-11-trump-putin-call');
  await m.getByTestId('claim-page').waitFor();
  const w = await m.evaluate(() => document.documentElement.scrollWidth);
  check(w <= 390, `the page is ${w}px wide at a 390px viewport`);
  await shot(m, 'claim-390px');
  await m.context().close();
});

await step('editors: ingest an article (linked mentions, unlinked names) and see a field error', async () => {
  await page.goto(base + '/editor');
  await page.getByLabel('API key (editor role)').fill(process.env.EDITOR_KEY);
  await page.getByRole('button', { name: 'Use this key' }).click();
  check((await page.evaluate(() => sessionStorage.getItem('newsgraph.apiKey'))) === process.env.EDITOR_KEY, 'the key is not in session storage');
  check((await page.evaluate(() => localStorage.length)) === 0, 'something was written to local storage');
  await page.getByLabel('Title').fill('E2E: Pieskow o rozmowach');
  await page.getByLabel('Text', { exact: true }).fill('Rzecznik Kremla Dmitrij Pieskow powiedział, że Putin rozmawiał z Trumpem. Jan Kowalski nie skomentował.');
  await page.getByRole('button', { name: 'Ingest' }).click();
  const r = page.getByTestId('ingest-result');
  await r.waitFor();
  const text = await r.innerText();
  check(text.includes('Dmitry Peskov') && text.includes('Pieskow'), `no linked mention of Peskov: ${text}`);
  check(text.includes('Jan Kowalski') || text.includes('Kowalski'), `no unlinked name: ${text}`);
  await page.getByLabel('Attribution id').fill('attribution/e2e-bad-quote');
  await page.getByLabel('Actor id (person, organisation or source)').fill('person/dmitry-peskov');
  await page.getByLabel('Existing claim id (or fill in a new claim below)').fill('claim/2024-11-trump-putin-call');
  await page.getByLabel('Verbatim quote (must occur in the sources\' text)').fill('words that are not in the article');
  await page.getByLabel('Source ids (comma-separated)').fill('source/pl-article-2025-03-trump-putin-calls');
  await page.getByRole('button', { name: 'Record' }).click();
  const err = page.locator('.error');
  await err.waitFor();
  const msg = await err.innerText();
  check(/field/.test(msg), `the error does not name its field: ${msg}`);
  await shot(page, 'editor');
});

await browser.close();

if (offsite.length) failures.push(`requests to other hosts: ${offsite.join(', ')}`);
if (cspViolations.length) failures.push(`Content-Security-Policy violations: ${cspViolations.join(' | ')}`);
const report = ['time to first render (printed, not asserted):', ...timings.map((t) => '  ' + t)].join('\n');
console.log(report);
writeFileSync(join(out, 'timings.txt'), report + '\n');
if (failures.length) {
  console.log(`\n${failures.length} failure(s):\n` + failures.map((f) => '  ' + f).join('\n'));
  process.exit(1);
}
console.log('all browser tests passed');
