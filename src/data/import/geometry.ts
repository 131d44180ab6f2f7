/**
 * Geometry checks shared by every format: every position two finite numbers within
 * longitude −180…180 / latitude −90…90 (huge values are named as such: projected metres?),
 * lines with at least 2 positions, rings with at least 4.
 *
 * Unclosed rings are repaired (the first position is appended) with a warning naming the
 * feature, when the ring has at least 3 distinct positions: a hand-made or exported polygon
 * missing its closing position is common and its shape is unambiguous. Rings too short to be
 * a polygon are not repaired: the feature is dropped.
 */
import type { Geometry, Position } from 'geojson';

import type { FeatureProblem, ProblemParams } from './types';

export type GeometryCheck = { ok: true; geometry: Geometry; repairs: string[] } | ({ ok: false } & FeatureProblem);

const TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** beyond this it is not degrees at all (projected metres, or junk) */
const HUGE = 1e5;

/** Why a geometry is unusable: English text plus a reason code and params for other languages. */
class Bad extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly params: ProblemParams = {},
  ) {
    super(message);
  }
}

/** The JavaScript type of a value as the messages name it ('array' and 'null' apart). */
export function jsType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function fmtNum(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v);
  return v === null ? 'null' : v === undefined ? 'missing' : typeof v;
}

function position(p: unknown): Position {
  if (!Array.isArray(p)) throw new Bad(`position is ${p === null ? 'null' : typeof p}, not [lon, lat]`, 'position-type', { jsType: jsType(p) });
  if (p.length < 2) throw new Bad(`position has ${p.length} number${p.length === 1 ? '' : 's'}, needs [lon, lat]`, 'position-short', { count: p.length });
  const [x, y] = p as unknown[];
  for (const [v, axis] of [
    [x, 'longitude'],
    [y, 'latitude'],
  ] as const) {
    if (typeof v === 'string') throw new Bad(`${axis} is a string (${fmtNum(v)}), not a number`, 'coord-string', { axis, value: fmtNum(v) });
    if (typeof v !== 'number') throw v === null ? new Bad(`NaN coordinate (${axis} is null)`, 'coord-null', { axis }) : new Bad(`${axis} is ${fmtNum(v)}, not a number`, 'coord-not-number', { axis, jsType: jsType(v) });
    if (Number.isNaN(v)) throw new Bad(`NaN coordinate (${axis})`, 'coord-nan', { axis });
    if (!Number.isFinite(v) || Math.abs(v) >= HUGE) {
      throw new Bad(`huge ${axis} ${fmtNum(v)} (projected metres? expected degrees)`, 'coord-huge', { axis, value: fmtNum(v) });
    }
  }
  const lon = x as number;
  const lat = y as number;
  if (lon < -180 || lon > 180) throw new Bad(`longitude ${lon} out of range −180…180`, 'lon-range', { value: lon });
  if (lat < -90 || lat > 90) throw new Bad(`latitude ${lat} out of range −90…90`, 'lat-range', { value: lat });
  const out: Position = [lon, lat];
  if (typeof p[2] === 'number' && Number.isFinite(p[2])) out.push(p[2]);
  return out;
}

type Part = 'line' | 'ring' | 'polygon' | 'coordinates' | 'geometries';
const PART: Record<Part, string> = { line: 'line coordinates', ring: 'ring coordinates', polygon: 'polygon coordinates', coordinates: 'coordinates', geometries: 'geometries' };

function list(v: unknown, part: Part): unknown[] {
  if (!Array.isArray(v)) throw new Bad(`${PART[part]} is ${v === null ? 'null' : typeof v}, not an array`, 'not-array', { part, jsType: jsType(v) });
  return v;
}

function line(v: unknown): Position[] {
  const ps = list(v, 'line').map(position);
  if (ps.length < 2) throw new Bad(`line with ${ps.length} position${ps.length === 1 ? '' : 's'} (needs at least 2)`, 'line-short', { count: ps.length });
  return ps;
}

function ring(v: unknown, repairs: string[]): Position[] {
  const ps = list(v, 'ring').map(position);
  const first = ps[0];
  const last = ps[ps.length - 1];
  const closed = first && last && ps.length > 1 && first[0] === last[0] && first[1] === last[1];
  if (!closed) {
    const distinct = new Set(ps.map((p) => `${p[0]},${p[1]}`)).size;
    if (distinct < 3) throw new Bad(`unclosed ring with ${distinct} distinct position${distinct === 1 ? '' : 's'} (a ring needs at least 3)`, 'ring-unclosed-short', { count: distinct });
    ps.push([...first!]);
    repairs.push('unclosed ring closed');
    return ps;
  }
  if (ps.length < 4) throw new Bad(`ring with ${ps.length} positions (needs at least 4, first = last)`, 'ring-short', { count: ps.length });
  return ps;
}

