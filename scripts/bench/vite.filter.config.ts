/**
 * Build of the filter bench page (scripts/bench/filter-page/) into dist-bench/filter/: the real
 * app modules (src/app/App …) plus a synthetic points layer, bundled with the app's plugins
 * (React, font faces, woff2-only font CSS, the app's CSP) and asset handling.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { cspPlugin, fontFacesPlugin, woff2OnlyFontCssPlugin } from '../vite-plugins.ts';

const root = path.resolve(import.meta.dirname, 'filter-page');

export default defineConfig({
  root,
  base: '/',
  publicDir: path.resolve(import.meta.dirname, '../../public'),
  plugins: [react(), fontFacesPlugin(), woff2OnlyFontCssPlugin(), cspPlugin()],
  worker: { format: 'es' },
  assetsInclude: ['**/*.geojson'],
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist-bench/filter'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 3000,
  },
});
