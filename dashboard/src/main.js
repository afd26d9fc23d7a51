// The dashboard: loads a framework's published run, draws map, ranking and profile, and recomputes what-ifs through
// POST /api/frameworks/{id}/compute. Optional panels (change over time, inequality) appear only when the API's OpenAPI
// document lists the endpoints they need.
import './style.css';
import { apiBase, getJson, postJson, ApiError, enc } from './api.js';
import { hierarchy, areaRows, byRank, valuesOf, seriesPoints } from './model.js';
import { scoreScale, drawLegend, fmt, fmtRaw, svg } from './colour.js';
import { drawMap, LONDON_ATTRIBUTION } from './map.js';
import { drawTable, moveOf, h } from './table.js';
import { drawProfile } from './profile.js';
import { toCsv, download } from './csv.js';

const UNCERTAINTY = { runs: 200, weightNoise: 0.25 };
// Beyond these sizes (small-area frameworks: tens of thousands of areas) the page stays responsive by drawing the
// table's first rows only (the CSV has every area), leaving out the tile map, and skipping the Monte Carlo ranges.
const TABLE_ROWS = 500;
const MAX_TILES = 2000;
const MAX_UNCERTAINTY_AREAS = 2000;
const $ = (id) => document.getElementById(id);

const state = {
  frameworkId: null,
  framework: null, // GET /api/frameworks/{id}
  hier: null,
  published: null, // the published run (or a plain compute when none is published)
  publishedRanks: new Map(),
  current: null, // the run on screen
  rows: [],
  request: null, // the compute body behind `current`, null for the published run
  multipliers: new Map(),
  colourBy: null,
  selected: null,
  indicatorMeta: new Map(),
  paths: null, // OpenAPI paths, once read
  map: null,
  inFlight: null,
  seriesCache: new Map(),
};

function setState(s) { document.body.dataset.state = s; }

function showError(err) {
  const box = $('error');
  if (!err) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = err instanceof ApiError && err.problem
    ? `${err.problem.title} ${err.problem.detail || ''}`.trim()
    : `Could not reach the API: ${err.message}`;
}

async function start() {
  setState('loading');
  $('api-base').textContent = `${apiBase() || location.origin}/api`;
  try {
    // The README's framework (or ?framework=) is fetched alongside the list, so the first render waits one round trip.
    const wanted = new URLSearchParams(location.search).get('framework') || 'london';
    const early = fetchFramework(wanted);
    early.catch(() => {});
    const frameworks = await getJson('/api/frameworks');
    const picker = $('framework');
    picker.replaceChildren(...frameworks.map((f) => h('option', { value: f.id, textContent: `${f.name} (${f.areaCount} areas)` })));
    const id = frameworks.some((f) => f.id === wanted) ? wanted : (frameworks.find((f) => f.id === 'london') || frameworks[0]).id;
    picker.value = id;
    picker.disabled = frameworks.length < 2;
    picker.addEventListener('change', () => loadFramework(picker.value).catch((err) => { setState('error'); showError(err); }));
    await loadFramework(id, id === wanted ? early : undefined);
    performance.mark('dashboard:first-render');
    document.body.dataset.firstRenderMs = String(Math.round(performance.getEntriesByName('dashboard:first-render')[0].startTime));
    readCapabilities();
    readIndicatorMetadata();
  } catch (err) {
    setState('error');
    showError(err);
  }
}

/** The framework and its latest published run (null when nothing is published yet). */
const fetchFramework = (id) => Promise.all([
  getJson(`/api/frameworks/${enc(id)}`),
  getJson(`/api/frameworks/${enc(id)}/runs/latest`).catch((err) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }),
]);

async function loadFramework(id, fetched) {
  setState('loading');
  abortInFlight();
  const [framework, published] = await (fetched || fetchFramework(id));
  state.frameworkId = id;
  state.framework = framework;
  state.hier = hierarchy(framework.definition);
  state.published = published || await postJson(`/api/frameworks/${enc(id)}/compute?detail=full`, {});
  state.publishedRanks = new Map(areaRows(state.published).map((r) => [r.code, r.scores.get(state.hier.root.code)?.rank ?? null]));
  state.current = state.published;
  state.request = null;
  state.multipliers = new Map(state.hier.domains.map((d) => [d.code, 1]));
  state.colourBy = state.hier.root.code;
  state.rows = areaRows(state.current);
  state.selected = byRank(state.rows, state.hier.root.code)[0]?.code ?? null;

  $('title').textContent = framework.name;
  buildColourPicker();
  buildWhatIf();
  state.map = drawMap($('map'), framework.areas.map((a) => ({ code: a.code, name: a.name })), pick, MAX_TILES);
  $('map-attribution').textContent = state.map.boundaries ? LONDON_ATTRIBUTION
    : framework.areas.length > MAX_TILES ? `${framework.areas.length} areas are too many to draw as tiles; the ranking and the CSV have them all.`
      : 'No boundaries are bundled for these areas: one square per area, in area-code order.';
  showError(null);
  render();
  setState('ready');
  // Rank ranges need the Monte Carlo analysis, which only the compute endpoint runs: fetch it after the first render.
  recompute();
  updateOptionalPanels();
}

