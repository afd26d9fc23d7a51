// Colour: viridis (perceptually uniform, readable with the common colour-vision deficiencies and in greyscale).
import { interpolateViridis } from 'd3-scale-chromatic';

export const MISSING = '#d4d4d4';

/** A scale from the scores' range to viridis; light (yellow) = higher score = better. */
export function scoreScale(values) {
  const finite = values.filter((v) => v !== null);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 1;
  const span = hi - lo || 1;
  const colour = (v) => (v === null ? MISSING : interpolateViridis(0.08 + 0.92 * ((v - lo) / span)));
  return { lo, hi, colour };
}

const svgNs = 'http://www.w3.org/2000/svg';
export const svg = (name, attrs = {}) => {
  const el = document.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

// One formatter per precision: building an Intl.NumberFormat is far dearer than using one.
const formats = new Map();
const formatter = (min, max) => {
  const key = `${min}:${max}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max }));
  return formats.get(key);
};

/** A number with a fixed number of decimals (en-GB), or a dash for missing. */
export const fmt = (v, digits = 1) => (v === null || v === undefined ? '–' : formatter(digits, digits).format(v));

/** A raw value as published: up to `digits` decimals. */
export const fmtRaw = (v, digits = 2) => (v === null || v === undefined ? '–' : formatter(0, digits).format(v));

/** The legend: a gradient from the lowest to the highest score with five ticks, and the no-score swatch. */
export function drawLegend(container, scale, label) {
  container.replaceChildren();
  const width = 240;
  const root = svg('svg', { viewBox: `0 0 ${width + 110} 48`, role: 'img', 'aria-label': `Legend: ${label}, from ${fmt(scale.lo)} (dark purple) to ${fmt(scale.hi)} (yellow); grey means no score.` });
  const defs = svg('defs');
  const gradient = svg('linearGradient', { id: 'legend-gradient' });
  for (let i = 0; i <= 10; i++) {
    gradient.append(svg('stop', { offset: `${i * 10}%`, 'stop-color': scale.colour(scale.lo + (scale.hi - scale.lo) * i / 10) }));
  }
  defs.append(gradient);
  root.append(defs);
  const title = svg('text', { x: 0, y: 11, class: 'legend-title' });
  title.textContent = `${label} (higher is better)`;
  root.append(title, svg('rect', { x: 0, y: 16, width, height: 12, fill: 'url(#legend-gradient)', stroke: '#595959', 'stroke-width': 0.5 }));
  for (let i = 0; i <= 4; i++) {
    const x = (width * i) / 4;
    root.append(svg('line', { x1: x, x2: x, y1: 28, y2: 32, stroke: '#1a1a1a' }));
    const t = svg('text', { x, y: 44, 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle', class: 'legend-tick' });
    t.textContent = fmt(scale.lo + ((scale.hi - scale.lo) * i) / 4);
    root.append(t);
  }
  root.append(svg('rect', { x: width + 14, y: 16, width: 16, height: 12, fill: MISSING, stroke: '#595959', 'stroke-width': 0.5 }));
  const none = svg('text', { x: width + 34, y: 27, class: 'legend-tick' });
  none.textContent = 'no score';
  root.append(none);
  container.append(root);
}
