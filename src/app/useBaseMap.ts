/**
 * The chosen base map on the live map (issue 7). The switcher module loads on first use, so the
 * offline default costs nothing. A failed online base map switches back to the embedded one with
 * a notice. Returns the display datum: GCJ-02 once an AMap base map is drawing, else WGS-84.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './store';
import { EMBEDDED_BASEMAP } from './state';
import type { MapHandle } from '../map/MapView';
import type { OnlineBaseMap } from '../map/basemap/switch';
import { absoluteUrls } from '../map/basemap/apply';
import { basemapUrls } from '../map/basemap/sources';
import { fromDisplayPosition, toDisplayPosition, type DisplayCrs } from '../geo/displayCrs';

export function useOnlineBaseMap(handle: RefObject<MapHandle | null>, mapReady: boolean): DisplayCrs {
  const { t } = useTranslation();
  const source = useAppStore((s) => s.baseMapSource);
  const key = useAppStore((s) => (s.baseMapSource.kind === 'tianditu' ? s.tiandituKey : ''));
  const status = useAppStore((s) => s.baseMapStatus);
  const switcher = useRef<Promise<OnlineBaseMap> | null>(null);
  const crs: DisplayCrs = status.state === 'ready' && status.kind === 'amap' ? 'gcj02' : 'wgs84';

  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map) return;
    if (source.kind === 'embedded' && !switcher.current) return;
    switcher.current ??= import('../map/basemap/switch').then((m) => new m.OnlineBaseMap(map));
    let stale = false;
    void switcher.current.then((sw) => {
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
            s.notify(
              'warning',
              t('basemap.failed', { name: t(`basemap.kinds.${source.kind}`), reason: t(`basemap.problems.${f.code}`), detail: f.reason }),
            );
          },
        },
        { tiandituKey: key },
      );
    });
    return () => {
      stale = true;
    };
  }, [handle, mapReady, source, key, t]);

  // The region sources follow the datum, and the camera keeps the same place in the middle.
  const shownCrs = useRef<DisplayCrs>('wgs84');
  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map || shownCrs.current === crs) return;
    const prev = shownCrs.current;
    shownCrs.current = crs;
    const c = map.getCenter();
    map.jumpTo({ center: toDisplayPosition(fromDisplayPosition([c.lng, c.lat], prev), crs) as [number, number] });
    const urls = absoluteUrls(basemapUrls);
    void import('../map/basemap/regionDatum').then(({ setRegionSourcesDatum }) =>
      setRegionSourcesDatum(map, crs, { provinces: urls.provinces, prefectures: urls.prefectures, counties: urls.counties }),
    );
  }, [handle, mapReady, crs]);

  return crs;
}
