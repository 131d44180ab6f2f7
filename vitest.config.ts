import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fontFacesPlugin } from './scripts/vite-plugins.ts';

// Unit tests: the pure layers (geo, data, i18n, model), the store and click router in Node; the few
// React components tested on their own (// @vitest-environment happy-dom) with the map left out.
// Everything that draws is tested in real Chromium by tests/e2e (not picked up here).
export default defineConfig({
  plugins: [react(), fontFacesPlugin()],
  assetsInclude: ['**/*.geojson'],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30000,
    // One worker per core: vitest's default (cores − 1) leaves a 2-core CI machine with a single
    // worker, while the main thread mostly waits: two workers take a unit run from ~34 s to ~22 s.
    maxWorkers: availableParallelism(),
  },
});
