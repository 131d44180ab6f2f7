/**
 * Tile layers ("data too large for the browser"): a PMTiles archive (by https URL or a
 * local file), a TileJSON URL, or an {z}/{x}/{y} vector- or raster-tile template. MapLibre draws
 * them from tiles fetched as needed, so the size of the data never reaches the browser whole.
 *
 * - `inspectTileUrl` finds out what a URL is (PMTiles header and metadata, TileJSON, template)
 *   and which vector layers it has; problems come back as TileSourceProblem with a code.
 * - `tileLayerStyle` (pure) gives the MapLibre source and layers: fills, outlines/lines and
 *   circles per vector layer in the layer's colour, or one raster layer.
 * - `syncTileLayers` brings the live map in line with the list (add, remove, show, recolour).
 * - `setTileTranslate` moves the vector layers onto a base map in another datum (GCJ-02);
 *   `tileFeatureAt` finds a clicked feature through invisible, unmoved twins of those layers.
 * The layers sit above the base map and its borders and under the region highlights, the plan's
 * overlays and the labels (before `highlight-provinces-fill`).
 */
import * as maplibregl from 'maplibre-gl';
import type { LayerSpecification, Map as MaplibreMap, SourceSpecification } from 'maplibre-gl';
import { FetchSource, FileSource, PMTiles, Protocol, TileType, type Source } from 'pmtiles';
import { StepCancelled, StepTimeout, withDeadline } from '../data/deadline';
import { isHttpsUrl } from '../model/remoteUrl';
import { attributionAsHtmlText } from '../model/attributionText';
import type { TileLayerDraw, TileLayerKind, TileJsonTiles } from '../model/tileLayer';
import { readTileJson, tileJsonTiles } from '../model/tileJson';
import type { TranslateExpression } from './datumTranslate';



export interface TileSourceInfo {
  kind: TileLayerKind;
  sourceLayers: string[];
  /** [w, s, e, n] when the source says */
  bounds?: [number, number, number, number];
  name?: string;
  attribution?: string;
  /** A TileJSON's tiles as read when the layer was added (MapLibre is not asked to fetch it again). */
  tileJson?: TileJsonTiles;
}

export type TileProblemCode = 'bad-url' | 'fetch' | 'not-pmtiles' | 'not-tilejson' | 'needs-source-layer' | 'unknown-format' | 'no-layers' | 'timeout-pmtiles' | 'timeout-tilejson' | 'cancelled' | 'insecure';

/** How long one inspection step (a PMTiles header and metadata, a TileJSON) may take. */
export const TILE_STEP_TIMEOUT_MS = 15_000;

export class TileSourceProblem extends Error {
  constructor(
    readonly code: TileProblemCode,
    message: string,
  ) {
    super(message);
  }
}

const BEFORE = 'highlight-provinces-fill';
export const TILE_PREFIX = 'tiles:';
/** Suffix of the invisible layers that are queried for a clicked feature. */
export const PICK_SUFFIX = ':pick';

let protocol: Protocol | null = null;
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** A local .pmtiles file for this session: its layer URL is `file:<name>`. */
export async function addPmtilesFile(file: File): Promise<TileSourceInfo & { url: string }> {
  const archive = new PMTiles(new FileSource(file));
  pmtilesProtocol().add(archive);
  return { ...(await describeArchive(archive, file.name)), url: `file:${file.name}` };
}

