/**
 * Helpers for using and editing chapters: the filters a chapter asks for, a new
 * chapter from the current view, and moving chapters around. Pure.
 */
import { normalizeFilters } from '../filters';
import { DEFAULT_FILTERS, type Filters } from '../state';
import { CAMERA_LIMITS, type Chapter, type Story, type StoryCamera } from './schema';

/**
 * The app's filters while a chapter is shown: the chapter's fields over the defaults (a chapter
 * without `filters` shows everything), normalised like the rest of the app's filters.
 */
export function chapterFilters(chapter: Pick<Chapter, 'filters'>): Filters {
  const f = chapter.filters ?? {};
  return normalizeFilters({
    layers: f.layers ?? DEFAULT_FILTERS.layers,
    kinds: f.kinds ?? DEFAULT_FILTERS.kinds,
    regions: f.regions ?? DEFAULT_FILTERS.regions,
    months: f.months === undefined ? DEFAULT_FILTERS.months : f.months,
    text: f.text ?? DEFAULT_FILTERS.text,
  });
}

const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => Number(v.toFixed(digits)) + 0;

/** A camera from a map's state, clamped to the story's limits and rounded (5 decimals, zoom 2). */
export function cameraFromView(view: { lon: number; lat: number; zoom: number; bearing?: number; pitch?: number }): StoryCamera {
  // maplibre reports bearings in −180…180; keep them there.
  const bearing = (((view.bearing ?? 0) % 360) + 540) % 360 - 180;
  return {
    center: [round(clamp(view.lon, CAMERA_LIMITS.lon), 5), round(clamp(view.lat, CAMERA_LIMITS.lat), 5)],
    zoom: round(clamp(view.zoom, CAMERA_LIMITS.zoom), 2),
    bearing: round(bearing, 1),
    pitch: round(clamp(view.pitch ?? 0, CAMERA_LIMITS.pitch), 1),
  };
}

/** An id not used in the story: `base`, or `base-2`, `base-3`, … */
export function uniqueChapterId(story: Pick<Story, 'chapters'>, base = 'chapter'): string {
  const used = new Set(story.chapters.map((c) => c.id));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new chapter for "add the current view": untitled captions for the presenter to fill in. */
export function newChapter(story: Pick<Story, 'chapters'>, camera: StoryCamera, filters?: Chapter['filters']): Chapter {
  const n = story.chapters.length + 1;
  return {
    id: uniqueChapterId(story),
    title_zh: `第${n}章`,
    title_en: `Chapter ${n}`,
    caption_zh: '',
    caption_en: '',
    camera,
    ...(filters !== undefined ? { filters } : {}),
  };
}

/** The story with chapter `from` moved to index `to` (indices clamped; a new object). */
export function moveChapter(story: Story, from: number, to: number): Story {
  const chapters = [...story.chapters];
  if (from < 0 || from >= chapters.length) return story;
  const [c] = chapters.splice(from, 1);
  chapters.splice(Math.max(0, Math.min(chapters.length, to)), 0, c!);
  return { ...story, chapters };
}

/** The story without chapter `index`; the last chapter is never removed (a story needs one). */
export function removeChapter(story: Story, index: number): Story {
  if (story.chapters.length <= 1 || index < 0 || index >= story.chapters.length) return story;
  return { ...story, chapters: story.chapters.filter((_, i) => i !== index) };
}
