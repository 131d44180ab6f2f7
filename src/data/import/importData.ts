/**
 * The import pipeline, pure and synchronous (the worker runs it; tests call it directly):
 * detect the format → decode the text → parse → check lon/lat order → check every feature
 * (keep the valid ones, name the others) → convert GCJ-02/BD-09 → the layer.
 */
import type { Geometry } from 'geojson';
import { detectFormat, extensionOf } from './detect';
import { decodeBytes } from './encoding';
import { parseGeoJSON } from './geojson';
import { parseDelimited } from './csv';
import { parseXmlFormat } from './xml';
import { checkGeometry, mapPositions, SwapCheck } from './geometry';
import { TableBuilder, tableFeatures } from './table';
import { sampleColumns } from './columnInfo';
import { DISPLAY_VERTEX_BUDGET } from './displayGeometry';
import { emptyBbox, extendBbox, finiteOrNull } from '../../geo/bbox';
import { toWgs84 } from './crs';
import { isDepthError } from './limits';
import type { RawFeature, RawSource } from './raw';
import {
  ImportFailure,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  type LayerStats,
  type FeatureProblem,
  type ProblemParams,
} from './types';

const LIST_IN_SUMMARY = 10;
const MAX_DETAILS = 100;

export function layerNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const ext = extensionOf(base);
  return (ext ? base.slice(0, -(ext.length + 1)) : base) || base || 'layer';
}

function where(f: { index: number; row?: number }): string {
  return f.row !== undefined ? `row ${f.row}` : `#${f.index + 1}`;
}

/** Where an issue about a feature points: its CSV row if it has one, and its index. */
function placeOf(f: { index: number; row?: number }): { row?: number; featureIndex: number } {
  return { ...(f.row !== undefined ? { row: f.row } : {}), featureIndex: f.index };
}

function plainProperties(p: unknown): { props: Record<string, unknown>; note?: string; type?: string } {
  if (p === null || p === undefined) return { props: {} };
  if (typeof p === 'object' && !Array.isArray(p)) return { props: p as Record<string, unknown> };
  return { props: { value: p }, note: `properties is ${Array.isArray(p) ? 'an array' : typeof p}, kept as "value"`, type: Array.isArray(p) ? 'array' : typeof p };
}

/** A dropped feature's params: the English reason, its code and its own params (see FeatureProblem). */
function problemParams(p: FeatureProblem): ProblemParams {
  return { reason: p.reason, reasonCode: p.code, ...p.params };
}

/**
 * Import a file's bytes. `name` is the file name (its extension helps detect the format).
 * Never throws for bad input: every problem comes back as an issue.
 */
export function importData(bytes: Uint8Array, name: string, opts: ImportOptions = {}, onProgress?: (p: ImportProgress) => void): ImportResult {
  const warnings: ImportIssue[] = [];
  try {
    return run(bytes, name, opts, warnings, onProgress);
  } catch (e) {
    if (e instanceof ImportFailure) return { ok: false, error: e.issue, warnings };
    // the engine's own words ("Maximum call stack size exceeded") mean nothing to a person
    if (isDepthError(e)) return { ok: false, error: { code: 'too-large', message: `"${name}" is too complex (nested too deeply) to import.`, params: { variant: 'structure', file: name } }, warnings };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `Unexpected error while importing "${name}": ${detail}`, params: { variant: 'unexpected', file: name, detail } }, warnings };
  }
}

