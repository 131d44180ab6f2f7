/**
 * The one owner of the live map. Everything the app does to MapLibre — the theme's paint, camera
 * requests, the region highlight, the choropleth, the drawing tools — happens here, following
 * the store; and the map's events (view changes, hover, clicks) come back through here into the
 * store. Clicks are routed by ./clickRouter.ts. The store and the link keep WGS-84 whatever
 * datum the base map is drawn in: positions read off the map go through `datum.fromDisplay`.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import fontFaces from 'virtual:font-faces';
import { useAppStore } from '../store';
import { regionsAtPoint } from '../useRegionAnalysis';
import { newAreaId } from '../../model/drawnArea';
import { resolveLevel } from '../../model/analysis';
import type { ChoroplethLegend } from '../useChoropleth';
import type { CameraView, MapHandle } from '../../map/MapView';
import type { DisplayDatum } from '../../map/displayDatum';
import type { DrawSession } from '../../map/draw';
import { pickedItemId, pickedUserFeature } from '../../map/picking';
import { flyToBbox } from '../../map/camera';
import { geometryBbox, unionBboxes } from '../../geo/bbox';
import { mostSpecificRegions, setRegionHighlight } from '../../map/regionHighlight';
import { showChoropleth } from '../../map/choropleth';
import { applyBasemapPaint } from '../../map/basemap/apply';
import { buildBasemapStyle } from '../../map/basemap/style';
import { basemapUrls } from '../../map/basemap/sources';
import { roundCoordinate } from '../../geo/roundCoordinates';
import { clickModeOf, routeClick, takesPointer, type ClickAction } from './clickRouter';

export interface MapEvents {
  onViewChange: (v: CameraView) => void;
  onHover: (info: PickingInfo | null, at: { lngLat: [number, number]; point: [number, number] } | null) => void;
  onClick: (info: PickingInfo | null, at: { lngLat: [number, number]; point: [number, number]; shiftKey: boolean }) => void;
}

export function useMapController(handle: RefObject<MapHandle | null>, datumRef: RefObject<DisplayDatum>, legend: ChoroplethLegend | null): MapEvents {
  const mapStatus = useAppStore((s) => s.mapStatus);
  const ready = mapStatus.state === 'ready';
  const mapOf = useCallback(() => (ready ? (handle.current?.map ?? null) : null), [handle, ready]);

  useThemePaint(mapOf);
  useCameraRequests(mapOf, datumRef);
  useRegionHighlight(mapOf);
  useChoroplethPaint(mapOf, legend);
  useRegionHoverOutline(mapOf);
  useDrawingTools(mapOf, datumRef);

  const onViewChange = useCallback(
    (v: CameraView) => {
      const [lon, lat] = datumRef.current.fromDisplay([v.lon, v.lat]);
      useAppStore.getState().setView(roundView({ zoom: v.zoom, lat, lon }));
    },
    [datumRef],
  );
  const onHover = useCallback<MapEvents['onHover']>((info, at) => hover(info, at && { ...at, lngLat: datumRef.current.fromDisplay(at.lngLat) }), [datumRef]);
  const onClick = useCallback<MapEvents['onClick']>(
    (info, at) => {
      const st = useAppStore.getState();
      const lngLat = datumRef.current.fromDisplay(at.lngLat);
      const user = info ? pickedUserFeature(info) : null;
      let userFeature: { layerId: string; index: number } | null = null;
      if (user && info) {
        const features = st.userLayers.find((l) => l.id === user.layerId)?.features;
        const index = features && info.index >= 0 && info.index < features.length ? info.index : (features?.indexOf(user.feature) ?? -1);
        userFeature = { layerId: user.layerId, index };
      }
      const actions = routeClick({
        drawTool: st.drawTool,
        sidebarTab: st.sidebarTab,
        userFeature,
        itemId: info ? pickedItemId(info) : null,
        layerId: info?.layer?.id ?? null,
        picked: info !== null,
        tileLayersShown: st.tileLayers.some((l) => l.visible && l.status !== 'failed'),
        lngLat,
        shiftKey: at.shiftKey,
      });
      for (const a of actions) carryOut(a, handle.current?.map ?? null);
    },
    [handle, datumRef],
  );
  return { onViewChange, onHover, onClick };
}

function carryOut(a: ClickAction, map: MapHandle['map'] | null): void {
  const st = useAppStore.getState();
  switch (a.kind) {
    case 'add-circle':
      st.addDrawnArea({ id: newAreaId(), name: `○ ${st.circleRadiusKm} km`, shape: { kind: 'circle', center: a.center, radiusKm: st.circleRadiusKm } });
      return;
    case 'select-user-feature':
      st.selectUserFeature(a.index >= 0 ? { layerId: a.layerId, index: a.index } : null);
      return;
    case 'clear-user-feature':
      if (st.userSelected) st.selectUserFeature(null);
      return;
    case 'clear-tile-feature':
      if (st.tileFeature) st.setTileFeature(null);
      return;
    case 'query-tile-feature':
      if (!map) return;
      void import('../../map/tileLayers').then(({ tileFeatureAt }) => {
        // where the clicked ground's WGS-84 coordinates are on screen (the tiles are WGS-84)
        const p = map.project(a.lngLat);
        const hit = tileFeatureAt(map, [p.x, p.y]);
        if (hit) useAppStore.getState().setTileFeature(hit);
      });
      return;
    case 'select-item':
      st.select(a.id);
      return;
    case 'toggle-region-at': {
      const level = resolveLevel(st.regionLevel, st.view?.zoom ?? 6);
      void regionsAtPoint(level, a.lngLat[0], a.lngLat[1]).then((codes) => {
        const code = codes[0];
        if (code) useAppStore.getState().toggleRegion(code, a.add);
      });
      return;
    }
  }
}

let regionHoverSeq = 0;
function hover(pick: PickingInfo | null, at: { lngLat: [number, number]; point: [number, number] } | null): void {
  const st = useAppStore.getState();
  // What does not take a click here (in the regions tab: anything but a site or line) does not take the hover either.
  const info = pick && takesPointer(clickModeOf(st), pick.layer?.id ?? null) ? pick : null;
  const user = info ? pickedUserFeature(info) : null;
  const id = info && !user ? pickedItemId(info) : null;
  if (user && at) st.setUserHover({ ...user, x: at.point[0], y: at.point[1] });
  else if (st.userHover) st.setUserHover(null);
  if (id && at) st.setHover({ id, x: at.point[0], y: at.point[1] });
  else if (st.hover) st.setHover(null);
  // The region a click would select (regions tab), or whose choropleth value the tooltip tells:
  // only where no item or feature is under the pointer.
  const level = !at || user || id ? null : st.sidebarTab === 'regions' && !st.drawTool ? resolveLevel(st.regionLevel, st.view?.zoom ?? 6) : (st.choropleth?.level ?? null);
  const seq = ++regionHoverSeq;
  if (!level || !at) {
    if (st.regionHover) st.setRegionHover(null);
    return;
  }
  void regionsAtPoint(level, at.lngLat[0], at.lngLat[1]).then((codes) => {
    if (seq !== regionHoverSeq) return;
    const code = codes[0];
    useAppStore.getState().setRegionHover(code ? { level, code, x: at.point[0], y: at.point[1] } : null);
  });
}

/** The region under the pointer, outlined on the map. */
function useRegionHoverOutline(mapOf: MapOf): void {
  const regionHover = useAppStore((s) => s.regionHover);
  const level = regionHover?.level;
  const code = regionHover?.code;
  useEffect(() => {
    const map = mapOf();
    if (!map) return;
    void import('../../map/regionHover').then(({ setRegionHover }) => setRegionHover(map, level && code ? { level, code } : null));
  }, [mapOf, level, code]);
}

