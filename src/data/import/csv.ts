/**
 * CSV/TSV with papaparse: coordinates from longitude/latitude columns (detected by header name
 * in Chinese or English, or chosen by the caller) or from a WKT column (betterknown). Each
 * record becomes a feature whose properties are the other columns; cells that are plain
 * decimal numbers (no leading zeros, so codes like "0101" stay text) become numbers, empty
 * cells null, everything else stays the string it was.
 */
import Papa from 'papaparse';
import { wktToGeoJSON } from 'betterknown';
import { ImportFailure, type ImportOptions } from './types';
import type { RawFeature, RawSource } from './raw';
import { PLAIN_NUMBER, unneutraliseCell } from '../csvSafety';
import { boundedList, MAX_LIST_ITEMS } from '../../i18n/bounded';

/**
 * Structure limits, checked before any message names the columns: past these a file is not a
 * table a map layer can come from, and echoing its header would make a message of megabytes.
 */
export const MAX_COLUMNS = 5000;
export const MAX_HEADER_CHARS = 1000;

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经', 'point_x', 'wgs84_lon', 'wgs84_lng', 'lon_wgs84', 'lng_wgs84', 'gcj_lng', 'gcj02_lng', 'bd_lng', 'bd09_lng', 'coord_x', 'x坐标', 'lon_dd'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度', '北纬', 'point_y', 'wgs84_lat', 'lat_wgs84', 'gcj_lat', 'gcj02_lat', 'bd_lat', 'bd09_lat', 'coord_y', 'y坐标', 'lat_dd'];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', 'wkt_geom', 'geometry_wkt', '几何', '坐标'];
const WKT_VALUE = /^\s*(SRID=\d+;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\s*(Z|M|ZM)?\s*(\(|EMPTY)/i;

export function normalizeHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s（）()]+/g, (m) => (/\s/.test(m) ? '_' : '')).replace(/^_+|_+$/g, '');
}

function findColumn(headers: string[], names: string[], loose: RegExp | null): number {
  const norm = headers.map(normalizeHeader);
  for (const n of names) {
    const i = norm.indexOf(n);
    if (i >= 0) return i;
  }
  if (loose) {
    const i = norm.findIndex((h) => loose.test(h));
    if (i >= 0) return i;
  }
  return -1;
}

function pickColumn(headers: string[], wanted: string, what: 'WKT' | 'longitude' | 'latitude'): number {
  const i = headers.indexOf(wanted);
  if (i >= 0) return i;
  const j = headers.map(normalizeHeader).indexOf(normalizeHeader(wanted));
  if (j >= 0) return j;
  throw new ImportFailure({
    code: 'column-not-found',
    message: `The ${what} column "${wanted}" is not in the file; its columns are: ${quotedEnglish(headers)}.`,
    params: { variant: what === 'WKT' ? 'wkt' : what, column: wanted, columns: headers.join(', '), ...columnListParams(headers) },
  });
}

/**
 * The columns for a message: the first few, quoted and cleaned (`columnList`), and how many
 * more there are (`moreColumns`, which the message's language writes as "and N more").
 */
function columnListParams(headers: string[]): { columnList: string; moreColumns: number } {
  return { columnList: boundedList(headers.slice(0, MAX_LIST_ITEMS), () => '', { wrap: (h) => `"${h}"` }), moreColumns: Math.max(0, headers.length - MAX_LIST_ITEMS) };
}

function quotedEnglish(headers: string[]): string {
  return boundedList(headers, (n) => `and ${n} more`, { wrap: (h) => `"${h}"` });
}

