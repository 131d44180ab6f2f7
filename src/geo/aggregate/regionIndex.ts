/**
 * The region index of the aggregation engine: a set of region polygons (counties, prefectures,
 * provinces, or one drawn area) prepared for fast, exact point-in-polygon queries.
 * Why one long file: the index's flat arrays are private to it, and every query reads them
 * directly (splitting would mean exporting its internals).
 *
 * Exactness contract: `regionsAt(index, x, y)` returns exactly the regions for which
 * `turf.booleanPointInPolygon([x, y], region)` (default options: the boundary counts as inside)
 * is true. Turf's test is point-in-polygon-hao: per polygon (outer ring + holes together) a
 * crossing count with the robust orient2d sign, 0 (boundary) or odd → inside; a MultiPolygon
 * contains the point if any of its polygons does. This module runs the same arithmetic, only
 * on fewer edges:
 *
 * 1. A uniform grid over the regions' bbox. Each cell knows, per polygon part, whether the
 *    cell (expanded by a margin far above rounding error) is entirely inside, entirely outside,
 *    or crossed by the part's boundary ("mixed"). A point in a cell where no part is mixed is
 *    answered from the cell alone; that is exact because the parity of the crossing count is
 *    constant on every connected set that no ring edge touches.
 * 2. For mixed parts, a per-part y-band edge table: only edges whose closed y-range contains
 *    the point's y can change hao's count (for the others both v1, v2 have the same strict sign),
 *    and the band of y is computed with the same monotone formula as the bands of an edge's
 *    endpoints, so no relevant edge is ever missed. The per-edge test is hao's, with
 *    orient2d's own fast path (same value, hence same sign); where orient2d would need its
 *    adaptive exact stage, the part falls back to Turf itself for that point.
 *
 * A flatbush tree over the region bboxes (and, lazily, one over every edge) serves the line
 * and area measures.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';

export type RegionGeometry = Polygon | MultiPolygon;
export type RegionFeature = Feature<RegionGeometry, GeoJsonProperties>;
export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];

export interface RegionIndexOptions {
  /** Region set id (part of cache keys), e.g. 'counties'. Default 'regions'. */
  id?: string;
  /** Property holding each region's id. Default 'adcode'; falls back to feature.id, then the position. */
  idProperty?: string;
  /** Number of grid cells to aim for. Default: 4 per boundary edge, between 1,024 and 524,288. */
  gridCells?: number;
}

/** One polygon (outer ring + holes) of a region, with its y-band edge table. */
export interface RegionPart {
  readonly region: number;
  /** The rings as given (for the Turf fallback). */
  readonly rings: Position[][];
  /** Vertices of all rings, x,y interleaved, rings one after another (closing vertex kept). */
  readonly xy: Float64Array;
  /** Vertex number (not ×2) where each edge starts; the edge runs to the next vertex. */
  readonly edgeFrom: Int32Array;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly bands: number;
  readonly bandScale: number;
  /** CSR: edges of band b are bandEdges[bandStart[b] .. bandStart[b+1]). */
  readonly bandStart: Int32Array;
  readonly bandEdges: Int32Array;
}

export interface RegionGrid {
  readonly nx: number;
  readonly ny: number;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** cells per degree, x and y */
  readonly sx: number;
  readonly sy: number;
  /**
   * CSR per cell: cellItems[cellStart[c] .. cellStart[c+1]). A value v ≥ 0 is a region that
   * contains the whole cell; v < 0 is a part ~v whose boundary crosses the cell. Regions come
   * first; parts follow grouped by region, and no part belongs to a region already listed.
   */
  readonly cellStart: Int32Array;
  readonly cellItems: Int32Array;
}

/** Every boundary edge, for clipping lines (built on first use). */
export interface EdgeIndex {
  readonly tree: Flatbush;
  /** part of each edge */
  readonly part: Int32Array;
  /** start vertex (in part.xy) of each edge */
  readonly from: Int32Array;
}