async function describeArchive(archive: PMTiles, label: string): Promise<TileSourceInfo> {
  let header;
  try {
    header = await archive.getHeader();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/magic|wrong|version|invalid/i.test(msg)) throw new TileSourceProblem('not-pmtiles', `${label} is not a PMTiles v3 archive (${msg}).`);
    throw new TileSourceProblem('fetch', `${label} could not be read: ${msg}`);
  }
  const raster = header.tileType === TileType.Png || header.tileType === TileType.Jpeg || header.tileType === TileType.Webp || header.tileType === TileType.Avif;
  if (!raster && header.tileType !== TileType.Mvt) throw new TileSourceProblem('unknown-format', `${label} holds tiles of a type this app cannot draw (${header.tileType}).`);
  const meta = (await archive.getMetadata().catch(() => ({}))) as { vector_layers?: { id?: unknown }[]; name?: unknown; attribution?: unknown };
  const sourceLayers = (meta.vector_layers ?? []).map((l) => l.id).filter((id): id is string => typeof id === 'string');
  if (!raster && sourceLayers.length === 0) throw new TileSourceProblem('no-layers', `${label} names no vector layers in its metadata.`);
  return {
    kind: raster ? 'pmtiles-raster' : 'pmtiles-vector',
    sourceLayers,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    ...(typeof meta.name === 'string' ? { name: meta.name } : {}),
    ...(typeof meta.attribution === 'string' ? { attribution: meta.attribution } : {}),
  };
}

/** A fetch source whose range requests all carry one signal (PMTiles passes none for the header). */
function signalledSource(url: string, signal: AbortSignal): Source {
  const inner = new FetchSource(url);
  return { getKey: () => inner.getKey(), getBytes: (offset, length, s, etag) => inner.getBytes(offset, length, s ?? signal, etag) };
}

/** A step's timeout or cancellation as the problem the form shows (which step, or cancelled). */
function stepProblem(e: unknown, code: 'timeout-pmtiles' | 'timeout-tilejson'): unknown {
  if (e instanceof StepTimeout) return new TileSourceProblem(code, e.message);
  if (e instanceof StepCancelled) return new TileSourceProblem('cancelled', e.message);
  return e;
}

/**
 * What a URL is and what it holds. `sourceLayer` names the layer of an {z}/{x}/{y} vector
 * template. Each network step has TILE_STEP_TIMEOUT_MS and stops when `signal` aborts (Cancel).
 */
