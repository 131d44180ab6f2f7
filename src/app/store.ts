/**
 * The one app store (zustand). It holds what the person chose — language, base-map switches,
 * filters, selection, map position — and the loaded data. Everything shown is derived from it:
 * the filtered set is computed once (./useFilteredPlan.ts) and feeds the deck layers, the
 * legend counts and the list. The URL mirrors the shareable part (./useUrlSync.ts, ./url.ts).
 */
import { create } from 'zustand';
import { featureBbox } from '../geo/featureBbox';
import type { Language } from '../i18n/language';
import { browserLanguage } from '../i18n/language';
import type { PlanItem, PlanLink, PlanMeta } from '../data/plan/schema';
import type { Region } from '../data/regions/regions';
import type { ChoroplethSettings, RegionLevelChoice } from '../model/analysis';
import type { DrawnArea } from '../model/drawnArea';
import type { Story } from '../model/story/schema';
import type { ImportIssue, ImportOptions, ImportProgress, ImportedFeature } from '../data/import/types';
import type { UserLayerStyle } from '../model/userLayerStyle';
import type { TileLayer } from '../model/tileLayer';
import type { UserLayer, UserSelection } from '../model/userLayer';
import {
  DEFAULT_BASEMAP,
  DEFAULT_FILTERS,
  EMBEDDED_BASEMAP,
  type BaseMapSource,
  type BasemapLayers,
  type Filters,
  type ListSort,
  type MapView,
  type UrlState,
} from '../model/state';

export type { BasemapLayers } from '../model/state';

export type MapStatus = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; kind: 'no-webgl' | 'error'; reason: string };

export type DataStatus =
  | { state: 'loading' }
  | { state: 'ready'; meta: PlanMeta; items: PlanItem[]; links: PlanLink[]; regions: Map<string, Region> }
  | { state: 'failed'; reason: string };

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface Hover {
  id: string;
  x: number;
  y: number;
}

export type SidebarTab = 'layers' | 'list' | 'regions' | 'story' | 'data';



/** The feature of a user layer under the pointer. */
export interface UserHover {
  layerId: string;
  feature: ImportedFeature;
  x: number;
  y: number;
}

/** The import in progress or the last one's outcome, shown in the data tab. */
export type ImportStatus =
  | { state: 'idle' }
  | { state: 'running'; fileName: string; progress: ImportProgress | null }
  | {
      state: 'done';
      fileName: string;
      /** kept so that a suggested fix or another CRS / columns can import it again */
      file: File;
      opts: ImportOptions;
      result: { ok: true; layerId: string; kept: number; total: number; warnings: ImportIssue[] } | { ok: false; error: ImportIssue; warnings: ImportIssue[] };
    };

export interface AppState {
  lang: Language;
  basemap: BasemapLayers;
  filters: Filters;
  selected: string | null;
  hover: Hover | null;
  view: MapView | null;
  mapStatus: MapStatus;
  /** The base map has drawn its first complete frame (or will never: the map failed). */
  baseMapDrawn: boolean;
  /** The `story=` value of the link the page was opened with, if any. */
  storyLinkParam: string | null;
  data: DataStatus;
  notices: Notice[];
  sidebarOpen: boolean;
  sidebarTab: SidebarTab;
  listSort: ListSort;
  /** Bumped to ask the map to move to the selection (search, list, "zoom to"). */
  flyRequest: { id: string; seq: number } | { bbox: [number, number, number, number]; seq: number } | null;

  setLang: (lang: Language) => void;
  setBasemapLayer: (layer: keyof BasemapLayers, on: boolean) => void;
  setFilters: (update: Partial<Filters>) => void;
  resetFilters: () => void;
  select: (id: string | null, opts?: { fly?: boolean }) => void;
  setHover: (hover: Hover | null) => void;
  setView: (view: MapView) => void;
  flyToBbox: (bbox: [number, number, number, number]) => void;
  setMapStatus: (status: MapStatus) => void;
  setData: (data: DataStatus) => void;
  notify: (kind: Notice['kind'], text: string) => void;
  dismissNotice: (id: number) => void;
  setSidebarOpen: (open: boolean) => void;
  setSidebarTab: (tab: SidebarTab) => void;
  setListSort: (sort: ListSort) => void;
  applyUrlState: (s: UrlState) => void;