function polygon(v: unknown, repairs: string[]): Position[][] {
  const rings = list(v, 'polygon').map((r) => ring(r, repairs));
  if (rings.length === 0) throw new Bad('polygon without rings', 'polygon-empty');
  return rings;
}

function check(g: unknown, repairs: string[], depth: number): Geometry {
  if (g === null || g === undefined) throw new Bad('no geometry', 'no-geometry');
  if (typeof g !== 'object' || Array.isArray(g)) throw new Bad(`geometry is ${Array.isArray(g) ? 'an array' : typeof g}, not an object`, 'geometry-type', { jsType: jsType(g) });
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof type !== 'string' || !TYPES.has(type)) throw new Bad(`unknown geometry type ${fmtNum(type)}`, 'geometry-unknown', { value: fmtNum(type) });
  switch (type) {
    case 'Point':
      return { type, coordinates: position(coordinates) };
    case 'MultiPoint': {
      const ps = list(coordinates, 'coordinates').map(position);
      if (ps.length === 0) throw new Bad('empty MultiPoint', 'multi-empty', { type });
      return { type, coordinates: ps };
    }
    case 'LineString':
      return { type, coordinates: line(coordinates) };
    case 'MultiLineString': {
      const ls = list(coordinates, 'coordinates').map(line);
      if (ls.length === 0) throw new Bad('empty MultiLineString', 'multi-empty', { type });
      return { type, coordinates: ls };
    }
    case 'Polygon':
      return { type, coordinates: polygon(coordinates, repairs) };
    case 'MultiPolygon': {
      const ps = list(coordinates, 'coordinates').map((p) => polygon(p, repairs));
      if (ps.length === 0) throw new Bad('empty MultiPolygon', 'multi-empty', { type });
      return { type, coordinates: ps };
    }
    default: {
      if (depth > 4) throw new Bad('GeometryCollection nested too deep', 'collection-deep');
      const gs = list(geometries, 'geometries').map((x) => check(x, repairs, depth + 1));
      if (gs.length === 0) throw new Bad('empty GeometryCollection', 'multi-empty', { type: 'GeometryCollection' });
      return { type: 'GeometryCollection', geometries: gs };
    }
  }
}

/** Check (and copy) a geometry: either a clean geometry plus repairs made, or why it is unusable. */
export function checkGeometry(g: unknown): GeometryCheck {
  const repairs: string[] = [];
  try {
    return { ok: true, geometry: check(g, repairs, 0), repairs };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, reason: e.message, code: e.code, params: e.params };
    throw e;
  }
}

/** Map every position of a (checked) geometry. */
export function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(f) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(f)) } as Geometry;
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map((x) => mapPositions(x, f)) };
  }
}

/**
 * Do these positions look like latitude/longitude written in the wrong order? Yes when every
 * numeric position has |x| ≤ 90 and at least one has 90 < |y| ≤ 180 (impossible as latitude,
 * fine as longitude), or when most lie in the swapped box of the capital region (x 35–43,
 * y 112–121) — the likely mistake for data about Beijing–Tianjin–Hebei.
 *
 * Counted as the import checks each feature (`addRaw`), not in a pass of its own over the file.
 */
export class SwapCheck {
  private n = 0;
  private xAllLat = true;
  private yBeyondLat = 0;
  private yWithinLon = true;
  private inSwappedBox = 0;

  add(x: unknown, y: unknown): void {
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return;
    this.n++;
    if (Math.abs(x) > 90) this.xAllLat = false;
    if (Math.abs(y) > 90) this.yBeyondLat++;
    if (Math.abs(y) > 180) this.yWithinLon = false;
    if (x >= 35 && x <= 43 && y >= 112 && y <= 121) this.inSwappedBox++;
  }

  /** Every [x, y] of a raw (unchecked) geometry. */
  addRaw(g: unknown, depth = 0): void {
    if (!g || typeof g !== 'object' || depth > 6) return;
    const { coordinates, geometries } = g as { coordinates?: unknown; geometries?: unknown };
    if (Array.isArray(geometries)) for (const x of geometries) this.addRaw(x, depth + 1);
    this.addNested(coordinates, 0);
  }

  private addNested(c: unknown, depth: number): void {
    if (!Array.isArray(c) || depth > 4) return;
    if (c.length >= 2 && !Array.isArray(c[0])) return this.add(c[0], c[1]);
    for (const x of c) this.addNested(x, depth + 1);
  }

  swapped(): boolean {
    if (this.n === 0) return false;
    return (this.xAllLat && this.yWithinLon && this.yBeyondLat > 0) || this.inSwappedBox / this.n >= 0.8;
  }
}

/** `SwapCheck` over a list of positions. */
export function looksSwapped(positions: Iterable<[unknown, unknown]>): boolean {
  const c = new SwapCheck();
  for (const [x, y] of positions) c.add(x, y);
  return c.swapped();
}
