// The area profile: the index and each domain (score, rank, decile), then every indicator behind them with its raw
// value, the period it refers to, the publisher's status and the source.
import { num } from './api.js';
import { fmt, fmtRaw } from './colour.js';
import { h } from './table.js';

const STATUS = { ok: 'Published', suppressed: 'Suppressed', unreliable: 'Unreliable', notavailable: 'Not available' };
const statusText = (s) => STATUS[String(s || '').toLowerCase()] || String(s || '–');

function rankBar(rank, n) {
  // Position among the areas: full bar = rank 1.
  const share = rank === null || n < 2 ? 0 : (n - rank) / (n - 1);
  const fillEl = h('span', { className: 'bar-fill' });
  fillEl.style.width = `${(share * 100).toFixed(1)}%`; // CSSOM, allowed by the page's style-src 'self'
  return h('span', { className: 'bar', ariaHidden: 'true' }, fillEl);
}

export function drawProfile(container, { row, hier, values, indicatorMeta, scoredCount, interval }) {
  if (!row) {
    container.replaceChildren(h('p', { className: 'hint' }, 'Choose an area on the map or in the ranking (Enter on its name).'));
    return;
  }
  const idx = row.scores.get(hier.root.code) || {};
  const summary = h('p', { className: 'profile-summary' },
    h('strong', {}, row.name), ` (${row.code}): `,
    idx.score === null || idx.score === undefined
      ? `no index score (the area has ${fmt((idx.coverage ?? 0) * 100, 0)}% of its domains; too few to be scored).`
      : `index ${fmt(idx.score)}, rank ${idx.rank} of ${scoredCount}, decile ${idx.decile}`
        + (interval && interval.p05 !== null ? `; rank range ${fmtRaw(interval.p05, 1)}–${fmtRaw(interval.p95, 1)} when weights vary.` : '.'));

  const domainRows = hier.domains.map((d) => {
    const s = row.scores.get(d.code) || {};
    return h('tr', {},
      h('th', { scope: 'row' }, d.name || d.code),
      h('td', { className: 'num' }, fmt(s.score ?? null)),
      h('td', { className: 'num' }, s.rank ?? '–'),
      h('td', { className: 'num' }, s.decile ?? '–'),
      h('td', {}, rankBar(s.rank ?? null, scoredCount)));
  });
  const domains = h('table', { className: 'profile-domains' },
    h('caption', {}, 'Domains'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Domain'), h('th', { scope: 'col', className: 'num' }, 'Score'),
      h('th', { scope: 'col', className: 'num' }, 'Rank'), h('th', { scope: 'col', className: 'num' }, 'Decile'),
      h('th', { scope: 'col' }, 'Position'))),
    h('tbody', {}, ...domainRows));

  const indicatorRows = hier.indicators.map((ind) => {
    const v = values.get(ind.code) || {};
    const meta = indicatorMeta.get(v.providerId) || {};
    const raw = num(v.rawValue);
    const status = statusText(v.status);
    const domain = hier.byCode.get(hier.domainOf.get(ind.code));
    const source = v.url
      ? h('a', { href: v.url, rel: 'noopener', target: '_blank' }, v.dataset || v.url)
      : (v.dataset || '–');
    const main = h('tr', { className: `indicator${status === 'Published' ? '' : ' flagged'}` },
      h('th', { scope: 'row' }, ind.name || ind.code, h('span', { className: 'sub' }, domain ? domain.name : '')),
      h('td', { className: 'num' }, fmtRaw(raw), meta.unit ? h('span', { className: 'sub' }, meta.unit) : null),
      h('td', { className: 'num' }, fmt(num(v.normalisedValue))),
      h('td', {}, v.periodUsed || '–'),
      h('td', { className: 'status' }, status, v.reason ? h('span', { className: 'sub' }, v.reason) : null));
    const sourceRow = h('tr', { className: 'source' },
      h('td', { colSpan: 5 }, 'Source: ', v.publisher || '–', ' — ', source, v.licence ? ` · ${v.licence}` : ''));
    return [main, sourceRow];
  });
  const indicators = h('div', { className: 'table-wrap' }, h('table', { className: 'profile-indicators' },
    h('caption', {}, 'Indicators behind the scores'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Indicator'), h('th', { scope: 'col', className: 'num' }, 'Raw value'),
      h('th', { scope: 'col', className: 'num' }, 'Rescaled'), h('th', { scope: 'col' }, 'Period'),
      h('th', { scope: 'col' }, 'Status'))),
    h('tbody', {}, ...indicatorRows.flat())));

  container.replaceChildren(summary, h('div', { className: 'table-wrap' }, domains), indicators);
}
