/**
 * The chosen base map on the live map. The switcher module loads on first use, so the
 * offline default costs nothing. A failed online base map switches back to the embedded one with
 * a notice. Returns the display datum: GCJ-02 once an AMap base map is drawing, else WGS-84
 * (the GCJ-02 one, with gcoord, loads before an AMap base map is shown). While an online base
 * map is drawing, the map may be zoomed to street level (18) instead of 13.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './store';
import { EMBEDDED_BASEMAP } from '../model/state';
import { decodeUrlState } from '../model/url';
import type { MapHandle } from '../map/MapView';
import type { OnlineBaseMap } from '../map/basemap/switch';
import { absoluteUrls } from '../map/basemap/apply';
import { basemapUrls } from '../map/basemap/sources';
import { WGS84_DATUM, type DisplayDatum } from '../map/displayDatum';
import { MAX_ZOOM, ONLINE_MAX_ZOOM } from '../model/zoomRange';

export function useOnlineBaseMap(handle: RefObject<MapHandle | null>, mapReady: boolean): DisplayDatum {
  const { t } = useTranslation();
  const source = useAppStore((s) => s.baseMapSource);
  const key = useAppStore((s) => (s.baseMapSource.kind === 'tianditu' ? s.tiandituKey : ''));
  const status = useAppStore((s) => s.baseMapStatus);
  const switcher = useRef<Promise<OnlineBaseMap> | null>(null);
  const [gcj, setGcj] = useState<DisplayDatum | null>(null);
  // read when a notice is written: a language switch must not reload the base map
  const tRef = useRef(t);
  useLayoutEffect(() => {
    tRef.current = t;
  });
  const datum = status.state === 'ready' && status.kind === 'amap' && gcj ? gcj : WGS84_DATUM;

  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map) return;
    if (source.kind === 'embedded' && !switcher.current) return;
    switcher.current ??= import('../map/basemap/switch').then((m) => new m.OnlineBaseMap(map));
    let stale = false;
    const ready = source.kind === 'amap' ? Promise.all([switcher.current, import('../map/gcjDatum').then((m) => setGcj(() => m.GCJ02_DATUM))]).then(([sw]) => sw) : switcher.current;
    void ready.then((sw) => {
      if (stale) return;
      const st = useAppStore.getState();
      if (source.kind === 'embedded') {
        void sw.show(source, { onLoaded: () => {}, onFailed: () => {} });
        st.setBaseMapStatus({ state: 'idle' });
        return;
      }
      st.setBaseMapStatus({ state: 'loading', kind: source.kind });
      void sw.show(
        source,
        {
          onLoaded: () => {
            if (!stale) useAppStore.getState().setBaseMapStatus({ state: 'ready', kind: source.kind });
          },
          onFailed: (f) => {
            if (stale) return;
            const s = useAppStore.getState();
            s.setBaseMapSource(EMBEDDED_BASEMAP);
            s.setBaseMapStatus({ state: 'idle' });
            const tr = tRef.current;
            // plain words first; the engine's own text ("AJAXError: …") behind the notice's disclosure
            s.notify('warning', tr('basemap.failed', { name: tr(`basemap.kinds.${source.kind}`), reason: tr(`basemap.problems.${f.code}`) }), f.reason);
          },
        },
        { tiandituKey: key },
      );
    });
    return () => {
      stale = true;
    };
  }, [handle, mapReady, source, key]);

  // The embedded map's data is detailed to zoom 13; an online base map has street-level tiles.
  // Back on the embedded map a closer view zooms out to 13. A link with an online base map and a
  // closer view opens at 13 (the map starts embedded) and goes to the link's zoom once the
  // online map draws, unless the view has been zoomed meanwhile.
  const online = status.state === 'ready';
  const [linkZoom] = useState(() => {
    // the link as opened (its base map is applied only once the plan data has loaded)
    const { state } = decodeUrlState(window.location.hash, { itemIds: new Set(), regionCodes: new Set(), defaultLang: 'zh' });
    return state.source && state.view && state.view.zoom > MAX_ZOOM ? Math.min(state.view.zoom, ONLINE_MAX_ZOOM) : null;
  });
  const linkZoomDone = useRef(false);
  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map) return;
    map.setMaxZoom(online ? ONLINE_MAX_ZOOM : MAX_ZOOM);
    if (!online || linkZoomDone.current) return;
    linkZoomDone.current = true;
    if (linkZoom !== null && Math.abs(map.getZoom() - MAX_ZOOM) < 1e-6) map.jumpTo({ zoom: linkZoom });
  }, [handle, mapReady, online, linkZoom]);

  // The region sources follow the datum, and the camera keeps the same place in the middle.
  const shown = useRef<DisplayDatum>(WGS84_DATUM);
  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map || shown.current === datum) return;
    const prev = shown.current;
    shown.current = datum;
    const c = map.getCenter();
    map.jumpTo({ center: datum.toDisplay(prev.fromDisplay([c.lng, c.lat])) as [number, number] });
    const urls = absoluteUrls(basemapUrls);
    void import('../map/basemap/regionDatum').then(({ setRegionSourcesDatum }) =>
      setRegionSourcesDatum(map, datum.crs, { provinces: urls.provinces, prefectures: urls.prefectures, counties: urls.counties }),
    );
  }, [handle, mapReady, datum]);

  return datum;
}
