/**
 * What deck.gl draws a user layer from, built without blocking the page. deck builds
 * a layer's attributes through accessor functions in one animation frame: for the 800,000 points
 * of a 100 MB import that was one task of 0.7–1.8 s. A layer whose features are all points is
 * drawn instead from typed arrays (deck's binary data: no accessor runs), and those arrays are
 * filled here in time slices of a few milliseconds, the page answering in between:
 *
 * - positions (in the display datum, GCJ-02 over AMap), once per feature array and datum, with the
 *   split copy deck uploads for a double-precision attribute (`splitPositions`): deck would make it
 *   in one frame, 50 ms for 800,000 points;
 * - fill colours and radii per feature, from the style's classes (only when it has several);
 * - the filter mask as the attribute DataFilterExtension reads (the mask itself when it fits).
 *
 * Layers with lines or areas (or a mix) are flattened the same way into polygons with their
 * triangles (earcut: deck would otherwise tessellate them in one frame, ~1.2 s for 50,000
 * areas), paths and points, each remembering its feature. Small layers (≤ SYNC_FEATURES) are
 * built at once, so a newly imported small layer is drawn in the same frame as before. Pure: no
 * React, no deck.
 */
import earcut from 'earcut';
import type { Geometry, Position } from 'geojson';
import type { ImportedFeature } from '../data/import/types';
import { GEOM, geometryAt, tableOf, type FeatureTable } from '../data/import/table';
import { toDisplayPosition, type DisplayCrs } from '../geo/displayCrs';
import { runSliced } from '../data/runSliced';
import type { StyledLayer } from '../model/userLayerStyle';
import { hexToRgb } from '../model/color';

/** Shapes of one kind in deck's binary form; `featureOf[k]` is the feature shape k belongs to. */
export interface ShapeArrays {
  count: number;
  /** [x0, y0, x1, y1, …] of every shape, one after another */
  positions: Float64Array;
  /** vertex index where each shape starts, and the vertex count at the end (count + 1 entries) */
  startIndices: Uint32Array;
  featureOf: Uint32Array;
}

export type UserGeometry =
  /**
   * Every feature is a Point: [x0, y0, x1, y1, …] in feature order (deck's index = feature index),
   * and the same split for the GPU (`splitPositions`).
   */
  | { kind: 'points'; count: number; positions: Float64Array; split: Float32Array }
  /**
   * Lines, areas and anything mixed, in the display datum: areas as polygons with their
   * triangles (earcut, so deck does not tessellate them in one frame), paths (lines and the
   * rings outlining the areas) and points.
   */
  | {
      kind: 'shapes';
      areas: ShapeArrays & { indices: Uint32Array };
      paths: ShapeArrays;
      points: { count: number; positions: Float64Array; featureOf: Uint32Array };
    };

/** Layers up to this size (features, or vertices of a table) are built synchronously. */
export const SYNC_FEATURES = 20_000;
/** Points of a table, in WGS-84, split at once: ~1.5 ms per 100,000 (`splitPositions`). */
const SYNC_TABLE_POINTS = 200_000;
/** Vertices (or triangle corners) copied between two checks of the slice's time. */
const SLICE_VERTICES = 20_000;

interface Job {
  result: UserGeometry | null;
  waiters: (() => void)[];
}
const jobs = new WeakMap<readonly ImportedFeature[], Map<DisplayCrs, Job>>();

/**
 * The geometry of a layer's features in a display datum, or null while it is being built (then
 * `onReady` is called once it is there). Cached per feature array and datum.
 */
export function userLayerGeometry(features: readonly ImportedFeature[], crs: DisplayCrs, onReady?: () => void): UserGeometry | null {
  let byCrs = jobs.get(features);
  if (!byCrs) {
    byCrs = new Map();
    jobs.set(features, byCrs);
  }
  let job = byCrs.get(crs);
  if (!job) {
    const created: Job = { result: null, waiters: [] };
    job = created;
    byCrs.set(crs, created);
    const work = buildGeometry(features, crs);
    if (builtAtOnce(features, crs)) created.result = drain(work);
    else
      runSliced(work, (result) => {
        created.result = result;
        const waiters = created.waiters;
        created.waiters = [];
        for (const w of waiters) w();
      });
  }
  if (job.result) return job.result;
  if (onReady) job.waiters.push(onReady);
  return null;
}

