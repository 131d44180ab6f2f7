/**
 * The composition root: the store's hooks, the map controller and the panels, put together.
 * Nothing here touches MapLibre: the live map is owned by app/map/useMapController.ts.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './app/store';
import { usePlanData } from './app/usePlanData';
import { useUrlSync } from './app/useUrlSync';
import { useFilteredPlan } from './app/useFilteredPlan';
import { useRegionAnalysis } from './app/useRegionAnalysis';
import { useChoropleth } from './app/useChoropleth';
import { usePresentation } from './app/usePresentation';
import { useUserLayerPersistence } from './app/useUserLayers';
import { useOnlineBaseMap } from './app/useBaseMap';
import { useTileLayers } from './app/useTileLayers';
import { useFileDrop } from './app/useFileDrop';
import { useDocumentLanguage } from './app/useDocumentLanguage';
import { useMapController } from './app/map/useMapController';
import { useDeckLayers } from './app/map/useDeckLayers';
import { useEdgeLinks } from './app/map/useEdgeLinks';
import { PlanContext } from './app/planContext';
import { resolveLevel, type RegionLevel } from './model/analysis';
import { MapView, type MapFailure, type MapHandle } from './map/MapView';
import type { DisplayDatum } from './map/displayDatum';
import { Header } from './ui/Header';
import { MapMessage } from './ui/MapMessage';
import { Sidebar } from './ui/Sidebar';
import { DetailPanel } from './ui/DetailPanel';
import { Tooltip } from './ui/Tooltip';
import { RegionTooltip } from './ui/RegionTooltip';
import { Notices } from './ui/Notices';
import { Presentation } from './ui/Presentation';
import { PrintSheet } from './ui/PrintSheet';
import { usePrintShortcut } from './app/usePrintShortcut';
import { UserTooltip } from './ui/UserTooltip';
import { TileFeatureDetail, UserFeatureDetail } from './ui/UserFeatureDetail';
import { BaseMapConsent } from './ui/BaseMapConsent';
import { PanelBoundary } from './ui/PanelBoundary';

export function App() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const basemapLayers = useAppStore((s) => s.basemap);
  const mapStatus = useAppStore((s) => s.mapStatus);
  const baseMapStatus = useAppStore((s) => s.baseMapStatus);
  const presenting = useAppStore((s) => s.presenting);
  const setMapStatus = useAppStore((s) => s.setMapStatus);
  const handle = useRef<MapHandle | null>(null);

  usePlanData();
  useUrlSync();
  useDocumentLanguage();
  useUserLayerPersistence();
  // Over a GCJ-02 base map (AMap) overlays are drawn shifted into GCJ-02, and positions read off
  // the map are shifted back (src/geo/displayCrs.ts).
  const datum = useOnlineBaseMap(handle, mapStatus.state === 'ready');
  useTileLayers(handle, mapStatus.state === 'ready', datum);
  const datumRef = useRef<DisplayDatum>(datum);
  useLayoutEffect(() => {
    datumRef.current = datum;
  });

  const plan = useFilteredPlan();
  const analysis = useRegionAnalysis(plan, useClickLevel(), useAnalysedLevels());
  const legend = useChoropleth(analysis);
  const storyActions = usePresentation(handle, datumRef, plan);
  usePrintShortcut(storyActions.printMap);
  const { layers, onOverlay } = useDeckLayers(plan, datum);
  const events = useMapController(handle, datumRef, legend);
  useEdgeLinks(handle, mapStatus.state === 'ready', plan);
  const drop = useFileDrop();

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
  const onMapCrash = useCallback(() => {
    handle.current = null;
  }, []);
  const onBaseMapDrawn = useCallback(() => useAppStore.setState({ baseMapDrawn: true }), []);

  return (
    <PlanContext.Provider value={plan}>
    <div className={`app${presenting ? ' presenting' : ''}`}>
      <a className="skip-link" href="#item-list" onClick={() => useAppStore.getState().setSidebarTab('list')}>
        {t('app.skipToList')}
      </a>
      <Header />
      <div className="app-main">
        <Sidebar analysis={analysis} legend={legend} storyActions={storyActions} />
        {/* A file dropped anywhere on the map is imported as a user layer. */}
        <main className="map-wrap" aria-label={t('map.label')} onDragOver={drop.onDragOver} onDragLeave={drop.onDragLeave} onDrop={drop.onDrop}>
          {/* A failing map or overlay is replaced by a message naming it; the panels stay. The map's
              handle is dropped so that nothing drives the removed map until "try again" makes a new one. */}
          <PanelBoundary part="map" onError={onMapCrash}>
          <MapView
            basemap={basemap}
            layers={layers}
            ariaLabel={t('map.label')}
            initialView={initialView}
            onReady={onReady}
            onBaseMapDrawn={onBaseMapDrawn}
            onOverlay={onOverlay}
            onFailure={onFailure}
            onViewChange={events.onViewChange}
            onHover={events.onHover}
            onClick={events.onClick}
          />
          </PanelBoundary>
          <MapMessage status={mapStatus} />
          {plan && <Tooltip />}
          {plan && <RegionTooltip legend={legend} />}
          <UserTooltip />
          <UserFeatureDetail />
          <TileFeatureDetail />
          {drop.dropping && (
            <div className="map-drop-hint" aria-hidden="true">
              {t('data.dropOnMap')}
            </div>
          )}
          {plan && <DetailPanel />}
          <Notices />
          <BaseMapConsent />
          <Presentation onBackToPlan={storyActions.resetStory} />
        </main>
        {plan && <PrintSheet />}
      </div>
    </div>
    </PlanContext.Provider>
  );
}

/** The level a click on the map selects at: the chooser's, or the zoom's. */
function useClickLevel(): RegionLevel {
  const choice = useAppStore((s) => s.regionLevel);
  const zoom = useAppStore((s) => s.view?.zoom ?? 6);
  return resolveLevel(choice, zoom);
}

/** The levels the selected regions and the choropleth need numbers for. */
function useAnalysedLevels(): RegionLevel[] {
  const data = useAppStore((s) => s.data);
  const regionSelection = useAppStore((s) => s.regionSelection);
  const choropleth = useAppStore((s) => s.choropleth);
  return useMemo(() => {
    const set = new Set<RegionLevel>();
    if (data.state === 'ready')
      for (const c of regionSelection) {
        const r = data.regions.get(c);
        if (r) set.add(r.level);
      }
    if (choropleth) set.add(choropleth.level);
    return [...set];
  }, [regionSelection, choropleth, data]);
}
