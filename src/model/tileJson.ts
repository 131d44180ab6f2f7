/**
 * What a TileJSON document (https://github.com/mapbox/tilejson-spec) tells a map source, read once
 * by the app. Its tile templates are resolved against the document's address here and must all be
 * https: MapLibre's worker, which would otherwise fetch the document again and then the tiles, is
 * not bound by a CSP given in a meta tag. The app hands MapLibre the tiles it read (no second
 * fetch of the document, and no chance that the second answer lists other tiles than the first).
 */
import type { TileJsonTiles } from './tileLayer';

export interface TileJsonSource {
  /** Absolute https templates with `{z}`, `{x}`, `{y}` as written. */
  tiles: string[];
  minzoom?: number;
  maxzoom?: number;
  /** [w, s, e, n] */
  bounds?: [number, number, number, number];
  scheme?: 'xyz' | 'tms';
  name?: string;
  /** The document's attribution as written (HTML: shown through ./attributionText.ts). */
  attribution?: string;
  /** The ids of its `vector_layers` (empty for raster tiles). */
  vectorLayers: string[];
  raster: boolean;
}

/** What MapLibre's source takes of a read TileJSON (the tiles it lists, with their zoom range and extent). */
export function tileJsonTiles(s: TileJsonSource): TileJsonTiles {
  const { tiles, minzoom, maxzoom, scheme, bounds } = s;
  return {
    tiles,
    ...(minzoom !== undefined ? { minzoom } : {}),
    ...(maxzoom !== undefined ? { maxzoom } : {}),
    ...(scheme ? { scheme } : {}),
    ...(bounds ? { bounds } : {}),
  };
}

export type TileJsonRead = { ok: true; source: TileJsonSource } | { ok: false; code: 'not-tilejson' | 'insecure'; message: string };

/** `template` resolved against `base`, braces kept (URL would percent-encode them); null if not https. */
function httpsTemplate(template: unknown, base: string): string | null {
  if (typeof template !== 'string') return null;
  try {
    const u = new URL(template, base);
    return u.protocol === 'https:' ? u.href.replace(/%7B/gi, '{').replace(/%7D/gi, '}') : null;
  } catch {
    return null;
  }
}

const zoom = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 30 ? v : undefined);

/** Read a parsed TileJSON fetched from `base`. */
export function readTileJson(doc: unknown, base: string): TileJsonRead {
  const tj = (doc && typeof doc === 'object' ? doc : {}) as { tiles?: unknown; vector_layers?: unknown; format?: unknown; bounds?: unknown; name?: unknown; attribution?: unknown; minzoom?: unknown; maxzoom?: unknown; scheme?: unknown };
  if (!Array.isArray(tj.tiles) || tj.tiles.length === 0) return { ok: false, code: 'not-tilejson', message: 'The JSON is not a TileJSON (it has no "tiles").' };
  const tiles: string[] = [];
  for (const t of tj.tiles as unknown[]) {
    const abs = httpsTemplate(t, base);
    if (!abs) return { ok: false, code: 'insecure', message: `The TileJSON lists tiles that are not https://: ${String(t).slice(0, 80)}` };
    tiles.push(abs);
  }
  const vectorLayers = (Array.isArray(tj.vector_layers) ? (tj.vector_layers as { id?: unknown }[]) : [])
    .map((l) => l?.id)
    .filter((id): id is string => typeof id === 'string');
  const raster = vectorLayers.length === 0 && (tj.format === 'png' || tj.format === 'jpg' || tj.format === 'webp' || /\.(png|jpe?g|webp)/.test(tiles[0]!));
  const b = tj.bounds;
  const bounds = Array.isArray(b) && b.length === 4 && b.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (b as [number, number, number, number]) : undefined;
  const minzoom = zoom(tj.minzoom);
  const maxzoom = zoom(tj.maxzoom);
  return {
    ok: true,
    source: {
      tiles,
      vectorLayers,
      raster,
      ...(minzoom !== undefined ? { minzoom } : {}),
      ...(maxzoom !== undefined ? { maxzoom } : {}),
      ...(bounds ? { bounds } : {}),
      ...(tj.scheme === 'tms' || tj.scheme === 'xyz' ? { scheme: tj.scheme } : {}),
      ...(typeof tj.name === 'string' ? { name: tj.name } : {}),
      ...(typeof tj.attribution === 'string' ? { attribution: tj.attribution } : {}),
    },
  };
}
