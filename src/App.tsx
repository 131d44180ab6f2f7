import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayersList, PickingInfo } from '@deck.gl/core';
import { useAppStore } from './app/store';
import { switchLanguage } from './app/i18n';
import { usePlanData } from './app/usePlanData';
import { useUrlSync } from './app/useUrlSync';
import { useFilteredPlan } from './app/useFilteredPlan';
import type { FilteredPlan } from './model/filteredPlan';
import { layerKeyOf } from './model/filters';
import { MapView, type MapFailure, type MapHandle, type CameraView } from './map/MapView';
import type { DrawnItem, UserLayerInput } from './map/planLayers';
import { pickedItemId, pickedUserFeature } from './map/picking';
import { flyToBbox, itemBbox } from './map/camera';
import { mostSpecificRegions, setRegionHighlight } from './map/regionHighlight';
import { Header } from './ui/Header';
import { MapMessage } from './ui/MapMessage';
import { Sidebar } from './ui/Sidebar';
import { DetailPanel } from './ui/DetailPanel';
import { Tooltip } from './ui/Tooltip';
import { Notices } from './ui/Notices';
import { drawnAreaGeometry, newAreaId } from './model/drawnArea';
import type { Polygon } from 'geojson';
import { resolveLevel, type RegionLevel } from './model/analysis';
import { regionsAtPoint, useRegionAnalysis } from './app/useRegionAnalysis';
import { useChoropleth } from './app/useChoropleth';
import { showChoropleth } from './map/choropleth';
import type { DrawSession } from './map/draw';
import { usePresentation } from './app/usePresentation';
import { Presentation } from './ui/Presentation';
import { PrintSheet } from './ui/PrintSheet';
import { railTrips } from './model/timeline';
import { applyBasemapPaint } from './map/basemap/apply';
import { buildBasemapStyle } from './map/basemap/style';
import { basemapUrls } from './map/basemap/sources';
import fontFaces from 'virtual:font-faces';
import { UserTooltip } from './ui/UserTooltip';
import { useUserLayerPersistence } from './app/useUserLayers';
import { startImport } from './app/importController';
import { useOnlineBaseMap } from './app/useBaseMap';
import { TileFeatureDetail, UserFeatureDetail } from './ui/UserFeatureDetail';
import { useTileLayers } from './app/useTileLayers';
import type { DisplayDatum } from './map/displayDatum';

