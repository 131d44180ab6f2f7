import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayersList, PickingInfo } from '@deck.gl/core';
import { useAppStore } from './store';
import { usePlanData } from './usePlanData';
import { useUrlSync } from './useUrlSync';
import { useFilteredPlan } from './useFilteredPlan';
import { layerKeyOf } from './filters';
import { MapView, type MapFailure, type MapHandle, type CameraView } from '../map/MapView';
import type { DrawnItem } from '../map/planLayers';
import { pickedItemId } from '../map/picking';
import { flyToBbox, itemBbox } from '../map/camera';
import { mostSpecificRegions, setRegionHighlight } from '../map/regionHighlight';
import { Header } from '../ui/Header';
import { MapMessage } from '../ui/MapMessage';
import { Sidebar } from '../ui/Sidebar';
import { DetailPanel } from '../ui/DetailPanel';
import { Tooltip } from '../ui/Tooltip';
import { Notices } from '../ui/Notices';

export function App() {
  const { t, i18n } = useTranslation();
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
  const plan = useFilteredPlan();

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '京津冀协同发展地图 · JJJ Atlas' : 'JJJ Atlas · 京津冀协同发展地图';
  }, [lang, i18n]);

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
  const [deckLayers, setDeckLayers] = useState<typeof import('../map/planLayers') | null>(null);
  useEffect(() => {
    void import('../map/planLayers').then(setDeckLayers);
  }, []);
  const layers = useMemo<LayersList>(() => {
    if (!plan || !deckLayers) return [];
    return deckLayers.buildPlanLayers({ drawn, links: plan.links, linkItemIndex, linkLayers, visible: plan.visible, filterVersion: plan.version, selectedId: selected });
  }, [plan, deckLayers, drawn, linkItemIndex, linkLayers, selected]);

  const basemap = useMemo(() => ({ lang, ...basemapLayers }), [lang, basemapLayers]);
  const [initialView] = useState(() => useAppStore.getState().view);
  const onReady = useCallback(
    (h: MapHandle) => {
      handle.current = h;
      setMapStatus({ state: 'ready' });
    },
    [setMapStatus],
  );
  const onFailure = useCallback((f: MapFailure) => setMapStatus({ state: 'failed', ...f }), [setMapStatus]);
  const onViewChange = useCallback((v: CameraView) => useAppStore.getState().setView(roundView(v)), []);
  const onHover = useCallback((info: PickingInfo) => {
    const id = pickedItemId(info);
    const current = useAppStore.getState().hover;
    if (!id) {
      if (current) useAppStore.getState().setHover(null);
      return;
    }
    useAppStore.getState().setHover({ id, x: info.x, y: info.y });
  }, []);
  const onClick = useCallback((info: PickingInfo) => {
    useAppStore.getState().select(pickedItemId(info));
  }, []);

  // Camera requests (search, list, "zoom to") and the selected item's regions.
  useEffect(() => {
    const map = handle.current?.map;
    if (!map || !flyRequest || data.state !== 'ready') return;
    if ('bbox' in flyRequest) {
      flyToBbox(map, flyRequest.bbox);
      return;
    }
    const item = data.items.find((i) => i.properties.id === flyRequest.id);
    if (!item) return;
    const bbox = itemBbox(item) ?? unionBbox(item.properties.regions.map((c) => data.regions.get(c)?.bbox));
    if (bbox) flyToBbox(map, bbox);
  }, [flyRequest, data, mapStatus]);

  useEffect(() => {
    const map = handle.current?.map;
    if (!map || data.state !== 'ready') return;
    const item = selected ? data.items.find((i) => i.properties.id === selected) : undefined;
    const codes = item && !item.geometry ? mostSpecificRegions(item.properties.regions, (c) => data.regions.get(c)?.parent ?? null) : [];
    setRegionHighlight(map, codes);
  }, [selected, data, mapStatus]);

  return (
    <div className="app">
      <a className="skip-link" href="#item-list" onClick={() => useAppStore.getState().setSidebarTab('list')}>
        {t('app.skipToList')}
      </a>
      <Header />
      <div className="app-main">
        <Sidebar plan={plan} />
        <main className="map-wrap" aria-label={t('map.label')}>
          <MapView
            basemap={basemap}
            layers={layers}
            ariaLabel={t('map.label')}
            initialView={initialView}
            onReady={onReady}
            onFailure={onFailure}
            onViewChange={onViewChange}
            onHover={onHover}
            onClick={onClick}
          />
          <MapMessage status={mapStatus} />
          {plan && <Tooltip plan={plan} />}
          {plan && <DetailPanel plan={plan} />}
          <Notices />
        </main>
      </div>
    </div>
  );
}

function roundView(v: CameraView): CameraView {
  return { zoom: Math.round(v.zoom * 100) / 100, lat: Math.round(v.lat * 1e4) / 1e4, lon: Math.round(v.lon * 1e4) / 1e4 };
}

function unionBbox(boxes: ([number, number, number, number] | undefined)[]): [number, number, number, number] | null {
  const list = boxes.filter((b): b is [number, number, number, number] => !!b);
  if (list.length === 0) return null;
  return [Math.min(...list.map((b) => b[0])), Math.min(...list.map((b) => b[1])), Math.max(...list.map((b) => b[2])), Math.max(...list.map((b) => b[3]))];
}