export async function inspectTileUrl(url: string, opts: { sourceLayer?: string; signal?: AbortSignal } = {}): Promise<TileSourceInfo> {
  const plain = url.replace(/^pmtiles:\/\//, '');
  if (!isHttpsUrl(plain)) throw new TileSourceProblem('bad-url', 'Enter a complete https:// address.');
  const path = new URL(plain).pathname.toLowerCase();
  if (path.endsWith('.pmtiles') || url.startsWith('pmtiles://')) {
    return withDeadline('PMTiles header', TILE_STEP_TIMEOUT_MS, (signal) => describeArchive(new PMTiles(signalledSource(plain, signal)), plain), opts.signal).catch((e: unknown) => {
      throw stepProblem(e, 'timeout-pmtiles');
    });
  }
  if (/\{z\}/.test(plain)) {
    if (/\.(pbf|mvt)$/.test(path.replace(/%7b|%7d/g, ''))) {
      const sl = opts.sourceLayer?.trim();
      if (!sl) throw new TileSourceProblem('needs-source-layer', 'A vector-tile template needs the name of the layer inside the tiles (source-layer).');
      return { kind: 'xyz-vector', sourceLayers: [sl] };
    }
    if (/\.(png|jpe?g|webp)$/.test(path)) return { kind: 'xyz-raster', sourceLayers: [] };
    throw new TileSourceProblem('unknown-format', 'A {z}/{x}/{y} template must end in .pbf/.mvt (vector) or .png/.jpg/.webp (raster).');
  }
  let doc: unknown;
  try {
    doc = await withDeadline(
      'TileJSON',
      TILE_STEP_TIMEOUT_MS,
      async (signal) => {
        const res = await fetch(plain, { credentials: 'omit', signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return (await res.json()) as unknown;
      },
      opts.signal,
    );
  } catch (e) {
    if (e instanceof StepTimeout || e instanceof StepCancelled) throw stepProblem(e, 'timeout-tilejson');
    if (e instanceof SyntaxError) throw new TileSourceProblem('not-tilejson', 'The address returned no JSON: expected a TileJSON or a .pmtiles archive.');
    throw new TileSourceProblem('fetch', `${plain} could not be fetched: ${e instanceof Error ? e.message : String(e)}`);
  }
  const read = readTileJson(doc, plain);
  if (!read.ok) throw new TileSourceProblem(read.code, read.message);
  const tj = read.source;
  if (!tj.raster && tj.vectorLayers.length === 0) throw new TileSourceProblem('no-layers', 'The TileJSON lists no vector_layers.');
  return {
    kind: tj.raster ? 'tilejson-raster' : 'tilejson-vector',
    sourceLayers: tj.vectorLayers,
    ...(tj.bounds ? { bounds: tj.bounds } : {}),
    ...(tj.name !== undefined ? { name: tj.name } : {}),
    ...(tj.attribution !== undefined ? { attribution: tj.attribution } : {}),
    tileJson: tileJsonTiles(tj),
  };
}

function sourceUrl(layer: TileLayerDraw): string {
  if (layer.url.startsWith('file:')) return `pmtiles://${layer.url.slice('file:'.length)}`;
  return layer.kind.startsWith('pmtiles') ? `pmtiles://${layer.url.replace(/^pmtiles:\/\//, '')}` : layer.url;
}

/** The MapLibre source and layers of a tile layer (pure). */
export function tileLayerStyle(layer: TileLayerDraw): { sourceId: string; source: SourceSpecification; layers: LayerSpecification[] } {
  const sourceId = `${TILE_PREFIX}${layer.id}`;
  const raster = layer.kind.endsWith('raster');
  // a tile source's attribution is its server's HTML: shown as plain text (links with their host);
  // always given, even empty, so MapLibre never takes the raw one from a TileJSON or PMTiles it reads
  const attribution = { attribution: layer.attribution ? attributionAsHtmlText(layer.attribution) : '' };
  const url = sourceUrl(layer);
  const source: SourceSpecification =
    layer.kind === 'xyz-vector'
      ? { type: 'vector', tiles: [url], ...attribution }
      : layer.kind === 'xyz-raster'
        ? { type: 'raster', tiles: [url], tileSize: 256, ...attribution }
        : layer.tileJson
          ? // the TileJSON as read when the layer was added: MapLibre does not fetch it again
            raster
            ? { type: 'raster', ...layer.tileJson, tileSize: 256, ...attribution }
            : { type: 'vector', ...layer.tileJson, ...attribution }
          : raster
            ? { type: 'raster', url, tileSize: 256, ...attribution }
            : { type: 'vector', url, ...attribution };
  const visibility = layer.visible ? 'visible' : 'none';
  if (raster) return { sourceId, source, layers: [{ id: `${sourceId}:raster`, type: 'raster', source: sourceId, layout: { visibility }, paint: { 'raster-opacity': 0.85 } }] };
  const layers: LayerSpecification[] = layer.sourceLayers.flatMap((sl): LayerSpecification[] => [
    {
      id: `${sourceId}:${sl}:fill`,
      type: 'fill',
      source: sourceId,
      'source-layer': sl,
      filter: ['==', ['geometry-type'], 'Polygon'],
      layout: { visibility },
      paint: { 'fill-color': layer.color, 'fill-opacity': 0.3 },
    },
    {
      id: `${sourceId}:${sl}:line`,
      type: 'line',
      source: sourceId,
      'source-layer': sl,
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': layer.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 12, 2.5] },
    },
    {
      id: `${sourceId}:${sl}:point`,
      type: 'circle',
      source: sourceId,
      'source-layer': sl,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility },
      paint: {
        'circle-color': layer.color,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 12, 5],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.8,
      },
    },
  ]);
  // Invisible twins without a translate, for finding a clicked feature: MapLibre sizes a tile's
  // query search area when the tile loads, so a translate set later (over a GCJ-02 base map)
  // is missed by queryRenderedFeatures. The twins share their originals' buckets.
  const pick: LayerSpecification[] = layers.map((l): LayerSpecification => {
    const id = `${l.id}${PICK_SUFFIX}`;
    if (l.type === 'fill') return { ...l, id, paint: { 'fill-opacity': 0 } };
    if (l.type === 'line') return { ...l, id, paint: { 'line-opacity': 0, 'line-width': l.paint?.['line-width'] ?? 1 } };
    if (l.type === 'circle') return { ...l, id, paint: { 'circle-opacity': 0, 'circle-stroke-opacity': 0, 'circle-radius': l.paint?.['circle-radius'] ?? 5, 'circle-stroke-width': l.paint?.['circle-stroke-width'] ?? 0 } };
    return l;
  });
  return { sourceId, source, layers: [...layers, ...pick] };
}

/** Ids of the map layers drawing tile layers. */
export function tileMapLayerIds(map: MaplibreMap): string[] {
  return (map.getStyle()?.layers ?? []).filter((l) => l.id.startsWith(TILE_PREFIX)).map((l) => l.id);
}

/** Bring the map in line with `layers` (bottom first). Colours and visibility change in place. */
export function syncTileLayers(map: MaplibreMap, layers: readonly TileLayerDraw[]): void {
  const style = map.getStyle();
  const wanted = new Map(layers.map((l) => [`${TILE_PREFIX}${l.id}`, l]));
  const before = map.getLayer(BEFORE) ? BEFORE : undefined;
  for (const l of style.layers) {
    if (!l.id.startsWith(TILE_PREFIX)) continue;
    const sourceId = (l as { source?: string }).source ?? '';
    if (!wanted.has(sourceId)) map.removeLayer(l.id);
  }
  for (const id of Object.keys(style.sources)) if (id.startsWith(TILE_PREFIX) && !wanted.has(id)) map.removeSource(id);
  for (const layer of layers) {
    if (layer.kind.startsWith('pmtiles')) pmtilesProtocol();
    const spec = tileLayerStyle(layer);
    if (!map.getSource(spec.sourceId)) map.addSource(spec.sourceId, spec.source);
    for (const l of spec.layers) {
      if (!map.getLayer(l.id)) {
        map.addLayer(l, before);
        continue;
      }
      map.setLayoutProperty(l.id, 'visibility', layer.visible ? 'visible' : 'none');
      if (l.id.endsWith(PICK_SUFFIX)) continue;
      if (l.type === 'fill') map.setPaintProperty(l.id, 'fill-color', layer.color);
      if (l.type === 'line') map.setPaintProperty(l.id, 'line-color', layer.color);
      if (l.type === 'circle') map.setPaintProperty(l.id, 'circle-color', layer.color);
    }
  }
}

/**
 * The topmost tile-layer feature at a screen point: its layer id and properties. `dataPoint` is
 * where the clicked ground's own (WGS-84) coordinates are on screen: the point itself over a
 * WGS-84 base map; over a GCJ-02 one, where the features would be without their translate.
 */
export function tileFeatureAt(map: MaplibreMap, dataPoint: [number, number]): { layerId: string; properties: Record<string, unknown> } | null {
  const layers = tileMapLayerIds(map).filter((id) => id.endsWith(PICK_SUFFIX));
  if (layers.length === 0) return null;
  const [x, y] = dataPoint;
  const hit = map.queryRenderedFeatures(
    [
      [x - 3, y - 3],
      [x + 3, y + 3],
    ],
    { layers },
  )[0];
  if (!hit) return null;
  const sourceId = typeof hit.source === 'string' ? hit.source : '';
  return { layerId: sourceId.slice(TILE_PREFIX.length), properties: { ...hit.properties } };
}

/**
 * Move every vector tile layer by `translate` (./datumTranslate.ts), or back to where its
 * tiles put it (null). Raster layers cannot be moved.
 */
export function setTileTranslate(map: MaplibreMap, translate: TranslateExpression | null): void {
  for (const l of map.getStyle()?.layers ?? []) {
    if (!l.id.startsWith(TILE_PREFIX) || l.id.endsWith(PICK_SUFFIX)) continue;
    if (l.type === 'fill') map.setPaintProperty(l.id, 'fill-translate', translate ?? undefined);
    else if (l.type === 'line') map.setPaintProperty(l.id, 'line-translate', translate ?? undefined);
    else if (l.type === 'circle') map.setPaintProperty(l.id, 'circle-translate', translate ?? undefined);
  }
}
