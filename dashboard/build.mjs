// Bundles the dashboard into dist/ (index.html, app.js, app.css): no CDN, nothing fetched at run time but the API.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { boundariesPlugin } from './boundaries.mjs';

await rm('dist', { recursive: true, force: true });
await mkdir('dist');
await build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  outdir: 'dist',
  loader: { '.json': 'json' },
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [boundariesPlugin],
});
await copyFile('index.html', 'dist/index.html');
