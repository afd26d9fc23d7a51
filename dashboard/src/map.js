// The map: real boundaries where the framework's areas are all London boroughs, else a tile grid (one square per area,
// in area-code order) so every framework can be seen at a glance.
import boroughs from 'boundaries:london'; // projected at build time (boundaries.mjs)
import { svg } from './colour.js';

const W = boroughs.width;
const H = boroughs.height;
const key = (name) => name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]/g, '');
const boroughPaths = new Map(boroughs.shapes.map((s) => [key(s.name), s.d]));

export const LONDON_ATTRIBUTION = 'Borough boundaries: Statistical GIS Boundary Files for London (London Datastore), '
  + 'via vega-datasets. Contains National Statistics data © Crown copyright and database right 2015; contains '
  + 'Ordnance Survey data © Crown copyright and database right 2015. Open Government Licence v3.0.';

/** Boundaries for every area, or null when some area has none (then the tile grid is drawn). */
export function boundariesFor(areas) {
  const found = areas.map((a) => boroughPaths.get(key(a.name)));
  return found.every(Boolean) ? areas.map((a, i) => ({ code: a.code, name: a.name, d: found[i] })) : null;
}

/**
 * Draws the areas once; `paint` recolours them without redrawing. `onPick(code)` is called on click.
 * Returns { paint(fill, label, selected) }.
 */
export function drawMap(container, areas, onPick, maxTiles) {
  container.replaceChildren();
  const shapes = boundariesFor(areas);
  if (!shapes && areas.length > maxTiles) {
    return { boundaries: false, paint() {} };
  }
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: shapes ? 'map-svg' : 'map-svg tiles', role: 'group' });
  const elements = new Map();
  if (shapes) {
    for (const s of shapes) {
      const el = svg('path', { d: s.d, 'data-code': s.code, class: 'area' });
      el.append(svg('title'));
      elements.set(s.code, el);
      root.append(el);
    }
  } else {
    const sorted = [...areas].sort((a, b) => (a.code < b.code ? -1 : 1));
    const cols = Math.ceil(Math.sqrt((sorted.length * W) / H));
    const size = Math.min(W / cols, H / Math.ceil(sorted.length / cols));
    sorted.forEach((a, i) => {
      const el = svg('rect', {
        x: (i % cols) * size, y: Math.floor(i / cols) * size, width: size - 1, height: size - 1,
        'data-code': a.code, class: 'area',
      });
      el.append(svg('title'));
      elements.set(a.code, el);
      root.append(el);
    });
  }
  root.addEventListener('click', (e) => {
    const code = e.target.closest('[data-code]')?.getAttribute('data-code');
    if (code) onPick(code);
  });
  container.append(root);
  return {
    boundaries: Boolean(shapes),
    paint(fillOf, describe, selected) {
      root.setAttribute('aria-label', describe.label);
      for (const [code, el] of elements) {
        el.setAttribute('fill', fillOf(code));
        el.classList.toggle('selected', code === selected);
        el.firstChild.textContent = describe.title(code);
      }
      const sel = elements.get(selected);
      if (sel) root.append(sel); // draw the selected outline on top
    },
  };
}

