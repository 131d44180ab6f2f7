/**
 * Links to places off the regional map (the cooperation with the Yangtze River Delta and the
 * Greater Bay Area): drawn from their start to where they leave the region's frame, ending there
 * in an arrowhead and a label naming where they go ("→ 长三角"), instead of running off the map.
 * The frame is the three provinces' bounds with a margin — what a regional view, an export or a
 * print of the whole region shows — so the arrow is in view wherever the region is.
 */
import type { PlanLink } from '../data/plan/schema';

export type LonLat = [number, number];

/**
 * [west, south, east, north]: the region (lon 113.45–119.85, lat 36.05–42.62) and a margin, but in
 * the south 0.65° inside its bounds: the links there leave through Shandong and Henan, and a
 * default view (the region fitted with little padding) must still show the arrow and its label.
 */
export const OFF_MAP_FRAME: readonly [number, number, number, number] = [113.15, 36.7, 120.15, 42.9];

export interface EdgeLink {
  linkId: string;
  itemId: string;
  /** Where the drawn link ends: where it leaves OFF_MAP_FRAME. */
  end: LonLat;
  /** Its direction there, degrees clockwise from north (on the Mercator map). */
  bearing: number;
  to_zh: string;
  to_en: string;
}

/** Where the segment a→b leaves the frame (b itself if it stays inside). */
export function frameExit(a: LonLat, b: LonLat, frame: readonly [number, number, number, number] = OFF_MAP_FRAME): LonLat {
  const [w, s, e, n] = frame;
  let t = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  if (dx > 0) t = Math.min(t, (e - a[0]) / dx);
  if (dx < 0) t = Math.min(t, (w - a[0]) / dx);
  if (dy > 0) t = Math.min(t, (n - a[1]) / dy);
  if (dy < 0) t = Math.min(t, (s - a[1]) / dy);
  t = Math.max(0, t);
  return [a[0] + dx * t, a[1] + dy * t];
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * (180 / Math.PI);

/** The drawn direction of a→b on a north-up Mercator map, degrees clockwise from north. */
export function screenBearing(a: LonLat, b: LonLat): number {
  const deg = (Math.atan2(b[0] - a[0], mercY(b[1]) - mercY(a[1])) * 180) / Math.PI;
  return (deg + 360) % 360;
}

/** The links that lead off the map, each with its end at the frame and its direction. */
export function edgeLinks(links: readonly PlanLink[]): EdgeLink[] {
  return links
    .filter((l) => l.properties.outside_region)
    .map((l) => {
      const [a, b] = l.geometry.coordinates as [LonLat, LonLat];
      const end = frameExit(a, b);
      return { linkId: l.properties.id, itemId: l.properties.item, end, bearing: screenBearing(a, end), to_zh: l.properties.to_zh, to_en: l.properties.to_en };
    });
}
