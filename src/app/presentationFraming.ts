/**
 * Where a chapter's camera goes: its subject (model/story/framing.ts) fitted into the part of
 * the map that no control, card or panel covers, measured from the page as it is laid out now
 * (so it holds at any window size and in either presentation layout).
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { PlanItem } from '../data/plan/schema';
import type { Region } from '../data/regions/regions';
import type { Chapter } from '../model/story/schema';
import { chapterSubject, paddingAround, type ScreenRect } from '../model/story/framing';
import { frameBbox } from '../map/camera';
import type { DisplayDatum } from '../map/displayDatum';

/** What can lie over the map: MapLibre's controls, the details card, the presentation's panel. */
const OVERLAYS = '.maplibregl-ctrl, .detail-panel, .user-feature-detail, .present-panel';
/** Room kept between the subject and the uncovered area's edge, in CSS pixels (less on a small map). */
const MARGIN = 24;
const MARGIN_SHARE = 0.03;

function rectOf(el: Element): ScreenRect | null {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

/** The overlays' rectangles on the page (those not shown have none). */
export function overlayRects(doc: Document = document): ScreenRect[] {
  return [...doc.querySelectorAll(OVERLAYS)].flatMap((el) => {
    const r = rectOf(el);
    return r ? [r] : [];
  });
}

/**
 * The centre and zoom that show the chapter's subject in the uncovered part of the map, at the
 * chapter's bearing and never closer than its zoom; the chapter's own centre and zoom when it has
 * no subject or there is no room.
 */
export function chapterCamera(map: MaplibreMap, chapter: Chapter, items: readonly PlanItem[], regions: ReadonlyMap<string, Region>, datum: DisplayDatum): { center: [number, number]; zoom: number } {
  const own = { center: datum.toDisplay([chapter.camera.center[0], chapter.camera.center[1]]) as [number, number], zoom: chapter.camera.zoom };
  const subject = chapterSubject(chapter, items, (code) => regions.get(code)?.bbox ?? null);
  const canvas = rectOf(map.getContainer());
  if (!subject || !canvas) return own;
  const [w, s] = datum.toDisplay([subject[0], subject[1]]);
  const [e, n] = datum.toDisplay([subject[2], subject[3]]);
  const margin = Math.min(MARGIN, MARGIN_SHARE * Math.min(canvas.right - canvas.left, canvas.bottom - canvas.top));
  const padding = paddingAround(canvas, overlayRects(), margin);
  return frameBbox(map, [w!, s!, e!, n!], padding, { bearing: chapter.camera.bearing, maxZoom: chapter.camera.zoom }) ?? own;
}
