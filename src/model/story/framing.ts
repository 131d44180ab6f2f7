/**
 * Framing a chapter: what it is about (its subject, a box on the map) and the part of the map
 * that nothing covers (padding from the rectangles of the overlays drawn over the map). Pure:
 * the rectangles are measured by app/presentationFraming.ts and the camera is fitted by
 * map/camera.ts `frameBbox`.
 */
import { geometryBbox, unionBboxes, type Bbox } from '../../geo/bbox';
import type { PlanItem } from '../../data/plan/schema';
import { layerKeyOf } from '../filters';
import type { Chapter } from './schema';

/** The plan's whole region: Beijing, Tianjin and Hebei. */
export const WHOLE_REGION = ['110000', '120000', '130000'] as const;

/**
 * The box a chapter is about:
 * - a highlighted item: its geometry, or (an item without one) the regions it names, plus a
 *   highlighted region;
 * - otherwise the items of the layers it shows (their geometries, or the regions of those that
 *   have none);
 * - a chapter that shows every layer and highlights nothing is about the whole region.
 */
export function chapterSubject(chapter: Pick<Chapter, 'filters' | 'highlight'>, items: readonly PlanItem[], regionBbox: (code: string) => Bbox | null): Bbox | null {
  const itemBox = (item: PlanItem): Bbox | null => geometryBbox(item.geometry) ?? unionBboxes(item.properties.regions.map(regionBbox));
  const h = chapter.highlight;
  if (h) {
    const item = h.item ? items.find((i) => i.properties.id === h.item) : undefined;
    const box = unionBboxes([item ? itemBox(item) : null, h.region ? regionBbox(h.region) : null]);
    if (box) return box;
  }
  const layers = chapter.filters?.layers;
  if (!layers) return unionBboxes(WHOLE_REGION.map(regionBbox));
  const shown = items.filter((i) => layers.includes(layerKeyOf(i)));
  const drawn = shown.filter((i) => i.geometry !== null);
  return unionBboxes((drawn.length > 0 ? drawn : shown).map(itemBox)) ?? unionBboxes(WHOLE_REGION.map(regionBbox));
}

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Camera padding that keeps a map's frame clear of the overlays on it: each overlay inside the
 * map is cleared from the edge that costs the least of the map (a control in the top-right corner
 * takes its width from the right, a bar along the bottom its height from the bottom), then
 * `margin` is added on every side so nothing is drawn against an edge.
 */
export function paddingAround(map: ScreenRect, overlays: readonly ScreenRect[], margin: number): Padding {
  const p: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  const w = map.right - map.left;
  const h = map.bottom - map.top;
  for (const o of overlays) {
    const left = Math.max(o.left, map.left);
    const right = Math.min(o.right, map.right);
    const top = Math.max(o.top, map.top);
    const bottom = Math.min(o.bottom, map.bottom);
    if (right <= left || bottom <= top) continue; // not over the map
    // What each way of clearing it leaves of the map, as a share of its width or height.
    const options: [keyof Padding, number, number][] = [
      ['top', bottom - map.top, h],
      ['bottom', map.bottom - top, h],
      ['left', right - map.left, w],
      ['right', map.right - left, w],
    ];
    let best = options[0]!;
    for (const opt of options) if (opt[1] / opt[2] < best[1] / best[2]) best = opt;
    p[best[0]] = Math.max(p[best[0]], best[1]);
  }
  return { top: p.top + margin, right: p.right + margin, bottom: p.bottom + margin, left: p.left + margin };
}
