import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayersList } from '@deck.gl/core';
import { useAppStore } from './store';
import { MapView, type MapFailure } from '../map/MapView';
import { Header } from '../ui/Header';
import { MapMessage } from '../ui/MapMessage';

export function App() {
  const { t, i18n } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const basemapLayers = useAppStore((s) => s.basemap);
  const mapStatus = useAppStore((s) => s.mapStatus);
  const setMapStatus = useAppStore((s) => s.setMapStatus);

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '京津冀协同发展地图 · JJJ Atlas' : 'JJJ Atlas · 京津冀协同发展地图';
  }, [lang, i18n]);

  const basemap = useMemo(() => ({ lang, ...basemapLayers }), [lang, basemapLayers]);
  const layers = useMemo<LayersList>(() => [], []);
  const onReady = useCallback(() => setMapStatus({ state: 'ready' }), [setMapStatus]);
  const onFailure = useCallback((f: MapFailure) => setMapStatus({ state: 'failed', ...f }), [setMapStatus]);

  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <div className="map-wrap">
          <MapView basemap={basemap} layers={layers} ariaLabel={t('map.label')} onReady={onReady} onFailure={onFailure} />
          <MapMessage status={mapStatus} />
        </div>
      </main>
    </div>
  );
}
