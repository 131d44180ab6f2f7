import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { cspPlugin, fontFacesPlugin, SECURITY_HEADERS, woff2OnlyFontCssPlugin } from './scripts/vite-plugins.ts';
import { pwaOptions } from './scripts/pwa.ts';
import { viewerTemplatePlugin } from './scripts/viewer-template.ts';

// Production build = what users get and what the e2e tests and the benchmark drive.
export default defineConfig({
  // Relative by default, so one build works from any folder of any static host (/, /atlas/,
  // a USB stick served by `npx serve`): every URL the app makes comes from import.meta.url or
  // the page's own address. ATLAS_BASE (or `vite build --base=/atlas/`) pins an absolute one.
  base: process.env.ATLAS_BASE ?? './',
  plugins: [react(), fontFacesPlugin(), woff2OnlyFontCssPlugin(), cspPlugin(), VitePWA(pwaOptions()), viewerTemplatePlugin()],
  // maplibre's worker is bundled as an ES module worker (see src/map/maplibreWorker.ts)
  worker: { format: 'es' },
  assetsInclude: ['**/*.geojson'],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Never inline assets as data: URIs: the CSP allows fonts and data only from 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  // the CSP as a header (covers the workers, adds frame-ancestors) for `npm start`
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
});