/**
 * Whether a layer's geometry is cheap enough to build in the task that asks for it, so that the
 * layer is drawn in the frame that first shows it: up to SYNC_FEATURES features (or vertices of a
 * table: a layer of one huge polygon is not small), or up to SYNC_TABLE_POINTS points of a table
 * drawn where they are, which only need their split copy. Built in slices instead, a layer is
 * first drawn empty, and on a software renderer that empty frame delayed the points by 0.2–0.3 s.
 */
function builtAtOnce(features: readonly ImportedFeature[], crs: DisplayCrs): boolean {
  const table = tableOf(features);
  if (!table) return features.length <= SYNC_FEATURES;
  if (!table.nesting && crs === 'wgs84') return table.count <= SYNC_TABLE_POINTS;
  return Math.max(table.count, (table.display?.xy ?? table.xy).length / 2) <= SYNC_FEATURES;
}

function* buildGeometry(features: readonly ImportedFeature[], crs: DisplayCrs): Generator<void, UserGeometry> {
  const table = tableOf(features);
  if (table) return yield* buildFromTable(table, crs);
  const n = features.length;
  const positions = new Float64Array(n * 2);
  let points = true;
  for (let i = 0; i < n; i++) {
    const g = features[i]!.geometry;
    if (g.type !== 'Point') {
      points = false;
      break;
    }
    const c = crs === 'wgs84' ? g.coordinates : toDisplayPosition(g.coordinates, crs);
    positions[2 * i] = c[0]!;
    positions[2 * i + 1] = c[1]!;
    if ((i & 1023) === 1023) yield;
  }
  if (points) return { kind: 'points', count: n, positions, split: yield* splitPositions(positions) };
  return yield* buildShapes(features, crs);
}

/** A Float64Array / Uint32Array that grows as values are pushed. */
class Grow<T extends Float64Array | Uint32Array> {
  length = 0;
  constructor(
    private array: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.array.length) {
      const next = this.make(Math.max(16, this.array.length * 2));
      next.set(this.array);
      this.array = next;
    }
    this.array[this.length++] = v;
  }
  done(): T {
    return this.array.subarray(0, this.length) as T;
  }
}
const f64 = () => new Grow(new Float64Array(1024), (n) => new Float64Array(n));
const u32 = () => new Grow(new Uint32Array(256), (n) => new Uint32Array(n));

/**
 * The same from a layer's columnar table (src/data/import/table.ts): the positions are already
 * flat and the areas' triangles were made by the import worker, so this is copying (and over
 * AMap shifting) numbers, never a feature object or an earcut on the page.
 */
