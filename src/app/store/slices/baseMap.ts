/** The base map: its source (the embedded map by default; online ones are opt-in), its layer switches and status. */
import type { StateCreator } from 'zustand';
import { DEFAULT_BASEMAP, EMBEDDED_BASEMAP, type BaseMapSource, type BasemapLayers } from '../../../model/state';
import { readTiandituKey, writeTiandituKey } from '../../storage/local';
import type { BaseMapStatus } from '../types';

export interface BaseMapSlice {
  basemap: BasemapLayers;
  baseMapSource: BaseMapSource;
  /** The person's Tianditu key (kept in localStorage, never in a link). */
  tiandituKey: string;
  baseMapStatus: BaseMapStatus;
  /** An online base map a link asked for, waiting for the person's consent (nothing loaded yet). */
  pendingBaseMap: BaseMapSource | null;
  setPendingBaseMap: (source: BaseMapSource | null) => void;
  setBasemapLayer: (layer: keyof BasemapLayers, on: boolean) => void;
  setBaseMapSource: (source: BaseMapSource) => void;
  setTiandituKey: (key: string) => void;
  setBaseMapStatus: (status: BaseMapStatus) => void;
}

export const baseMapSlice: StateCreator<BaseMapSlice> = (set) => ({
  basemap: { ...DEFAULT_BASEMAP },
  baseMapSource: EMBEDDED_BASEMAP,
  tiandituKey: readTiandituKey(),
  baseMapStatus: { state: 'idle' },
  pendingBaseMap: null,
  setPendingBaseMap: (pendingBaseMap) => set({ pendingBaseMap }),
  setBasemapLayer: (layer, on) => set((s) => ({ basemap: { ...s.basemap, [layer]: on } })),
  setBaseMapSource: (baseMapSource) => set({ baseMapSource }),
  setTiandituKey: (tiandituKey) => {
    writeTiandituKey(tiandituKey);
    set({ tiandituKey });
  },
  setBaseMapStatus: (baseMapStatus) => set({ baseMapStatus }),
});
