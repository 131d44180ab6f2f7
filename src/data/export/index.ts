/**
 * Export features as GeoJSON or CSV. CSV: RFC 4180 (fields with a comma, quote, CR
 * or LF are quoted, quotes doubled; CRLF line ends), UTF-8 with a BOM so Excel reads Chinese
 * text correctly. Points are written as lon/lat columns; other geometries as a WKT column
 * (points get WKT too when the file has both). Property values: strings as they are, numbers
 * in JavaScript's shortest round-trip form, null/undefined empty, objects as JSON.
 * Safety: every cell and header that a spreadsheet would evaluate (starting with = + - @ TAB CR,
 * other than a plain number) gets a leading apostrophe (src/data/csvSafety.ts, OWASP).
 * Round trip: importing the CSV gives the same geometries and properties (the import removes
 * those apostrophes), except that a string that looks like a plain number comes back as a
 * number (and "" as null).
 */
import type { Feature, Geometry } from 'geojson';
import { geoJSONToWkt } from 'betterknown';
import { neutraliseCell } from '../csvSafety';

export function toGeoJSON(features: readonly Feature[], opts: { space?: number } = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', features }, null, opts.space);
}

export interface CsvOptions {
  /** write Points as lon/lat columns (default true) */
  lonLat?: boolean;
  /** write a WKT column: 'auto' (default) = when some geometry is not a Point or lonLat is false */
  wkt?: boolean | 'auto';
  /** start with a UTF-8 BOM (default true, for Excel) */
  bom?: boolean;
  /** property columns and their order (default: every property, in order of first appearance) */
  columns?: string[];
  /** field delimiter (default ',') */
  delimiter?: string;
}

export function csvField(v: unknown, delimiter = ','): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') s = String(v);
  else s = JSON.stringify(v);
  // a cell a spreadsheet would run as a formula is written as text (see csvSafety)
  s = neutraliseCell(s);
  return s.includes(delimiter) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCSV(features: readonly Feature[], opts: CsvOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const lonLat = opts.lonLat ?? true;
  const allPoints = features.every((f) => f.geometry?.type === 'Point');
  const wkt = opts.wkt === undefined || opts.wkt === 'auto' ? !allPoints || !lonLat : opts.wkt;
  const columns = opts.columns ?? propertyColumns(features);
  const geoCols = [...(lonLat ? ['lon', 'lat'] : []), ...(wkt ? ['wkt'] : [])];
  const props = columns.filter((c) => !geoCols.includes(c));
  const lines = [[...geoCols, ...props].map((c) => csvField(c, d)).join(d)];
  for (const f of features) {
    const g: Geometry | null = f.geometry;
    const cells: unknown[] = [];
    if (lonLat) {
      if (g?.type === 'Point') cells.push(g.coordinates[0], g.coordinates[1]);
      else cells.push(null, null);
    }
    if (wkt) cells.push(g ? geoJSONToWkt(g) : null);
    const p = (f.properties ?? {}) as Record<string, unknown>;
    for (const c of props) cells.push(p[c]);
    lines.push(cells.map((v) => csvField(v, d)).join(d));
  }
  return (opts.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

function propertyColumns(features: readonly Feature[]): string[] {
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) seen.add(k);
  return [...seen];
}

/** A table as CSV (RFC 4180 as toCSV: quoted where needed, CRLF), UTF-8 with a BOM unless `bom` is false. */
export function tableToCSV(rows: readonly (readonly unknown[])[], opts: { bom?: boolean; delimiter?: string } = {}): string {
  const d = opts.delimiter ?? ',';
  return (opts.bom === false ? '' : '\uFEFF') + rows.map((r) => r.map((v) => csvField(v, d)).join(d)).join('\r\n') + '\r\n';
}