export interface RegionIndex {
  /** Region set id. */
  readonly id: string;
  readonly size: number;
  /** Region ids by region number. */
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  readonly features: readonly RegionFeature[];
  /** Region bboxes, 4 numbers per region. */
  readonly bboxes: Float64Array;
  /** Flatbush over the region bboxes; item i is region i. */
  readonly tree: Flatbush;
  readonly bbox: Readonly<Bbox>;
  readonly parts: readonly RegionPart[];
  readonly grid: RegionGrid;
  /** Build statistics. */
  readonly stats: { edges: number; cells: number; mixedCells: number; buildMs: number };
  /** Internal, lazily built: see edgeIndexOf. */
  edgeIndex?: EdgeIndex;
}

const OUTSIDE = 0;
const INSIDE = 1;
const BOUNDARY = 2;
const UNCERTAIN = 3;
type PipResult = typeof OUTSIDE | typeof INSIDE | typeof BOUNDARY | typeof UNCERTAIN;

// robust-predicates orient2d: its fast-path result is exact in sign beyond this bound.
const EPSILON = 1.1102230246251565e-16;
const CCW_ERRBOUND_A = (3 + 16 * EPSILON) * EPSILON;

/** Margin around grid cells, in degrees: far above rounding error, far below a cell. */
const MARGIN = 1e-9;

function bandOf(y: number, minY: number, scale: number, bands: number): number {
  const b = Math.floor((y - minY) * scale);
  return b < 0 ? 0 : b >= bands ? bands - 1 : b;
}

function buildPart(region: number, rings: Position[][]): RegionPart {
  let nVerts = 0;
  for (const ring of rings) nVerts += ring.length;
  const xy = new Float64Array(nVerts * 2);
  const edgeFrom: number[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let v = 0;
  for (const ring of rings) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    // the same check (and message) as point-in-polygon-hao, which Turf runs on every query
    if (!first || !last || (first[0] !== last[0] && first[1] !== last[1])) {
      throw new Error('First and last coordinates in a ring must be the same');
    }
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i]!;
      const x = p[0]!;
      const y = p[1]!;
      xy[v * 2] = x;
      xy[v * 2 + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (i < ring.length - 1) edgeFrom.push(v);
      v++;
    }
  }
  const nEdges = edgeFrom.length;
  const bands = Math.max(1, Math.min(4096, Math.ceil(nEdges / 2)));
  const height = maxY - minY;
  const bandScale = height > 0 ? bands / height : 0;
  const counts = new Int32Array(bands + 1);
  const lo = new Int32Array(nEdges);
  const hi = new Int32Array(nEdges);
  for (let e = 0; e < nEdges; e++) {
    const a = edgeFrom[e]! * 2;
    const y1 = xy[a + 1]!;
    const y2 = xy[a + 3]!;
    const b0 = bandOf(Math.min(y1, y2), minY, bandScale, bands);
    const b1 = bandOf(Math.max(y1, y2), minY, bandScale, bands);
    lo[e] = b0;
    hi[e] = b1;
    for (let b = b0; b <= b1; b++) counts[b + 1]!++;
  }
  for (let b = 0; b < bands; b++) counts[b + 1]! += counts[b]!;
  const bandStart = counts.slice();
  const fill = counts.slice(0, bands);
  const bandEdges = new Int32Array(bandStart[bands]!);
  for (let e = 0; e < nEdges; e++) {
    for (let b = lo[e]!; b <= hi[e]!; b++) bandEdges[fill[b]!++] = e;
  }
  return {
    region,
    rings,
    xy,
    edgeFrom: Int32Array.from(edgeFrom),
    minX,
    minY,
    maxX,
    maxY,
    bands,
    bandScale,
    bandStart,
    bandEdges,
  };
}

