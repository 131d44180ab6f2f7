/**
 * Keep the map's tile layers in line with the store, and watch each new one load: a
 * layer whose tiles fail is marked 'failed', taken off the map and the person is told. Over a
 * base map in another datum (AMap, GCJ-02) the vector layers are moved by the datum's offset
 * at the centre of the view, taken again after every move (src/map/datumTranslate.ts).
 * A TileJSON layer kept from an earlier visit has only its address: the app reads the TileJSON
 * (once, checked as when it was added) before the layer goes on the map with the tiles it lists.
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
  const reading = useRef(new Set<string>());

  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map) return;
    if (layers.length === 0 && !map.getStyle().layers.some((l) => l.id.startsWith('tiles:'))) return;
    let stale = false;
    let moved: (() => void) | null = null;
    void Promise.all([import('../map/tileLayers'), import('../map/watchTiles'), import('../map/datumTranslate')]).then(([{ syncTileLayers, setTileTranslate, inspectTileUrl, TileSourceProblem, TILE_STEP_TIMEOUT_MS, TILE_PREFIX }, { watchTiles }, { datumTranslate }]) => {
      if (stale) return;
      const unread = layers.filter((l) => l.kind.startsWith('tilejson') && !l.tileJson && l.status === 'loading');
      for (const layer of unread) {
        if (reading.current.has(layer.id)) continue;
        reading.current.add(layer.id);
        inspectTileUrl(layer.url).then(
          (info) => {
            reading.current.delete(layer.id);
            if (info.tileJson) useAppStore.getState().updateTileLayer(layer.id, { tileJson: info.tileJson });
          },
          (e: unknown) => {
            reading.current.delete(layer.id);
            const st = useAppStore.getState();
            st.updateTileLayer(layer.id, { status: 'failed' });
            const detail = e instanceof TileSourceProblem ? t(`tiles.problems.${e.code}`, { s: TILE_STEP_TIMEOUT_MS / 1000 }) : e instanceof Error ? e.message : String(e);
            st.notify('warning', t('tiles.failed', { name: layer.name, detail }));
          },
        );
      }
      const drawn = layers.filter((l) => l.status !== 'failed' && !unread.includes(l));
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
