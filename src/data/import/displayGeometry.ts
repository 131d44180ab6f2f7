/**
 * What the map draws of a layer too detailed to draw at once. Every vertex the page hands to deck
 * costs main-thread work that cannot be split (deck builds a path's attributes in one task), so
 * one polygon of a million vertices held the page for seconds at import and again on every
 * reload. Beyond DISPLAY_VERTEX_BUDGET vertices the import worker makes a simplified copy of the
 * lines and rings (Douglas–Peucker via Turf, the tolerance doubled until the layer fits) with its
 * own earcut triangles; the map draws that copy, while region numbers, details and exports keep
 * reading the exact geometry. Same features, parts and rings in the same order, so a picked shape
 * is still feature i. Pure: runs in the worker, no DOM.
 */
import { simplify } from '@turf/turf';
import type { LineString, Polygon, Position } from 'geojson';
import { triangulateParts } from './triangulate';
import { GEOM, type DisplayGeometry, type FeatureTable } from './tableTypes';

/** The most vertices a layer is drawn with; above it the map shows a simplified copy. */
export const DISPLAY_VERTEX_BUDGET = 200_000;
/** Rings this short are drawn as they are: simplifying them saves little and can collapse them. */
const KEEP_RING = 32;
const POINTS = 0;
const LINE = 1;
const AREA = 2;
/** Tolerance doublings tried before settling for the smallest copy reached. */
const MAX_STEPS = 18;

/** A simplified copy of the table's lines and rings, or null when the layer fits the budget. */
export function displayGeometry(t: FeatureTable, budget = DISPLAY_VERTEX_BUDGET): DisplayGeometry | null {
  const nest = t.nesting;
  const vertices = t.xy.length / 2;
  if (!nest || vertices <= budget) return null;
  const { partStart, ringStart, vertexStart } = nest;
  const parts = partStart[t.count]!;
  const rings = ringStart[parts]!;

  // what each part is: points (copied as they are), lines, or areas (rings stay closed, get triangles)
  const kindOfPart = new Uint8Array(parts);
  for (let i = 0; i < t.count; i++) {
    const g = t.geomType[i];
    const kind = g === GEOM.Polygon || g === GEOM.MultiPolygon ? AREA : g === GEOM.LineString || g === GEOM.MultiLineString ? LINE : POINTS;
    kindOfPart.fill(kind, partStart[i]!, partStart[i + 1]!);
  }
  const kindOfRing = new Uint8Array(rings);
  for (let p = 0; p < parts; p++) kindOfRing.fill(kindOfPart[p]!, ringStart[p]!, ringStart[p + 1]!);

  // the long rings as positions, once; the short ones are copied as they are
  const long: number[] = [];
  const coords: Position[][] = [];
  let kept = 0;
  for (let r = 0; r < rings; r++) {
    const n = vertexStart[r + 1]! - vertexStart[r]!;
    if (n <= KEEP_RING || kindOfRing[r] === POINTS) {
      kept += n;
      continue;
    }
    long.push(r);
    coords.push(ringPositions(t.xy, vertexStart[r]!, vertexStart[r + 1]!));
  }
  if (long.length === 0) return null;

  let tolerance = extentOf(t.xy) / budget;
  let best: Position[][] = coords;
  let bestCount = vertices;
  for (let step = 0; step < MAX_STEPS; step++) {
    const simplified = coords.map((c, k) => simplifyRing(c, kindOfRing[long[k]!] === AREA, tolerance));
    const count = kept + simplified.reduce((s, c) => s + c.length, 0);
    if (count < bestCount) {
      best = simplified;
      bestCount = count;
    }
    if (count <= budget) break;
    tolerance *= 2;
  }
  if (bestCount >= vertices) return null;
  return build(t, best, long, kindOfPart, bestCount, tolerance);
}

function ringPositions(xy: Float64Array, from: number, to: number): Position[] {
  const out: Position[] = new Array<Position>(to - from);
  for (let v = from; v < to; v++) out[v - from] = [xy[2 * v]!, xy[2 * v + 1]!];
  return out;
}

function extentOf(xy: Float64Array): number {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (let v = 0; v < xy.length; v += 2) {
    const x = xy[v]!;
    const y = xy[v + 1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return Math.hypot(e - w, n - s) || 1e-9;
}

function simplifyRing(ring: Position[], area: boolean, tolerance: number): Position[] {
  // Turf replaces `coordinates` on the object it is given; a shallow copy keeps `ring` whole for the next try
  if (area) return (simplify({ type: 'Polygon', coordinates: [ring.slice()] } satisfies Polygon, { tolerance, mutate: true }) as Polygon).coordinates[0]!;
  return (simplify({ type: 'LineString', coordinates: ring.slice() } satisfies LineString, { tolerance, mutate: true }) as LineString).coordinates;
}

function build(t: FeatureTable, simplified: Position[][], long: readonly number[], kindOfPart: Uint8Array, count: number, tolerance: number): DisplayGeometry {
  const { partStart, ringStart, vertexStart: exactStart } = t.nesting!;
  const parts = partStart[t.count]!;
  const rings = ringStart[parts]!;
  const xy = new Float64Array(count * 2);
  const vertexStart = new Uint32Array(rings + 1);
  let at = 0;
  let k = 0;
  for (let r = 0; r < rings; r++) {
    vertexStart[r] = at;
    if (long[k] === r) {
      for (const p of simplified[k]!) {
        xy[2 * at] = p[0]!;
        xy[2 * at + 1] = p[1]!;
        at++;
      }
      k++;
    } else {
      xy.set(t.xy.subarray(2 * exactStart[r]!, 2 * exactStart[r + 1]!), 2 * at);
      at += exactStart[r + 1]! - exactStart[r]!;
    }
  }
  vertexStart[rings] = at;

  return { tolerance, xy, vertexStart, ...triangulateParts(xy, ringStart, vertexStart, (p) => kindOfPart[p] === AREA) };
}
