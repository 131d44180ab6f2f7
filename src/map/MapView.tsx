/**
 * The map: maplibre with the embedded base map, and a deck.gl overlay interleaved into its
 * layer stack (deck layers given `beforeId: FIRST_LABEL_LAYER` sit under every base-map label).
 *
 * Non-obvious paths (see ./README.md):
 * - The overlay is added on the map's `load` event, not before: added earlier, deck draws its
 *   layers on top of everything and ignores `beforeId` (../shared/notes/STACK.md).
 * - deck.gl (~260 KiB gzip) is not needed for the first frame of the base map, so it is
 *   imported after the base map's first `idle` and the overlay joins then (`onOverlay`).
 * - Language and base-map switches change layout properties in place rather than calling
 *   `setStyle`, which would drop deck's interleaved custom layers from the style.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { LayersList, PickingInfo } from '@deck.gl/core';
import fontFaces from 'virtual:font-faces';
import 'maplibre-gl/dist/maplibre-gl.css';
import { configureMaplibreWorker } from './maplibreWorker';
import { detectWebGL2 } from './webgl';
import { keepLayerGroups } from './deckLayerGroups';
import { BASEMAP_ATTRIBUTION, keepAttributionPlain } from './attribution';
import { basemapUrls } from './basemap/sources';
import {
  buildBasemapStyle,
  JJJ_BOUNDS,
  MAX_BOUNDS,
  type BasemapOptions,
  type FontFaces,
} from './basemap/style';
import { absoluteUrls, applyBasemapOptions } from './basemap/apply';
import { MAX_ZOOM, MIN_ZOOM } from '../model/zoomRange';
import { pickPreferred } from './picking';
import { labelFadeMs } from './motion';

export interface MapHandle {
  map: MaplibreMap;
  /** null until deck.gl has loaded and the overlay has joined the map */
  overlay: MapLibreOverlay | null;
  /** How many deck layers the overlay was last given (0 until the plan's layers arrive). */
  layerCount: number;
}

declare global {
  interface Window {
    /** The live map and overlay, for the e2e tests and for people poking at the app in devtools. */
    jjjAtlas?: MapHandle;
  }
}

export type MapFailure = { kind: 'no-webgl' | 'error'; reason: string };

export interface CameraView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface MapViewProps {
  basemap: BasemapOptions;
  layers: LayersList;
  ariaLabel: string;
  /** Where to start; null fits the three provinces. Read once, at start. */
  initialView?: CameraView | null;
  onReady?: (handle: MapHandle) => void;
  /** When the base map has drawn its first complete frame (its first `idle`). */
  onBaseMapDrawn?: () => void;
  /** When the deck.gl overlay has joined the map (after `onReady`). */
  onOverlay?: (handle: MapHandle) => void;
  onFailure?: (failure: MapFailure) => void;
  /** After every camera move (moveend). */
  onViewChange?: (view: CameraView) => void;
  /** What is under the pointer (the preferred pick, ./picking.ts; null if nothing), and where. */
  onHover?: (info: PickingInfo | null, at: { lngLat: [number, number]; point: [number, number] } | null) => void;
  /** A click on the map: what deck picked there (null if nothing), where, and with which keys. */
  onClick?: (info: PickingInfo | null, at: { lngLat: [number, number]; point: [number, number]; shiftKey: boolean }) => void;
}

