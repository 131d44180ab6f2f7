/**
 * Add a tile layer from a URL or a local .pmtiles file: find out what it is
 * (src/map/tileLayers.ts, loaded on first use), add it to the store and move the map to it.
 * Drawing it and watching its tiles is ./useTileLayers.ts's part.
 */
import { useAppStore } from './store';
import type { TileLayer } from '../model/tileLayer';
import { newUserLayerId } from './importController';
import { USER_LAYER_PALETTE } from '../model/userLayerStyle';
import type { TileProblemCode, TileSourceInfo } from '../map/tileLayers';

export type AddTileResult = { ok: true; layer: TileLayer } | { ok: false; code: TileProblemCode | 'internal'; message: string };

function nameFrom(url: string): string {
  try {
    const u = new URL(url.replace(/^pmtiles:\/\//, ''));
    const last = decodeURIComponent(u.pathname.split('/').filter((p) => p && !p.includes('{')).pop() ?? '');
    return last.replace(/\.(pmtiles|json)$/i, '') || u.hostname;
  } catch {
    return url.slice(0, 40);
  }
}

function add(info: TileSourceInfo, url: string, name: string): TileLayer {
  const st = useAppStore.getState();
  const layer: TileLayer = {
    id: newUserLayerId(),
    name,
    url,
    kind: info.kind,
    sourceLayers: info.sourceLayers,
    color: USER_LAYER_PALETTE[(st.userLayers.length + st.tileLayers.length) % USER_LAYER_PALETTE.length]!,
    visible: true,
    status: 'loading',
    ...(info.bounds ? { bounds: info.bounds } : {}),
    ...(info.attribution ? { attribution: info.attribution } : {}),
    ...(info.tileJson ? { tileJson: info.tileJson } : {}),
  };
  st.addTileLayer(layer);
  if (info.bounds) st.flyToBbox(info.bounds);
  return layer;
}

async function attempt(f: () => Promise<AddTileResult>): Promise<AddTileResult> {
  try {
    return await f();
  } catch (e) {
    const { TileSourceProblem } = await import('../map/tileLayers');
    if (e instanceof TileSourceProblem) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e) };
  }
}

/** `signal`: the form's Cancel (each network step also has its own time limit). */
export function addTileLayerFromUrl(url: string, sourceLayer?: string, signal?: AbortSignal): Promise<AddTileResult> {
  return attempt(async () => {
    const { inspectTileUrl } = await import('../map/tileLayers');
    const info = await inspectTileUrl(url.trim(), { ...(sourceLayer ? { sourceLayer } : {}), ...(signal ? { signal } : {}) });
    return { ok: true, layer: add(info, url.trim().replace(/^pmtiles:\/\//, ''), info.name ?? nameFrom(url)) };
  });
}

export function addTileLayerFromFile(file: File): Promise<AddTileResult> {
  return attempt(async () => {
    const { addPmtilesFile } = await import('../map/tileLayers');
    const info = await addPmtilesFile(file);
    return { ok: true, layer: add(info, info.url, info.name ?? file.name.replace(/\.pmtiles$/i, '')) };
  });
}