  // Regional analysis (issue 5)
  regionLevel: RegionLevelChoice;
  /** Regions open in the region panel; two or more are compared side by side. */
  regionSelection: string[];
  choropleth: ChoroplethSettings | null;
  drawnAreas: DrawnArea[];
  /** The drawing tool that is active, if any. */
  drawTool: 'polygon' | 'rectangle' | 'circle' | 'measure' | null;
  circleRadiusKm: number;
  /** The measured path's length (km) while the measure tool is on. */
  measureKm: number | null;
  setMeasureKm: (km: number | null) => void;
  setRegionLevel: (level: RegionLevelChoice) => void;
  toggleRegion: (code: string, add: boolean) => void;
  setRegionSelection: (codes: string[]) => void;
  setChoropleth: (c: ChoroplethSettings | null) => void;
  addDrawnArea: (area: DrawnArea) => void;
  renameDrawnArea: (id: string, name: string) => void;
  removeDrawnArea: (id: string) => void;
  setDrawTool: (tool: AppState['drawTool']) => void;
  setCircleRadiusKm: (km: number) => void;

  // Presenting (issue 6)
  story: Story | null;
  /** The chapter shown (in presentation mode, or chosen in the story editor). */
  chapterIndex: number;
  presenting: boolean;
  /** Seconds between chapters when auto-playing; null = off. */
  autoplaySec: number | null;
  /** Month (1–12) the 2019 timeline shows, null when the timeline is off. */
  timelineMonth: number | null;
  theme: 'light' | 'dark';
  setStory: (story: Story | null) => void;
  goToChapter: (index: number) => void;
  setPresenting: (on: boolean) => void;
  setAutoplaySec: (sec: number | null) => void;
  setTimelineMonth: (month: number | null) => void;
  setTheme: (theme: 'light' | 'dark') => void;

  // Bring your own data (issue 7)
  userLayers: UserLayer[];
  userHover: UserHover | null;
  importStatus: ImportStatus;
  addUserLayer: (layer: UserLayer) => void;
  removeUserLayer: (id: string) => void;
  toggleUserLayer: (id: string, visible: boolean) => void;
  renameUserLayer: (id: string, name: string) => void;
  recolorUserLayer: (id: string, color: string) => void;
  restyleUserLayer: (id: string, style: UserLayerStyle) => void;
  /** Switch a legend class of a user layer off or on; `null` switches every class on. */
  toggleUserLayerClass: (id: string, key: string | null) => void;
  userSelected: UserSelection | null;
  /** Select a user-layer feature (null: none); with fly, the map moves to it. */
  selectUserFeature: (sel: UserSelection | null, opts?: { fly?: boolean }) => void;
  /** Layers restored from IndexedDB (added before any imported in this session). */
  restoreUserLayers: (layers: UserLayer[]) => void;
  setUserHover: (hover: UserHover | null) => void;
  setImportStatus: (status: ImportStatus) => void;

  // Base maps (issue 7): the embedded map by default; online ones are opt-in.
  baseMapSource: BaseMapSource;
  /** The person's Tianditu key (kept in localStorage, never in a link). */
  tiandituKey: string;
  baseMapStatus: BaseMapStatus;
  setBaseMapSource: (source: BaseMapSource) => void;
  setTiandituKey: (key: string) => void;
  setBaseMapStatus: (status: BaseMapStatus) => void;

  // Tile layers (issue 7): PMTiles / TileJSON / {z}/{x}/{y} sources drawn by MapLibre.
  tileLayers: TileLayer[];
  addTileLayer: (layer: TileLayer) => void;
  updateTileLayer: (id: string, update: Partial<Pick<TileLayer, 'visible' | 'color' | 'name' | 'status'>>) => void;
  removeTileLayer: (id: string) => void;
  /** A tile-layer feature clicked on the map: its properties are shown. */
  tileFeature: { layerId: string; properties: Record<string, unknown> } | null;
  setTileFeature: (picked: { layerId: string; properties: Record<string, unknown> } | null) => void;
}


/** How the chosen online base map is doing; 'failed' has already switched back to the embedded map. */
export type BaseMapStatus = { state: 'idle' } | { state: 'loading'; kind: BaseMapSource['kind'] } | { state: 'ready'; kind: BaseMapSource['kind'] };

// Read while the store is created, so they are declared above it.
const TIANDITU_KEY_STORAGE = 'jjj-atlas:tianditu-key';
function readTiandituKey(): string {
  try {
    return globalThis.localStorage?.getItem(TIANDITU_KEY_STORAGE) ?? '';
  } catch {
    return ''; // storage blocked (private mode, sandboxed frame)
  }
}
function writeTiandituKey(key: string): void {
  try {
    if (key) globalThis.localStorage?.setItem(TIANDITU_KEY_STORAGE, key);
    else globalThis.localStorage?.removeItem(TIANDITU_KEY_STORAGE);
  } catch {
    // storage blocked: the key lasts for this page only
  }
}

