// newsdex search page.
//
// Vanilla ES2020, no build step. The page is served with a Content-Security-Policy that
// allows scripts and styles from this server only, and this script never turns data into
// markup: every piece of article data (titles, bylines, paths, snippets, bodies, facet
// values, ids) goes into the document through textContent, createTextNode or setAttribute
// of a harmless attribute. There is no innerHTML, insertAdjacentHTML, outerHTML or
// document.write anywhere in this file; keep it that way.
//
// The whole state of the page lives in the URL (/?q=&any=1&from=&to=&sort=&by=&offset=&view=),
// so a permalink reloads the same view and Back/Forward work: every new search, page,
// filter or article pushes a history entry and `render` draws the page from a state.
//
// To stay fast on archives of millions of articles the page asks for one page of hits at
// a time (PAGE_SIZE), at most FACET_LIMIT values per facet, and a timeline whose bucket
// size keeps the chart to a few hundred bars at most.

const PAGE_SIZE = 10;
const FACET_LIMIT = 12;
const RELATED_LIMIT = 8;
const SVG_NS = 'http://www.w3.org/2000/svg';
const DAY_MS = 86400000;
const INTERVALS = ['day', 'week', 'month', 'year'];
const INTERVAL_DAYS = { day: 1, week: 7, month: 30.44, year: 365.25 };
/** Most bars a timeline draws when the bucket size is chosen by hand (auto keeps to ~200). */
const MAX_BARS = 1000;
const SORTS = ['relevance', 'newest', 'oldest'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------
// State <-> URL

/** @typedef {{q:string, any:boolean, from:string, to:string, sort:string, by:string, offset:number, view:string}} State */

/** @returns {State} */
function emptyState() {
  return { q: '', any: false, from: '', to: '', sort: 'relevance', by: '', offset: 0, view: '' };
}

/** The state a URL (its search part) describes; unknown or bad values fall back to defaults. */
function stateFromSearch(search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  s.q = p.get('q') || '';
  s.any = ['1', 'true', 'yes', 'on'].includes((p.get('any') || '').toLowerCase());
  s.from = (p.get('from') || '').trim();
  s.to = (p.get('to') || '').trim();
  const sort = (p.get('sort') || '').toLowerCase();
  s.sort = SORTS.includes(sort) ? sort : 'relevance';
  const by = (p.get('by') || '').toLowerCase();
  s.by = INTERVALS.includes(by) ? by : '';
  const offset = Number.parseInt(p.get('offset') || '0', 10);
  s.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
  s.view = (p.get('view') || '').trim();
  return s;
}

/** The page's own URL for a state: defaults left out, in a stable order. */
function urlFor(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.any) p.set('any', '1');
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.by) p.set('by', s.by);
  if (s.offset) p.set('offset', String(s.offset));
  if (s.view) p.set('view', s.view);
  const qs = p.toString();
  return qs ? `/?${qs}` : '/';
}

/** The filter part of a state (what timeline and facets depend on) as API parameters. */
function filterParams(s) {
  const p = new URLSearchParams();
  p.set('q', s.q);
  if (s.any) p.set('any', '1');
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  return p;
}

/** A search's API parameters, without paging. */
function searchParams(s) {
  const p = filterParams(s);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  return p;
}

// ---------------------------------------------------------------------------------------
// API

class ApiError extends Error {
  constructor(message, status, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter || null;
  }
}

/** GET a JSON endpoint; an API error becomes an ApiError with the server's message. */
async function api(path, params, signal) {
  const url = params ? `${path}?${params.toString()}` : path;
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError('The server could not be reached. Is newsdex still running?', 0, null);
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    body = null;
  }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' ? body.error : `The server answered ${res.status}.`;
    throw new ApiError(msg, res.status, body && body.parameter);
  }
  if (body === null) throw new ApiError('The server sent an answer that is not JSON.', res.status, null);
  return body;
}

/** A small most-recently-used cache of API answers (Back and Forward redraw at once). */
class Cache {
  constructor(size) { this.size = size; this.map = new Map(); }
  get(key) {
    if (!this.map.has(key)) return undefined;
    const v = this.map.get(key);
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }
  set(key, value) {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value);
  }
}

const cache = new Cache(40);

/** api() through the cache: the same request within a page's life is asked once. */
function cachedApi(path, params, signal) {
  const key = `${path}?${params ? params.toString() : ''}`;
  const hit = cache.get(key);
  if (hit !== undefined) return Promise.resolve(hit);
  return api(path, params, signal).then((v) => { cache.set(key, v); return v; });
}

let statsPromise = null;
/** /api/stats, asked once (its earliest/latest choose the timeline's bucket size). */
function stats() {
  if (!statsPromise) statsPromise = api('/api/stats').catch(() => null);
  return statsPromise;
}

// ---------------------------------------------------------------------------------------
// DOM helpers: text only