/** point-in-polygon-hao on one part, restricted to the edges of y's band. */
function pipPartRaw(p: RegionPart, x: number, y: number): PipResult {
  if (!(y >= p.minY && y <= p.maxY && x >= p.minX && x <= p.maxX)) return OUTSIDE;
  const b = bandOf(y, p.minY, p.bandScale, p.bands);
  const xy = p.xy;
  const edgeFrom = p.edgeFrom;
  const bandEdges = p.bandEdges;
  const end = p.bandStart[b + 1]!;
  let k = 0;
  for (let j = p.bandStart[b]!; j < end; j++) {
    const a = edgeFrom[bandEdges[j]!]! * 2;
    const u1 = xy[a]! - x;
    const v1 = xy[a + 1]! - y;
    const u2 = xy[a + 2]! - x;
    const v2 = xy[a + 3]! - y;
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return BOUNDARY;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      // hao: f = orient2d(u1, u2, v1, v2, 0, 0); orient2d's fast path computes exactly this
      const detLeft = u2 * v1;
      const detRight = u1 * v2;
      const det = detLeft - detRight;
      if (!(detLeft === 0 || detRight === 0 || detLeft > 0 !== detRight > 0)) {
        if (Math.abs(det) < CCW_ERRBOUND_A * Math.abs(detLeft + detRight)) return UNCERTAIN;
      }
      if (det === 0) return BOUNDARY;
      if ((det > 0 && v2 > 0 && v1 <= 0) || (det < 0 && v2 <= 0 && v1 > 0)) k++;
    }
  }
  return k & 1 ? INSIDE : OUTSIDE;
}

/** Whether the part contains the point (boundary included), exactly as Turf decides it. */
export function partContains(p: RegionPart, x: number, y: number): boolean {
  const r = pipPartRaw(p, x, y);
  if (r === UNCERTAIN) return booleanPointInPolygon([x, y], { type: 'Polygon', coordinates: p.rings });
  return r !== OUTSIDE;
}

function regionIdOf(f: RegionFeature, i: number, idProperty: string): string {
  const v = f.properties?.[idProperty];
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (f.id !== undefined) return String(f.id);
  return String(i);
}

interface GridFrame {
  nx: number;
  ny: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  sx: number;
  sy: number;
}

function cellCol(g: GridFrame, x: number): number {
  const c = Math.floor((x - g.minX) * g.sx);
  return c < 0 ? 0 : c >= g.nx ? g.nx - 1 : c;
}
function cellRow(g: GridFrame, y: number): number {
  const r = Math.floor((y - g.minY) * g.sy);
  return r < 0 ? 0 : r >= g.ny ? g.ny - 1 : r;
}