export function App() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const basemapLayers = useAppStore((s) => s.basemap);
  const mapStatus = useAppStore((s) => s.mapStatus);
  const data = useAppStore((s) => s.data);
  const selected = useAppStore((s) => s.selected);
  const flyRequest = useAppStore((s) => s.flyRequest);
  const setMapStatus = useAppStore((s) => s.setMapStatus);
  const handle = useRef<MapHandle | null>(null);

  usePlanData();
  useUrlSync();
  // Base maps (issue 7): over a GCJ-02 map (AMap) overlays are drawn shifted into GCJ-02, and
  // positions read off the map are shifted back (src/geo/displayCrs.ts).
  const datum = useOnlineBaseMap(handle, mapStatus.state === 'ready');
  useTileLayers(handle, mapStatus.state === 'ready', datum);
  const baseMapStatus = useAppStore((s) => s.baseMapStatus);
  const datumRef = useRef<DisplayDatum>(datum);
  useLayoutEffect(() => {
    datumRef.current = datum;
  });
  useUserLayerPersistence();
  const plan = useFilteredPlan();
  const planUsers = plan?.users;
  const shownUserLayers = useMemo(() => (planUsers ? userLayerInputs(planUsers) : []), [planUsers]);
  const userSelected = useAppStore((s) => s.userSelected);
  const userSelectedFeature = useMemo(() => (userSelected ? (planUsers?.layers.find((l) => l.id === userSelected.layerId)?.features[userSelected.index] ?? null) : null), [userSelected, planUsers]);
  const [dropping, setDropping] = useState(false);

  // Regional analysis (issue 5): levels needed by the clicked regions and the choropleth.
  const regionLevelChoice = useAppStore((s) => s.regionLevel);
  const regionSelection = useAppStore((s) => s.regionSelection);
  const choropleth = useAppStore((s) => s.choropleth);
  const drawnAreas = useAppStore((s) => s.drawnAreas);
  const drawTool = useAppStore((s) => s.drawTool);
  const zoom = useAppStore((s) => s.view?.zoom ?? 6);
  const clickLevel = resolveLevel(regionLevelChoice, zoom);
  const levels = useMemo(() => {
    const set = new Set<RegionLevel>();
    if (data.state === 'ready') for (const c of regionSelection) {
      const r = data.regions.get(c);
      if (r) set.add(r.level);
    }
    if (choropleth) set.add(choropleth.level);
    return [...set];
  }, [regionSelection, choropleth, data]);
  const analysis = useRegionAnalysis(plan, clickLevel, levels);
  const storyActions = usePresentation(handle, datumRef, plan?.users);
  const presenting = useAppStore((s) => s.presenting);
  const timelineMonth = useAppStore((s) => s.timelineMonth);
  const theme = useAppStore((s) => s.theme);
  const timelinePaths = useMemo(
    () => (timelineMonth !== null && data.state === 'ready' ? railTrips(data.items, timelineMonth).trips.map((tr) => ({ id: tr.itemId, path: tr.drawnPath })) : []),
    [timelineMonth, data],
  );
  const legend = useChoropleth(analysis);
  type AreaGeometry = { id: string; geometry: Polygon };
  const [areaGeom, setAreaGeom] = useState<{ of: unknown; list: AreaGeometry[] }>({ of: null, list: [] });
  const areaGeometries = useMemo(() => (areaGeom.of === drawnAreas ? areaGeom.list : []), [areaGeom, drawnAreas]);
  useEffect(() => {
    let cancelled = false;
    if (drawnAreas.length === 0) return;
    void import('./geo/aggregate/features').then(({ circlePolygon }) => {
      if (cancelled) return;
      const circle = (c: [number, number], km: number) => circlePolygon(c, km).geometry;
      setAreaGeom({ of: drawnAreas, list: drawnAreas.map((a) => ({ id: a.id, geometry: drawnAreaGeometry(a, circle) })) });
    });
    return () => {
      cancelled = true;
    };
  }, [drawnAreas]);

  // A file dropped outside the drop zones must not replace the page (the browser would open it).
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  useEffect(() => {
    void switchLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '京津冀协同发展地图 · JJJ Atlas' : 'JJJ Atlas · 京津冀协同发展地图';
  }, [lang]);

  // Geometry and links change only when the data does; filters change `visible` only.
  const drawn = useMemo<DrawnItem[]>(() => {
    if (data.state !== 'ready') return [];
    return data.items.flatMap((item, index) =>
      item.geometry ? [{ type: 'Feature' as const, geometry: item.geometry, properties: { ...item.properties, index, layer: layerKeyOf(item) } }] : [],
    );
  }, [data]);
  const linkItemIndex = useMemo(() => {
    if (data.state !== 'ready') return [];
    const idx = new Map(data.items.map((it, i) => [it.properties.id, i]));
    return data.links.map((l) => idx.get(l.properties.item) ?? -1);
  }, [data]);

  const linkLayers = useMemo(() => (data.state === 'ready' ? data.items.map(layerKeyOf) : []), [data]);
  // deck.gl's layers are loaded after the first frame of the base map (see MapView).
  const [deckLayers, setDeckLayers] = useState<typeof import('./map/planLayers') | null>(null);
  const onBaseMapDrawn = useCallback(() => useAppStore.setState({ baseMapDrawn: true }), []);
  // …imported when the overlay joins the map, after the base map's first frame.
  const onOverlay = useCallback(() => {
    void import('./map/planLayers').then(setDeckLayers);
  }, []);
  const layers = useMemo<LayersList>(() => {
    if (!plan || !deckLayers) return [];
    const input = { drawn, links: plan.links, linkItemIndex, linkLayers, visible: plan.visible, filterVersion: plan.version, selectedId: selected, drawnAreas: areaGeometries, timelinePaths, userLayers: shownUserLayers, userSelected: userSelectedFeature };
    return deckLayers.buildPlanLayers(datum.layerInput(input));
  }, [plan, deckLayers, drawn, linkItemIndex, linkLayers, selected, areaGeometries, timelinePaths, shownUserLayers, userSelectedFeature, datum]);

  // Theme: the page's colours (CSS variables) and the base map's (paint properties in place).
  const themeApplied = useRef<'light' | 'dark'>('light'); // the style is built in the light palette
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    const map = handle.current?.map;
    if (!map || mapStatus.state !== 'ready' || themeApplied.current === theme) return;
    themeApplied.current = theme;
    void import('./map/themes').then(({ recolorStyle, BASEMAP_PALETTES }) => {
      const style = buildBasemapStyle(basemapUrls, fontFaces, { lang, ...basemapLayers });
      applyBasemapPaint(map, recolorStyle(style, BASEMAP_PALETTES[theme]));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- paint only depends on the theme; layout switches are applied by MapView
  }, [theme, mapStatus]);

  // The embedded ground hides once an online base map has drawn its first tile.
  const embedded = baseMapStatus.state !== 'ready';
  const basemap = useMemo(() => ({ lang, ...basemapLayers, embedded }), [lang, basemapLayers, embedded]);
  const [initialView] = useState(() => useAppStore.getState().view);
  const onReady = useCallback(
    (h: MapHandle) => {
      handle.current = h;
      setMapStatus({ state: 'ready' });
    },
    [setMapStatus],
  );
  const onFailure = useCallback((f: MapFailure) => setMapStatus({ state: 'failed', ...f }), [setMapStatus]);
  const onViewChange = useCallback((v: CameraView) => {
    // the store (and the link) keep WGS-84, whatever datum the base map is drawn in
    const [lon, lat] = datumRef.current.fromDisplay([v.lon, v.lat]);
    useAppStore.getState().setView(roundView({ zoom: v.zoom, lat, lon }));
  }, []);
  const onHover = useCallback((info: PickingInfo) => {
    const st = useAppStore.getState();
    const user = pickedUserFeature(info);
    if (user) {
      st.setUserHover({ ...user, x: info.x, y: info.y });
      if (st.hover) st.setHover(null);
      return;
    }
    if (st.userHover) st.setUserHover(null);
    const id = pickedItemId(info);
    const current = st.hover;
    if (!id) {
      if (current) useAppStore.getState().setHover(null);
      return;
    }
    useAppStore.getState().setHover({ id, x: info.x, y: info.y });
  }, []);
  const onClick = useCallback((info: PickingInfo | null, at: { lngLat: [number, number]; point: [number, number]; shiftKey: boolean }) => {
    const st = useAppStore.getState();
    const lngLat = datumRef.current.fromDisplay(at.lngLat);
    if (st.drawTool === 'circle') {
      st.addDrawnArea({ id: newAreaId(), name: `○ ${st.circleRadiusKm} km`, shape: { kind: 'circle', center: lngLat, radiusKm: st.circleRadiusKm } });
      return;
    }
    if (st.drawTool) return; // terra-draw has the clicks
    // A click on one of the person's own features shows its properties (issue 7).
    const user = info && st.sidebarTab !== 'regions' ? pickedUserFeature(info) : null;
    if (user && info) {
      const features = st.userLayers.find((l) => l.id === user.layerId)?.features;
      const index = features && info.index >= 0 && info.index < features.length ? info.index : (features?.indexOf(user.feature) ?? -1);
      st.select(null);
      st.selectUserFeature(index >= 0 ? { layerId: user.layerId, index } : null);
      return;
    }
    if (st.userSelected) st.selectUserFeature(null);
    // …and one of a tile layer's features (drawn by MapLibre, found by a rendered-feature query).
    if (st.tileFeature) st.setTileFeature(null);
    const map = handle.current?.map;
    if (!info && map && st.sidebarTab !== 'regions' && st.tileLayers.some((l) => l.visible && l.status !== 'failed')) {
      void import('./map/tileLayers').then(({ tileFeatureAt }) => {
        // where the clicked ground's WGS-84 coordinates are on screen (the tiles are WGS-84)
        const p = map.project(lngLat);
        const hit = tileFeatureAt(map, [p.x, p.y]);
        if (hit) useAppStore.getState().setTileFeature(hit);
      });
    }
    const id = info ? pickedItemId(info) : null;
    // In the regions tab only sites and lines take a click; areas and arcs let it through to the region.
    if (st.sidebarTab !== 'regions' || (id && info?.layer?.id === 'plan-lines-sites')) {
      st.select(id);
      return;
    }
    // In the regions tab a click on the map picks the region under it.
    const level = resolveLevel(st.regionLevel, st.view?.zoom ?? 6);
    void regionsAtPoint(level, lngLat[0], lngLat[1]).then((codes) => {
      const code = codes[0];
      if (code) useAppStore.getState().toggleRegion(code, at.shiftKey);
    });
  }, []);

  // Camera requests (search, list, "zoom to") and the selected item's regions.
  useEffect(() => {
    const map = handle.current?.map;
    if (!map || !flyRequest || data.state !== 'ready') return;
    if ('bbox' in flyRequest) {
      flyToBbox(map, datumRef.current.bbox(flyRequest.bbox));
      return;
    }
    const item = data.items.find((i) => i.properties.id === flyRequest.id);
    if (!item) return;
    const bbox = itemBbox(item) ?? unionBbox(item.properties.regions.map((c) => data.regions.get(c)?.bbox));
    if (bbox) flyToBbox(map, datumRef.current.bbox(bbox));
  }, [flyRequest, data, mapStatus]);

  useEffect(() => {
    const map = handle.current?.map;
    if (!map || data.state !== 'ready') return;
    const item = selected ? data.items.find((i) => i.properties.id === selected) : undefined;
    const codes =
      regionSelection.length > 0
        ? regionSelection
        : item && !item.geometry
          ? mostSpecificRegions(item.properties.regions, (c) => data.regions.get(c)?.parent ?? null)
          : [];
    setRegionHighlight(map, codes);
  }, [selected, data, mapStatus, regionSelection]);

  useEffect(() => {
    const map = handle.current?.map;
    if (!map || mapStatus.state !== 'ready') return;
    showChoropleth(map, legend ? legend.level : null, new Map([...(legend?.values ?? [])].map(([code, v]) => [code, v.color])));
  }, [legend, mapStatus]);

  // Drawing tools (terra-draw, loaded on first use).
  const drawSession = useRef<Promise<DrawSession> | null>(null);
  useEffect(() => {
    const map = handle.current?.map;
    if (!map || mapStatus.state !== 'ready') return;
    const editorTool = drawTool === 'polygon' || drawTool === 'rectangle' || drawTool === 'measure' ? drawTool : null;
    if (!editorTool && !drawSession.current) return;
    drawSession.current ??= import('./map/draw').then(({ startDrawing }) =>
      startDrawing(map, {
        onArea: (ring) => {
          const st = useAppStore.getState();
          st.addDrawnArea({ id: newAreaId(), name: `${st.lang === 'zh' ? '区域' : 'Area'} ${st.drawnAreas.length + 1}`, shape: { kind: 'polygon', coordinates: ring.map((q) => datumRef.current.fromDisplay(q)) } });
        },
        onMeasure: (line) => {
          void import('./geo/measure').then(({ pathLengthKm }) => useAppStore.getState().setMeasureKm(pathLengthKm(line.map((q) => datumRef.current.fromDisplay(q)))));
        },
      }),
    );
    void drawSession.current.then((s) => s.setTool(editorTool));
  }, [drawTool, mapStatus]);

  return (
    <div className={`app${presenting ? ' presenting' : ''}`}>
      <a className="skip-link" href="#item-list" onClick={() => useAppStore.getState().setSidebarTab('list')}>
        {t('app.skipToList')}
      </a>
      <Header />
      <div className="app-main">
        <Sidebar plan={plan} analysis={analysis} legend={legend} storyActions={storyActions} />
        <main
          className="map-wrap"
          aria-label={t('map.label')}
          // A file dropped anywhere on the map is imported as a user layer (issue 7).
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes('Files')) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            if (!dropping) setDropping(true);
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
          }}
          onDrop={(e) => {
            const file = e.dataTransfer.files[0];
            setDropping(false);
            if (!file) return;
            e.preventDefault();
            useAppStore.getState().setSidebarTab('data');
            // a PMTiles archive becomes a tile layer; anything else is imported
            if (/\.pmtiles$/i.test(file.name)) {
              void import('./app/tileLayerController').then(({ addTileLayerFromFile }) => addTileLayerFromFile(file)).then((r) => {
                if (!r.ok) useAppStore.getState().notify('warning', `${t(`tiles.problems.${r.code}`)} (${r.message})`);
              });
            } else startImport(file);
          }}
        >
          <MapView
            basemap={basemap}
            layers={layers}
            ariaLabel={t('map.label')}
            initialView={initialView}
            onReady={onReady}
            onBaseMapDrawn={onBaseMapDrawn}
            onOverlay={onOverlay}
            onFailure={onFailure}
            onViewChange={onViewChange}
            onHover={onHover}
            onClick={onClick}
          />
          <MapMessage status={mapStatus} />
          {plan && <Tooltip plan={plan} />}
          <UserTooltip />
          <UserFeatureDetail />
          <TileFeatureDetail />
          {dropping && (
            <div className="map-drop-hint" aria-hidden="true">
              {t('data.dropOnMap')}
            </div>
          )}
          {plan && <DetailPanel plan={plan} />}
          <Notices />
          <Presentation users={plan?.users} />
        </main>
        {plan && <PrintSheet plan={plan} />}
      </div>
    </div>
  );
}

/** The user layers that are switched on, as deck draws them: styled and filtered. */
function userLayerInputs(users: FilteredPlan['users']): UserLayerInput[] {
  return users.layers
    .filter((l) => l.visible)
    .map((l) => ({
      id: l.id,
      features: l.features,
      color: l.color,
      style: l.style,
      shown: users.filtered.byLayer.get(l.id)?.shown ?? new Uint8Array(l.features.length),
      filterVersion: users.filtered.version,
    }));
}

function roundView(v: CameraView): CameraView {
  return { zoom: Math.round(v.zoom * 100) / 100, lat: Math.round(v.lat * 1e4) / 1e4, lon: Math.round(v.lon * 1e4) / 1e4 };
}

function unionBbox(boxes: ([number, number, number, number] | undefined)[]): [number, number, number, number] | null {
  const list = boxes.filter((b): b is [number, number, number, number] => !!b);
  if (list.length === 0) return null;
  return [Math.min(...list.map((b) => b[0])), Math.min(...list.map((b) => b[1])), Math.max(...list.map((b) => b[2])), Math.max(...list.map((b) => b[3]))];
}
