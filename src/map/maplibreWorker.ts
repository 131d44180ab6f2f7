/**
 * maplibre 6 looks for its worker next to its own module at run time, which breaks once Vite
 * bundles it ("Worker failed to load"). We import the worker file as a separate ES-module asset
 * and hand its URL to maplibre before the first map is created (../shared/notes/STACK.md).
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

let done = false;
export function configureMaplibreWorker(): void {
  if (done) return;
  setWorkerUrl(workerUrl);
  done = true;
}
