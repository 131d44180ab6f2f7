/**
 * Bench page (built by scripts/bench/vite.filter.config.ts into dist-bench/filter/): the real
 * app (src/app/App, the same store, map and deck layers as src/main.tsx) plus, with
 * `?points=N`, N seeded synthetic points drawn as one extra deck ScatterplotLayer that takes
 * part in the filter (DataFilterExtension, getFilterValue keyed to the same filter version the
 * app's layers use: JSON of the store's filters).
 *
 * The extra layer is added without touching the app: MapLibreOverlay.prototype.setProps is
 * wrapped here so every `layers` the app hands the overlay gets the synthetic layer appended.
 * The wrapper also counts the app's layer updates, so a measurement can wait for the frame
 * that follows the update caused by the filter change.
 *
 * Driven from Node by scripts/bench/filter.ts via window.__filterBench.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// CSS in the app's order (maplibre's before the app's: .map-canvas must win over .maplibregl-map)
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/noto-sans-sc/400.css';
import '../../../src/ui/app.css';
import { initI18n } from '../../../src/app/i18n';
import { useAppStore } from '../../../src/app/store';
import { App } from '../../../src/App';
import { installSyntheticLayer, layerUpdates } from './synthetic';

export interface FilterBenchSample {
  /** filter change (checkbox click) → the map's next `render` after the overlay got the new layers, ms */
  changeMs: number;
  /** map.triggerRepaint() → next `render`, nothing changed, ms */
  emptyMs: number;
}

export interface FilterBenchResult {
  points: number;
  samples: FilterBenchSample[];
  /** the synthetic layer was in the overlay's layer list during the runs */
  syntheticDrawn: boolean;
  userAgent: string;
  canvas: { width: number; height: number };
}

declare global {
  interface Window {
    __filterBench?: (changes: number) => Promise<FilterBenchResult>;
    __filterBenchReady?: boolean;
  }
}

const points = Math.max(0, Number(new URLSearchParams(location.search).get('points') ?? 0) || 0);
const synthetic = installSyntheticLayer(points);

await initI18n(useAppStore.getState().lang);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const TIMEOUT_MS = 10_000;

/**
 * Block until the GPU has executed everything issued so far: WebGL calls return before the GPU
 * (here SwiftShader, on the CPU in another process) has drawn, so a `render` event alone says
 * only that the frame was issued. A 1×1 readPixels waits for the frame to be drawn.
 */
const pixel = new Uint8Array(4);
function finishGpu(): void {
  const gl = window.jjjAtlas!.map.getCanvas().getContext('webgl2');
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

/** Resolves at the first map `render` for which `ready()` holds, once the GPU has drawn it; performance.now() then. */
function renderWhen(ready: () => boolean): Promise<number> {
  const map = window.jjjAtlas!.map;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      map.off('render', onRender);
      reject(new Error(`no map render within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const onRender = () => {
      if (!ready()) return;
      finishGpu();
      const t = performance.now();
      clearTimeout(timer);
      map.off('render', onRender);
      resolve(t);
    };
    map.on('render', onRender);
  });
}

/** Wait until the map is loaded and has stopped rendering (no `render` for 2 frames), GPU drained. */
async function settle(): Promise<void> {
  const map = window.jjjAtlas!.map;
  if (!map.loaded()) await new Promise<void>((r) => map.once('idle', () => r()));
  let rendered = true;
  const onRender = () => (rendered = true);
  map.on('render', onRender);
  while (rendered) {
    rendered = false;
    await nextFrame();
    await nextFrame();
  }
  map.off('render', onRender);
  finishGpu();
}

async function emptyFrame(): Promise<number> {
  await settle();
  await nextFrame();
  const t0 = performance.now();
  const done = renderWhen(() => true);
  window.jjjAtlas!.map.triggerRepaint();
  return (await done) - t0;
}

async function filterChange(): Promise<number> {
  await settle();
  await nextFrame();
  const box = document.querySelector<HTMLInputElement>('#layer-g1');
  if (!box) throw new Error('#layer-g1 not found');
  const before = layerUpdates.count;
  const t0 = performance.now();
  const done = renderWhen(() => layerUpdates.count > before);
  box.click(); // React: onChange → store.setFilters → App rebuilds layers → overlay.setProps
  return (await done) - t0;
}

window.__filterBench = async (changes: number): Promise<FilterBenchResult> => {
  const samples: FilterBenchSample[] = [];
  // warm-up: both code paths (JIT, shader variants, attribute buffers), discarded
  for (let i = 0; i < 4; i++) {
    await filterChange();
    await emptyFrame();
  }
  for (let i = 0; i < changes; i++) {
    // interleaved so both see the same conditions; an even number of changes leaves g1 as it was
    const changeMs = await filterChange();
    const emptyMs = await emptyFrame();
    samples.push({ changeMs, emptyMs });
  }
  const c = window.jjjAtlas!.map.getCanvas();
  return { points, samples, syntheticDrawn: synthetic.drawnCount() > 0, userAgent: navigator.userAgent, canvas: { width: c.width, height: c.height } };
};

// Ready once the overlay has joined and the app's layers (with the plan data) are on it.
void (async () => {
  for (;;) {
    const h = window.jjjAtlas;
    if (h?.overlay && useAppStore.getState().data.state === 'ready' && document.querySelector('#layer-g1')) break;
    if (useAppStore.getState().data.state === 'failed') throw new Error('plan data failed to load');
    await new Promise((r) => setTimeout(r, 50));
  }
  await settle();
  window.__filterBenchReady = true;
})();
