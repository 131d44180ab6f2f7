/** Regional analysis: the regions opened and compared, the choropleth, drawn areas and the drawing tools. */
import type { StateCreator } from 'zustand';
import { choroplethLevelFor, type ChoroplethSettings, type RegionLevel, type RegionLevelChoice } from '../../../model/analysis';
import type { DrawnArea } from '../../../model/drawnArea';

export type DrawToolChoice = 'polygon' | 'rectangle' | 'circle' | 'measure' | null;

export interface RegionsSlice {
  regionLevel: RegionLevelChoice;
  /** Regions open in the region panel; two or more are compared side by side. */
  regionSelection: string[];
  choropleth: ChoroplethSettings | null;
  drawnAreas: DrawnArea[];
  /** The drawing tool that is active, if any. */
  drawTool: DrawToolChoice;
  /**
   * The tool that takes clicks now: the polygon, rectangle and measure tools load their editor on
   * first use, and a click before it is there is lost, so the button says it is not ready yet.
   */
  drawToolReady: DrawToolChoice;
  setDrawToolReady: (tool: DrawToolChoice) => void;
  circleRadiusKm: number;
  /** The measured path's length (km) while the measure tool is on. */
  measureKm: number | null;
  /** The measured path (WGS-84), kept so that the link carries it; null when nothing is measured. */
  measurePath: [number, number][] | null;
  setMeasureKm: (km: number | null) => void;
  setMeasurePath: (path: [number, number][] | null) => void;
  setRegionLevel: (level: RegionLevelChoice) => void;
  toggleRegion: (code: string, add: boolean) => void;
  setRegionSelection: (codes: string[]) => void;
  setChoropleth: (c: ChoroplethSettings | null) => void;
  addDrawnArea: (area: DrawnArea) => void;
  renameDrawnArea: (id: string, name: string) => void;
  removeDrawnArea: (id: string) => void;
  setDrawTool: (tool: DrawToolChoice) => void;
  setCircleRadiusKm: (km: number) => void;
  /** The region under the pointer at the level a click selects (or the choropleth's), and where the pointer is. */
  regionHover: { level: RegionLevel; code: string; x: number; y: number } | null;
  setRegionHover: (hover: { level: RegionLevel; code: string; x: number; y: number } | null) => void;
}

export const regionsSlice: StateCreator<RegionsSlice> = (set) => ({
  regionLevel: 'auto',
  regionSelection: [],
  choropleth: null,
  drawnAreas: [],
  drawTool: null,
  drawToolReady: null,
  setDrawToolReady: (drawToolReady) => set({ drawToolReady }),
  circleRadiusKm: 50,
  measureKm: null,
  measurePath: null,
  setMeasureKm: (measureKm) => set({ measureKm }),
  setMeasurePath: (measurePath) => set({ measurePath }),
  // the choropleth follows the chosen level at once
  setRegionLevel: (regionLevel) => set((s) => ({ regionLevel, choropleth: s.choropleth ? { ...s.choropleth, level: choroplethLevelFor(regionLevel) } : null })),
  // a click opens one region (or closes it when it is the only one); Shift-click adds or removes
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
  // the circle is a plain click: ready at once; the editor tools once their editor says so
  setDrawTool: (drawTool) => set({ drawTool, drawToolReady: drawTool === 'circle' ? 'circle' : null, measureKm: null, measurePath: null }),
  setCircleRadiusKm: (circleRadiusKm) => set({ circleRadiusKm }),
  regionHover: null,
  setRegionHover: (regionHover) => set({ regionHover }),
});
