/**
 * CSV/TSV with papaparse: coordinates from longitude/latitude columns (detected by header name
 * in Chinese or English, or chosen by the caller) or from a WKT column (betterknown). Each
 * record becomes a feature whose properties are the other columns; cells that are plain
 * decimal numbers (no leading zeros, so codes like "0101" stay text) become numbers, empty
 * cells null, everything else stays the string it was.
 */
import Papa from 'papaparse';
import { wktToGeoJSON } from 'betterknown';
import { ImportFailure, type ImportIssue, type ImportOptions } from './types';
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
  const n = Number(t);
  if (!Number.isNaN(n)) return n;
  // decimal comma (116,39) only when the delimiter is not a comma: papaparse already split on it
  const c = Number(t.replace(/^(-?\d+),(\d+)$/, '$1.$2'));
  return Number.isNaN(c) ? t : c;
}

/** A header the app's export marked as text ('=col) is that text. */
function header(h: string): string {
  return unneutraliseCell(h) ?? h;
}

/**
 * The header row and the first record, with the delimiter and line break papaparse reads from the
 * start of the file (from its first ten rows and first megabyte). Read from a prefix: papaparse
 * splits all the text it is given into lines first, so the whole of a 40 MB file cost a second
 * even when stopped after two rows.
 */
function headOf(text: string, delimiter: string): { rows: string[][]; delimiter: string; linebreak: Papa.ParseConfig['newline'] } {
  for (let size = 1 << 20; ; size *= 4) {
    const part = size >= text.length ? text : text.slice(0, size);
    const rows: string[][] = [];
    const meta = { delimiter, linebreak: '\n' };
    Papa.parse<string[]>(part, {
      delimiter,
      skipEmptyLines: 'greedy',
      header: false,
      // not `preview`, which counts the blank lines that 'greedy' then skips
      step: (r, parser) => {
        meta.delimiter = r.meta.delimiter;
        meta.linebreak = r.meta.linebreak;
        if (rows.push(r.data) === 11) parser.abort();
      },
    });
    // eleven rows: the first ten, which the guesses come from, ended inside the prefix
    if (part === text || rows.length === 11) return { rows: rows.slice(0, 2), delimiter: meta.delimiter, linebreak: meta.linebreak as Papa.ParseConfig['newline'] };
  }
}

export function parseDelimited(text: string, tsv: boolean, opts: ImportOptions): RawSource {
  const delimiter = opts.delimiter ?? (tsv ? '\t' : '');
  // the header and the first record: the columns are chosen (or the file refused) before the
  // records are read, one at a time, in `each`
  const head = headOf(text, delimiter);
  const rows = head.rows;
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
  if (rows.length === 1) throw new ImportFailure({ code: 'no-features', message: `The file has a header row (${quotedEnglish(headers)}) but no data rows.`, params: { variant: 'header-only', ...columnListParams(headers) } });

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
        wkt = rows[1]!.findIndex((v) => WKT_VALUE.test(v));
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
  const problem = (reason: string, code: string, params: Record<string, string | number> = {}) => ({ reason, code, params });

  // record i (row i + 2 of the file) as a feature; `perr` is what papaparse said of that row
  const record = (cells: string[], i: number, perr: string | undefined): RawFeature => {
    const row = i + 2;
    const properties: Record<string, unknown> = {};
    headers.forEach((h, c) => {
      if (!skip.has(c)) properties[h] = cellValue(cells[c] ?? '');
    });
    const base = { index: i, row, properties };
    if (cells.length !== headers.length && perr) {
      return { ...base, error: problem(`${cells.length} fields, the header has ${headers.length} (${perr})`, 'field-count', { fields: cells.length, expected: headers.length, detail: perr }) };
    }
    if (wkt >= 0 && (lon < 0 || (cells[wkt] ?? '').trim() !== '')) {
      const v = (cells[wkt] ?? '').trim();
      if (!v) return { ...base, error: problem(`empty WKT in column "${headers[wkt]}"`, 'wkt-empty', { column: headers[wkt]! }) };
      try {
        const g = wktToGeoJSON(v);
        if (!g) throw new Error('no geometry');
        return { ...base, geometry: g };
      } catch (e) {
        const value = v.length > 30 ? v.slice(0, 30) + '…' : v;
        const detail = e instanceof Error ? e.message : String(e);
        return { ...base, error: problem(`invalid WKT "${value}" (${detail})`, 'wkt-invalid', { value, detail }) };
      }
    }
    const x = coordinate(cells[lon]);
    const y = coordinate(cells[lat]);
    if (x === '' || y === '') {
      const [axis, column] = x === '' ? (['longitude', headers[lon]!] as const) : (['latitude', headers[lat]!] as const);
      return { ...base, error: problem(`empty ${axis} ("${column}")`, 'coord-empty', { axis, column }) };
    }
    if (typeof x === 'string' || typeof y === 'string') {
      const [v, axis] = typeof x === 'string' ? ([x, 'longitude'] as const) : ([y as string, 'latitude'] as const);
      return {
        ...base,
        error: v.toLowerCase() === 'nan' ? problem(`NaN coordinate (${axis})`, 'coord-nan', { axis }) : problem(`${axis} "${v}" is not a number`, 'coord-text', { axis, value: v }),
      };
    }
    // the common row: one object, not a base spread into a copy (a million rows make a million of each)
    return { index: i, row, properties, geometry: { type: 'Point', coordinates: [x, y] } };
  };
  const fileIssues: ImportIssue[] = [];
  const each: RawSource['each'] = (take, share) => {
    let n = 0;
    let header = true;
    Papa.parse<string[]>(text, {
      delimiter: head.delimiter,
      newline: head.linebreak,
      skipEmptyLines: 'greedy',
      header: false,
      step: (r) => {
        if (header) {
          header = false;
          return;
        }
        const errors = r.errors.length === 0 ? r.errors : r.errors.filter((e) => e.code !== 'UndetectableDelimiter');
        const unclosed = errors.find((e) => e.code === 'MissingQuotes');
        if (unclosed && fileIssues.length === 0) {
          fileIssues.push({
            code: 'csv-row',
            message: `Row ${n + 2}: a quoted field is never closed (${unclosed.message}); the rest of the file may have been read as one field.`,
            row: n + 2,
            params: { detail: unclosed.message },
          });
        }
        if (share && n % 4096 === 0) share(r.meta.cursor / text.length);
        take(record(r.data, n, errors[0]?.message));
        n++;
      },
    });
    return n;
  };
  return {
    each,
    columns: headers.filter((_, c) => !skip.has(c)),
    coordinateColumns: lon >= 0 ? { lon: headers[lon]!, lat: headers[lat]! } : { wkt: headers[wkt]! },
    fileIssues,
  };
}
