/**
 * The benchmark's baseline: maplibre alone, drawing the app's embedded base map with the same
 * style, data, fonts, worker set-up and initial view as src/map/MapView.tsx — no React, no
 * deck.gl, no UI. `npm run bench` compares the app's time to `idle` with this page's.
 */
import { Map as MaplibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import fontFaces from 'virtual:font-faces';
import { configureMaplibreWorker } from '../../../src/map/maplibreWorker';
import { basemapUrls } from '../../../src/map/basemap/sources';
import { absoluteUrls } from '../../../src/map/basemap/apply';
import { buildBasemapStyle, JJJ_BOUNDS, MAX_BOUNDS, type FontFaces } from '../../../src/map/basemap/style';
import { MAX_ZOOM, MIN_ZOOM } from '../../../src/model/zoomRange';

declare global {
  interface Window {
    /** performance.now() at the first `idle` (read by scripts/bench/idle.ts) */
    __benchIdleAt?: number;
  }
}

const faces: FontFaces = {};
for (const [name, list] of Object.entries(fontFaces)) {
  faces[name] = list.map((f) => ({ ...f, url: new URL(f.url, document.baseURI).href }));
}

configureMaplibreWorker();
const map = new MaplibreMap({
  container: 'map',
  style: buildBasemapStyle(absoluteUrls(basemapUrls), faces),
  bounds: JJJ_BOUNDS,
  fitBoundsOptions: { padding: 24 },
  maxBounds: MAX_BOUNDS,
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: false, antialias: true },
});
map.once('idle', () => {
  window.__benchIdleAt = performance.now();
});