function buildColourPicker() {
  const picker = $('colour-by');
  const nodes = [state.hier.root, ...state.hier.domains];
  picker.replaceChildren(...nodes.map((n, i) => h('option', { value: n.code, textContent: i === 0 ? `Index: ${n.name}` : n.name })));
  picker.value = state.colourBy;
  picker.disabled = false;
  picker.onchange = () => { state.colourBy = picker.value; renderMap(); };
}

const share = (code) => {
  const total = state.hier.domains.reduce((t, d) => t + d.weight * state.multipliers.get(d.code), 0);
  const d = state.hier.byCode.get(code);
  return (d.weight * state.multipliers.get(code)) / total;
};

function buildWhatIf() {
  const box = $('weights');
  box.replaceChildren(h('legend', {}, 'Domain weights'));
  for (const d of state.hier.domains) {
    const id = `weight-${d.code}`;
    const input = h('input', { type: 'range', id, min: '0.25', max: '4', step: '0.25', value: '1' });
    input.dataset.code = d.code;
    const out = h('output', { htmlFor: id, className: 'weight-out' });
    input.addEventListener('input', () => {
      state.multipliers.set(d.code, Number(input.value));
      describeWeights();
      scheduleRecompute();
    });
    box.append(h('div', { className: 'weight' }, h('label', { htmlFor: id }, d.name || d.code), input, out));
  }
  describeWeights();
  $('normalise').value = '';
  $('aggregate').value = '';
}

function describeWeights() {
  for (const d of state.hier.domains) {
    const input = $(`weight-${d.code}`);
    const m = state.multipliers.get(d.code);
    const text = `×${fmt(m, 2)}, ${fmt(share(d.code) * 100, 0)}% of the index`;
    input.setAttribute('aria-valuetext', text);
    input.nextElementSibling.textContent = text;
  }
}

/** The compute body for the controls' state; null when it equals the published recipe. */
function whatIfRequest() {
  const weights = {};
  for (const d of state.hier.domains) {
    const m = state.multipliers.get(d.code);
    if (m !== 1) weights[d.code] = d.weight * m;
  }
  const body = { period: state.published.run.period };
  if (Object.keys(weights).length) body.weights = weights;
  if ($('normalise').value) body.normalise = { method: $('normalise').value };
  if ($('aggregate').value) body.aggregate = { method: $('aggregate').value };
  return body;
}

let timer = null;
function scheduleRecompute() {
  clearTimeout(timer);
  setState('pending');
  timer = setTimeout(recompute, 150);
}

function abortInFlight() {
  clearTimeout(timer);
  if (state.inFlight) state.inFlight.abort();
  state.inFlight = null;
}

async function recompute() {
  abortInFlight();
  const body = whatIfRequest();
  const isWhatIf = Object.keys(body).length > 1;
  const controller = new AbortController();
  state.inFlight = controller;
  setState('computing');
  $('whatif-status').textContent = isWhatIf ? 'Recomputing…' : 'Computing rank ranges…';
  try {
    const ranges = state.framework.areas.length <= MAX_UNCERTAINTY_AREAS;
    const run = isWhatIf || ranges
      ? await postJson(`/api/frameworks/${enc(state.frameworkId)}/compute?detail=full`, ranges ? { ...body, uncertainty: UNCERTAINTY } : body, controller.signal)
      : state.published;
    if (controller.signal.aborted) return;
    state.current = run;
    state.request = isWhatIf ? body : null;
    state.rows = areaRows(run);
    showError(null);
    render();
    const moved = state.rows.filter((r) => { const m = moveOf(r.scores.get(state.hier.root.code)?.rank ?? null, state.publishedRanks.get(r.code) ?? null); return m !== null && m !== 0; }).length;
    $('whatif-status').textContent = isWhatIf
      ? `What-if ranking: ${moved} of ${state.rows.length} areas moved from their published rank.`
      : `Published recipe.${ranges ? ' Rank ranges from 200 runs with every weight varied by up to ±25%.' : ''}`;
    state.inFlight = null;
    setState('ready');
  } catch (err) {
    if (controller.signal.aborted || err.name === 'AbortError') return;
    state.inFlight = null;
    $('whatif-status').textContent = 'The API could not compute this what-if; the table still shows the last result.';
    showError(err);
    setState('ready');
  }
}

