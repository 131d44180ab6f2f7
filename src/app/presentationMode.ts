/**
 * Presenting is a mode, not a mutation: a chapter shown (in presentation mode, or previewed from
 * the story editor) sets layers, filters, the selection and the camera, and the explorer's own
 * state comes back exactly when the mode is left. The snapshot is taken before the first chapter
 * is applied and restored once, on leaving.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useAppStore } from './store';
import type { Filters } from '../model/state';
import type { SidebarTab } from './store/types';

export interface ExplorerSnapshot {
  filters: Filters;
  selected: string | null;
  regionSelection: string[];
  sidebarTab: SidebarTab;
  sidebarOpen: boolean;
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
}

export function takeSnapshot(map: MaplibreMap): ExplorerSnapshot {
  const s = useAppStore.getState();
  const c = map.getCenter();
  return {
    filters: s.filters,
    selected: s.selected,
    regionSelection: s.regionSelection,
    sidebarTab: s.sidebarTab,
    sidebarOpen: s.sidebarOpen,
    camera: { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() },
  };
}

/**
 * Put the explorer back as it was. `keepTab`: the person has just chosen another tab (leaving a
 * preview that way), which stays open.
 */
export function restoreSnapshot(map: MaplibreMap, snap: ExplorerSnapshot, keepTab = false): void {
  const st = useAppStore.getState();
  st.setFilters(snap.filters);
  st.setRegionSelection(snap.regionSelection);
  st.select(snap.selected);
  if (!keepTab) useAppStore.setState({ sidebarTab: snap.sidebarTab, sidebarOpen: snap.sidebarOpen });
  // The panels come back in this same render: size the map to them before placing the camera.
  map.resize();
  map.stop();
  map.jumpTo({ center: snap.camera.center, zoom: snap.camera.zoom, bearing: snap.camera.bearing, pitch: snap.camera.pitch });
}
