/**
 * The shape of the app's state that is shared with the URL. Pure types and defaults;
 * the store (src/app/store) holds it, ./url.ts encodes and decodes it, ./filters.ts derives the
 * filtered set from it.
 */
import type { GroupId, ItemKind, ThemeId } from '../data/plan/schema';
import type { Language } from '../i18n/language';
import type { DrawnArea } from './drawnArea';
import type { ChoroplethSettings, RegionLevelChoice } from './analysis';

/** A layer of the plan: a task group, or one of group 3's themes. */
export type PlanLayerKey = `g${Exclude<GroupId, 3>}` | `g3-${ThemeId}`;
export const PLAN_LAYER_KEYS: PlanLayerKey[] = [
  'g1',
  'g2',
  'g3-ecology',
  'g3-transport',
  'g3-industry',
  'g3-public-services',
  'g4',
  'g5',
];

/** Filters by kind use the four kinds a person thinks in; target and mechanism count as programme. */
export const FILTER_KINDS = ['site', 'line', 'area', 'programme'] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];
export function filterKindOf(kind: ItemKind): FilterKind {
  return kind === 'site' || kind === 'line' || kind === 'area' ? kind : 'programme';
}

export interface BasemapLayers {
  counties: boolean;
  labels: boolean;
  rivers: boolean;
}

/**
 * The base map under the overlays. The embedded offline map is the default; the others
 * are online and opt-in. The Tianditu key is not part of this (it never goes into a link).
 */
export type BaseMapSource =
  | { kind: 'embedded' }
  | { kind: 'osm' }
  | { kind: 'tianditu' }
  | { kind: 'amap' }
  | { kind: 'style'; url: string };
export type BaseMapKind = BaseMapSource['kind'];
export const BASEMAP_KINDS: BaseMapKind[] = ['embedded', 'osm', 'tianditu', 'amap', 'style'];
export const EMBEDDED_BASEMAP: BaseMapSource = { kind: 'embedded' };

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface Filters {
  /** Plan layers switched on (all by default). */
  layers: PlanLayerKey[];
  /** Kinds shown (all by default). */
  kinds: FilterKind[];
  /** Region codes (province or prefecture): an item passes if it concerns any of them. Empty = all. */
  regions: string[];
  /** Milestone months, inclusive, 1–12. null = no milestone filter (items without milestones pass). */
  months: [number, number] | null;
  /** Free text matched against names (zh/en), quotes and region names. */
  text: string;
}

export type ListSort = 'group' | 'name' | 'date';

export interface UrlState {
  view: MapView | null;
  /** Drawn areas; absent = none. */
  areas?: DrawnArea[];
  filters: Filters;
  basemap: BasemapLayers;
  /** Absent = the embedded base map. */
  source?: BaseMapSource;
  selected: string | null;
  lang: Language;
  /** A story carried by the link (`story=`, as written there); read when the page opens, never written. */
  story?: string;
  /** Regions open in the region panel, in column order (two or more are compared); absent = none. */
  regionSelection?: string[];
  /** The region level chosen for clicks; absent = 'auto'. */
  regionLevel?: RegionLevelChoice;
  /** The choropleth; absent = off. */
  choropleth?: ChoroplethSettings;
  /** The side panel's open tab; absent = 'layers'. */
  tab?: SidebarTabKey;
  /** false when the side panel is closed; absent = the device's default (open on a wide screen). */
  panelOpen?: boolean;
  /** The 2019 timeline's month (1–12); absent = timeline off. */
  timelineMonth?: number;
  /** The presentation's chapter (0-based) while presenting; absent = not presenting. */
  chapter?: number;
  /** The measured path (WGS-84 lon/lat), while the measure tool shows it; absent = none. */
  measure?: [number, number][];
}

/** The side panel's tabs, in the order they are shown. */
export const SIDEBAR_TABS = ['layers', 'list', 'regions', 'story', 'data'] as const;
export type SidebarTabKey = (typeof SIDEBAR_TABS)[number];

export const DEFAULT_FILTERS: Filters = {
  layers: [...PLAN_LAYER_KEYS],
  kinds: [...FILTER_KINDS],
  regions: [],
  months: null,
  text: '',
};

export const DEFAULT_BASEMAP: BasemapLayers = { counties: true, labels: true, rivers: true };
