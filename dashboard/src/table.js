// The ranking table: one row per area in rank order, with the rank range from the uncertainty analysis and the move
// against the published ranking. Each area name is a button: Enter or a click opens its profile.
import { fmt, fmtRaw } from './colour.js';

const h = (tag, props = {}, ...children) => {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
};
export { h };

/** The move from the published rank: positive = moved up (better). */
export const moveOf = (rank, publishedRank) => (rank === null || publishedRank === null ? null : publishedRank - rank);

function moveCell(move) {
  if (move === null) return h('td', { className: 'move' }, '–');
  if (move === 0) return h('td', { className: 'move same' }, h('span', { 'ariaHidden': 'true' }, '='), h('span', { className: 'sr' }, 'no change'));
  const up = move > 0;
  return h('td', { className: `move ${up ? 'up' : 'down'}` },
    h('span', { ariaHidden: 'true' }, `${up ? '▲' : '▼'} ${Math.abs(move)}`),
    h('span', { className: 'sr' }, `${up ? 'up' : 'down'} ${Math.abs(move)}`));
}

/**
 * Draws the table; `rows` in rank order; `published` maps area code to published rank on the root node. Domain scores
 * are in the profile, on the map (colour by a domain) and in the CSV, so the table stays narrow at any domain count.
 */
export function drawTable(table, { rows, root, published, selected, onPick }) {
  const head = h('tr', {},
    h('th', { scope: 'col', className: 'num' }, 'Rank'),
    h('th', { scope: 'col' }, 'Area'),
    h('th', { scope: 'col', className: 'num' }, 'Score'),
    h('th', { scope: 'col', className: 'num' }, 'Decile'),
    h('th', { scope: 'col', className: 'num', title: '5th to 95th percentile of the rank when the weights vary' }, 'Rank range (90%)'),
    h('th', { scope: 'col', className: 'num' }, 'Published rank'),
    h('th', { scope: 'col', className: 'num' }, 'Change'));
  table.tHead.replaceChildren(head);
  const body = rows.map((r) => {
    const s = r.scores.get(root.code) || {};
    const pub = published.get(r.code) ?? null;
    const button = h('button', { type: 'button', className: 'area-button', textContent: r.name });
    button.dataset.code = r.code;
    button.setAttribute('aria-pressed', String(r.code === selected));
    button.addEventListener('click', () => onPick(r.code));
    // Percentiles of ranks can fall between two ranks: one decimal at most.
    const interval = r.interval && r.interval.p05 !== null ? `${fmtRaw(r.interval.p05, 1)}–${fmtRaw(r.interval.p95, 1)}` : '–';
    const tr = h('tr', { className: r.code === selected ? 'selected' : '' },
      h('td', { className: 'num rank' }, s.rank ?? '–'),
      h('th', { scope: 'row' }, button),
      h('td', { className: 'num score' }, fmt(s.score ?? null)),
      h('td', { className: 'num' }, s.decile ?? '–'),
      h('td', { className: 'num interval' }, interval),
      h('td', { className: 'num' }, pub ?? '–'),
      moveCell(moveOf(s.rank ?? null, pub)));
    tr.dataset.code = r.code;
    return tr;
  });
  table.tBodies[0].replaceChildren(...body);
}
