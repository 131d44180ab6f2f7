/**
 * Build of the aggregation bench page (scripts/bench/aggregate-page/) into
 * dist-bench/aggregate/: the engine's client and worker bundled as the app bundles them
 * (ES worker, hashed GeoJSON asset, no inlining, the app's CSP).
 */
import { defineConfig } from 'vite';
import path from 'node:path';
import { cspPlugin } from '../vite-plugins.ts';

const root = path.resolve(import.meta.dirname, 'aggregate-page');

export default defineConfig({
  root,
  base: '/',
  plugins: [cspPlugin()],
  worker: { format: 'es' },
  assetsInclude: ['**/*.geojson'],
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist-bench/aggregate'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
