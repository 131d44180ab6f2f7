/**
 * Keep the map's tile layers in line with the store, and watch each new one load: a
 * layer whose tiles fail is marked 'failed', taken off the map and the person is told. Over a
 * base map in another datum (AMap, GCJ-02) the vector layers are moved by the datum's offset
 * at the centre of the view, taken again after every move (src/map/datumTranslate.ts).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './store';
import type { MapHandle } from '../map/MapView';
import type { DisplayDatum } from '../map/displayDatum';

export function useTileLayers(handle: RefObject<MapHandle | null>, mapReady: boolean, datum: DisplayDatum): void {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.tileLayers);
  const watching = useRef(new Map<string, () => void>());

  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map) return;
    if (layers.length === 0 && !map.getStyle().layers.some((l) => l.id.startsWith('tiles:'))) return;
    let stale = false;
    let moved: (() => void) | null = null;
    void Promise.all([import('../map/tileLayers'), import('../map/watchTiles'), import('../map/datumTranslate')]).then(([{ syncTileLayers, setTileTranslate, TILE_PREFIX }, { watchTiles }, { datumTranslate }]) => {
      if (stale) return;
      const drawn = layers.filter((l) => l.status !== 'failed');
      try {
        syncTileLayers(map, drawn);
        const follow = () => {
          const c = map.getCenter();
          setTileTranslate(map, datumTranslate(datum.fromDisplay([c.lng, c.lat]), datum.toDisplay));
        };
        follow();
        if (datum.crs !== 'wgs84' && drawn.length > 0) {
          moved = follow;
          map.on('moveend', follow);
        }
      } catch (e) {
        console.warn('[tile layers]', e);
      }
      const ids = new Set(layers.map((l) => l.id));
      for (const [id, stop] of watching.current) {
        if (!ids.has(id)) {
          stop();
          watching.current.delete(id);
        }
      }
      for (const layer of drawn) {
        if (layer.status !== 'loading' || watching.current.has(layer.id)) continue;
        const sourceId = `${TILE_PREFIX}${layer.id}`;
        watching.current.set(
          layer.id,
          watchTiles(map, (id) => id === sourceId, {
            onLoaded: () => {
              watching.current.delete(layer.id);
              useAppStore.getState().updateTileLayer(layer.id, { status: 'ready' });
            },
            onFailed: (f) => {
              watching.current.delete(layer.id);
              const st = useAppStore.getState();
              st.updateTileLayer(layer.id, { status: 'failed' });
              st.notify('warning', t('tiles.failed', { name: layer.name, detail: f.reason }));
            },
          }),
        );
      }
    });
    return () => {
      stale = true;
      if (moved) map.off('moveend', moved);
    };
  }, [handle, mapReady, layers, t, datum]);
}