function pick(code) {
  state.selected = code;
  render();
  updateOptionalPanels();
}

function renderMap() {
  const node = state.colourBy;
  const byCode = new Map(state.rows.map((r) => [r.code, r.scores.get(node) || {}]));
  const scale = scoreScale(state.rows.map((r) => r.scores.get(node)?.score ?? null));
  const nodeName = state.hier.byCode.get(node).name || node;
  const nameOf = new Map(state.rows.map((r) => [r.code, r.name]));
  state.map.paint(
    (code) => scale.colour(byCode.get(code)?.score ?? null),
    {
      label: `Map of ${state.rows.length} areas coloured by ${nodeName}. The ranking table has the same figures.`,
      title: (code) => {
        const s = byCode.get(code) || {};
        return s.score === null || s.score === undefined ? `${nameOf.get(code)}: no score` : `${nameOf.get(code)}: ${fmt(s.score)} (rank ${s.rank})`;
      },
    },
    state.selected);
  drawLegend($('legend'), scale, nodeName);
}

function render() {
  const { hier } = state;
  const rows = byRank(state.rows, hier.root.code);
  const run = state.current.run;
  const scored = rows.filter((r) => r.scores.get(hier.root.code)?.score != null).length;
  $('run-line').textContent = `${state.framework.name}, period ${run.period}`
    + (state.request ? ' — what-if (not published)' : state.published.run.publishedAt ? `, published ${new Date(state.published.run.publishedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })}` : ' (computed; nothing published yet)')
    + `. ${scored} of ${rows.length} areas scored.`;
  $('ranking-caption').textContent = `${rows.length} areas by ${state.request ? 'what-if' : 'published'} rank (1 = best)`
    + (rows.length > TABLE_ROWS ? `; the first ${TABLE_ROWS} are shown (the CSV has all).` : '.');
  const table = $('ranking-table');
  table.dataset.runId = run.runId;
  // Redrawing replaces the rows: keep keyboard focus on the same area's button.
  const focused = table.contains(document.activeElement) ? document.activeElement.dataset.code : null;
  drawTable(table, { rows: rows.slice(0, TABLE_ROWS), root: hier.root, published: state.publishedRanks, selected: state.selected, onPick: pick });
  if (focused) table.querySelector(`button[data-code="${focused}"]`)?.focus();
  renderMap();
  const row = state.rows.find((r) => r.code === state.selected) || null;
  drawProfile($('profile-body'), {
    row, hier, values: row ? valuesOf(state.current, row.code) : new Map(), indicatorMeta: state.indicatorMeta,
    scoredCount: scored, interval: row?.interval,
  });
  $('profile').dataset.code = state.selected || '';
}

async function readIndicatorMetadata() {
  try {
    const list = await getJson('/api/indicators');
    state.indicatorMeta = new Map(list.map((p) => [p.metadata.id, p.metadata]));
    render();
  } catch { /* units are a nicety; the profile reads fine without them */ }
}

async function readCapabilities() {
  try {
    state.paths = Object.keys((await getJson('/api/openapi.json')).paths || {});
  } catch {
    state.paths = [];
  }
  updateOptionalPanels();
}

const fill = (path) => path.replace('{id}', enc(state.frameworkId)).replace(/\{(areaCode|code|area)\}/, enc(state.selected || ''));

async function updateOptionalPanels() {
  if (!state.paths || !state.selected) return;
  const seriesPath = state.paths.find((p) => /^\/api\/frameworks\/\{id\}\/series$/.test(p));
  const inequalityPaths = state.paths.filter((p) => p.includes('{id}') && /inequalit/i.test(p) && !/\{(?!id\}|areaCode\}|code\}|area\})/.test(p));
  $('change-panel').hidden = !seriesPath;
  $('inequality-panel').hidden = inequalityPaths.length === 0;
  const selected = state.selected;
  if (seriesPath) {
    try {
      const key = state.frameworkId;
      if (!state.seriesCache.has(key)) state.seriesCache.set(key, await getJson(fill(seriesPath)));
      if (state.selected === selected) drawChange(seriesPoints(state.seriesCache.get(key), selected, state.hier.root.code));
    } catch (err) {
      $('change-body').replaceChildren(h('p', {}, `The series could not be read: ${err.message}`));
    }
  }
  if (inequalityPaths.length) {
    const parts = [];
    for (const p of inequalityPaths) {
      try {
        parts.push(inequalityFacts(await getJson(fill(p)), selected, p));
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) parts.push(h('p', {}, `${p}: ${err.message}`));
      }
    }
    if (state.selected === selected) {
      $('inequality-body').replaceChildren(...(parts.length ? parts : [h('p', {}, 'No inequality measures for this area.')]));
    }
  }
}

