// Browser tests of the newsdex search page, run by tests/browser/run.sh against a server
// over a copy of fixtures/ plus one hostile article (xss.txt):
//
//   node tests/browser/search.test.mjs http://127.0.0.1:PORT/
//
// Drives Debian's Chromium (CHROMIUM, default /usr/bin/chromium) with playwright-core in a
// fresh profile. Prints one line per check and exits 1 at the first failure. Any uncaught
// page error, console error or dialog fails the run. SCREENSHOT names where the full-page
// screenshot of a results page goes (default docs/img/search-page.png).

import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const base = new URL(process.argv[2] || process.env.NEWSDEX_URL || '');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshotPath = resolve(process.env.SCREENSHOT || join(here, '..', '..', 'docs', 'img', 'search-page.png'));
const TIMEOUT = 20000;

// ---------------------------------------------------------------------------------------
// Harness

const problems = []; // page errors, console errors, dialogs: each fails the current check
const dialogs = [];
const apiRequests = [];
let allow400 = false; // set while a check provokes an API error on purpose

function watch(page) {
  page.on('pageerror', (e) => problems.push(`uncaught page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    const where = (m.location() && m.location().url) || '';
    if (/favicon\.ico/.test(where) || /favicon/.test(text)) return;
    if (allow400 && /status of 400/.test(text)) return;
    problems.push(`console error: ${text}${where ? ` (${where})` : ''}`);
  });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    problems.push(`a dialog was opened: ${d.type()} ${JSON.stringify(d.message())}`);
    await d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) apiRequests.push(u);
  });
  page.setDefaultTimeout(TIMEOUT);
}

let failed = false;
let passed = 0;
let lastPage = null;

async function check(name, fn) {
  problems.length = 0;
  try {
    await fn();
    if (problems.length) throw new Error(problems.join('\n     '));
    console.log(`ok   ${name}`);
    passed += 1;
  } catch (e) {
    failed = true;
    console.log(`FAIL ${name}`);
    console.log(`     ${String((e && e.stack) || e).split('\n').slice(0, 6).join('\n     ')}`);
    if (lastPage) {
      console.log(`     page URL: ${lastPage.url()}`);
      const shot = join(tmpdir(), 'newsdex-browser-failure.png');
      await lastPage.screenshot({ path: shot, fullPage: true }).then(
        () => console.log(`     screenshot of the failure: ${shot}`),
        () => {},
      );
    }
    throw e;
  }
}

/** Waits until the page has drawn everything for its current state. */
async function idle(page) {
  await page.waitForFunction(
    () => document.body && document.body.dataset.busy === '0' && Number(document.body.dataset.done) > 0,
    null, { timeout: TIMEOUT },
  );
}

/** Runs `action` and waits until the page has drawn the state it leads to. */
async function settled(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.done || 0));
  await action();
  await page.waitForFunction(
    (b) => Number(document.body.dataset.done) > b && document.body.dataset.busy === '0',
    before, { timeout: TIMEOUT },
  );
}

async function search(page, q, { from = '', to = '' } = {}) {
  await page.fill('#q', q);
  await page.fill('#from', from);
  await page.fill('#to', to);
  await settled(page, () => page.press('#q', 'Enter'));
}

const params = (page) => new URL(page.url()).searchParams;
const hitTitles = (page) => page.$$eval('#hits .hit-title a', (as) => as.map((a) => a.textContent));
const hitDates = (page) => page.$$eval('#hits .hit', (lis) => lis.map((li) => {
  const t = li.querySelector('.hit-meta time');
  return t ? t.getAttribute('datetime') : null;
}));
/** total_hits of the search on screen, from the "Results 1–10 of N" line. */
async function shownTotal(page) {
  const text = await page.textContent('#results-heading');
  const m = /([\d,]+) articles?/.exec(text || '');
  assert.ok(m, `no total in the results heading ${JSON.stringify(text)}`);
  return Number(m[1].replace(/,/g, ''));
}
const dayOf = (iso) => iso.slice(0, 10);

// ---------------------------------------------------------------------------------------
// The checks

const profile = mkdtempSync(join(tmpdir(), 'newsdex-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] || await context.newPage();
  lastPage = page;
  watch(page);

  await check('the page loads with the archive and its CSP, and no errors', async () => {
    const res = await page.goto(base.href);
    assert.equal(res.status(), 200);
    const csp = res.headers()['content-security-policy'] || '';
    assert.match(csp, /script-src 'self'/, 'the page is served with a Content-Security-Policy');
    await idle(page);
    assert.ok((await page.$$('#hits .hit')).length > 0, 'the landing page lists articles');
    assert.match(await page.textContent('#archive-info'), /\d+ articles/);
  });

  let stormTitles = [];
  await check('(1) a search shows ranked hits with highlighted matches', async () => {
    await page.click('#q');
    await page.keyboard.type('storm');
    await settled(page, () => page.keyboard.press('Enter'));
    assert.equal(params(page).get('q'), 'storm', 'the query is in the URL');
    stormTitles = await hitTitles(page);
    assert.ok(stormTitles.length >= 1, 'at least one hit');
    const marks = await page.$$eval('#hits .snippet mark', (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.length >= 1, 'highlighted <mark> elements in the snippets');
    assert.ok(marks.some((m) => /storm/i.test(m)), `a mark holds the query word: ${JSON.stringify(marks)}`);
    assert.match(await page.textContent('#results-meta'), /Results 1–\d+ of \d+/);
    assert.match(await page.textContent('#results-meta'), /ms/, 'took_ms is shown');
    assert.ok(await page.isVisible('#timeline svg .bar'), 'a timeline is drawn');
  });

  await check('(2) clicking a timeline bar narrows the dates to that bar and searches again', async () => {
    const bar = await page.$('#timeline .bar:not(.empty)');
    assert.ok(bar, 'a non-empty bar');
    const [from, to, count] = await bar.evaluate((g) => [g.dataset.from, g.dataset.to, Number(g.dataset.count)]);
    const before = apiRequests.length;
    await settled(page, () => bar.click());
    assert.equal(await page.inputValue('#from'), from);
    assert.equal(await page.inputValue('#to'), to);
    assert.equal(params(page).get('from'), from, 'from is in the URL');
    assert.equal(params(page).get('to'), to, 'to is in the URL');
    const refetched = apiRequests.slice(before).filter((u) => u.pathname === '/api/search');
    assert.ok(refetched.some((u) => u.searchParams.get('from') === from && u.searchParams.get('to') === to),
      'the search was asked again with the new range');
    assert.equal(await shownTotal(page), count, 'the total is the bar\'s count');
    const lo = from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from;
    const hi = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
    const dates = await hitDates(page);
    assert.ok(dates.length >= 1, 'hits in the range');
    for (const d of dates) {
      assert.ok(d && dayOf(d) >= lo && dayOf(d) <= hi, `hit dated ${d} outside ${from}..${to}`);
    }
  });

  await check('(3) clicking facet values filters the results', async () => {
    await search(page, 'ferry');
    const total = await shownTotal(page);
    // Source: a +path:SOURCE/* clause, which gives exactly the facet's count.
    const src = await page.$('#facet-source button.facet-value');
    assert.ok(src, 'a clickable source value');
    const [source, sourceCount] = await src.evaluate((b) => [b.dataset.value, Number(b.dataset.count)]);
    await settled(page, () => src.click());
    const q = await page.inputValue('#q');
    assert.ok(q.includes(`path:${source}/*`), `the query holds the source filter: ${q}`);
    assert.equal(params(page).get('q'), q, 'the URL holds the new query');
    assert.equal(await shownTotal(page), sourceCount, 'the total is the source\'s count');
    assert.ok(sourceCount <= total);
    const paths = await page.$$eval('#hits .hit .path', (ps) => ps.map((p) => p.textContent));
    assert.ok(paths.length && paths.every((p) => p.startsWith(`${source}/`)), `paths ${paths}`);
    assert.equal(await page.getAttribute(`#facet-source button[data-value="${source}"]`, 'aria-pressed'), 'true');
    // Clicking it again removes the filter.
    await settled(page, () => page.click(`#facet-source button[data-value="${source}"]`));
    assert.equal(await page.inputValue('#q'), 'ferry');
    assert.equal(await shownTotal(page), total);

    // Year: from = to = YEAR.
    const yr = await page.$('#facet-year button.facet-value');
    const [year, yearCount] = await yr.evaluate((b) => [b.dataset.value, Number(b.dataset.count)]);
    await settled(page, () => yr.click());
    assert.equal(await page.inputValue('#from'), year);
    assert.equal(await page.inputValue('#to'), year);
    assert.equal(params(page).get('from'), year);
    assert.equal(await shownTotal(page), yearCount, 'the total is the year\'s count');
    for (const d of await hitDates(page)) assert.ok(d && d.startsWith(year), `hit dated ${d} outside ${year}`);
    await settled(page, () => page.click('#clear-dates'));

    // Byline: +byline:"NAME" (a phrase in the byline, so at least the facet's count).
    const by = await page.$('#facet-byline button.facet-value');
    const [name, byCount] = await by.evaluate((b) => [b.dataset.value, Number(b.dataset.count)]);
    await settled(page, () => by.click());
    assert.ok((await page.inputValue('#q')).includes(`byline:"${name}"`));
    assert.ok((await shownTotal(page)) >= byCount && (await shownTotal(page)) <= total);
    const bylines = await page.$$eval('#hits .hit .byline', (bs) => bs.map((b) => b.textContent));
    assert.ok(bylines.length && bylines.every((b) => b.toLowerCase().includes(name.toLowerCase())), `bylines ${bylines}`);
  });

  await check('(4) an article opens with its body and related coverage; Back returns to the results', async () => {
    await search(page, 'storm');
    const titles = await hitTitles(page);
    assert.deepEqual(titles, stormTitles, 'same hits as before');
    await settled(page, () => page.click('#hits .hit-title a'));
    const id = params(page).get('view');
    assert.ok(id, 'the article id is in the URL');
    assert.equal(params(page).get('q'), 'storm', 'the query stays in the URL');
    assert.ok(await page.isVisible('#article-view'));
    assert.ok(!(await page.isVisible('#results-view')), 'the results are hidden');
    assert.equal(await page.textContent('#article-title'), titles[0]);
    const paras = await page.$$eval('#article-body p', (ps) => ps.map((p) => p.textContent));
    assert.ok(paras.length >= 2 && paras.join(' ').length > 200, 'the body is shown as paragraphs');
    assert.ok((await page.$$('#related .related-item a')).length >= 1, 'related coverage is listed');
    assert.ok(await page.isVisible('#article-copies .copy a'), 'this story\'s copies are listed');

    await settled(page, () => page.goBack());
    assert.ok(await page.isVisible('#results-view'), 'the results are back');
    assert.ok(!(await page.isVisible('#article-view')));
    assert.equal(params(page).get('view'), null);
    assert.equal(await page.inputValue('#q'), 'storm');
    assert.deepEqual(await hitTitles(page), titles);

    // Related article, then "Back to results" goes past both articles.
    await settled(page, () => page.click('#hits .hit-title a'));
    await settled(page, () => page.click('#related .related-item a'));
    assert.notEqual(params(page).get('view'), id, 'a related article opened');
    await settled(page, () => page.click('#back-to-results'));
    assert.ok(await page.isVisible('#results-view'));
    assert.equal(params(page).get('view'), null);
    assert.deepEqual(await hitTitles(page), titles);
  });

  await check('(5) a permalink reloads the same state in a fresh page', async () => {
    const p2 = await context.newPage();
    watch(p2);
    lastPage = p2;
    await p2.goto(new URL('/?q=ferry&sort=newest', base).href);
    await idle(p2);
    assert.equal(await p2.inputValue('#q'), 'ferry');
    assert.equal(await p2.inputValue('#sort'), 'newest');
    const dates = (await hitDates(p2)).filter(Boolean);
    assert.ok(dates.length >= 2, 'several dated hits');
    for (let i = 1; i < dates.length; i += 1) {
      assert.ok(dates[i - 1] >= dates[i], `not newest first: ${dates.join(', ')}`);
    }
    // An article permalink, too.
    const href = await p2.getAttribute('#hits .hit-title a', 'href');
    await p2.goto(new URL(href, base).href);
    await idle(p2);
    assert.ok(await p2.isVisible('#article-view'));
    assert.ok((await p2.$$('#article-body p')).length >= 1);
    await settled(p2, () => p2.click('#back-to-results'));
    assert.equal(await p2.inputValue('#q'), 'ferry');
    assert.ok((await p2.$$('#hits .hit')).length >= 2);
    await p2.close();
    lastPage = page;
  });

  await check('(6) hostile article text is shown as text, never run', async () => {
    await search(page, 'harbour report');
    const titles = await hitTitles(page);
    const i = titles.findIndex((t) => t.includes('<script>'));
    assert.ok(i >= 0, `the hostile article is found: ${JSON.stringify(titles)}`);
    assert.ok((await page.textContent('#hits')).includes('<script>window.__xss=3</script>'), 'literal markup in the snippet');
    await settled(page, () => page.click(`#hits .hit:nth-child(${i + 1}) .hit-title a`));
    const title = await page.textContent('#article-title');
    assert.equal(title, '<script>window.__xss=1</script> Harbour <img src=x onerror="window.__xss=2"> report');
    assert.ok(await page.isVisible('#article-title'));
    assert.ok((await page.innerText('#article-title')).includes('<script>'), 'the literal <script> is visible');
    assert.ok((await page.textContent('#article-body')).includes('<script>window.__xss=3</script>'));
    const state = await page.evaluate(() => ({
      xss: typeof window.__xss,
      imgs: document.querySelectorAll('img[src="x"], img').length,
      scripts: Array.from(document.scripts).map((s) => s.src || 'inline'),
    }));
    assert.equal(state.xss, 'undefined', 'window.__xss was never set');
    assert.equal(state.imgs, 0, 'no <img> element made from article text');
    assert.deepEqual(state.scripts.map((s) => new URL(s, base).pathname), ['/assets/app.js'], 'no script element but the page\'s own');
    assert.equal(dialogs.length, 0, 'no dialog');
    assert.ok((await page.title()).includes('<script>'), 'the document title is text too');
  });

  await check('(7) "+N copies" expands the list of a story\'s copies', async () => {
    await search(page, 'storm');
    const toggle = await page.$('#hits .copies-toggle');
    assert.ok(toggle, 'a story with copies');
    const label = await toggle.textContent();
    const n = Number((/\+(\d+)/.exec(label) || [])[1]);
    assert.ok(n >= 1, `label ${label}`);
    const listId = await toggle.getAttribute('aria-controls');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.ok(!(await page.isVisible(`#${listId}`)));
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.isVisible(`#${listId}`));
    const copies = await page.$$eval(`#${listId} li`, (lis) => lis.map((li) => li.textContent));
    assert.equal(copies.length, n);
    const copyPath = await page.textContent(`#${listId} li .path`);
    await settled(page, () => page.click(`#${listId} li a`));
    assert.ok(await page.isVisible('#article-view'));
    assert.ok((await page.textContent('#article-facts')).includes(copyPath), 'the copy opened');
    await settled(page, () => page.goBack());
  });

  await check('(7b) pagination, did-you-mean and API errors beside the search box', async () => {
    await search(page, '');
    const total = await shownTotal(page);
    assert.ok(total > 10);
    assert.match(await page.textContent('#page-info'), /^Results 1–10 of /);
    assert.ok(await page.isDisabled('#prev-page'));
    await settled(page, () => page.click('#next-page'));
    assert.equal(params(page).get('offset'), '10');
    assert.match(await page.textContent('#page-info'), /^Results 11–20 of /);
    await settled(page, () => page.click('#prev-page'));
    assert.equal(params(page).get('offset'), null);

    await search(page, 'fery');
    assert.ok(await page.isVisible('#did-you-mean'));
    const suggestion = await page.textContent('#did-you-mean-button');
    await settled(page, () => page.click('#did-you-mean-button'));
    assert.equal(await page.inputValue('#q'), suggestion);
    assert.ok((await page.$$('#hits .hit')).length >= 1);

    allow400 = true;
    try {
      await search(page, 'ferry', { from: '2015', to: '2014' });
      assert.ok(await page.isVisible('#search-error'), 'the error is shown');
      assert.match(await page.textContent('#search-error'), /2015.*2014|date range/i);
      assert.equal(await page.getAttribute('#from', 'aria-invalid'), 'true');
      await search(page, '"unclosed');
      assert.match(await page.textContent('#search-error'), /invalid query/);
    } finally {
      allow400 = false;
    }
    assert.equal(dialogs.length, 0, 'errors are not alerts');
    await search(page, 'ferry');
    assert.ok(!(await page.isVisible('#search-error')), 'the error goes away');
  });

  await check('(7c) export links carry the search, and every request stays small', async () => {
    const csv = new URL(await page.getAttribute('#export-csv', 'href'), base);
    assert.equal(csv.pathname, '/api/export');
    assert.equal(csv.searchParams.get('format'), 'csv');
    assert.equal(csv.searchParams.get('q'), 'ferry');
    const res = await page.request.get(csv.href);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /ferry/i);
    assert.ok(apiRequests.length > 10);
    for (const u of apiRequests) {
      const limit = Number(u.searchParams.get('limit') || 10);
      if (u.pathname === '/api/search') assert.ok(limit <= 20, `search limit ${limit}`);
      if (u.pathname.startsWith('/api/facets/')) assert.ok(u.searchParams.has('limit') && limit <= 15, `facet limit ${limit}`);
      if (u.pathname === '/api/timeline') assert.ok(u.searchParams.has('by'), 'timelines name their interval');
    }
    const bars = await page.$$eval('#timeline .bar', (bs) => bs.length);
    assert.ok(bars >= 1 && bars <= 500, `${bars} bars`);
  });

  await check('(8) screenshot of a results page', async () => {
    const p3 = await context.newPage();
    watch(p3);
    lastPage = p3;
    await p3.setViewportSize({ width: 1280, height: 900 });
    await p3.goto(new URL('/?q=port+strike+ships&any=1', base).href);
    await idle(p3);
    await p3.click('#hits .copies-toggle').catch(() => {});
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await p3.screenshot({ path: screenshotPath, fullPage: true });
    await p3.close();
    lastPage = page;
  });
} catch (e) {
  failed = true;
  if (!String(e && e.stack).includes('AssertionError')) console.error(e);
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}

if (failed) {
  console.log(`browser: ${passed} passed, 1 failed`);
  process.exit(1);
}
console.log(`browser: ${passed} passed, 0 failed`);