const NUMBER = PLAIN_NUMBER;
export function cellValue(s: string): string | number | null {
  // a cell the app's export marked as text ('=..., '-x) is that text, exactly
  const text = unneutraliseCell(s);
  if (text !== null) return text;
  const t = s.trim();
  if (t === '') return null;
  if (NUMBER.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  return s;
}

function coordinate(s: string | undefined): number | string {
  const t = (s ?? '').trim();
  if (t === '') return '';
  // decimal comma (116,39) only when the delimiter is not a comma: papaparse already split on it
  const n = Number(t.replace(/^(-?\d+),(\d+)$/, '$1.$2'));
  return Number.isNaN(n) ? t : n;
}

/** A header the app's export marked as text ('=col) is that text. */
function header(h: string): string {
  return unneutraliseCell(h) ?? h;
}

export function parseDelimited(text: string, tsv: boolean, opts: ImportOptions): RawSource {
  const delimiter = opts.delimiter ?? (tsv ? '\t' : '');
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', header: false });
  const rows = parsed.data;
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (rows.length === 0) throw new ImportFailure({ code: 'empty-file', message: 'The file has no rows.', params: { variant: 'no-rows' } });
  const first = rows[0]!;
  if (first.length > MAX_COLUMNS) {
    throw new ImportFailure({ code: 'too-large', message: `The file has ${first.length} columns, more than the ${MAX_COLUMNS} a layer can have.`, params: { variant: 'columns', count: first.length, max: MAX_COLUMNS } });
  }
  const long = first.findIndex((h) => h.length > MAX_HEADER_CHARS);
  if (long >= 0) {
    throw new ImportFailure({
      code: 'too-large',
      message: `The name of column ${long + 1} is ${first[long]!.length} characters long, more than ${MAX_HEADER_CHARS}: the first row is not a header.`,
      params: { variant: 'header-cell', n: long + 1, count: first[long]!.length, max: MAX_HEADER_CHARS },
    });
  }
  const headers = first.map((h, i) => header(h.replace(/^\uFEFF/, '').trim()) || `column_${i + 1}`);
  const records = rows.slice(1);
  if (records.length === 0) throw new ImportFailure({ code: 'no-features', message: `The file has a header row (${quotedEnglish(headers)}) but no data rows.`, params: { variant: 'header-only', ...columnListParams(headers) } });

  let lon = -1;
  let lat = -1;
  let wkt = -1;
  if (opts.wktColumn) wkt = pickColumn(headers, opts.wktColumn, 'WKT');
  else if (opts.lonColumn || opts.latColumn) {
    if (!opts.lonColumn || !opts.latColumn) throw new ImportFailure({ code: 'column-not-found', message: 'Choose both a longitude and a latitude column.', params: { variant: 'both' } });
    lon = pickColumn(headers, opts.lonColumn, 'longitude');
    lat = pickColumn(headers, opts.latColumn, 'latitude');
  } else {
    lon = findColumn(headers, LON_NAMES, /经度|longitude|^lng_|^lon_|_lng$|_lon$/);
    lat = findColumn(headers, LAT_NAMES, /纬度|latitude|^lat_|_lat$/);
    if (lon >= 0 && lat >= 0 && lon !== lat) {
      // both: rows with a WKT value use it (an exported mix of points and other geometries)
      wkt = findColumn(headers, WKT_NAMES, null);
    } else {
      lon = lat = -1;
      wkt = findColumn(headers, WKT_NAMES, null);
      if (wkt < 0) {
        const first = records[0]!;
        wkt = first.findIndex((v) => WKT_VALUE.test(v));
      }
    }
  }
  if (wkt < 0 && (lon < 0 || lat < 0)) {
    throw new ImportFailure({
      code: 'no-coordinate-columns',
      message: `No coordinate columns found. Columns: ${quotedEnglish(headers)}. Name them lon/lat (or 经度/纬度, longitude/latitude, x/y), add a WKT column, or choose the columns.`,
      params: { columns: headers.join(', '), ...columnListParams(headers) },
    });
  }
  const skip = new Set([wkt, lon, lat].filter((c) => c >= 0));
  const features: RawFeature[] = [];
  const rowErrors = new Map<number, string>();
  const problem = (reason: string, code: string, params: Record<string, string | number> = {}) => ({ reason, code, params });
  for (const e of parsed.errors) if (e.row !== undefined && e.code !== 'UndetectableDelimiter') rowErrors.set(e.row, e.message);

  records.forEach((cells, i) => {
    const row = i + 2;
    const properties: Record<string, unknown> = {};
    headers.forEach((h, c) => {
      if (!skip.has(c)) properties[h] = cellValue(cells[c] ?? '');
    });
    const base = { index: i, row, properties };
    const perr = rowErrors.get(i + 1);
    if (cells.length !== headers.length && perr) {
      features.push({ ...base, error: problem(`${cells.length} fields, the header has ${headers.length} (${perr})`, 'field-count', { fields: cells.length, expected: headers.length, detail: perr }) });
      return;
    }
    if (wkt >= 0 && (lon < 0 || (cells[wkt] ?? '').trim() !== '')) {
      const v = (cells[wkt] ?? '').trim();
      if (!v) return features.push({ ...base, error: problem(`empty WKT in column "${headers[wkt]}"`, 'wkt-empty', { column: headers[wkt]! }) });
      try {
        const g = wktToGeoJSON(v);
        if (!g) throw new Error('no geometry');
        features.push({ ...base, geometry: g });
      } catch (e) {
        const value = v.length > 30 ? v.slice(0, 30) + '…' : v;
        const detail = e instanceof Error ? e.message : String(e);
        features.push({ ...base, error: problem(`invalid WKT "${value}" (${detail})`, 'wkt-invalid', { value, detail }) });
      }
      return;
    }
    const x = coordinate(cells[lon]);
    const y = coordinate(cells[lat]);
    if (x === '' || y === '') {
      const [axis, column] = x === '' ? (['longitude', headers[lon]!] as const) : (['latitude', headers[lat]!] as const);
      return features.push({ ...base, error: problem(`empty ${axis} ("${column}")`, 'coord-empty', { axis, column }) });
    }
    if (typeof x === 'string' || typeof y === 'string') {
      const [v, axis] = typeof x === 'string' ? ([x, 'longitude'] as const) : ([y as string, 'latitude'] as const);
      return features.push({
        ...base,
        error: v.toLowerCase() === 'nan' ? problem(`NaN coordinate (${axis})`, 'coord-nan', { axis }) : problem(`${axis} "${v}" is not a number`, 'coord-text', { axis, value: v }),
      });
    }
    // the common row: one object, not a base spread into a copy (a million rows make a million of each)
    features.push({ index: i, row, properties, geometry: { type: 'Point', coordinates: [x, y] } });
  });
  return {
    features,
    columns: headers.filter((_, c) => !skip.has(c)),
    coordinateColumns: lon >= 0 ? { lon: headers[lon]!, lat: headers[lat]! } : { wkt: headers[wkt]! },
    fileIssues: fatal
      ? [
          {
            code: 'csv-row',
            message: `Row ${(fatal.row ?? 0) + 2}: a quoted field is never closed (${fatal.message}); the rest of the file may have been read as one field.`,
            row: (fatal.row ?? 0) + 2,
            params: { detail: fatal.message },
          },
        ]
      : [],
  };
}
