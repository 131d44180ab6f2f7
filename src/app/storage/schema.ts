/**
 * What a stored layer must look like before the app shows it (zod). IndexedDB and localStorage
 * hold whatever an older version, another tab, an extension or a person with the developer tools
 * put there; a record that does not match is set aside, never rendered, so one bad record cannot
 * unmount the page on every load. Features are checked with the import's own geometry check
 * (src/data/import/geometry.ts), so a stored feature passes exactly when an imported one would.
 *
 * Versions of the layer record:
 * - 1: the layer with its features inline (no `featureChunks`);
 * - 2: the layer without features, `featureChunks` / `featureCount` (-1 while being written);
 * - 3: as 2 plus `schemaVersion: 3` and `complete`, true only once every chunk is written;
 * - 4 (current): `layout: 'table'`, the features as one columnar table (src/data/import/table.ts,
 *   checked with its `checkTable`) stored at `[id, 0]` in the same transaction as the record.
 * Older versions are read and migrated: the app rewrites them as version 4 after reading them.
 */
import { z } from '../../data/zod';
import { checkGeometry } from '../../data/import/geometry';
import type { UserLayer } from '../../model/userLayer';
import type { ImportedFeature } from '../../data/import/types';
import { isHttpsUrl } from '../../model/remoteUrl';

export const STORED_SCHEMA_VERSION = 4;

const finite = z.number().refine(Number.isFinite);
const count = z.number().int().min(0);

const statsSchema = z.object({
  format: z.enum(['geojson', 'csv', 'tsv', 'kml', 'gpx']),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']),
  bom: z.boolean(),
  crs: z.enum(['wgs84', 'gcj02', 'bd09']),
  bytes: count,
  total: count,
  kept: count,
  dropped: count,
  geometryTypes: z.record(z.string(), count),
  coordinateColumns: z.union([z.object({ lon: z.string(), lat: z.string() }), z.object({ wkt: z.string() })]).optional(),
});

/** The layer's own fields (everything but its features). */
const metaShape = {
  id: z.string().min(1).max(200),
  name: z.string().max(1000),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  visible: z.boolean(),
  columns: z.array(z.string()),
  stats: statsSchema,
  bbox: z.tuple([finite, finite, finite, finite]).nullable(),
  addedAt: finite,
  // checked further where they are used (validStyle in src/model/userLayerStyle.ts drops a bad one)
  style: z.unknown().optional(),
  hiddenClasses: z.array(z.string()).optional(),
};

/** Version 3 and 2: the record without features. */
export const storedLayerSchema = z.object({
  ...metaShape,
  schemaVersion: z.union([z.literal(3), z.literal(STORED_SCHEMA_VERSION)]).optional(),
  complete: z.boolean().optional(),
  layout: z.literal('table').optional(),
  featureChunks: count,
  featureCount: z.number().int().min(-1),
});
export type StoredLayer = z.infer<typeof storedLayerSchema>;

/** Version 1: features inline (checked one by one with featureSchema). */
const inlineLayerSchema = z.object({ ...metaShape, features: z.array(z.unknown()) });

/** A feature as the import makes it: a checked geometry and an object of properties. */
export const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.custom<ImportedFeature['geometry']>((g) => checkGeometry(g).ok, { message: 'geometry is not valid GeoJSON' }),
  properties: z.record(z.string(), z.unknown()),
});

/** The name to show for a record that did not pass (its `name` if that is text). */
export function recordName(rec: unknown): string {
  const n = rec && typeof rec === 'object' ? (rec as { name?: unknown }).name : undefined;
  const id = rec && typeof rec === 'object' ? (rec as { id?: unknown }).id : undefined;
  return typeof n === 'string' ? n : typeof id === 'string' ? id : '?';
}

/** The stored id of a record, if it has a usable one (to delete it). */
export function recordId(rec: unknown): string | null {
  const id = rec && typeof rec === 'object' ? (rec as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : typeof id === 'number' ? String(id) : null;
}

export type ParsedRecord =
  | { kind: 'inline'; layer: UserLayer }
  | { kind: 'chunked'; record: StoredLayer; complete: boolean }
  | { kind: 'invalid'; reason: string };

/** Which version a record is and whether it is usable (features of chunked ones come later). */
export function parseStoredRecord(rec: unknown): ParsedRecord {
  if (rec && typeof rec === 'object' && 'features' in rec) {
    const r = inlineLayerSchema.safeParse(rec);
    if (!r.success) return { kind: 'invalid', reason: firstIssue(r.error) };
    const features = parseFeatures(r.data.features);
    if (!features.ok) return { kind: 'invalid', reason: features.reason };
    const { features: _f, ...meta } = r.data;
    return { kind: 'inline', layer: { ...(meta as Omit<UserLayer, 'features'>), features: features.features } };
  }
  const r = storedLayerSchema.safeParse(rec);
  if (!r.success) return { kind: 'invalid', reason: firstIssue(r.error) };
  const d = r.data;
  // version 3 says so; version 2 marked an unfinished record with featureCount -1
  const complete = d.featureCount >= 0 && (d.schemaVersion === undefined ? true : d.complete === true);
  return { kind: 'chunked', record: d, complete };
}

/** Check a chunk (or an inline list) of stored features: all valid, or why not. */
export function parseFeatures(list: unknown): { ok: true; features: ImportedFeature[] } | { ok: false; reason: string } {
  if (!Array.isArray(list)) return { ok: false, reason: 'features are not a list' };
  for (let i = 0; i < list.length; i++) {
    const r = featureSchema.safeParse(list[i]);
    if (!r.success) return { ok: false, reason: `feature #${i + 1}: ${firstIssue(r.error)}` };
  }
  return { ok: true, features: list as ImportedFeature[] };
}

function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || 'record'}: ${i.message}` : 'invalid';
}

// ---------------------------------------------------------------------------------------------
// Tile layers kept in localStorage (the https ones the person added).

const tileLayerSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(1000),
  url: z.string().refine(isHttpsUrl, { message: 'not an https URL' }),
  kind: z.enum(['pmtiles-vector', 'pmtiles-raster', 'tilejson-vector', 'tilejson-raster', 'xyz-vector', 'xyz-raster']),
  sourceLayers: z.array(z.string()),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  visible: z.boolean(),
  attribution: z.string().optional(),
  bounds: z.tuple([finite, finite, finite, finite]).optional(),
  status: z.string().optional(),
});
export type StoredTileLayer = z.infer<typeof tileLayerSchema>;

/** The stored tile layers split into the valid ones and the names of those set aside. */
export function checkStoredTileLayers(list: unknown): { valid: StoredTileLayer[]; setAside: string[] } {
  if (!Array.isArray(list)) return { valid: [], setAside: list === null || list === undefined ? [] : ['?'] };
  const valid: StoredTileLayer[] = [];
  const setAside: string[] = [];
  for (const l of list) {
    const r = tileLayerSchema.safeParse(l);
    if (r.success) valid.push(r.data);
    else setAside.push(recordName(l));
  }
  return { valid, setAside };
}