function* buildFromTable(t: FeatureTable, crs: DisplayCrs): Generator<void, UserGeometry> {
  // a layer with more vertices than the map can draw at once is drawn from its simplified copy
  // (src/data/import/displayGeometry.ts): same features, parts and rings, fewer vertices
  const xy = t.display?.xy ?? t.xy;
  const shift = crs === 'wgs84' ? null : (x: number, y: number) => toDisplayPosition([x, y], crs);
  if (!t.nesting) {
    if (!shift) return { kind: 'points', count: t.count, positions: xy, split: yield* splitPositions(xy) };
    const positions = new Float64Array(xy.length);
    for (let v = 0; v < t.count; v++) {
      const d = shift(xy[2 * v]!, xy[2 * v + 1]!);
      positions[2 * v] = d[0]!;
      positions[2 * v + 1] = d[1]!;
      if ((v & 1023) === 1023) yield;
    }
    return { kind: 'points', count: t.count, positions, split: yield* splitPositions(positions) };
  }
  const { partStart, ringStart } = t.nesting;
  const { vertexStart, triangleStart, triangles } = t.display ?? t.nesting;
  const area = { positions: f64(), starts: u32(), featureOf: u32(), indices: u32() };
  const path = { positions: f64(), starts: u32(), featureOf: u32() };
  const point = { positions: f64(), featureOf: u32() };
  // the page yields per vertex, not per feature: one polygon of a million vertices is as many
  // slices as a million points, never one task
  let work = 0;
  function* copy(to: Grow<Float64Array>, from: number, to_: number): Generator<void, void> {
    for (let v = from; v < to_; v++) {
      if (shift) {
        const d = shift(xy[2 * v]!, xy[2 * v + 1]!);
        to.push(d[0]!);
        to.push(d[1]!);
      } else {
        to.push(xy[2 * v]!);
        to.push(xy[2 * v + 1]!);
      }
      if (++work >= SLICE_VERTICES) {
        work = 0;
        yield;
      }
    }
  }
  const collections: number[] = [];
  for (let i = 0; i < t.count; i++) {
    const type = t.geomType[i]!;
    if (type === GEOM.GeometryCollection) {
      collections.push(i);
      continue;
    }
    for (let p = partStart[i]!; p < partStart[i + 1]!; p++) {
      const r0 = ringStart[p]!;
      const r1 = ringStart[p + 1]!;
      const v0 = vertexStart[r0]!;
      const v1 = vertexStart[r1]!;
      if (type === GEOM.Point || type === GEOM.MultiPoint) {
        for (let v = v0; v < v1; v++) {
          yield* copy(point.positions, v, v + 1);
          point.featureOf.push(i);
        }
        continue;
      }
      for (let r = r0; r < r1; r++) {
        if (vertexStart[r + 1]! - vertexStart[r]! < 2) continue;
        path.starts.push(path.positions.length / 2);
        yield* copy(path.positions, vertexStart[r]!, vertexStart[r + 1]!);
        path.featureOf.push(i);
      }
      if (type === GEOM.Polygon || type === GEOM.MultiPolygon) {
        if (vertexStart[r0 + 1]! - v0 < 4) continue;
        const start = area.positions.length / 2;
        area.starts.push(start);
        yield* copy(area.positions, v0, v1);
        for (let k = triangleStart[p]!; k < triangleStart[p + 1]!; k++) {
          area.indices.push(start + triangles[k]! - v0);
          if (++work >= SLICE_VERTICES) {
            work = 0;
            yield;
          }
        }
        area.featureOf.push(i);
      }
    }
    if ((i & 255) === 255) yield;
  }
  if (collections.length > 0) {
    // the rare GeometryCollection goes the feature way (its parts are not in the columns)
    const rest = yield* buildShapes(
      collections.map((i) => ({ type: 'Feature', geometry: geometryAt(t, i), properties: {} })),
      crs,
    );
    if (rest.kind === 'shapes') appendShapes({ area, path, point }, rest, collections);
  }
  return finishShapes(area, path, point);
}

type AreaGrow = { positions: Grow<Float64Array>; starts: Grow<Uint32Array>; featureOf: Grow<Uint32Array>; indices: Grow<Uint32Array> };
type PathGrow = { positions: Grow<Float64Array>; starts: Grow<Uint32Array>; featureOf: Grow<Uint32Array> };
type PointGrow = { positions: Grow<Float64Array>; featureOf: Grow<Uint32Array> };