type MapOf = () => MapHandle['map'] | null;

/** The page's colours are CSS variables; the base map's are paint properties, changed in place. */
function useThemePaint(mapOf: MapOf): void {
  const theme = useAppStore((s) => s.theme);
  const themeApplied = useRef<'light' | 'dark'>('light'); // the style is built in the light palette
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    const map = mapOf();
    if (!map || themeApplied.current === theme) return;
    themeApplied.current = theme;
    void import('../../map/themes').then(({ recolorStyle, BASEMAP_PALETTES }) => {
      const { lang, basemap } = useAppStore.getState();
      const style = buildBasemapStyle(basemapUrls, fontFaces, { lang, ...basemap });
      applyBasemapPaint(map, recolorStyle(style, BASEMAP_PALETTES[theme]));
    });
  }, [theme, mapOf]);
}

/** Camera requests (search, list, "zoom to", a link opened in the page): to the item's shape, or its regions when it has none; a link's view exactly. */
function useCameraRequests(mapOf: MapOf, datumRef: RefObject<DisplayDatum>): void {
  const flyRequest = useAppStore((s) => s.flyRequest);
  const data = useAppStore((s) => s.data);
  useEffect(() => {
    const map = mapOf();
    if (!map || !flyRequest || data.state !== 'ready') return;
    if ('view' in flyRequest) {
      const { lon, lat, zoom } = flyRequest.view;
      map.jumpTo({ center: datumRef.current.toDisplay<[number, number]>([lon, lat]), zoom });
      return;
    }
    if ('bbox' in flyRequest) {
      flyToBbox(map, datumRef.current.bbox(flyRequest.bbox));
      return;
    }
    const item = data.items.find((i) => i.properties.id === flyRequest.id);
    if (!item) return;
    const bbox = geometryBbox(item.geometry) ?? unionBboxes(item.properties.regions.map((c) => data.regions.get(c)?.bbox));
    if (bbox) flyToBbox(map, datumRef.current.bbox(bbox));
  }, [flyRequest, data, mapOf, datumRef]);
}