function drawChange(points) {
  const body = $('change-body');
  if (points.length < 2) {
    body.replaceChildren(h('p', {}, points.length ? `One period only (${points[0].period}): no change to show yet.` : 'No comparable series for this area.'));
    return;
  }
  const W = 420; const H = 160; const pad = 34;
  const ys = points.map((p) => p.score);
  const lo = Math.min(...ys); const hi = Math.max(...ys); const span = hi - lo || 1;
  const x = (i) => pad + ((W - 2 * pad) * i) / (points.length - 1);
  const y = (v) => H - pad - ((H - 2 * pad) * (v - lo)) / span;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Index score over ${points.length} periods, from ${fmt(ys[0])} in ${points[0].period} to ${fmt(ys.at(-1))} in ${points.at(-1).period}.` });
  chart.append(svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.score)}`).join(' '), fill: 'none', stroke: '#3b528b', 'stroke-width': 2.5 }));
  points.forEach((p, i) => {
    chart.append(svg('circle', { cx: x(i), cy: y(p.score), r: 4, fill: '#3b528b' }));
    const t = svg('text', { x: x(i), y: H - 8, 'text-anchor': 'middle', class: 'legend-tick' });
    t.textContent = p.period;
    chart.append(t);
  });
  const table = h('table', { className: 'compact' }, h('caption', { className: 'sr' }, 'Index score by period'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Period'), h('th', { scope: 'col', className: 'num' }, 'Score'))),
    h('tbody', {}, ...points.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.period), h('td', { className: 'num' }, fmt(p.score))))));
  body.replaceChildren(chart, table);
}

/** The selected area's part of an inequality document, as the API names its fields. */
function inequalityFacts(doc, code, path) {
  let found = null;
  const walk = (x) => {
    if (found || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) { x.forEach(walk); return; }
    if (Object.values(x).includes(code)) { found = x; return; }
    Object.values(x).forEach(walk);
  };
  if (path.includes('{areaCode}') || path.includes('{code}') || path.includes('{area}')) found = doc; else walk(doc);
  if (!found) return h('p', {}, 'No inequality measures for this area.');
  const facts = [];
  const flat = (x, prefix) => {
    for (const [k, v] of Object.entries(x)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) flat(v, `${prefix}${k}.`);
      else if (typeof v === 'number' || typeof v === 'string') facts.push(h('tr', {}, h('th', { scope: 'row' }, prefix + k), h('td', {}, typeof v === 'number' ? fmtRaw(v, 3) : v)));
    }
  };
  flat(found, '');
  return h('table', { className: 'compact' }, h('caption', {}, 'As the API reports it'), h('tbody', {}, ...facts));
}

function downloadCsv() {
  const { hier } = state;
  const rows = byRank(state.rows, hier.root.code);
  const header = ['rank', 'area_code', 'area_name', 'score', 'decile', 'rank_p05', 'rank_p95',
    ...hier.domains.flatMap((d) => [`${d.code}_score`, `${d.code}_rank`]), 'published_rank', 'rank_change'];
  const body = rows.map((r) => {
    const s = r.scores.get(hier.root.code) || {};
    const pub = state.publishedRanks.get(r.code) ?? null;
    return [s.rank, r.code, r.name, s.score, s.decile, r.interval?.p05, r.interval?.p95,
      ...hier.domains.flatMap((d) => [r.scores.get(d.code)?.score, r.scores.get(d.code)?.rank]), pub, moveOf(s.rank ?? null, pub)];
  });
  const run = state.current.run;
  download(`${state.frameworkId}-${run.period.replaceAll('/', '-')}-${state.request ? `whatif-${run.runId}` : 'published'}.csv`, toCsv(header, body));
}

$('normalise').addEventListener('change', scheduleRecompute);
$('aggregate').addEventListener('change', scheduleRecompute);
$('whatif').addEventListener('reset', () => {
  setTimeout(() => {
    for (const d of state.hier.domains) state.multipliers.set(d.code, 1);
    describeWeights();
    recompute();
  });
});
$('download').addEventListener('click', downloadCsv);

start();
