/**
 * Point-in-polygon counts per region, exact (equal to Turf's booleanPointInPolygon with
 * default options, for every point and every region; see regionIndex.ts).
 */
import type { Position } from 'geojson';
import { partContains, type RegionIndex } from './regionIndex';

export interface AggregatePointsOptions {
  /** A category per point (0 … categoryCount−1), parallel to the points; out-of-range values are not counted by category. */
  categories?: ArrayLike<number>;
  /** Number of categories; default: 1 + the largest category value. */
  categoryCount?: number;
  /** Also return, per point, the first region containing it (−1 for none). */
  pointRegions?: boolean;
}

export interface PointAggregate {
  /** Points per region (a point on a shared boundary counts for every region it touches). */
  counts: Uint32Array;
  /** Points per region and category: counts[region * categoryCount + category]; only with categories. */
  byCategory?: Uint32Array;
  categoryCount?: number;
  /** Per point: the first region (lowest cell order) containing it, −1 if none; only with pointRegions. */
  pointRegion?: Int32Array;
  /** Number of points. */
  total: number;
  /** Points in no region. */
  outside: number;
  /** Points in more than one region (on shared boundaries, or where regions overlap). */
  multiple: number;
}

function toFlat(points: Float64Array | readonly Position[]): Float64Array {
  if (points instanceof Float64Array) return points;
  const out = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    out[i * 2] = p[0]!;
    out[i * 2 + 1] = p[1]!;
  }
  return out;
}

/**
 * Count points per region. `points` is lon,lat interleaved (Float64Array) or an array of
 * positions. Non-finite coordinates are outside every region.
 */
export function aggregatePoints(
  index: RegionIndex,
  points: Float64Array | readonly Position[],
  opts: AggregatePointsOptions = {},
): PointAggregate {
  const xy = toFlat(points);
  const n = xy.length >> 1;
  const counts = new Uint32Array(index.size);
  const cats = opts.categories;
  if (cats && cats.length !== n) throw new Error(`aggregatePoints: ${cats.length} categories for ${n} points`);
  let nCat = 0;
  if (cats) {
    if (opts.categoryCount !== undefined) nCat = opts.categoryCount;
    else for (let i = 0; i < n; i++) nCat = Math.max(nCat, (cats[i]! | 0) + 1);
  }
  const byCategory = cats ? new Uint32Array(index.size * nCat) : undefined;
  const pointRegion = opts.pointRegions ? new Int32Array(n).fill(-1) : undefined;

  const g = index.grid;
  const { minX, minY, maxX, maxY, sx, sy, nx, ny, cellStart, cellItems } = g;
  const parts = index.parts;
  let outside = 0;
  let multiple = 0;
  for (let i = 0; i < n; i++) {
    const x = xy[i * 2]!;
    const y = xy[i * 2 + 1]!;
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
      outside++;
      continue;
    }
    let cx = Math.floor((x - minX) * sx);
    if (cx >= nx) cx = nx - 1;
    let cy = Math.floor((y - minY) * sy);
    if (cy >= ny) cy = ny - 1;
    const cell = cy * nx + cx;
    const end = cellStart[cell + 1]!;
    let hits = 0;
    let lastRegion = -1;
    let first = -1;
    const c = cats ? cats[i]! : -1;
    for (let k = cellStart[cell]!; k < end; k++) {
      const v = cellItems[k]!;
      let r: number;
      if (v >= 0) {
        r = v;
      } else {
        const part = parts[~v]!;
        if (part.region === lastRegion || !partContains(part, x, y)) continue;
        r = part.region;
        lastRegion = r;
      }
      counts[r]!++;
      if (byCategory && c >= 0 && c < nCat) byCategory[r * nCat + c]!++;
      if (hits === 0) first = r;
      hits++;
    }
    if (hits === 0) outside++;
    else if (hits > 1) multiple++;
    if (pointRegion) pointRegion[i] = first;
  }
  const result: PointAggregate = { counts, total: n, outside, multiple };
  if (byCategory) {
    result.byCategory = byCategory;
    result.categoryCount = nCat;
  }
  if (pointRegion) result.pointRegion = pointRegion;
  return result;
}
