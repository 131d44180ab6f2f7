/**
 * The one app store (zustand), in slices: what the person chose (language, filters, selection,
 * regions, story, layers, base map, map position) and the loaded data. Everything shown is
 * derived from it: the filtered set is computed once (../useFilteredPlan.ts) and feeds the deck
 * layers, the legend counts and the list. The URL mirrors the shareable part
 * (../useUrlSync.ts, ../../model/url.ts).
 */
import { create } from 'zustand';
import { EMBEDDED_BASEMAP, type UrlState } from '../../model/state';
import { viewSlice, type ViewSlice } from './slices/view';
import { filtersSlice, type FiltersSlice } from './slices/filters';
import { regionsSlice, type RegionsSlice } from './slices/regions';
import { storySlice, type StorySlice } from './slices/story';
import { userLayersSlice, type UserLayersSlice } from './slices/userLayers';
import { baseMapSlice, type BaseMapSlice } from './slices/baseMap';
import { tileLayersSlice, type TileLayersSlice } from './slices/tileLayers';
import { uiSlice, type UiSlice } from './slices/ui';

export type * from './types';
import type { SidebarTab } from './types';

export interface AppState extends ViewSlice, FiltersSlice, RegionsSlice, StorySlice, UserLayersSlice, BaseMapSlice, TileLayersSlice, UiSlice {
  /** Take the state a link describes (it spans several slices). */
  applyUrlState: (s: UrlState) => void;
}

export const useAppStore = create<AppState>()((...a) => ({
  ...viewSlice(...a),
  ...filtersSlice(...a),
  ...regionsSlice(...a),
  ...storySlice(...a),
  ...userLayersSlice(...a),
  ...baseMapSlice(...a),
  ...tileLayersSlice(...a),
  ...uiSlice(...a),
  applyUrlState: (u) =>
    a[0]((s) => ({
      view: u.view,
      filters: u.filters,
      basemap: u.basemap,
      selected: u.selected,
      lang: u.lang,
      drawnAreas: u.areas ?? [],
      baseMapSource: u.source ?? EMBEDDED_BASEMAP,
      regionSelection: u.regionSelection ?? [],
      regionLevel: u.regionLevel ?? 'auto',
      choropleth: u.choropleth ?? null,
      ...linkPanel(u, s.sidebarOpen),
      timelineMonth: u.timelineMonth ?? null,
      // the chapter is applied (and clamped) by the presentation once the story has loaded
      ...(u.chapter !== undefined ? { chapterIndex: u.chapter, presenting: true } : s.presenting ? { presenting: false } : {}),
      // the measure tool shows a measured path from a link (useMapController draws it)
      ...(u.measure ? { drawTool: 'measure' as const, measurePath: u.measure, measureKm: null } : s.measurePath ? { measurePath: null, measureKm: null } : {}),
    })),
}));

/**
 * The side panel a link asks for: its tab, open when the link names one or says so; else as the
 * device has it. Needs no data, so the page opens on it (../main.tsx), not on the layers tab first.
 */
export function linkPanel(u: Pick<UrlState, 'tab' | 'panelOpen'>, open: boolean): { sidebarTab: SidebarTab; sidebarOpen: boolean } {
  return { sidebarTab: u.tab ?? 'layers', sidebarOpen: u.panelOpen ?? (u.tab !== undefined ? true : open) };
}

/** The URL-relevant part of the state. */
export function urlStateOf(s: AppState): UrlState {
  return {
    view: s.view,
    filters: s.filters,
    basemap: s.basemap,
    selected: s.selected,
    lang: s.lang,
    areas: s.drawnAreas,
    source: s.baseMapSource,
    regionSelection: s.regionSelection,
    regionLevel: s.regionLevel,
    ...(s.choropleth ? { choropleth: s.choropleth } : {}),
    tab: s.sidebarTab,
    panelOpen: s.sidebarOpen,
    ...(s.timelineMonth !== null ? { timelineMonth: s.timelineMonth } : {}),
    ...(s.presenting ? { chapter: s.chapterIndex } : {}),
    ...(s.measurePath && s.drawTool === 'measure' ? { measure: s.measurePath } : {}),
  };
}

/** Whether a change of the store changes what the link says (see urlStateOf). */
export function urlStateChanged(s: AppState, prev: AppState): boolean {
  return (
    s.view !== prev.view ||
    s.filters !== prev.filters ||
    s.basemap !== prev.basemap ||
    s.selected !== prev.selected ||
    s.lang !== prev.lang ||
    s.drawnAreas !== prev.drawnAreas ||
    s.baseMapSource !== prev.baseMapSource ||
    s.regionSelection !== prev.regionSelection ||
    s.regionLevel !== prev.regionLevel ||
    s.choropleth !== prev.choropleth ||
    s.sidebarTab !== prev.sidebarTab ||
    s.sidebarOpen !== prev.sidebarOpen ||
    s.timelineMonth !== prev.timelineMonth ||
    s.presenting !== prev.presenting ||
    s.chapterIndex !== prev.chapterIndex ||
    s.measurePath !== prev.measurePath ||
    s.drawTool !== prev.drawTool
  );
}