const TILE_LAYERS_STORAGE = 'jjj-atlas:tile-layers';
function readTileLayers(): TileLayer[] {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(TILE_LAYERS_STORAGE) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((l): l is TileLayer => typeof l === 'object' && l !== null && typeof l.id === 'string' && typeof l.url === 'string' && typeof l.kind === 'string' && Array.isArray(l.sourceLayers))
      .map((l) => ({ ...l, status: 'loading' as const }));
  } catch {
    return []; // storage blocked or a broken entry: start without
  }
}
/** Store the https ones (a local file cannot be reopened after a reload); returns the list. */
function writeTileLayers(layers: TileLayer[]): TileLayer[] {
  try {
    globalThis.localStorage?.setItem(TILE_LAYERS_STORAGE, JSON.stringify(layers.filter((l) => !l.url.startsWith('file:'))));
  } catch {
    // storage blocked: the layers last for this page only
  }
  return layers;
}

let noticeSeq = 0;
let flySeq = 0;

export const useAppStore = create<AppState>((set) => ({
  lang: browserLanguage(),
  basemap: { ...DEFAULT_BASEMAP },
  filters: { ...DEFAULT_FILTERS },
  selected: null,
  hover: null,
  view: null,
  mapStatus: { state: 'loading' },
  baseMapDrawn: false,
  storyLinkParam: null,
  data: { state: 'loading' },
  notices: [],
  sidebarOpen: typeof window === 'undefined' || window.innerWidth >= 760,
  sidebarTab: 'layers',
  listSort: 'group',
  flyRequest: null,

  setLang: (lang) => set({ lang }),
  setBasemapLayer: (layer, on) => set((s) => ({ basemap: { ...s.basemap, [layer]: on } })),
  setFilters: (update) => set((s) => ({ filters: { ...s.filters, ...update } })),
  resetFilters: () => set({ filters: { ...DEFAULT_FILTERS } }),
  select: (id, opts) =>
    set(() => ({ selected: id, ...(id && opts?.fly ? { flyRequest: { id, seq: ++flySeq } } : {}) })),
  setHover: (hover) => set({ hover }),
  setView: (view) => set({ view }),
  flyToBbox: (bbox) => set({ flyRequest: { bbox, seq: ++flySeq } }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
  setData: (data) => set({ data }),
  notify: (kind, text) => set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: ++noticeSeq, kind, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setSidebarOpen: (sidebarOpen) => set({ sidebarOpen }),
  setSidebarTab: (sidebarTab) => set({ sidebarTab, sidebarOpen: true }),
  setListSort: (listSort) => set({ listSort }),
  applyUrlState: (u) =>
    set(() => ({ view: u.view, filters: u.filters, basemap: u.basemap, selected: u.selected, lang: u.lang, drawnAreas: u.areas ?? [], baseMapSource: u.source ?? EMBEDDED_BASEMAP })),

  regionLevel: 'auto',
  regionSelection: [],
  choropleth: null,
  drawnAreas: [],
  drawTool: null,
  circleRadiusKm: 50,
  measureKm: null,
  setMeasureKm: (measureKm) => set({ measureKm }),
  setRegionLevel: (regionLevel) => set({ regionLevel }),
  toggleRegion: (code, add) =>
    set((s) => {
      if (!add) return { regionSelection: s.regionSelection.length === 1 && s.regionSelection[0] === code ? [] : [code] };
      return { regionSelection: s.regionSelection.includes(code) ? s.regionSelection.filter((c) => c !== code) : [...s.regionSelection, code] };
    }),
  setRegionSelection: (regionSelection) => set({ regionSelection }),
  setChoropleth: (choropleth) => set({ choropleth }),
  addDrawnArea: (area) => set((s) => ({ drawnAreas: [...s.drawnAreas, area] })),
  renameDrawnArea: (id, name) => set((s) => ({ drawnAreas: s.drawnAreas.map((a) => (a.id === id ? { ...a, name } : a)) })),
  removeDrawnArea: (id) => set((s) => ({ drawnAreas: s.drawnAreas.filter((a) => a.id !== id) })),
  setDrawTool: (drawTool) => set({ drawTool, measureKm: null }),
  setCircleRadiusKm: (circleRadiusKm) => set({ circleRadiusKm }),

  story: null,
  chapterIndex: 0,
  presenting: false,
  autoplaySec: null,
  timelineMonth: null,
  theme: 'light',
  setStory: (story) => set((s) => ({ story, chapterIndex: story ? Math.min(s.chapterIndex, story.chapters.length - 1) : 0 })),
  goToChapter: (index) =>
    set((s) => {
      const n = s.story?.chapters.length ?? 0;
      if (n === 0) return {};
      return { chapterIndex: Math.max(0, Math.min(n - 1, index)) };
    }),
  setPresenting: (presenting) => set({ presenting, ...(presenting ? {} : { autoplaySec: null }) }),
  setAutoplaySec: (autoplaySec) => set({ autoplaySec }),
  setTimelineMonth: (timelineMonth) => set({ timelineMonth }),
  setTheme: (theme) => set({ theme }),

  userLayers: [],
  userHover: null,
  importStatus: { state: 'idle' },
  addUserLayer: (layer) => set((s) => ({ userLayers: [...s.userLayers, layer] })),
  removeUserLayer: (id) =>
    set((s) => ({
      userLayers: s.userLayers.filter((l) => l.id !== id),
      userHover: s.userHover?.layerId === id ? null : s.userHover,
      userSelected: s.userSelected?.layerId === id ? null : s.userSelected,
    })),
  toggleUserLayer: (id, visible) => set((s) => ({ userLayers: s.userLayers.map((l) => (l.id === id ? { ...l, visible } : l)), userHover: null })),
  renameUserLayer: (id, name) => set((s) => ({ userLayers: s.userLayers.map((l) => (l.id === id ? { ...l, name } : l)) })),
  recolorUserLayer: (id, color) => set((s) => ({ userLayers: s.userLayers.map((l) => (l.id === id ? { ...l, color } : l)) })),
  restyleUserLayer: (id, style) =>
    set((s) => ({
      userLayers: s.userLayers.map((l) => {
        if (l.id !== id) return l;
        const { hiddenClasses: _cleared, ...rest } = l; // dropped: the classes change with the style
        return { ...rest, style };
      }),
    })),
  toggleUserLayerClass: (id, key) =>
    set((s) => ({
      userLayers: s.userLayers.map((l) => {
        if (l.id !== id) return l;
        const hidden = new Set(l.hiddenClasses ?? []);
        if (key === null) hidden.clear();
        else if (hidden.has(key)) hidden.delete(key);
        else hidden.add(key);
        return { ...l, hiddenClasses: [...hidden] };
      }),
    })),
  userSelected: null,
  selectUserFeature: (sel, opts) =>
    set((s) => {
      if (!sel) return { userSelected: null };
      const f = s.userLayers.find((l) => l.id === sel.layerId)?.features[sel.index];
      const bbox = f ? featureBbox(f.geometry) : null;
      return { userSelected: sel, ...(opts?.fly && bbox ? { flyRequest: { bbox, seq: ++flySeq } } : {}) };
    }),
  restoreUserLayers: (layers) =>
    set((s) => {
      const have = new Set(s.userLayers.map((l) => l.id));
      return { userLayers: [...layers.filter((l) => !have.has(l.id)), ...s.userLayers] };
    }),
  setUserHover: (userHover) => set({ userHover }),
  setImportStatus: (importStatus) => set({ importStatus }),

  baseMapSource: EMBEDDED_BASEMAP,
  tiandituKey: readTiandituKey(),
  baseMapStatus: { state: 'idle' },
  setBaseMapSource: (baseMapSource) => set({ baseMapSource }),
  setTiandituKey: (tiandituKey) => {
    writeTiandituKey(tiandituKey);
    set({ tiandituKey });
  },
  setBaseMapStatus: (baseMapStatus) => set({ baseMapStatus }),

  tileLayers: readTileLayers(),
  addTileLayer: (layer) => set((s) => ({ tileLayers: writeTileLayers([...s.tileLayers.filter((l) => l.id !== layer.id), layer]) })),
  updateTileLayer: (id, update) => set((s) => ({ tileLayers: writeTileLayers(s.tileLayers.map((l) => (l.id === id ? { ...l, ...update } : l))) })),
  removeTileLayer: (id) => set((s) => ({ tileLayers: writeTileLayers(s.tileLayers.filter((l) => l.id !== id)), tileFeature: s.tileFeature?.layerId === id ? null : s.tileFeature })),
  tileFeature: null,
  setTileFeature: (tileFeature) => set({ tileFeature }),
}));

/** The URL-relevant slice of the state. */
export function urlStateOf(s: AppState): UrlState {
  return { view: s.view, filters: s.filters, basemap: s.basemap, selected: s.selected, lang: s.lang, areas: s.drawnAreas, source: s.baseMapSource };
}
