/**
 * A map saved as one HTML file: the state the app writes into the viewer template
 * (dist/atlas-viewer.html, built by scripts/viewer-template.ts) and the viewer (src/viewer/) reads.
 *
 * The state travels as JSON inside `<script type="application/json">`, which the browser never
 * runs; `fillViewerTemplate` escapes every `<` so no text in it (a layer's property, a story's
 * caption) can close that element. The viewer puts every string it shows on the page with
 * `textContent`, never as HTML. Pure.
 */
import type { PlanItem, PlanLink } from '../data/plan/schema';
import type { ImportedFeature } from '../data/import/types';
import type { PlanLayerKey } from './state';
import type { UserLayerStyle } from './userLayerStyle';
import type { StoryCamera } from './story/schema';

export const SAVED_MAP_FORMAT = 1;

/** A plan item as the map draws it (the shape of map/planLayers DrawnItem). */
export interface SavedItem {
  type: 'Feature';
  geometry: NonNullable<PlanItem['geometry']>;
  properties: PlanItem['properties'] & { index: number; layer: PlanLayerKey };
}

export interface SavedUserLayer {
  id: string;
  name: string;
  color: string;
  style?: UserLayerStyle;
  /** Only the features the filters showed when saved. */
  features: ImportedFeature[];
}

export interface SavedChapter {
  title: string;
  caption: string;
  quote?: string;
  camera: StoryCamera;
  /** Per item of the plan: shown in this chapter (the chapter's own filters, applied when saving). */
  visible: boolean[];
  highlight: string | null;
}

/** One Noto Sans SC subset, as a data: URL. */
export interface SavedFont {
  name: string;
  url: string;
  range: string[];
}

export interface SavedMap {
  format: typeof SAVED_MAP_FORMAT;
  /** ISO time */
  savedAt: string;
  /** The address of the app it was saved from (for the footer). */
  app: { from: string };
  lang: 'zh' | 'en';
  theme: 'light' | 'dark';
  camera: StoryCamera;
  basemap: { counties: boolean; labels: boolean; rivers: boolean };
  /** The base map's GeoJSON by source name (the keys of map/basemap/style BasemapUrls). */
  basemapData: Record<string, unknown>;
  fonts: SavedFont[];
  /** Where the plan comes from, in the saved language (title, publisher, date). */
  dataSource: string;
  /** The plan items that have a place on the map; `properties.index` is the item's index in the plan. */
  items: SavedItem[];
  links: PlanLink[];
  /** The items links belong to that have no place of their own (a link's click shows its item). */
  linkedItems: PlanItem['properties'][];
  /** Per link: index of its item in the plan (-1 if unknown). */
  linkItemIndex: number[];
  /** Per item of the plan: its map layer (links take its colour). */
  linkLayers: PlanLayerKey[];
  /** Per item of the plan: shown with the filters of the moment of saving. */
  visible: boolean[];
  selectedId: string | null;
  userLayers: SavedUserLayer[];
  drawnAreas: { id: string; geometry: { type: 'Polygon'; coordinates: number[][][] } }[];
  story: { title: string; chapters: SavedChapter[] } | null;
  /** The viewer's words, in the saved language. */
  texts: Record<string, string>;
}

/** Where the state goes in the template; the template holds it once, inside the state element. */
export const SAVED_MAP_SLOT = '"@@ATLAS_SAVED_MAP@@"';
/** The id of the `<script type="application/json">` element holding the state. */
export const SAVED_MAP_ELEMENT_ID = 'atlas-saved-map';

/** JSON that cannot end the script element it sits in, nor be read as a comment or CDATA opener. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The template with the state in its slot; throws if the template has no slot (a broken build). */
export function fillViewerTemplate(template: string, state: SavedMap): string {
  const at = template.indexOf(SAVED_MAP_SLOT);
  if (at < 0 || template.indexOf(SAVED_MAP_SLOT, at + 1) >= 0) throw new Error('the viewer template has no single state slot');
  return template.slice(0, at) + jsonForScriptElement(state) + template.slice(at + SAVED_MAP_SLOT.length);
}

/** Which of the given unicode-range lists (e.g. ['U+4E00-4E5F', 'U+20']) cover any of the text's characters. */
export function rangesUsed(ranges: readonly (readonly string[])[], text: string): boolean[] {
  const codes = new Set<number>();
  for (const ch of text) codes.add(ch.codePointAt(0)!);
  const sorted = [...codes].sort((a, b) => a - b);
  return ranges.map((list) =>
    list.some((r) => {
      const m = /^U\+([0-9A-F?]+)(?:-([0-9A-F]+))?$/i.exec(r.trim());
      if (!m) return true; // unreadable: keep the subset rather than lose glyphs
      const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16);
      const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'F'), 16);
      return sorted.some((c) => c >= lo && c <= hi);
    }),
  );
}
