/**
 * Kilometres of a line inside each region. Each segment is cut where it meets a region
 * boundary edge (a flatbush tree over all edges finds the candidates); each piece between two
 * cuts lies wholly inside or wholly outside every region, so its midpoint decides, with the
 * exact point test of regionIndex.ts. Lengths are Turf's: great-circle (haversine) distance
 * between the piece's ends, summed, as turf.length sums it over a line's segments.
 *
 * A piece that runs along a shared boundary counts for both regions (Turf's boundary-inclusive
 * rule). Pieces are measured as Turf measures a split line (great circle per piece), so on long
 * segments the pieces add up to a few 1e-5 more than the segment's own great-circle length
 * (the straight lon/lat segment is not a great circle); `totalKm` is turf.length of the line.
 */
import { distance } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { edgeIndexOf, regionsAtInto, type RegionIndex } from './regionIndex';

export type LineGeometry = LineString | MultiLineString;

export interface LineAggregate {
  /** km of the line inside each region (by region number). */
  km: Float64Array;
  /** Regions the line touches (crosses, enters, or meets at a point), ascending. */
  touched: number[];
  /** Length of the whole line, km (as turf.length: haversine per segment, summed). */
  totalKm: number;
  /** km of the line in no region. */
  outsideKm: number;
}

/** Relative tolerance on segment parameters, for cuts at segment ends. */
const T_EPS = 1e-12;

function geometryOf(line: LineGeometry | Feature<LineGeometry>): LineGeometry {
  return line.type === 'Feature' ? line.geometry : line;
}

export function lineLengthInRegions(index: RegionIndex, line: LineGeometry | Feature<LineGeometry>): LineAggregate {
  const g = geometryOf(line);
  const lines: Position[][] = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  const km = new Float64Array(index.size);
  const touched = new Uint8Array(index.size);
  const hits = new Int32Array(Math.max(1, index.size));
  const edges = edgeIndexOf(index);
  let totalKm = 0;
  let outsideKm = 0;

  const touchAt = (x: number, y: number) => {
    const n = regionsAtInto(index, x, y, hits);
    for (let i = 0; i < n; i++) touched[hits[i]!] = 1;
  };

  for (const coords of lines) {
    for (let s = 0; s + 1 < coords.length; s++) {
      const ax = coords[s]![0]!;
      const ay = coords[s]![1]!;
      const bx = coords[s + 1]![0]!;
      const by = coords[s + 1]![1]!;
      touchAt(ax, ay);
      totalKm += distance([ax, ay], [bx, by], { units: 'kilometers' });
      if (s + 2 === coords.length) touchAt(bx, by);
      const rx = bx - ax;
      const ry = by - ay;
      const ts: number[] = [0, 1];
      const rr = rx * rx + ry * ry;
      if (rr > 0) {
        const cand = edges.tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
        for (const e of cand) {
          const p = index.parts[edges.part[e]!]!;
          const v = edges.from[e]! * 2;
          const cx = p.xy[v]!;
          const cy = p.xy[v + 1]!;
          const sxv = p.xy[v + 2]! - cx;
          const syv = p.xy[v + 3]! - cy;
          const qx = cx - ax;
          const qy = cy - ay;
          const denom = rx * syv - ry * sxv;
          const qr = qx * ry - qy * rx;
          if (denom !== 0) {
            const t = (qx * syv - qy * sxv) / denom;
            const u = qr / denom;
            if (t >= -T_EPS && t <= 1 + T_EPS && u >= -T_EPS && u <= 1 + T_EPS) {
              ts.push(Math.min(1, Math.max(0, t)));
              touched[p.region] = 1;
            }
          } else if (qr === 0) {
            // collinear: the overlap's ends are cuts
            const tc = (qx * rx + qy * ry) / rr;
            const td = ((cx + sxv - ax) * rx + (cy + syv - ay) * ry) / rr;
            const lo = Math.max(0, Math.min(tc, td));
            const hi = Math.min(1, Math.max(tc, td));
            if (lo <= hi) {
              ts.push(lo, hi);
              touched[p.region] = 1;
            }
          }
        }
      }
      ts.sort((a, b) => a - b);
      let px = ax;
      let py = ay;
      let pt = 0;
      for (let i = 1; i < ts.length; i++) {
        const t = ts[i]!;
        if (t <= pt) continue;
        const qx = t === 1 ? bx : ax + rx * t;
        const qy = t === 1 ? by : ay + ry * t;
        const d = distance([px, py], [qx, qy], { units: 'kilometers' });
        const tm = (pt + t) / 2;
        const n = regionsAtInto(index, ax + rx * tm, ay + ry * tm, hits);
        for (let j = 0; j < n; j++) {
          km[hits[j]!]! += d;
          touched[hits[j]!] = 1;
        }
        if (n === 0) outsideKm += d;
        px = qx;
        py = qy;
        pt = t;
      }
    }
  }
  const list: number[] = [];
  for (let r = 0; r < index.size; r++) if (touched[r]) list.push(r);
  return { km, touched: list, totalKm, outsideKm };
}
