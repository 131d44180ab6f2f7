/**
 * What the app keeps in localStorage: the person's Tianditu key (never put in a link) and the
 * tile layers added by URL. Storage may be blocked (private mode, a sandboxed frame): then both
 * last for the page only.
 */
import type { TileLayer } from '../../model/tileLayer';

const TIANDITU_KEY_STORAGE = 'jjj-atlas:tianditu-key';
const TILE_LAYERS_STORAGE = 'jjj-atlas:tile-layers';

export function readTiandituKey(): string {
  try {
    return globalThis.localStorage?.getItem(TIANDITU_KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function writeTiandituKey(key: string): void {
  try {
    if (key) globalThis.localStorage?.setItem(TIANDITU_KEY_STORAGE, key);
    else globalThis.localStorage?.removeItem(TIANDITU_KEY_STORAGE);
  } catch {
    // storage blocked: the key lasts for this page only
  }
}

export function readTileLayers(): TileLayer[] {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(TILE_LAYERS_STORAGE) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((l): l is TileLayer => typeof l === 'object' && l !== null && typeof l.id === 'string' && typeof l.url === 'string' && typeof l.kind === 'string' && Array.isArray(l.sourceLayers))
      .map((l) => ({ ...l, status: 'loading' as const }));
  } catch {
    return []; // storage blocked or a broken entry: start without
  }
}

/** Store the https ones (a local file cannot be reopened after a reload); returns the list. */
export function writeTileLayers(layers: TileLayer[]): TileLayer[] {
  try {
    // the address only: after a reload the app reads the TileJSON again, checked as when it was added
    const stored = layers.filter((l) => !l.url.startsWith('file:')).map((l) => ({ ...l, tileJson: undefined }));
    globalThis.localStorage?.setItem(TILE_LAYERS_STORAGE, JSON.stringify(stored));
  } catch {
    // storage blocked: the layers last for this page only
  }
  return layers;
}
