/**
 * Did a newly added source load? Watches the map's `data` and `error` events for the sources
 * `isOurs` names: the first tile that arrives → `onLoaded`; two tile errors with none loaded, or
 * an `idle` after errors only → `onFailed` with the last error; nothing at all within
 * `timeoutMs` → `onFailed('timeout')`. An `idle` with neither tiles nor errors (nothing of the
 * source is in view) counts as loaded. Returns a function that stops watching.
 */
import type { Map as MaplibreMap, MapEventType } from 'maplibre-gl';

export interface TileWatch {
  onLoaded: () => void;
  onFailed: (failure: { code: 'tiles' | 'timeout'; reason: string }) => void;
}

export function watchTiles(map: MaplibreMap, isOurs: (sourceId: string) => boolean, events: TileWatch, timeoutMs = 20000): () => void {
  let loaded = 0;
  let errors = 0;
  let lastError = '';
  let settled = false;
  const stop = () => {
    clearTimeout(timer);
    map.off('data', onData);
    map.off('error', onError);
    map.off('idle', onIdle);
  };
  const settle = (f: () => void) => {
    if (settled) return;
    settled = true;
    stop();
    f();
  };
  const onData = (e: MapEventType['data']) => {
    if (e.dataType !== 'source' || !('sourceId' in e) || typeof e.sourceId !== 'string' || !isOurs(e.sourceId)) return;
    if (!('tile' in e) || !e.tile) return;
    loaded++;
    settle(events.onLoaded);
  };
  const onError = (e: MapEventType['error'] & { sourceId?: string }) => {
    if (typeof e.sourceId !== 'string' || !isOurs(e.sourceId)) return;
    errors++;
    lastError = e.error?.message ?? 'tile error';
    if (loaded === 0 && errors >= 2) settle(() => events.onFailed({ code: 'tiles', reason: lastError }));
  };
  const onIdle = () => {
    if (loaded > 0) return;
    if (errors > 0) settle(() => events.onFailed({ code: 'tiles', reason: lastError }));
    else settle(events.onLoaded); // idle, nothing failed: nothing of it is in view here
  };
  const timer = setTimeout(() => settle(() => events.onFailed({ code: 'timeout', reason: lastError || `nothing arrived within ${Math.round(timeoutMs / 1000)} s` })), timeoutMs);
  map.on('data', onData);
  map.on('error', onError);
  map.on('idle', onIdle);
  return () => {
    settled = true;
    stop();
  };
}
