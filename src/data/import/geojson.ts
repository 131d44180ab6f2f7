/**
 * GeoJSON: a FeatureCollection, a single Feature, a bare Geometry (accepted: wrapped as one
 * feature), or an array of Features. Parsed in one go with JSON.parse (in the worker: the page
 * does not wait on it). A syntax error is reported with its line and column; `NaN`/`Infinity`
 * (not JSON, but written by Python's json module) are read as null so that only the features
 * holding them are dropped.
 */
import { jsonStringEnd, MAX_JSON_DEPTH, nestedDeeperThan } from './limits';
import { ImportFailure, type ImportIssue, type ProblemParams } from './types';
import { eachOf, type RawFeature, type RawSource } from './raw';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** The error offset from V8's / SpiderMonkey's / JavaScriptCore's JSON.parse message. */
export function jsonErrorOffset(message: string, text: string): number | null {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const [line, col] = [Number(lc[1]), Number(lc[2])];
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) break;
      offset = nl + 1;
    }
    return offset + col - 1;
  }
  if (/end of (JSON )?(input|data)|Unterminated string|unexpected end/i.test(message)) return text.length;
  return findJsonError(text);
}

/**
 * Where JSON.parse failed, for engines whose message does not say (V8 in Node 20): a small
 * syntax-only scanner. Returns the offset of the first error (text.length if truncated).
 */
export function findJsonError(text: string): number | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  class Stop extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  const value = (depth: number): void => {
    if (depth > 512) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      for (const ch of word) {
        if (text[i] !== ch) fail();
        i++;
      }
    } else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (!m || m[0] === '' || m[0] === '-') fail();
      i += m![0].length;
    }
  };
  const str = () => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= n) fail();
    i++;
  };
  try {
    value(0);
    ws();
    return i < n ? i : null;
  } catch (e) {
    if (e instanceof Stop) return Math.min(i, n);
    throw e;
  }
}

/** Replace bare NaN / Infinity / -Infinity values (outside strings) with null. */
function nanToNull(text: string): { text: string; count: number } {
  let count = 0;
  let out = '';
  let i = 0;
  let from = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = jsonStringEnd(text, i);
      if (end < 0) break; // unterminated: nothing after it is outside a string
      i = end + 1;
      continue;
    }
    const m = c === 78 || c === 73 || c === 45 ? /^(NaN|-?Infinity)/.exec(text.slice(i, i + 9)) : null;
    if (m) {
      out += text.slice(from, i) + 'null';
      i += m[0].length;
      from = i;
      count++;
      continue;
    }
    i++;
  }
  return { text: out + text.slice(from), count };
}

function syntaxError(text: string, e: unknown, name: string): ImportFailure {
  const message = e instanceof Error ? e.message : String(e);
  const offset = jsonErrorOffset(message, text);
  const where = offset === null ? null : lineColumn(text, offset);
  const truncated = offset !== null && offset >= text.trimEnd().length;
  const at = where ? { line: where.line, column: where.column, offset: offset! } : {};
  const issue: ImportIssue = {
    code: 'json-syntax',
    message: truncated
      ? `The JSON in "${name}" ends too early at line ${where!.line}, column ${where!.column} (character ${offset}): the file looks truncated (an interrupted download or copy?).`
      : `The JSON in "${name}" is not valid${where ? ` at line ${where.line}, column ${where.column} (character ${offset})` : ''}: ${message}`,
    ...at,
    params: { file: name, detail: message, ...(truncated ? { variant: 'truncated' } : where ? {} : { variant: 'nowhere' }) },
  };
  return new ImportFailure(issue);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') {
    const t = (v as { type?: unknown }).type;
    return t === undefined ? 'an object without "type"' : `an object of type ${JSON.stringify(t)}`;
  }
  return `a ${typeof v} (${JSON.stringify(v)?.slice(0, 30)})`;
}

/**
 * The same as params, for the other language: `what` is null / array / object (without
 * "type") / typed (`whatType`) / value (a `jsType` with `whatValue`).
 */
function describeParams(v: unknown): ProblemParams {
  if (v === null) return { what: 'null' };
  if (Array.isArray(v)) return { what: 'array' };
  if (typeof v === 'object') {
    const t = (v as { type?: unknown }).type;
    return t === undefined ? { what: 'object' } : { what: 'typed', whatType: JSON.stringify(t) ?? String(t) };
  }
  return { what: 'value', jsType: typeof v, whatValue: String(JSON.stringify(v)?.slice(0, 30)) };
}