/** Add shapes built for some features (`features[k]` = their index in the layer) to the growing arrays. */
function appendShapes(to: { area: AreaGrow; path: PathGrow; point: PointGrow }, from: Extract<UserGeometry, { kind: 'shapes' }>, features: readonly number[]): void {
  const add = (g: Grow<Float64Array>, a: Float64Array) => {
    for (const v of a) g.push(v);
  };
  const areaBase = to.area.positions.length / 2;
  for (let k = 0; k < from.areas.count; k++) {
    to.area.starts.push(areaBase + from.areas.startIndices[k]!);
    to.area.featureOf.push(features[from.areas.featureOf[k]!]!);
  }
  for (const i of from.areas.indices) to.area.indices.push(areaBase + i);
  add(to.area.positions, from.areas.positions);
  const pathBase = to.path.positions.length / 2;
  for (let k = 0; k < from.paths.count; k++) {
    to.path.starts.push(pathBase + from.paths.startIndices[k]!);
    to.path.featureOf.push(features[from.paths.featureOf[k]!]!);
  }
  add(to.path.positions, from.paths.positions);
  for (let k = 0; k < from.points.count; k++) to.point.featureOf.push(features[from.points.featureOf[k]!]!);
  add(to.point.positions, from.points.positions);
}

function finishShapes(area: AreaGrow, path: PathGrow, point: PointGrow): UserGeometry {
  const areaPositions = area.positions.done();
  const pathPositions = path.positions.done();
  const ends = (starts: Grow<Uint32Array>, vertices: number) => {
    starts.push(vertices);
    return starts.done();
  };
  return {
    kind: 'shapes',
    areas: { count: area.featureOf.length, positions: areaPositions, startIndices: ends(area.starts, areaPositions.length / 2), featureOf: area.featureOf.done(), indices: area.indices.done() },
    paths: { count: path.featureOf.length, positions: pathPositions, startIndices: ends(path.starts, pathPositions.length / 2), featureOf: path.featureOf.done() },
    points: { count: point.featureOf.length, positions: point.positions.done(), featureOf: point.featureOf.done() },
  };
}

function* buildShapes(features: readonly ImportedFeature[], crs: DisplayCrs): Generator<void, UserGeometry> {
  const area = { positions: f64(), starts: u32(), featureOf: u32(), indices: u32() };
  const path = { positions: f64(), starts: u32(), featureOf: u32() };
  const point = { positions: f64(), featureOf: u32() };
  const at = (c: Position): Position => (crs === 'wgs84' ? c : toDisplayPosition(c, crs));
  const addPoint = (c: Position, feature: number) => {
    const d = at(c);
    point.positions.push(d[0]!);
    point.positions.push(d[1]!);
    point.featureOf.push(feature);
  };
  const addPath = (coords: readonly Position[], feature: number) => {
    if (coords.length < 2) return;
    path.starts.push(path.positions.length / 2);
    for (const c of coords) {
      const d = at(c);
      path.positions.push(d[0]!);
      path.positions.push(d[1]!);
    }
    path.featureOf.push(feature);
  };
  const addPolygon = (rings: readonly (readonly Position[])[], feature: number) => {
    if (rings.length === 0 || rings[0]!.length < 4) return;
    const flat: number[] = [];
    const holes: number[] = [];
    for (let r = 0; r < rings.length; r++) {
      if (r > 0) holes.push(flat.length / 2);
      for (const c of rings[r]!) {
        const d = at(c);
        flat.push(d[0]!, d[1]!);
      }
      addPath(rings[r]!, feature); // the ring as the area's outline
    }
    const start = area.positions.length / 2;
    area.starts.push(start);
    for (const v of flat) area.positions.push(v);
    for (const t of earcut(flat, holes, 2)) area.indices.push(start + t);
    area.featureOf.push(feature);
  };
  const add = (g: Geometry, feature: number) => {
    switch (g.type) {
      case 'Point':
        addPoint(g.coordinates, feature);
        break;
      case 'MultiPoint':
        for (const c of g.coordinates) addPoint(c, feature);
        break;
      case 'LineString':
        addPath(g.coordinates, feature);
        break;
      case 'MultiLineString':
        for (const l of g.coordinates) addPath(l, feature);
        break;
      case 'Polygon':
        addPolygon(g.coordinates, feature);
        break;
      case 'MultiPolygon':
        for (const p of g.coordinates) addPolygon(p, feature);
        break;
      case 'GeometryCollection':
        for (const part of g.geometries) add(part, feature);
        break;
    }
  };
  // a chance to yield after every 64 features or 10,000 vertices (runSliced times the slices)
  const size = () => area.positions.length + path.positions.length + point.positions.length;
  let lastSize = 0;
  for (let i = 0; i < features.length; i++) {
    add(features[i]!.geometry, i);
    if ((i & 63) === 63 || size() - lastSize > 20_000) {
      lastSize = size();
      yield;
    }
  }
  return finishShapes(area, path, point);
}