function run(bytes: Uint8Array, name: string, opts: ImportOptions, warnings: ImportIssue[], onProgress?: (p: ImportProgress) => void): ImportResult {
  onProgress?.({ phase: 'parse', bytesTotal: bytes.length });
  let format: ImportFormat;
  if (opts.format) {
    format = opts.format;
    if (bytes.length === 0) throw new ImportFailure({ code: 'empty-file', message: `The file "${name}" is empty (0 bytes).`, params: { variant: 'zero', file: name } });
  } else {
    const d = detectFormat(name, bytes.subarray(0, 8192));
    if (!d.format) throw new ImportFailure(d.issue!);
    if (d.issue) warnings.push(d.issue);
    format = d.format;
  }
  const decoded = decodeBytes(bytes, opts.encoding);
  const text = decoded.text;
  if (text.trim() === '') throw new ImportFailure({ code: 'empty-file', message: `The file "${name}" is empty (only whitespace).`, params: { variant: 'blank', file: name } });

  let source: RawSource;
  if (format === 'geojson') source = parseGeoJSON(text, name);
  else if (format === 'csv' || format === 'tsv') source = parseDelimited(text, format === 'tsv', opts);
  else source = parseXmlFormat(text, format, name);

  // lon/lat order: over all positions of the file, counted in the same loop as the checks
  const swap = opts.swapLonLat === true;
  const swapOnly = new Set(opts.swapFeatures ?? []);
  const swapCheck = opts.swapLonLat === undefined ? new SwapCheck() : null;
  // notes on single features, said after the file's own issues (which a CSV has only once read)
  const notes: ImportIssue[] = [];
  const convert = toWgs84(opts.crs ?? 'wgs84');

  const table = new TableBuilder(source.columns ?? []);
  let keptCount = 0;
  const dropped: ImportIssue[] = [];
  const repaired: ImportIssue[] = [];
  const columns: string[] = source.columns ? [...source.columns] : [];
  const seen = new Set(columns);
  const geometryTypes: LayerStats['geometryTypes'] = {};
  const bbox = emptyBbox();

  const take = (raw: RawFeature) => {
    if (swapCheck && !raw.error) swapCheck.addRaw(raw.geometry);
    if (raw.error) {
      dropped.push({ code: 'feature-invalid', message: `${where(raw)}: ${raw.error.reason}`, ...placeOf(raw), params: problemParams(raw.error) });
      return;
    }
    const c = checkGeometry(swap || swapOnly.has(raw.index) ? swapRaw(raw.geometry) : raw.geometry);
    if (!c.ok) {
      dropped.push({ code: 'feature-invalid', message: `${where(raw)}: ${c.reason}`, ...placeOf(raw), params: problemParams(c) });
      return;
    }
    let geometry: Geometry = c.geometry;
    if (c.repairs.length) {
      repaired.push({ code: 'ring-closed', message: `${where(raw)}: ${c.repairs.join(', ')} (the first position was repeated at the end)`, ...placeOf(raw), params: { variant: 'feature', count: c.repairs.length } });
    }
    if (convert) geometry = mapPositions(geometry, convert);
    const { props, note, type } = plainProperties(raw.properties);
    if (note) notes.push({ code: 'properties-invalid', message: `${where(raw)}: ${note}`, ...placeOf(raw), params: { variant: type! } });
    for (const k of Object.keys(props)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
    geometryTypes[geometry.type] = (geometryTypes[geometry.type] ?? 0) + 1;
    extendBbox(bbox, geometry);
    table.add(geometry, props);
    keptCount++;
  };
  const total = source.each(take, (done) => onProgress?.({ phase: 'validate', done }));
  onProgress?.({ phase: 'validate', done: 1 });
  warnings.push(...source.fileIssues);
  if (swapCheck?.swapped()) {
    const cc = source.coordinateColumns;
    throw new ImportFailure({
      code: 'lonlat-swapped',
      message:
        cc && 'lon' in cc
          ? `The coordinates look swapped: the longitude column "${cc.lon}" holds latitudes and "${cc.lat}" holds longitudes (e.g. 39.9 and 116.4 for Beijing). Import again with longitude and latitude swapped?`
          : 'The coordinates look swapped: they are written latitude first (e.g. [39.9, 116.4] for Beijing), GeoJSON needs longitude first. Import again with longitude and latitude swapped?',
      params: cc && 'lon' in cc ? { variant: 'columns', lonColumn: cc.lon, latColumn: cc.lat } : {},
      fix: { swapLonLat: true },
    });
  }
  warnings.push(...notes);
  const kept = table.done();
  // the style chooser's look at the columns, done here off the page's main thread
  kept.columnInfo = sampleColumns(tableFeatures(kept), kept.columns.map((c) => c.name));

  if (keptCount === 0) {
    throw new ImportFailure({
      code: 'no-valid-features',
      message: `None of the ${total} ${total === 1 ? 'feature' : 'features'} in "${name}" could be kept: ${summarize(dropped)}`,
      params: { file: name, count: total, dropped: dropped.length },
      details: dropped.slice(0, MAX_DETAILS),
    });
  }
  if (dropped.length) {
    warnings.push({
      code: 'features-dropped',
      message: `Kept ${keptCount} of ${total} features; ${dropped.length} dropped: ${summarize(dropped)}`,
      params: { kept: keptCount, total, dropped: dropped.length },
      details: dropped.slice(0, MAX_DETAILS),
    });
  }
  if (repaired.length) {
    warnings.push({
      code: 'ring-closed',
      message: `${repaired.length} polygon${repaired.length === 1 ? ' had an unclosed ring' : 's had unclosed rings'}, closed: ${repaired.slice(0, LIST_IN_SUMMARY).map((r) => r.message.split(':')[0]).join(', ')}${repaired.length > LIST_IN_SUMMARY ? ', …' : ''}.`,
      params: { count: repaired.length },
      details: repaired.slice(0, MAX_DETAILS),
    });
  }
  if (convert) {
    warnings.push({ code: 'crs-converted', message: `Coordinates converted from ${opts.crs === 'gcj02' ? 'GCJ-02' : 'BD-09'} to WGS-84.`, params: { crs: opts.crs!, from: opts.crs === 'gcj02' ? 'GCJ-02' : 'BD-09' } });
  }
  if (kept.display) {
    const vertices = kept.xy.length / 2;
    const shown = kept.display.xy.length / 2;
    warnings.push({
      code: 'display-simplified',
      message: `"${name}" has ${vertices} vertices, more than the map draws at once (${DISPLAY_VERTEX_BUDGET}): the map shows its lines and outlines simplified to ${shown} vertices; region numbers, details and exports use the exact geometry.`,
      params: { file: name, vertices, shown, budget: DISPLAY_VERTEX_BUDGET },
    });
  }
  return {
    ok: true,
    layer: {
      name: opts.name ?? layerNameOf(name),
      table: kept,
      features: tableFeatures(kept),
      columns,
      bbox: finiteOrNull(bbox),
      stats: {
        format,
        encoding: decoded.encoding,
        bom: decoded.bom,
        crs: opts.crs ?? 'wgs84',
        bytes: bytes.length,
        total,
        kept: keptCount,
        dropped: dropped.length,
        geometryTypes,
        ...(source.coordinateColumns ? { coordinateColumns: source.coordinateColumns } : {}),
      },
    },
    warnings,
  };
}

function summarize(dropped: ImportIssue[]): string {
  const parts = dropped.slice(0, LIST_IN_SUMMARY).map((d) => {
    const [w, ...rest] = d.message.split(': ');
    return `${w} (${rest.join(': ')})`;
  });
  return parts.join(', ') + (dropped.length > LIST_IN_SUMMARY ? `, … and ${dropped.length - LIST_IN_SUMMARY} more` : '') + '.';
}

function swapRaw(g: unknown): unknown {
  const sw = (c: unknown, depth: number): unknown => {
    if (!Array.isArray(c) || depth > 5) return c;
    if (c.length >= 2 && !Array.isArray(c[0])) return [c[1], c[0], ...c.slice(2)];
    return c.map((x) => sw(x, depth + 1));
  };
  if (!g || typeof g !== 'object') return g;
  const o = g as { coordinates?: unknown; geometries?: unknown };
  return {
    ...o,
    ...(o.coordinates !== undefined ? { coordinates: sw(o.coordinates, 0) } : {}),
    ...(Array.isArray(o.geometries) ? { geometries: o.geometries.map(swapRaw) } : {}),
  };
}

