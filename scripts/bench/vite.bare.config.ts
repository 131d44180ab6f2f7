/**
 * Build of the benchmark's bare maplibre page (scripts/bench/bare/) into dist-bench/, with the
 * same asset handling as the app's vite.config.ts (ES worker, hashed GeoJSON, no inlining,
 * bundled font faces, the same CSP).
 */
import { defineConfig } from 'vite';
import path from 'node:path';
import { cspPlugin, fontFacesPlugin } from '../vite-plugins.ts';

const root = path.resolve(import.meta.dirname, 'bare');

export default defineConfig({
  root,
  base: '/',
  plugins: [fontFacesPlugin(), cspPlugin()],
  worker: { format: 'es' },
  assetsInclude: ['**/*.geojson'],
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist-bench'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
