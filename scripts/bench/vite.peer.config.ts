/**
 * Build of the import bench's peer page (scripts/bench/peer-page/) into dist-bench/peer/:
 * loaders.gl in an ES worker, bundled as Vite bundles the app's workers.
 */
import { defineConfig } from 'vite';
import path from 'node:path';

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'peer-page'),
  base: '/',
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist-bench/peer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 3000,
  },
});