function buildGrid(parts: readonly RegionPart[], bbox: Bbox, targetCells: number): { grid: RegionGrid; mixedCells: number } {
  const [minX, minY, maxX, maxY] = bbox;
  const w = Math.max(maxX - minX, 1e-12);
  const h = Math.max(maxY - minY, 1e-12);
  const cell = Math.sqrt((w * h) / targetCells);
  const nx = Math.max(1, Math.min(4096, Math.ceil(w / cell)));
  const ny = Math.max(1, Math.min(4096, Math.ceil(h / cell)));
  const g: GridFrame = { nx, ny, minX, minY, maxX, maxY, sx: nx / w, sy: ny / h };
  const m2 = 2 * MARGIN;
  const pairCell: number[] = [];
  const pairVal: number[] = [];
  const mixedAny = new Uint8Array(nx * ny);

  for (let pi = 0; pi < parts.length; pi++) {
    const p = parts[pi]!;
    const c0 = cellCol(g, p.minX - m2);
    const c1 = cellCol(g, p.maxX + m2);
    const r0 = cellRow(g, p.minY - m2);
    const r1 = cellRow(g, p.maxY + m2);
    const ww = c1 - c0 + 1;
    const hh = r1 - r0 + 1;
    const mixed = new Uint8Array(ww * hh);
    const markRow = (r: number, xa: number, xb: number) => {
      const ca = cellCol(g, xa - m2) - c0;
      const cb = cellCol(g, xb + m2) - c0;
      const base = (r - r0) * ww;
      for (let c = ca; c <= cb; c++) mixed[base + c] = 1;
    };
    const xy = p.xy;
    for (let e = 0; e < p.edgeFrom.length; e++) {
      const a = p.edgeFrom[e]! * 2;
      const ax = xy[a]!;
      const ay = xy[a + 1]!;
      const bx = xy[a + 2]!;
      const by = xy[a + 3]!;
      const ylo = Math.min(ay, by);
      const yhi = Math.max(ay, by);
      const ra = cellRow(g, ylo - m2);
      const rb = cellRow(g, yhi + m2);
      const xlo = Math.min(ax, bx);
      const xhi = Math.max(ax, bx);
      if (ra === rb || ax === bx || ay === by) {
        for (let r = ra; r <= rb; r++) markRow(r, xlo, xhi);
        continue;
      }
      // one row at a time: the x-range of the segment within the row's (expanded) y-range
      const slope = (bx - ax) / (by - ay);
      for (let r = ra; r <= rb; r++) {
        const yr0 = Math.max(ylo, minY + r / g.sy - m2);
        const yr1 = Math.min(yhi, minY + (r + 1) / g.sy + m2);
        let x0 = ax + (yr0 - ay) * slope;
        let x1 = ax + (yr1 - ay) * slope;
        if (x0 > x1) [x0, x1] = [x1, x0];
        // interpolation error is ~1e-14 of the coordinates; stay inside the segment's own x-range
        markRow(r, Math.max(xlo, x0 - m2), Math.min(xhi, x1 + m2));
      }
    }
    // runs of unmixed cells along each row share one status: test one cell centre per run
    for (let r = r0; r <= r1; r++) {
      const base = (r - r0) * ww;
      const yc = minY + (r + 0.5) / g.sy;
      let runInside = false;
      let inRun = false;
      for (let c = c0; c <= c1; c++) {
        const cell = r * nx + c;
        if (mixed[base + c - c0]) {
          inRun = false;
          pairCell.push(cell);
          pairVal.push(~pi);
          mixedAny[cell] = 1;
          continue;
        }
        if (!inRun) {
          inRun = true;
          runInside = partContains(p, minX + (c + 0.5) / g.sx, yc);
        }
        if (runInside) {
          pairCell.push(cell);
          pairVal.push(p.region);
        }
      }
    }
  }

  // CSR by cell (stable: pairs of a cell stay in part order, hence region order)
  const nCells = nx * ny;
  const start = new Int32Array(nCells + 1);
  for (const c of pairCell) start[c + 1]!++;
  for (let c = 0; c < nCells; c++) start[c + 1]! += start[c]!;
  const raw = new Int32Array(pairCell.length);
  const fill = start.slice(0, nCells);
  for (let i = 0; i < pairCell.length; i++) raw[fill[pairCell[i]!]!++] = pairVal[i]!;

  // per cell: regions first (deduplicated), then parts of regions not already listed
  const cellStart = new Int32Array(nCells + 1);
  const items: number[] = [];
  for (let c = 0; c < nCells; c++) {
    const s = start[c]!;
    const e = start[c + 1]!;
    if (e - s === 1) {
      items.push(raw[s]!);
    } else if (e > s) {
      const sure: number[] = [];
      for (let i = s; i < e; i++) if (raw[i]! >= 0 && !sure.includes(raw[i]!)) sure.push(raw[i]!);
      for (const r of sure) items.push(r);
      for (let i = s; i < e; i++) {
        const v = raw[i]!;
        if (v < 0 && !sure.includes(parts[~v]!.region)) items.push(v);
      }
    }
    cellStart[c + 1] = items.length;
  }
  let mixedCells = 0;
  for (let c = 0; c < nCells; c++) mixedCells += mixedAny[c]!;
  return {
    grid: { nx, ny, minX, minY, maxX, maxY, sx: g.sx, sy: g.sy, cellStart, cellItems: Int32Array.from(items) },
    mixedCells,
  };
}

