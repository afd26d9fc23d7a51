// Borough outlines projected once, at build time, with d3-geo (Mercator fitted to the map's box) from the TopoJSON that
// vega-datasets ships: the page gets ready-made SVG paths instead of projecting ~1,750 points on every load.
import { readFile } from 'node:fs/promises';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

export const WIDTH = 600;
export const HEIGHT = 470;

export async function londonBoroughs() {
  const topology = JSON.parse(await readFile(new URL('./node_modules/vega-datasets/data/londonBoroughs.json', import.meta.url)));
  const boroughs = feature(topology, topology.objects.boroughs);
  const path = geoPath(geoMercator().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], boroughs)).digits(1);
  return {
    width: WIDTH,
    height: HEIGHT,
    shapes: boroughs.features.map((f) => ({ name: f.id, d: path(f) })),
  };
}

/** esbuild plugin: `import boroughs from 'boundaries:london'` gives the projected outlines as a JSON module. */
export const boundariesPlugin = {
  name: 'boundaries',
  setup(build) {
    build.onResolve({ filter: /^boundaries:london$/ }, (args) => ({ path: args.path, namespace: 'boundaries' }));
    build.onLoad({ filter: /.*/, namespace: 'boundaries' }, async () => ({
      contents: JSON.stringify(await londonBoroughs()),
      loader: 'json',
      watchFiles: [new URL('./node_modules/vega-datasets/data/londonBoroughs.json', import.meta.url).pathname],
    }));
  },
};
