/**
 * Keep the map's tile layers in line with the store (issue 7), and watch each new one load: a
 * layer whose tiles fail is marked 'failed', taken off the map and the person is told.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './store';
import type { MapHandle } from '../map/MapView';

export function useTileLayers(handle: RefObject<MapHandle | null>, mapReady: boolean): void {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.tileLayers);
  const watching = useRef(new Map<string, () => void>());

  useEffect(() => {
    const map = handle.current?.map;
    if (!mapReady || !map) return;
    if (layers.length === 0 && !map.getStyle().layers.some((l) => l.id.startsWith('tiles:'))) return;
    let stale = false;
    void Promise.all([import('../map/tileLayers'), import('../map/watchTiles')]).then(([{ syncTileLayers, TILE_PREFIX }, { watchTiles }]) => {
      if (stale) return;
      const drawn = layers.filter((l) => l.status !== 'failed');
      try {
        syncTileLayers(map, drawn);
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
    };
  }, [handle, mapReady, layers, t]);
}