export function MapView({ basemap, layers, ariaLabel, initialView, onReady, onBaseMapDrawn, onOverlay, onFailure, onViewChange, onHover, onClick }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const loaded = useRef(false);
  const latest = useRef({ basemap, layers, initialView, onReady, onBaseMapDrawn, onOverlay, onFailure, onViewChange, onHover, onClick });
  useLayoutEffect(() => {
    latest.current = { basemap, layers, initialView, onReady, onBaseMapDrawn, onOverlay, onFailure, onViewChange, onHover, onClick };
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const webgl = detectWebGL2();
    if (!webgl.ok) {
      latest.current.onFailure?.({ kind: 'no-webgl', reason: webgl.reason });
      return;
    }
    configureMaplibreWorker();
    let map: MaplibreMap;
    try {
      map = new maplibregl.Map({
        container: el,
        style: buildBasemapStyle(absoluteUrls(basemapUrls), absoluteFontFaces(fontFaces), latest.current.basemap),
        ...(latest.current.initialView
          ? { center: [latest.current.initialView.lon, latest.current.initialView.lat] as [number, number], zoom: latest.current.initialView.zoom }
          : { bounds: JJJ_BOUNDS, fitBoundsOptions: { padding: 24 } }),
        maxBounds: MAX_BOUNDS,
        minZoom: MIN_ZOOM,
        maxZoom: MAX_ZOOM,
        attributionControl: false,
        dragRotate: true,
        // Shift-click adds a region to a comparison; box zoom would swallow it.
        boxZoom: false,
        pitchWithRotate: true,
        // Multisampling smooths deck.gl's edges on a GPU; drawn in software it nearly doubles the
        // cost of every frame (./README.md), and MapLibre's own lines and labels smooth themselves.
        canvasContextAttributes: { preserveDrawingBuffer: false, antialias: !webgl.software },
        fadeDuration: labelFadeMs(),
        // Image export renders at up to 4× (grabMap.ts); the default cap (4096 px) would
        // silently lower the ratio. The GPU's own limit still applies (exportScaleFor).
        maxCanvasSize: [16384, 16384],
        // Tile layers beyond their source's maxzoom are overscaled the classic way. MapLibre 6's
        // default (4) splits them in the worker instead once the map's maxZoom is more than 4
        // above the source's; with street-level online base maps (maxZoom 18) a PMTiles layer
        // with maxzoom 10 then drew nothing at zoom 11–14 (seen in tests/e2e/basemaps.test.ts).
        zoomLevelsToOverscale: undefined,
      });
    } catch (e) {
      latest.current.onFailure?.({ kind: 'error', reason: e instanceof Error ? e.message : String(e) });
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: BASEMAP_ATTRIBUTION }), 'bottom-right');
    const stopPlainAttribution = keepAttributionPlain(el);
    handle.current = { map, overlay: null, layerCount: 0 };
    window.jjjAtlas = handle.current;
    let removed = false;

    map.on('load', () => {
      loaded.current = true;
      // Switches changed while the style was loading are applied now.
      applyBasemapOptions(map, buildBasemapStyle(absoluteUrls(basemapUrls), fontFaces, latest.current.basemap));
      latest.current.onReady?.(handle.current!);
      // The base map draws first; deck.gl (and luma's shaders) load once it is complete, so
      // they do not compete with the base map's tiles, fonts and worker on a 2-core machine.
      map.once('idle', () => {
        latest.current.onBaseMapDrawn?.();
        void addOverlay();
      });
    });
    const addOverlay = () =>
      import('@deck.gl/maplibre')
        .then(({ MapLibreOverlay }) => {
          if (removed) return;
          const overlay = new MapLibreOverlay({ interleaved: true, layers: latest.current.layers });
          map.addControl(overlay);
          keepLayerGroups(map, overlay, () => latest.current.layers);
          handle.current!.layerCount = latest.current.layers.length;
          // Same handle object: whoever holds it (the app, the tests) now sees the overlay.
          if (handle.current) handle.current.overlay = overlay;
          latest.current.onOverlay?.(handle.current!);
        })
        .catch((e: unknown) => latest.current.onFailure?.({ kind: 'error', reason: `deck.gl failed to load: ${e instanceof Error ? e.message : String(e)}` }));
    // Clicks are picked here rather than through deck's onClick, which the interleaved
    // overlay on maplibre 6 does not deliver (deck 9.4): same picking, one code path.
    map.on('click', (e) => {
      const overlay = handle.current?.overlay;
      const info = overlay ? pickPreferred(overlay, e.point.x, e.point.y) : null;
      latest.current.onClick?.(info, { lngLat: [e.lngLat.lng, e.lngLat.lat], point: [e.point.x, e.point.y], shiftKey: e.originalEvent.shiftKey });
    });
    // Hover is picked here too (not by deck's onHover, which takes the topmost object): the same
    // preferred pick as a click, at most once a frame.
    let pointer: { x: number; y: number } | null = null;
    let frame = 0;
    const pickHover = () => {
      frame = 0;
      const overlay = handle.current?.overlay;
      if (!overlay || removed) return;
      if (!pointer) {
        map.getCanvas().style.cursor = '';
        latest.current.onHover?.(null, null);
        return;
      }
      const info = pickPreferred(overlay, pointer.x, pointer.y);
      map.getCanvas().style.cursor = info ? 'pointer' : '';
      const ll = map.unproject([pointer.x, pointer.y]);
      latest.current.onHover?.(info, { lngLat: [ll.lng, ll.lat], point: [pointer.x, pointer.y] });
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(pickHover);
    };
    map.on('mousemove', (e) => {
      pointer = { x: e.point.x, y: e.point.y };
      schedule();
    });
    map.on('mouseout', () => {
      pointer = null;
      schedule();
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onViewChange?.({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
    });
    map.on('error', (ev) => {
      // A failed source or font fetch is reported but does not stop the map.
      console.warn('[map]', ev.error?.message ?? ev);
    });
    const lost = () => latest.current.onFailure?.({ kind: 'error', reason: 'WebGL context lost' });
    map.getCanvas().addEventListener('webglcontextlost', lost);

    return () => {
      map.getCanvas().removeEventListener('webglcontextlost', lost);
      stopPlainAttribution();
      if (frame) cancelAnimationFrame(frame);
      loaded.current = false;
      removed = true;
      handle.current = null;
      if (window.jjjAtlas?.map === map) delete window.jjjAtlas;
      map.remove();
    };
  }, []);

  useEffect(() => {
    if (!loaded.current || !handle.current) return;
    applyBasemapOptions(handle.current.map, buildBasemapStyle(absoluteUrls(basemapUrls), fontFaces, basemap));
  }, [basemap]);

  useEffect(() => {
    if (!loaded.current || !handle.current) return;
    if (!handle.current.overlay) return;
    handle.current.overlay.setProps({ layers });
    handle.current.layerCount = layers.length;
  }, [layers]);

  return <div ref={container} className="map-canvas" role="region" aria-label={ariaLabel} data-testid="map" />;
}

function absoluteFontFaces(faces: FontFaces): FontFaces {
  const out: FontFaces = {};
  for (const [name, list] of Object.entries(faces)) {
    out[name] = list.map((f) => ({ ...f, url: new URL(f.url, document.baseURI).href }));
  }
  return out;
}