export function parseGeoJSON(text: string, name: string): RawSource {
  const fileIssues: ImportIssue[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const fixed = nanToNull(text);
    if (fixed.count === 0) throw syntaxError(text, e, name);
    try {
      doc = JSON.parse(fixed.text);
    } catch (e2) {
      // report the error past the NaNs, in the original text's terms
      throw syntaxError(text, findJsonError(fixed.text) === fixed.text.length ? new Error('Unexpected end of JSON input') : e2, name);
    }
    fileIssues.push({
      code: 'json-nan',
      message: `"${name}" contains ${fixed.count} NaN/Infinity value${fixed.count === 1 ? '' : 's'}, which JSON does not allow (written by Python?); read as missing values.`,
      params: { file: name, count: fixed.count },
    });
  }
  if (doc === null || typeof doc !== 'object') {
    throw new ImportFailure({ code: 'wrong-type', message: `"${name}" holds ${describe(doc)}, not GeoJSON.`, params: { variant: 'not-object', file: name, ...describeParams(doc) } });
  }
  let list: unknown[];
  /** the nesting level of the list's entries in the file (the top level is 1) */
  let entryLevel = 3;
  if (Array.isArray(doc)) {
    list = doc;
    entryLevel = 2;
  } else {
    const o = doc as { type?: unknown; features?: unknown; crs?: unknown };
    if (o.crs && typeof o.crs === 'object') {
      const crsName = JSON.stringify((o.crs as { properties?: { name?: unknown } }).properties?.name ?? o.crs);
      if (!/CRS84|4326|WGS.?84|4490|CGCS2000/i.test(crsName)) {
        fileIssues.push({ code: 'crs-member', message: `"${name}" declares the coordinate system ${crsName}; JJJ Atlas reads coordinates as longitude/latitude in degrees.`, params: { file: name, crs: crsName } });
      }
    }
    if (o.type === 'FeatureCollection') {
      if (!Array.isArray(o.features)) throw new ImportFailure({
          code: 'wrong-type',
          message: `"${name}" is a FeatureCollection whose "features" is ${describe(o.features)}, not an array.`,
          params: { variant: 'features', file: name, ...describeParams(o.features) },
        });
      list = o.features;
    } else if (o.type === 'Feature') {
      list = [o];
    } else if (typeof o.type === 'string' && GEOMETRY_TYPES.has(o.type)) {
      fileIssues.push({ code: 'geometry-wrapped', message: `"${name}" is a bare ${o.type} geometry, not a FeatureCollection; imported as one feature without properties.`, params: { file: name, type: o.type } });
      list = [{ type: 'Feature', geometry: o, properties: {} }];
    } else if (o.type === 'Topology') {
      throw new ImportFailure({ code: 'unsupported-format', message: `"${name}" is TopoJSON, not GeoJSON: convert it to GeoJSON first (e.g. with topojson-client's topo2geo).`, params: { variant: 'topojson-content', file: name } });
    } else {
      throw new ImportFailure({
        code: 'wrong-type',
        message: `"${name}" is JSON but not GeoJSON: the top level is ${describe(doc)} (expected "type": "FeatureCollection", "Feature" or a geometry type).`,
        params: { variant: 'top-level', file: name, ...describeParams(doc) },
      });
    }
  }
  if (list.length === 0) throw new ImportFailure({ code: 'no-features', message: `"${name}" is valid GeoJSON but holds no features.`, params: { variant: 'geojson', file: name } });
  return { each: eachOf(list, (f, index) => rawFeature(f, index, entryLevel, name)), fileIssues };
}

/**
 * Element `index` of the features list as the validation reads it; `level` is the list's
 * entries' nesting level in the file. An entry that is neither a feature nor a geometry is not
 * walked any further, except to find how deep it goes (see ./limits.ts).
 */
function rawFeature(f: unknown, index: number, level: number, name: string): RawFeature {
  const o = f as { type?: unknown; geometry?: unknown; properties?: unknown };
  const object = f !== null && typeof f === 'object' && !Array.isArray(f);
  if (object && o.type === 'Feature') return { index, geometry: o.geometry, properties: o.properties };
  if (object && typeof o.type === 'string' && GEOMETRY_TYPES.has(o.type)) return { index, geometry: o, properties: {} };
  if (nestedDeeperThan(f, MAX_JSON_DEPTH - level + 1)) {
    throw new ImportFailure({ code: 'too-large', message: `"${name}" is nested more than ${MAX_JSON_DEPTH} levels deep and was not imported.`, params: { variant: 'deep', file: name, max: MAX_JSON_DEPTH } });
  }
  if (!object) return { index, properties: {}, error: { reason: `feature is ${describe(f)}`, code: 'feature-value', params: describeParams(f) } };
  return { index, properties: {}, error: { reason: `${describe(f)}, not a Feature`, code: 'not-feature', params: describeParams(f) } };
}
