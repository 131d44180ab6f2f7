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
    a[0](() => ({ view: u.view, filters: u.filters, basemap: u.basemap, selected: u.selected, lang: u.lang, drawnAreas: u.areas ?? [], baseMapSource: u.source ?? EMBEDDED_BASEMAP })),
}));

/** The URL-relevant part of the state. */
export function urlStateOf(s: AppState): UrlState {
  return { view: s.view, filters: s.filters, basemap: s.basemap, selected: s.selected, lang: s.lang, areas: s.drawnAreas, source: s.baseMapSource };
}