function polygonsOf(g: RegionGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function buildRegionIndex(
  regions: FeatureCollection<RegionGeometry, GeoJsonProperties>,
  opts: RegionIndexOptions = {},
): RegionIndex {
  const t0 = performance.now();
  const idProperty = opts.idProperty ?? 'adcode';
  const features = regions.features;
  const size = features.length;
  const ids: string[] = [];
  const byId = new Map<string, number>();
  const bboxes = new Float64Array(size * 4);
  const parts: RegionPart[] = [];
  const all: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  let edges = 0;
  features.forEach((f, i) => {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) {
      throw new Error(`buildRegionIndex: region ${i} is not a Polygon or MultiPolygon`);
    }
    const id = regionIdOf(f, i, idProperty);
    if (byId.has(id)) throw new Error(`buildRegionIndex: duplicate region id ${id}`);
    ids.push(id);
    byId.set(id, i);
    let bx0 = Infinity;
    let by0 = Infinity;
    let bx1 = -Infinity;
    let by1 = -Infinity;
    for (const rings of polygonsOf(f.geometry)) {
      if (rings.length === 0) continue;
      const p = buildPart(i, rings);
      parts.push(p);
      edges += p.edgeFrom.length;
      bx0 = Math.min(bx0, p.minX);
      by0 = Math.min(by0, p.minY);
      bx1 = Math.max(bx1, p.maxX);
      by1 = Math.max(by1, p.maxY);
    }
    bboxes.set([bx0, by0, bx1, by1], i * 4);
    all[0] = Math.min(all[0], bx0);
    all[1] = Math.min(all[1], by0);
    all[2] = Math.max(all[2], bx1);
    all[3] = Math.max(all[3], by1);
  });
  const tree = new Flatbush(Math.max(1, size));
  for (let i = 0; i < size; i++) tree.add(bboxes[i * 4]!, bboxes[i * 4 + 1]!, bboxes[i * 4 + 2]!, bboxes[i * 4 + 3]!);
  if (size === 0) tree.add(0, 0, 0, 0); // flatbush needs one item; region 0 does not exist and is never looked up
  tree.finish();
  if (!(all[0] <= all[2])) all.splice(0, 4, 0, 0, 0, 0);
  const target = opts.gridCells ?? Math.min(524_288, Math.max(1024, edges * 4));
  const { grid, mixedCells } = buildGrid(parts, all, target);
  return {
    id: opts.id ?? 'regions',
    size,
    ids,
    byId,
    features,
    bboxes,
    tree,
    bbox: all,
    parts,
    grid,
    stats: { edges, cells: grid.nx * grid.ny, mixedCells, buildMs: performance.now() - t0 },
  };
}

/**
 * The regions containing (x, y), boundary included, written to `out` (region numbers in
 * ascending order of their appearance in the cell: sure regions, then tested ones).
 * Returns how many. `out` must have room for every region that can overlap (size is safe).
 */
export function regionsAtInto(index: RegionIndex, x: number, y: number, out: Int32Array | number[]): number {
  const g = index.grid;
  if (!(x >= g.minX && x <= g.maxX && y >= g.minY && y <= g.maxY)) return 0;
  let cx = Math.floor((x - g.minX) * g.sx);
  if (cx >= g.nx) cx = g.nx - 1;
  let cy = Math.floor((y - g.minY) * g.sy);
  if (cy >= g.ny) cy = g.ny - 1;
  const cell = cy * g.nx + cx;
  const items = g.cellItems;
  const end = g.cellStart[cell + 1]!;
  let n = 0;
  let lastRegion = -1;
  for (let k = g.cellStart[cell]!; k < end; k++) {
    const v = items[k]!;
    if (v >= 0) {
      out[n++] = v;
      continue;
    }
    const part = index.parts[~v]!;
    if (part.region === lastRegion) continue;
    if (partContains(part, x, y)) {
      out[n++] = part.region;
      lastRegion = part.region;
    }
  }
  return n;
}

/** The regions (numbers) containing the point, boundary included; [] if none. */
export function regionsAt(index: RegionIndex, x: number, y: number): number[] {
  const out: number[] = [];
  regionsAtInto(index, x, y, out);
  return out;
}

/** A flatbush tree over every boundary edge of every part (built once per index). */
export function edgeIndexOf(index: RegionIndex): EdgeIndex {
  if (index.edgeIndex) return index.edgeIndex;
  const n = index.stats.edges;
  const tree = new Flatbush(Math.max(1, n));
  const part = new Int32Array(n);
  const from = new Int32Array(n);
  let e = 0;
  index.parts.forEach((p, pi) => {
    for (let j = 0; j < p.edgeFrom.length; j++) {
      const a = p.edgeFrom[j]! * 2;
      const ax = p.xy[a]!;
      const ay = p.xy[a + 1]!;
      const bx = p.xy[a + 2]!;
      const by = p.xy[a + 3]!;
      tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      part[e] = pi;
      from[e] = p.edgeFrom[j]!;
      e++;
    }
  });
  if (n === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  index.edgeIndex = { tree, part, from };
  return index.edgeIndex;
}

/** Region numbers whose bbox intersects the given box. */
export function regionsInBox(index: RegionIndex, box: Readonly<Bbox>): number[] {
  if (index.size === 0) return [];
  return index.tree.search(box[0], box[1], box[2], box[3]).sort((a, b) => a - b);
}