/** An element with a class and text (as text, never markup). */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS(SVG_NS, tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * Appends `text` to `parent` with the ranges in `highlights` wrapped in <mark>. The ranges
 * are [start, end) in Unicode code points (not UTF-16 units), hence Array.from.
 */
function appendHighlighted(parent, text, highlights) {
  const cps = Array.from(text || '');
  const ranges = (Array.isArray(highlights) ? highlights : [])
    .filter((r) => Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([a, b]) => [Math.max(0, a), Math.min(cps.length, b)])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  let at = 0;
  for (const [a0, b] of ranges) {
    const a = Math.max(a0, at);
    if (a >= b) continue;
    if (a > at) parent.appendChild(document.createTextNode(cps.slice(at, a).join('')));
    parent.appendChild(el('mark', null, cps.slice(a, b).join('')));
    at = b;
  }
  if (at < cps.length) parent.appendChild(document.createTextNode(cps.slice(at).join('')));
}

/** The first component of an archive path: the collection it came from. */
function sourceOf(path) {
  const p = String(path || '');
  const i = p.indexOf('/');
  return i > 0 ? p.slice(0, i) : '';
}

function plural(n, one, many) {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : (many || `${one}s`)}`;
}

// ---------------------------------------------------------------------------------------
// Dates

/**
 * A date as precise as the article gives it ("2014", "March 2014", "14 Mar 2014"), on the
 * source's clock: the API writes the offset the source gave ("2019-11-18T19:05:00-05:00"
 * is 18 Nov 2019, 19:05 UTC-05:00), so the fields are read as written, not converted.
 */
function formatDate(iso, precision, withTime) {
  if (!iso) return '';
  const f = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!f) return String(iso);
  const y = Number(f[1]);
  const m = Number(f[2]) - 1;
  if (!(m >= 0 && m < 12)) return String(iso);
  switch (precision) {
    case 'year': return String(y);
    case 'month': return `${MONTHS_LONG[m]} ${y}`;
    default: {
      const day = `${Number(f[3])} ${MONTHS[m]} ${y}`;
      if (withTime && (precision === 'minute' || precision === 'second')) {
        const zone = f[6] === 'Z' ? 'UTC' : `UTC${f[6]}`;
        return `${day}, ${f[4]}:${f[5]} ${zone}`;
      }
      return day;
    }
  }
}

/** "YYYY-MM-DD" -> UTC milliseconds (NaN if not such a date). */
function dayMs(ymd) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function ymd(ms) {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The first and last day (UTC ms) of a from/to bound as typed: YYYY, YYYY-MM or
 * YYYY-MM-DD (anything else: null, and the server will say what is wrong with it).
 */
function boundDays(text) {
  const t = String(text || '').trim();
  let m;
  if ((m = /^(\d{4})$/.exec(t))) {
    const y = Number(m[1]);
    return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 0)];
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t))) {
    const d = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return [d, d];
  }
  return null;
}

/** The bucket size that keeps a span of `days` to a few hundred bars at most. */
function intervalFor(days) {
  if (days > 15 * 366) return 'year';
  if (days > 2 * 366) return 'month';
  if (days > 122) return 'week';
  return 'day';
}

/** A bucket's last day (UTC ms) from its first ("YYYY-MM-DD") and its size. */
function bucketEnd(start, by) {
  const s = new Date(dayMs(start));
  const y = s.getUTCFullYear();
  const mo = s.getUTCMonth();
  switch (by) {
    case 'year': return Date.UTC(y, 11, 31);
    case 'month': return Date.UTC(y, mo + 1, 0);
    case 'week': return s.getTime() + 6 * DAY_MS;
    default: return s.getTime();
  }
}

/** The from/to a bucket names, in the shortest form that says it exactly. */
function bucketBounds(start, by) {
  switch (by) {
    case 'year': return [start.slice(0, 4), start.slice(0, 4)];
    case 'month': return [start.slice(0, 7), start.slice(0, 7)];
    case 'week': return [start, ymd(bucketEnd(start, 'week'))];
    default: return [start, start];
  }
}

/** A bucket for people: "2014", "Mar 2014", "week of 3 Mar 2014", "3 Mar 2014". */
function bucketLabel(start, by, long) {
  const d = new Date(dayMs(start));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (by) {
    case 'year': return String(y);
    case 'month': return long ? `${MONTHS_LONG[m]} ${y}` : `${MONTHS[m]} ${y}`;
    case 'week': return long ? `Week of ${d.getUTCDate()} ${MONTHS[m]} ${y}` : `${d.getUTCDate()} ${MONTHS[m]} ${y}`;
    default: return `${d.getUTCDate()} ${MONTHS[m]} ${y}`;
  }
}

// ---------------------------------------------------------------------------------------
// Query editing for facet filters

/** Byline names go inside a phrase: quotes would end it early, so they are dropped. */
function bylineClause(name) {
  const clean = String(name).replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
  return `+byline:"${clean}"`;
}

/**
 * The source facet counts the first component of each article's path, so a source is
 * filtered with the exact-match `path:` field and a prefix: `path:wire/*` matches every
 * file under wire/ (checked against the API: it gives exactly the facet's count). Characters
 * the query grammar treats specially are escaped with a backslash (`path:my\ dir/*`).
 * Articles at the archive's root have no folder to filter on; that value is shown but is
 * not clickable.
 */
function sourceClause(source) {
  const esc = String(source).replace(/[\s+\-&|!(){}[\]^"~*?:\\<>=']/g, (c) => `\\${c}`);
  return `+path:${esc}/*`;
}

/** Index of the parenthesis closing the one at `open`, outside quotes (-1 if none). */
function closingParen(q, open) {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < q.length; i += 1) {
    const c = q[i];
    if (c === '\\') { i += 1; continue; }
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth += 1;
    if (c === ')') { depth -= 1; if (depth === 0) return i; }
  }
  return -1;
}

/** Filters added by facets: `+byline:"..."` and `+path:...` (with backslash escapes). */
const FILTER_RE = /\s\+(?:byline:"[^"]*"|lang:[a-z]{2,3}|path:(?:\\.|[^\s\\])+)/g;

/**
 * Adds a required filter clause to a query. Bare words are required by default, but
 * under "match any word" they are optional, and a required clause would then let through
 * articles that match none of them: so there the words are grouped and the group is
 * required too, `+(ferry storm) +byline:"AP"`.
 */
function addClause(q, clause, any) {
  const base = q.trim();
  if (!base) return clause;
  if (hasClause(base, clause)) return base;
  if (!any) return `${base} ${clause}`;
  const filters = [];
  const words = ` ${base}`.replace(FILTER_RE, (m) => { filters.push(m.trim()); return ' '; }).trim();
  let group = '';
  if (words) {
    const grouped = words.startsWith('+(') && closingParen(words, 1) === words.length - 1;
    group = grouped ? words : `+(${words})`;
  }
  return [group, ...filters, clause].filter(Boolean).join(' ');
}

function hasClause(q, clause) {
  const t = ` ${q} `;
  return t.includes(` ${clause} `);
}

function removeClause(q, clause) {
  let out = ` ${q} `.replace(` ${clause} `, ' ').replace(/\s+/g, ' ').trim();
  // `+(words)` alone again: back to the words.
  if (out.startsWith('+(') && closingParen(out, 1) === out.length - 1) out = out.slice(2, -1).trim();
  return out;
}

// ---------------------------------------------------------------------------------------
// Navigation

let current = emptyState();

/**
 * Goes to a new state: a history entry (or a replaced one), then the page drawn for it.
 * `depth` counts the articles opened one from another since the results list, so "Back to
 * results" can go back past all of them.
 */
function navigate(next, { replace = false, depth = 0 } = {}) {
  const url = urlFor(next);
  const here = location.pathname + location.search;
  if (!replace && url !== here) {
    // Remember where the page was scrolled, for Back.
    history.replaceState(Object.assign({}, history.state || {}, { scrollY: window.scrollY }), '', here);
    history.pushState({ depth }, '', url);
  } else {
    history.replaceState({ depth }, '', url);
  }
  window.scrollTo(0, 0);
  render(next, null);
}

window.addEventListener('popstate', (ev) => {
  const st = ev.state || {};
  render(stateFromSearch(location.search), typeof st.scrollY === 'number' ? st.scrollY : 0);
});

/** The form's values as a new search (page 1, no article open). */
function stateFromForm() {
  const s = Object.assign({}, current);
  s.q = $('q').value.trim();
  s.from = $('from').value.trim();
  s.to = $('to').value.trim();
  s.sort = $('sort').value;
  s.any = $('any').checked;
  s.offset = 0;
  s.view = '';
  return s;
}

function syncForm(s) {
  $('q').value = s.q;
  $('from').value = s.from;
  $('to').value = s.to;
  $('sort').value = s.sort;
  $('any').checked = s.any;
  $('by').value = s.by;
}

// ---------------------------------------------------------------------------------------
// Rendering: the generation counter drops answers to requests a newer render replaced.

let generation = 0;
let controller = null;
let doneCount = 0;

function setBusy(busy) {
  document.body.dataset.busy = busy ? '1' : '0';
  if (!busy) {
    doneCount += 1;
    document.body.dataset.done = String(doneCount);
  }
}

/** Draws the page for a state; `scrollY` (not null): where to scroll once it is drawn. */
function render(s, scrollY) {
  current = s;
  generation += 1;
  const gen = generation;
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  syncForm(s);
  showError(null);
  setBusy(true);
  const isArticle = Boolean(s.view);
  document.body.dataset.view = isArticle ? 'article' : 'results';
  $('results-view').hidden = isArticle;
  $('results-side').hidden = isArticle;
  $('article-view').hidden = !isArticle;
  $('article-side').hidden = !isArticle;
  const work = isArticle ? renderArticle(s, gen, signal) : renderResults(s, gen, signal);
  work.catch((e) => {
    if (gen === generation && !(e && e.name === 'AbortError')) showError(e);
  }).finally(() => {
    if (gen !== generation) return;
    if (scrollY !== null && scrollY !== undefined) window.scrollTo(0, scrollY);
    setBusy(false);
  });
}

/** Shows an API error beside the search box (null: hides it), marking the field at fault. */
function showError(e) {
  const box = $('search-error');
  for (const id of ['q', 'from', 'to']) $(id).removeAttribute('aria-invalid');
  if (!e) {
    box.hidden = true;
    clear(box);
    return;
  }
  clear(box);
  box.appendChild(el('strong', null, e.status >= 500 || e.status === 0 ? 'Server error: ' : 'Cannot search: '));
  box.appendChild(document.createTextNode(e.message || String(e)));
  box.hidden = false;
  const field = { q: 'q', from: 'from', to: 'to', since: 'from' }[e.parameter];
  if (field) $(field).setAttribute('aria-invalid', 'true');
}

// ---------------------------------------------------------------------------------------
// Results

/** Ranks by date when there is nothing to rank by relevance (an empty query). */
function effectiveSort(s) {
  return !s.q && s.sort === 'relevance' ? 'newest' : s.sort;
}

async function renderResults(s, gen, signal) {
  document.title = s.q ? `${s.q} — newsdex` : 'newsdex';
  $('hits').setAttribute('aria-busy', 'true');
  updateExport(s);
  const p = searchParams(s);
  if (effectiveSort(s) !== 'relevance') p.set('sort', effectiveSort(s));
  p.set('limit', String(PAGE_SIZE));
  if (s.offset) p.set('offset', String(s.offset));
  const search = cachedApi('/api/search', p, signal).then((r) => {
    if (gen === generation) drawHits(s, r);
  }, (e) => {
    if (gen === generation && !(e && e.name === 'AbortError')) drawHitsFailed();
    throw e;
  });
  // Timeline and facets fail quietly in their own panels: the search's error says it.
  const panel = (promise, container) => promise.catch((e) => {
    if (gen === generation && !(e && e.name === 'AbortError')) drawPanelError(container, e);
  });
  const others = [panel(loadTimeline(s, gen, signal), $('timeline'))];
  for (const f of ['byline', 'year', 'source', 'language']) others.push(panel(loadFacet(s, f, gen, signal), $(`facet-${f}`)));
  const [result] = await Promise.allSettled([search, ...others]);
  if (result.status === 'rejected') throw result.reason;
}

function updateExport(s) {
  for (const fmt of ['csv', 'ndjson']) {
    const p = searchParams(s);
    if (effectiveSort(s) !== 'relevance') p.set('sort', effectiveSort(s));
    p.set('format', fmt);
    $(`export-${fmt}`).setAttribute('href', `/api/export?${p.toString()}`);
  }
}

function drawHitsFailed() {
  const list = $('hits');
  clear(list);
  list.setAttribute('aria-busy', 'false');
  $('results-heading').textContent = 'No results';
  $('results-meta').textContent = '';
  $('did-you-mean').hidden = true;
  $('pager').hidden = true;
}

function drawHits(s, r) {
  const list = $('hits');
  clear(list);
  list.setAttribute('aria-busy', 'false');
  const hits = Array.isArray(r.hits) ? r.hits : [];
  const total = Number(r.total_hits) || 0;
  // Pages count stories (copy clusters) when copies collapse; total counts articles.
  const stories = Number.isFinite(Number(r.total_stories)) ? Number(r.total_stories) : total;
  const heading = $('results-heading');
  if (s.q) {
    heading.textContent = '';
    heading.appendChild(document.createTextNode(`${plural(total, 'article')} for `));
    heading.appendChild(el('q', 'query-echo', s.q));
  } else {
    heading.textContent = total === 1 ? '1 article' : `All ${plural(total, 'article')}`;
  }
  const first = s.offset + 1;
  const last = s.offset + hits.length;
  const meta = $('results-meta');
  const parts = [];
  const range = `Results ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${stories.toLocaleString('en-US')}${stories !== total ? ` ${stories === 1 ? 'story' : 'stories'}` : ''}`;
  if (hits.length) parts.push(range);
  const copies = hits.reduce((a, h) => a + (Array.isArray(h.copies) ? h.copies.length : 0), 0);
  if (copies) parts.push(`${plural(copies, 'copy', 'copies')} grouped with ${copies === 1 ? 'its story' : 'their stories'}`);
  if (s.from && s.from === s.to) parts.push(`dated ${s.from}`);
  else if (s.from || s.to) parts.push(`dated ${s.from || '…'} to ${s.to || '…'}`);
  const sort = effectiveSort(s);
  parts.push(`${sort === 'relevance' ? 'by relevance' : sort === 'newest' ? 'newest first' : 'oldest first'}`);
  if (typeof r.took_ms === 'number') parts.push(`${r.took_ms < 10 ? r.took_ms.toFixed(1) : Math.round(r.took_ms)} ms`);
  meta.textContent = parts.join(' · ');

  const dym = $('did-you-mean');
  if (r.did_you_mean && r.did_you_mean !== s.q) {
    $('did-you-mean-button').textContent = r.did_you_mean;
    dym.hidden = false;
  } else {
    dym.hidden = true;
  }

  list.setAttribute('start', String(first));
  for (const hit of hits) list.appendChild(hitItem(hit));
  if (!hits.length) {
    const li = el('li', 'empty');
    li.appendChild(el('p', null, s.offset ? 'No more results on this page.' : 'No articles match this search.'));
    if (!s.offset) {
      const tips = el('p', 'hint', 'Try fewer words, "Match any word", a wider date range, or a prefix such as ferr*.');
      li.appendChild(tips);
    }
    list.appendChild(li);
  }

  const pager = $('pager');
  const hasPrev = s.offset > 0;
  const hasNext = s.offset + hits.length < stories;
  pager.hidden = !hasPrev && !hasNext;
  $('prev-page').disabled = !hasPrev;
  $('next-page').disabled = !hasNext;
  $('page-info').textContent = hits.length ? range : '';
}

/** A link that opens an article in this page (and, with a modifier key, in a new tab). */
function articleLink(id, text, className) {
  const a = el('a', className || 'article-link', text || '(untitled)');
  const target = Object.assign({}, current, { view: String(id) });
  a.setAttribute('href', urlFor(target));
  a.dataset.id = String(id);
  return a;
}

function metaItem(parent, className, text, title) {
  if (!text) return;
  if (parent.childNodes.length) parent.appendChild(el('span', 'sep', '·'));
  const span = el('span', className, text);
  if (title) span.setAttribute('title', title);
  parent.appendChild(span);
}

function hitItem(hit) {
  const li = el('li', 'hit');
  const h = el('h2', 'hit-title');
  h.appendChild(articleLink(hit.id, hit.title || '(untitled)'));
  li.appendChild(h);

  const meta = el('p', 'hit-meta');
  if (hit.date) {
    const t = el('time', 'date', formatDate(hit.date, hit.date_precision, false));
    t.setAttribute('datetime', hit.date);
    meta.appendChild(t);
  } else {
    meta.appendChild(el('span', 'date undated', 'undated'));
  }
  metaItem(meta, 'byline', hit.byline);
  const src = sourceOf(hit.path);
  if (src) metaItem(meta, 'source', src);
  metaItem(meta, 'path', hit.path, 'Path in the archive');
  li.appendChild(meta);

  const sn = hit.snippet;
  if (sn && sn.text) {
    const p = el('p', 'snippet');
    appendHighlighted(p, sn.text, sn.highlights);
    // Say so when the snippet starts or stops mid-sentence.
    if (/^[a-z]/.test(sn.text)) p.insertBefore(document.createTextNode('… '), p.firstChild);
    if (!/[.!?"'”’)]$/.test(sn.text.trim())) p.appendChild(document.createTextNode(' …'));
    li.appendChild(p);
  }

  const copies = Array.isArray(hit.copies) ? hit.copies : [];
  if (copies.length) {
    const listId = `copies-${String(hit.id).replace(/[^A-Za-z0-9_-]/g, '')}-${hit.rank}`;
    const btn = el('button', 'copies-toggle', `+${copies.length} ${copies.length === 1 ? 'copy' : 'copies'}`);
    btn.type = 'button';
    btn.setAttribute('aria-expanded', 'false');
    btn.setAttribute('aria-controls', listId);
    btn.setAttribute('title', 'The same story elsewhere in the archive (syndicated or republished)');
    const ul = el('ul', 'copies');
    ul.id = listId;
    ul.hidden = true;
    for (const c of copies) ul.appendChild(copyItem(c));
    btn.addEventListener('click', () => {
      const open = btn.getAttribute('aria-expanded') !== 'true';
      btn.setAttribute('aria-expanded', String(open));
      ul.hidden = !open;
    });
    li.appendChild(btn);
    li.appendChild(ul);
  }
  return li;
}

function copyItem(c) {
  const li = el('li', 'copy');
  li.appendChild(articleLink(c.id, c.title || '(untitled)'));
  const meta = el('span', 'copy-meta');
  if (c.date) metaItem(meta, 'date', formatDate(c.date, null, false));
  metaItem(meta, 'path', c.path);
  li.appendChild(meta);
  return li;
}

function drawPanelError(container, e) {
  clear(container);
  container.setAttribute('aria-busy', 'false');
  let text = 'Could not be loaded.';
  if (e && e.status >= 400 && e.status < 500) {
    // A bad query or date is explained beside the search box; anything else here.
    text = ['q', 'from', 'to', 'any'].includes(e.parameter) ? 'Not available for this search.' : e.message;
  }
  container.appendChild(el(container.tagName === 'UL' ? 'li' : 'p', 'note error-note', text));
}

// ---------------------------------------------------------------------------------------
// Timeline

/** Last drawn timeline, redrawn at the new width when the window is resized. */
let lastTimeline = null;

async function loadTimeline(s, gen, signal) {
  const box = $('timeline');
  box.setAttribute('aria-busy', 'true');
  let by = s.by;
  const auto = !by;
  let capped = '';
  // The span asked for, or else the archive's: the bucket size comes from it.
  const st = await stats();
  const f = boundDays(s.from);
  const l = boundDays(s.to);
  const lo = f ? f[0] : (st && st.earliest ? Date.parse(st.earliest) : NaN);
  const hi = l ? l[1] : (st && st.latest ? Date.parse(st.latest) : NaN);
  const days = Number.isFinite(lo) && Number.isFinite(hi) ? Math.max(0, hi - lo) / DAY_MS : NaN;
  if (auto) {
    by = Number.isFinite(days) ? intervalFor(days) : 'year';
  } else if (Number.isFinite(days)) {
    // A size chosen by hand is kept unless it would draw thousands of bars.
    const wanted = by;
    while (by !== 'year' && days / INTERVAL_DAYS[by] > MAX_BARS) by = INTERVALS[INTERVALS.indexOf(by) + 1];
    if (by !== wanted) capped = `Too many ${wanted}s to draw (about ${plural(Math.round(days / INTERVAL_DAYS[wanted]), 'bar')}): showing ${by}s; narrow the dates for ${wanted}s.`;
  }
  const ask = (interval) => {
    const p = filterParams(s);
    p.set('by', interval);
    return cachedApi('/api/timeline', p, signal);
  };
  let t;
  try {
    t = await ask(by);
  } catch (e) {
    // Too many buckets for the span: fall back to years.
    if (auto && e instanceof ApiError && e.parameter === 'by' && by !== 'year') {
      by = 'year';
      t = await ask(by);
    } else {
      throw e;
    }
  }
  // The matches may span far less than the archive (the server lists buckets from the
  // first match to the last): zoom in while that allows finer bars (at most twice).
  for (let round = 0; auto && round < 2 && Array.isArray(t.buckets) && t.buckets.length; round += 1) {
    const span = (bucketEnd(t.buckets[t.buckets.length - 1].start, by) - dayMs(t.buckets[0].start)) / DAY_MS;
    const finer = intervalFor(span);
    if (INTERVALS.indexOf(finer) >= INTERVALS.indexOf(by)) break;
    by = finer;
    t = await ask(by);
  }
  if (gen !== generation) return;
  lastTimeline = { s, t, by, capped };
  drawTimeline(s, t, by, capped);
  box.setAttribute('aria-busy', 'false');
}

/**
 * Where the x axis may be labelled: [bucket index, label] at each new year (long series),
 * each new month, or each bucket (short series).
 */
function xTicks(buckets, by) {
  const n = buckets.length;
  const out = [];
  const parts = (b) => b.start.split('-').map(Number);
  if (by === 'year' || n <= 6) {
    buckets.forEach((b, i) => out.push([i, bucketLabel(b.start, by === 'week' ? 'day' : by)]));
    return out;
  }
  const months = by === 'month' ? n : (dayMs(buckets[n - 1].start) - dayMs(buckets[0].start)) / DAY_MS / 30.4;
  if (months < 2.5) {
    // Days or weeks within a month or two: label days (the legend gives the year).
    buckets.forEach((b, i) => {
      const d = new Date(dayMs(b.start));
      out.push([i, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`]);
    });
    return out;
  }
  const perYear = months > 14;
  let prev = null;
  buckets.forEach((b, i) => {
    const [y, mo] = parts(b);
    const key = perYear ? y : y * 12 + mo;
    if (key !== prev) {
      out.push([i, perYear ? String(y) : `${MONTHS[mo - 1]} ${y}`]);
      prev = key;
    }
  });
  // A series that starts mid-year is labelled from its first full year.
  if (perYear && out.length > 1 && parts(buckets[0])[1] !== 1) out.shift();
  return out;
}

/** A round number at or above `n` for the chart's scale. */
function niceCeil(n) {
  if (n <= 5) return Math.max(1, Math.ceil(n));
  const pow = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= n) return m * pow;
  return 10 * pow;
}

function drawTimeline(s, t, by, capped) {
  const box = $('timeline');
  clear(box);
  const note = $('timeline-note');
  const buckets = Array.isArray(t.buckets) ? t.buckets : [];
  const notes = [];
  if (t.undated) notes.push(`${plural(t.undated, 'article')} without a date`);
  if (t.coarse) notes.push(`${plural(t.coarse, 'article')} dated too coarsely for ${by}s`);
  note.textContent = [capped || '', notes.length ? `Not shown: ${notes.join('; ')}.` : ''].filter(Boolean).join(' ');
  if (!buckets.length || !buckets.some((b) => b.count > 0)) {
    box.appendChild(el('p', 'note', 'No dated articles match.'));
    return;
  }

  const width = Math.max(240, Math.floor(box.clientWidth || 300));
  const height = 168;
  const m = { top: 10, right: 6, bottom: 26, left: 34 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const n = buckets.length;
  const max = niceCeil(Math.max(...buckets.map((b) => b.count)));
  // Bars at most 42px wide; a short series is centred.
  const step = Math.min(plotW / n, 42);
  const x0 = m.left + (plotW - step * n) / 2;
  const gap = step >= 6 ? Math.min(step > 24 ? 6 : 2, step * 0.18) : 0;
  const y = (v) => m.top + plotH - (v / max) * plotH;

  const chart = svg('svg', {
    width, height, viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'group',
    'aria-label': `Articles per ${by}, ${bucketLabel(buckets[0].start, by)} to ${bucketLabel(buckets[n - 1].start, by)}. Choose a bar to narrow the dates to it.`,
  });

  // Grid and y axis: 0, half and the top of the scale.
  const ticks = max >= 2 ? [0, max / 2, max] : [0, max];
  for (const v of ticks) {
    const yy = Math.round(y(v)) + 0.5;
    chart.appendChild(svg('line', { x1: m.left, x2: width - m.right, y1: yy, y2: yy, class: v === 0 ? 'axis' : 'grid' }));
    const label = svg('text', { x: m.left - 6, y: yy, class: 'tick', 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    label.textContent = Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1);
    chart.appendChild(label);
  }

  // x labels at calendar boundaries (years, else months, else days), as many as fit.
  const ticksAt = xTicks(buckets, by);
  const labelW = Math.max(...ticksAt.map(([, text]) => text.length), 4) * 6 + 10;
  let lastX = -Infinity;
  for (const [i, text] of ticksAt) {
    const cx = x0 + step * (i + 0.5);
    const x = Math.min(Math.max(cx, m.left + labelW / 2 - 6), width - m.right - labelW / 2 + 6);
    if (x - lastX < labelW) continue;
    lastX = x;
    chart.appendChild(svg('line', { x1: cx, x2: cx, y1: m.top + plotH, y2: m.top + plotH + 3, class: 'axis' }));
    const tx = svg('text', { x, y: height - 8, class: 'tick', 'text-anchor': 'middle' });
    tx.textContent = text;
    chart.appendChild(tx);
  }

  // Bars: each a button (one tab stop for the chart; arrow keys move between bars).
  const bars = svg('g', { class: 'bars' });
  const f = boundDays(s.from);
  const tt = boundDays(s.to);
  let focusIndex = -1;
  buckets.forEach((b, i) => {
    const [from, to] = bucketBounds(b.start, by);
    const label = `${bucketLabel(b.start, by, true)}: ${plural(b.count, 'article')}`;
    const g = svg('g', {
      class: b.count ? 'bar' : 'bar empty', role: 'button', tabindex: '-1',
      'aria-label': `${label}. Show only this ${by}.`, 'data-from': from, 'data-to': to, 'data-count': b.count,
      'data-start': b.start,
    });
    const title = svg('title');
    title.textContent = `${label} — click to show only this ${by}`;
    g.appendChild(title);
    const x = x0 + step * i;
    g.appendChild(svg('rect', { class: 'bar-hit', x, y: m.top, width: Math.max(step, 1), height: plotH }));
    const h = b.count ? Math.max(2, plotH - (y(b.count) - m.top)) : 0;
    g.appendChild(svg('rect', {
      // At least 2px wide, so that a lone article still shows among hundreds of bars.
      class: 'bar-fill', x: x + gap / 2 - Math.max(0, 2 - (step - gap)) / 2, y: m.top + plotH - h,
      width: Math.max(step - gap, 2), height: h, rx: step > 8 ? 1.5 : 0,
    }));
    // The bar that is the current date range, if any.
    if (f && tt && dayMs(b.start) <= f[0] && bucketEnd(b.start, by) >= tt[1]) g.classList.add('current');
    if (focusIndex < 0 && b.count) focusIndex = i;
    bars.appendChild(g);
  });
  chart.appendChild(bars);
  const barEls = Array.from(bars.children);
  const legend = el('p', 'chart-legend');
  legend.setAttribute('aria-live', 'off');
  const sum = buckets.reduce((a, b) => a + b.count, 0);
  const legendText = `${plural(sum, 'dated article')} by ${by}, ${bucketLabel(buckets[0].start, by)} – ${bucketLabel(buckets[n - 1].start, by)}`;
  legend.textContent = legendText;
  if (focusIndex >= 0) barEls[focusIndex].setAttribute('tabindex', '0');

  const activate = (g) => {
    if (g.classList.contains('empty')) return;
    narrowTo(g.getAttribute('data-from'), g.getAttribute('data-to'));
  };
  // Bars can be a pixel or two wide: the pointer picks the nearest non-empty bar within a
  // few pixels, shows it in the legend and clicks it.
  const near = (ev) => {
    const r = chart.getBoundingClientRect();
    const x = (ev.clientX - r.left) * (r.width ? width / r.width : 1);
    const i = Math.floor((x - x0) / step);
    if (i < -1 || i > n) return null;
    const reach = Math.ceil(6 / step);
    for (let d = 0; d <= reach; d += 1) {
      for (const j of [i - d, i + d]) if (j >= 0 && j < n && buckets[j].count) return barEls[j];
    }
    return i >= 0 && i < n ? barEls[i] : null;
  };
  let hovered = null;
  const hover = (g) => {
    if (hovered === g) return;
    if (hovered) hovered.classList.remove('hover');
    hovered = g;
    if (g) {
      g.classList.add('hover');
      const b = buckets[barEls.indexOf(g)];
      legend.textContent = `${bucketLabel(b.start, by, true)}: ${plural(b.count, 'article')}${b.count ? ' — click to show only these' : ''}`;
    } else {
      legend.textContent = legendText;
    }
  };
  chart.addEventListener('pointermove', (ev) => hover(near(ev)));
  chart.addEventListener('pointerleave', () => hover(null));
  chart.addEventListener('click', (ev) => {
    const g = near(ev);
    if (g) activate(g);
  });
  bars.addEventListener('keydown', (ev) => {
    const g = ev.target instanceof Element ? ev.target.closest('g.bar') : null;
    if (!g) return;
    const i = barEls.indexOf(g);
    let j = -1;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowUp') j = Math.min(barEls.length - 1, i + 1);
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowDown') j = Math.max(0, i - 1);
    else if (ev.key === 'Home') j = 0;
    else if (ev.key === 'End') j = barEls.length - 1;
    else if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); activate(g); return; }
    if (j >= 0) {
      ev.preventDefault();
      g.setAttribute('tabindex', '-1');
      barEls[j].setAttribute('tabindex', '0');
      barEls[j].focus();
    }
  });
  box.appendChild(chart);

  box.appendChild(legend);
}

/** Narrows the dates to a bar's span (kept inside the current bounds) and searches again. */
function narrowTo(bFrom, bTo) {
  let from = bFrom;
  let to = bTo;
  const cf = boundDays(current.from);
  const ct = boundDays(current.to);
  const nf = boundDays(from);
  const nt = boundDays(to);
  if (cf && nf && cf[0] > nf[0]) from = current.from;
  if (ct && nt && ct[1] < nt[1]) to = current.to;
  navigate(Object.assign({}, current, { from, to, by: '', offset: 0, view: '' }));
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (lastTimeline && !current.view && lastTimeline.s === current) {
      drawTimeline(lastTimeline.s, lastTimeline.t, lastTimeline.by, lastTimeline.capped);
    }
  }, 150);
});

// ---------------------------------------------------------------------------------------
// Facets

async function loadFacet(s, facet, gen, signal) {
  const ul = $(`facet-${facet}`);
  ul.setAttribute('aria-busy', 'true');
  const p = filterParams(s);
  p.set('limit', String(FACET_LIMIT));
  const r = await cachedApi(`/api/facets/${facet}`, p, signal);
  if (gen !== generation) return;
  drawFacet(s, facet, r);
  ul.setAttribute('aria-busy', 'false');
}

function facetAction(s, facet, value) {
  if (facet === 'year') {
    const active = s.from === value && s.to === value;
    return {
      active,
      apply: () => navigate(Object.assign({}, s, active ? { from: '', to: '' } : { from: value, to: value }, { offset: 0, view: '', by: '' })),
    };
  }
  if (facet === 'byline' || facet === 'source' || facet === 'language') {
    if (facet === 'source' && (value.includes('/') || value.startsWith('('))) return null; // "(archive root)"
    if (facet === 'language' && !/^[a-z]{2,3}$/.test(value)) return null;
    const clause = facet === 'byline' ? bylineClause(value)
      : facet === 'language' ? `+lang:${value}` : sourceClause(value);
    const active = hasClause(s.q, clause);
    return {
      active,
      apply: () => navigate(Object.assign({}, s, {
        q: active ? removeClause(s.q, clause) : addClause(s.q, clause, s.any), offset: 0, view: '',
      })),
    };
  }
  return null;
}

function drawFacet(s, facet, r) {
  const ul = $(`facet-${facet}`);
  clear(ul);
  const values = Array.isArray(r.values) ? r.values : [];
  if (!values.length) {
    ul.appendChild(el('li', 'note', facet === 'byline' ? 'No bylines.' : facet === 'year' ? 'No dated articles.' : facet === 'language' ? 'No languages.' : 'No sources.'));
    return;
  }
  const max = Math.max(...values.map((v) => v.count), 1);
  for (const v of values) {
    const li = el('li', 'facet-item');
    const value = String(v.value);
    const action = facetAction(s, facet, value);
    const item = el(action ? 'button' : 'span', action ? 'facet-value' : 'facet-value static');
    if (action) {
      item.type = 'button';
      item.setAttribute('aria-pressed', String(action.active));
      item.setAttribute('title', action.active ? 'Remove this filter' : `Only articles with this ${facet}`);
      item.addEventListener('click', action.apply);
    } else {
      item.setAttribute('title', 'Articles at the top of the archive (not in a folder)');
    }
    item.dataset.facet = facet;
    item.dataset.value = value;
    item.dataset.count = String(v.count);
    item.appendChild(el('span', 'facet-label', value));
    item.appendChild(el('span', 'facet-count', Number(v.count).toLocaleString('en-US')));
    const meter = el('span', 'facet-meter');
    meter.setAttribute('aria-hidden', 'true');
    // CSSOM (not a style attribute), which the Content-Security-Policy allows.
    meter.style.width = `${Math.max(2, Math.round((v.count / max) * 100))}%`;
    item.appendChild(meter);
    li.appendChild(item);
    ul.appendChild(li);
  }
  if (r.missing) ul.appendChild(el('li', 'note facet-missing', `${Number(r.missing).toLocaleString('en-US')} without a ${facet === 'source' ? 'folder' : facet}`));
}

// ---------------------------------------------------------------------------------------
// Article view

async function renderArticle(s, gen, signal) {
  const id = s.view;
  const art = $('article');
  art.setAttribute('aria-busy', 'true');
  const aerr = $('article-error');
  aerr.hidden = true;
  clear(aerr);
  for (const id2 of ['article-source', 'article-title', 'article-meta', 'article-body', 'article-facts', 'article-copies', 'related']) clear($(id2));
  $('article-title').textContent = 'Loading…';
  $('related').setAttribute('aria-busy', 'true');
  $('back-to-results').textContent = s.q || s.from || s.to ? '← Back to results' : '← Back to the archive';

  const path = `/api/articles/${encodeURIComponent(id)}`;
  const articleP = cachedApi(path, null, signal).then((a) => {
    if (gen !== generation) return;
    drawArticle(a);
  }, (e) => {
    if (gen !== generation || (e && e.name === 'AbortError')) throw e;
    $('article-title').textContent = e.status === 404 ? 'Article not found' : 'The article could not be opened';
    aerr.textContent = e.message;
    aerr.hidden = false;
    document.title = 'Article not found — newsdex';
    $('copies-panel').hidden = true;
  });
  const p = new URLSearchParams();
  p.set('limit', String(RELATED_LIMIT));
  const relatedP = cachedApi(`${path}/similar`, p, signal).then((r) => {
    if (gen !== generation) return;
    drawRelated(r);
  }, (e) => {
    if (gen !== generation || (e && e.name === 'AbortError')) throw e;
    const ol = $('related');
    clear(ol);
    ol.appendChild(el('li', 'note', 'Related coverage could not be found.'));
    ol.setAttribute('aria-busy', 'false');
  });
  await Promise.all([articleP, relatedP]);
  if (gen === generation) {
    art.setAttribute('aria-busy', 'false');
    $('article-title').focus({ preventScroll: true });
  }
}

function drawArticle(a) {
  document.title = `${a.title || '(untitled)'} — newsdex`;
  const src = sourceOf(a.path);
  $('article-source').textContent = src || 'archive';
  $('article-title').textContent = a.title || '(untitled)';
  const meta = $('article-meta');
  if (a.date) {
    const t = el('time', 'date', formatDate(a.date, a.date_precision, true));
    t.setAttribute('datetime', a.date);
    meta.appendChild(t);
  } else {
    meta.appendChild(el('span', 'date undated', 'Undated'));
  }
  if (a.byline) metaItem(meta, 'byline', `By ${a.byline}`);
  const body = $('article-body');
  const paras = String(a.body || '').split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean);
  if (!paras.length) body.appendChild(el('p', 'note', 'This article has no body text.'));
  for (const para of paras) body.appendChild(el('p', null, para));

  const facts = $('article-facts');
  const fact = (k, v, cls) => {
    if (v === null || v === undefined || v === '') return;
    const div = el('div');
    div.appendChild(el('dt', null, k));
    div.appendChild(el('dd', cls || null, v));
    facts.appendChild(div);
  };
  fact('Path', a.path, 'mono');
  fact('Id', a.id, 'mono');
  fact('Format', a.format);
  if (a.encoding) fact('Encoding', a.encoding);
  if (Array.isArray(a.authors) && a.authors.length) fact('Authors', a.authors.join('; '));
  fact('Source id', a.source_id);

  const copies = Array.isArray(a.copies) ? a.copies : [];
  const ul = $('article-copies');
  $('copies-panel').hidden = !copies.length;
  for (const c of copies) ul.appendChild(copyItem(c));
}

function drawRelated(r) {
  const ol = $('related');
  clear(ol);
  ol.setAttribute('aria-busy', 'false');
  const hits = Array.isArray(r.hits) ? r.hits : [];
  if (!hits.length) {
    ol.appendChild(el('li', 'note', 'No related coverage found.'));
    return;
  }
  for (const h of hits) {
    const li = el('li', 'related-item');
    li.appendChild(articleLink(h.id, h.title || '(untitled)'));
    const meta = el('span', 'copy-meta');
    if (h.date) metaItem(meta, 'date', formatDate(h.date, h.date_precision, false));
    metaItem(meta, 'source', sourceOf(h.path) || h.path);
    li.appendChild(meta);
    ol.appendChild(li);
  }
}

// ---------------------------------------------------------------------------------------
// Wiring

function openArticleFromLink(ev) {
  const a = ev.target instanceof Element ? ev.target.closest('a.article-link') : null;
  if (!a) return;
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return; // new tab etc.
  ev.preventDefault();
  const here = history.state && Number.isInteger(history.state.depth) ? history.state.depth : 0;
  // From the results: one step; from an article reached from the results: one more; from an
  // article opened by its permalink: unknown (0), and Back to results searches anew.
  const depth = !current.view ? 1 : here > 0 ? here + 1 : 0;
  navigate(Object.assign({}, current, { view: a.dataset.id || '' }), { depth });
}

function goBackToResults() {
  const depth = history.state && Number.isInteger(history.state.depth) ? history.state.depth : 0;
  if (current.view && depth > 0) {
    history.go(-depth);
  } else {
    navigate(Object.assign({}, current, { view: '' }));
  }
}

function init() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate(stateFromForm());
  });
  $('sort').addEventListener('change', () => navigate(Object.assign(stateFromForm(), { q: current.q })));
  $('any').addEventListener('change', () => navigate(Object.assign(stateFromForm(), { q: current.q })));
  $('clear-dates').addEventListener('click', () => {
    $('from').value = '';
    $('to').value = '';
    navigate(Object.assign(stateFromForm(), { q: current.q, by: '' }));
  });
  $('by').addEventListener('change', () => navigate(Object.assign({}, current, { by: $('by').value, view: '' })));
  $('prev-page').addEventListener('click', () => {
    navigate(Object.assign({}, current, { offset: Math.max(0, current.offset - PAGE_SIZE) }));
  });
  $('next-page').addEventListener('click', () => {
    navigate(Object.assign({}, current, { offset: current.offset + PAGE_SIZE }));
  });
  $('did-you-mean-button').addEventListener('click', () => {
    navigate(Object.assign({}, current, { q: $('did-you-mean-button').textContent || '', offset: 0, view: '' }));
  });
  $('back-to-results').addEventListener('click', goBackToResults);
  $('home-link').addEventListener('click', (ev) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    navigate(emptyState());
  });
  document.addEventListener('click', openArticleFromLink);
  document.addEventListener('keydown', (ev) => {
    const t = ev.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
    if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      $('q').focus();
      $('q').select();
    } else if (ev.key === 'Escape' && current.view && !typing) {
      goBackToResults();
    }
  });

  stats().then((st) => {
    if (!st) return;
    const info = $('archive-info');
    const parts = [plural(Number(st.articles) || 0, 'article')];
    if (st.earliest && st.latest) parts.push(`${new Date(st.earliest).getUTCFullYear()}–${new Date(st.latest).getUTCFullYear()}`);
    info.textContent = parts.join(' · ');
  });

  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  const s = stateFromSearch(location.search);
  const saved = history.state || {};
  history.replaceState(saved, '', urlFor(s));
  render(s, typeof saved.scrollY === 'number' ? saved.scrollY : null);
}

init();