/**
 * Positions as deck.gl uploads a double-precision (`float64`) attribute: per point the Float32
 * high parts then the low parts, [x, y, x − fround(x), y − fround(y)] (deck's `fp64LowPart`), so
 * the shader keeps the full precision of a longitude/latitude. Given to deck ready-made in a
 * buffer, it is not split again in one frame.
 */
export function* splitPositions(positions: Float64Array): Generator<void, Float32Array> {
  const out = new Float32Array(positions.length * 2);
  const n = positions.length / 2;
  for (let v = 0; v < n; v++) {
    const x = positions[2 * v]!;
    const y = positions[2 * v + 1]!;
    const hx = Math.fround(x);
    const hy = Math.fround(y);
    out[4 * v] = hx;
    out[4 * v + 1] = hy;
    out[4 * v + 2] = x - hx;
    out[4 * v + 3] = y - hy;
    if ((v & 4095) === 4095) yield;
  }
  return out;
}

function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/** Per-feature fill colours (RGBA) and point radii of a styled layer; null where one value fits all. */
export interface ClassAttributes {
  fill: Uint8Array | null;
  radius: Float32Array | null;
}
const classCache = new WeakMap<StyledLayer, Map<number, ClassAttributes>>();

/**
 * Fill colours (alpha `alpha`) and radii per feature from the style's classes. One tight loop
 * over a Uint16Array (a few ms for 800,000 features); cached per styled layer.
 */
export function classAttributes(styled: StyledLayer, alpha: number): ClassAttributes {
  let byAlpha = classCache.get(styled);
  if (!byAlpha) {
    byAlpha = new Map();
    classCache.set(styled, byAlpha);
  }
  const hit = byAlpha.get(alpha);
  if (hit) return hit;
  const { classes, classOf } = styled;
  const n = classOf.length;
  let fill: Uint8Array | null = null;
  if (classes.length > 1) {
    const rgba = classes.map((c) => [...hexToRgb(c.color), alpha]);
    fill = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) {
      const c = rgba[classOf[i]!] ?? [128, 128, 128, alpha];
      fill[4 * i] = c[0]!;
      fill[4 * i + 1] = c[1]!;
      fill[4 * i + 2] = c[2]!;
      fill[4 * i + 3] = c[3]!;
    }
  }
  let radius: Float32Array | null = null;
  if (classes.some((c) => c.radius !== classes[0]!.radius)) {
    const radii = classes.map((c) => c.radius);
    radius = new Float32Array(n);
    for (let i = 0; i < n; i++) radius[i] = radii[classOf[i]!] ?? 0;
  }
  const out = { fill, radius };
  byAlpha.set(alpha, out);
  return out;
}

const filterCache = new WeakMap<Uint8Array, Uint8Array>();
/**
 * The filter mask (1 = shown) as the values DataFilterExtension compares with [1, 1]: the mask
 * itself when it has one value per point (WebGL reads unsigned bytes into the shader's float, so
 * nothing is converted: a Float32Array copy took 30 ms for 800,000 points), else a copy of that length.
 */
export function filterValues(shown: Uint8Array, count: number): Uint8Array {
  if (shown.length === count) return shown;
  const hit = filterCache.get(shown);
  if (hit && hit.length === count) return hit;
  const out = new Uint8Array(count);
  out.set(shown.subarray(0, count));
  filterCache.set(shown, out);
  return out;
}