/** The selected regions, or the regions of a selected item that has no shape of its own. */
function useRegionHighlight(mapOf: MapOf): void {
  const selected = useAppStore((s) => s.selected);
  const data = useAppStore((s) => s.data);
  const regionSelection = useAppStore((s) => s.regionSelection);
  useEffect(() => {
    const map = mapOf();
    if (!map || data.state !== 'ready') return;
    const item = selected ? data.items.find((i) => i.properties.id === selected) : undefined;
    const codes =
      regionSelection.length > 0
        ? regionSelection
        : item && !item.geometry
          ? mostSpecificRegions(item.properties.regions, (c) => data.regions.get(c)?.parent ?? null)
          : [];
    setRegionHighlight(map, codes);
  }, [selected, data, mapOf, regionSelection]);
}

function useChoroplethPaint(mapOf: MapOf, legend: ChoroplethLegend | null): void {
  useEffect(() => {
    const map = mapOf();
    if (!map) return;
    showChoropleth(map, legend ? legend.level : null, new Map([...(legend?.values ?? [])].map(([code, v]) => [code, v.color])));
  }, [legend, mapOf]);
}

/** The polygon, rectangle and measure tools (terra-draw, loaded on first use); the circle is a click. */
function useDrawingTools(mapOf: MapOf, datumRef: RefObject<DisplayDatum>): void {
  const drawTool = useAppStore((s) => s.drawTool);
  const drawSession = useRef<Promise<DrawSession> | null>(null);
  useEffect(() => {
    const map = mapOf();
    if (!map) return;
    const editorTool = drawTool === 'polygon' || drawTool === 'rectangle' || drawTool === 'measure' ? drawTool : null;
    if (!editorTool && !drawSession.current) return;
    drawSession.current ??= import('../../map/draw').then(({ startDrawing }) =>
      startDrawing(map, {
        onArea: (ring) => {
          const st = useAppStore.getState();
          st.addDrawnArea({ id: newAreaId(), name: `${st.lang === 'zh' ? '区域' : 'Area'} ${st.drawnAreas.length + 1}`, shape: { kind: 'polygon', coordinates: ring.map((q) => datumRef.current.fromDisplay(q)) } });
        },
        onMeasure: (line) => {
          const path = line.map((q) => datumRef.current.fromDisplay(q));
          useAppStore.getState().setMeasurePath(path);
          void import('../../geo/measure').then(({ pathLengthKm }) => useAppStore.getState().setMeasureKm(pathLengthKm(path)));
        },
      }),
    );
    void drawSession.current.then((s) => {
      s.setTool(editorTool);
      if (useAppStore.getState().drawTool === editorTool) useAppStore.getState().setDrawToolReady(editorTool);
      // a measured path from a link: drawn as if just measured, with its length
      const path = useAppStore.getState().measurePath;
      if (editorTool === 'measure' && path) {
        s.showMeasured(path.map((q) => datumRef.current.toDisplay(q) as [number, number]));
        void import('../../geo/measure').then(({ pathLengthKm }) => useAppStore.getState().setMeasureKm(pathLengthKm(path)));
      }
    });
  }, [drawTool, mapOf, datumRef]);
}

function roundView(v: CameraView): CameraView {
  return { zoom: Math.round(v.zoom * 100) / 100, lat: roundCoordinate(v.lat, 4), lon: roundCoordinate(v.lon, 4) };
}

