/**
 * Collision-aware placement of point symbols at a zoom level: points whose dots would overlap on
 * screen are spread on a small ring around their common centre, each keeping its bearing from
 * that centre, so every dot stays visible and clickable; the caller draws a leader line from each
 * moved dot to its true place. As the map zooms in the points separate and return to their places
 * (nothing is moved once its dot clears its neighbours).
 *
 * Screen distances are Web Mercator pixels with 512-pixel tiles, as MapLibre's zoom counts them.
 */

type LngLat = [number, number];

const TILE = 512;

export function toPixels([lon, lat]: LngLat, zoom: number): [number, number] {
  const world = TILE * 2 ** zoom;
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * world, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world];
}

export function fromPixels([x, y]: [number, number], zoom: number): LngLat {
  const world = TILE * 2 ** zoom;
  const lon = (x / world) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / world;
  return [lon, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}

export interface DeclutterOptions {
  /** Dot radius, pixels. */
  radius: number;
  /** Clear space wanted between two dots, pixels. */
  gap: number;
}

/** More points than this are left as they are: the ring layout is for a handful of named sites, not a data layer. */
export const DECLUTTER_MAX_POINTS = 400;

/**
 * For each point, where to draw it at `zoom`: a new position if its dot had to move, else null.
 */
export function declutter(points: readonly LngLat[], zoom: number, { radius, gap }: DeclutterOptions): (LngLat | null)[] {
  const n = points.length;
  const out: (LngLat | null)[] = new Array<LngLat | null>(n).fill(null);
  if (n < 2 || n > DECLUTTER_MAX_POINTS) return out;
  const px = points.map((p) => toPixels(p, zoom));
  const minDist = 2 * radius + gap;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };
  let placed = px.map((p) => [p[0], p[1]] as [number, number]);
  const collide = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]) < minDist - 1e-6;
  // group, lay the groups out, and merge groups whose rings still touch (a few rounds settle it)
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (collide(px[i]!, px[j]!)) union(i, j);
  for (let round = 0; round < 6; round++) {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = find(i);
      const g = groups.get(r);
      if (g) g.push(i);
      else groups.set(r, [i]);
    }
    placed = px.map((p) => [p[0], p[1]] as [number, number]);
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const cx = members.reduce((s, i) => s + px[i]![0], 0) / members.length;
      const cy = members.reduce((s, i) => s + px[i]![1], 0) / members.length;
      const k = members.length;
      const ring = minDist / (2 * Math.sin(Math.PI / k));
      // each keeps its bearing from the centre as far as an even spacing allows (ties: input order)
      const byAngle = members
        .map((i, order) => ({ i, order, a: Math.hypot(px[i]![0] - cx, px[i]![1] - cy) < 1e-9 ? (2 * Math.PI * order) / k : Math.atan2(px[i]![1] - cy, px[i]![0] - cx) }))
        .sort((p, q) => p.a - q.a || p.order - q.order);
      const start = byAngle[0]!.a;
      byAngle.forEach(({ i }, m) => {
        const a = start + (2 * Math.PI * m) / k;
        placed[i] = [cx + ring * Math.cos(a), cy + ring * Math.sin(a)];
      });
    }
    let merged = false;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (find(i) !== find(j) && collide(placed[i]!, placed[j]!)) {
          union(i, j);
          merged = true;
        }
    if (!merged) break;
  }
  for (let i = 0; i < n; i++) {
    if (Math.hypot(placed[i]![0] - px[i]![0], placed[i]![1] - px[i]![1]) > 0.5) out[i] = fromPixels(placed[i]!, zoom);
  }
  return out;
}
