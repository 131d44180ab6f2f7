/**
 * A raised arc from a to b as a path: the curve deck.gl's ArcLayer draws (flat mode, both ends on
 * the ground), as positions a PathLayer can draw with the program every other path shares.
 *
 * ArcLayer's vertex shader steps the ratio t = smoothstep(0, 1, i / (segments − 1)) (more vertices
 * near the ends, where the arc climbs), interpolates straight in Web Mercator, and raises each
 * vertex by √(t(1 − t)) · height · the ends' distance there. The distance is in Mercator units;
 * as metres on the ground it is scaled by cos(latitude) (taken at the arc's middle). With
 * height 0 the path is straight.
 */
import { toMercator, toWgs84 } from '@turf/turf';

/** ArcLayer's default `numSegments`. */
export const ARC_SEGMENTS = 50;

export interface ArcPath {
  /** x, y, z per vertex: longitude, latitude, metres above the ground. */
  positions: number[];
  /** Per vertex: how far along from a (0) to b (1), for colours that blend from one end to the other. */
  ratios: number[];
}

export function arcPath(a: [number, number], b: [number, number], height: number, segments = ARC_SEGMENTS): ArcPath {
  const [ax, ay] = toMercator(a);
  const [bx, by] = toMercator(b);
  const midLat = toWgs84([(ax + bx) / 2, (ay + by) / 2])[1]!;
  const rise = height * Math.hypot(bx - ax, by - ay) * Math.cos((midLat * Math.PI) / 180);
  const positions: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < segments; i++) {
    const s = i / (segments - 1);
    const t = s * s * (3 - 2 * s); // GLSL smoothstep(0, 1, s)
    const [lon, lat] = toWgs84([ax + (bx - ax) * t, ay + (by - ay) * t]);
    positions.push(lon!, lat!, Math.sqrt(t * (1 - t)) * rise);
    ratios.push(t);
  }
  return { positions, ratios };
}
