/** Tile layers: PMTiles / TileJSON / {z}/{x}/{y} sources drawn by MapLibre; the URL ones are kept in localStorage. */
import type { StateCreator } from 'zustand';
import type { TileLayer } from '../../../model/tileLayer';
import { readTileLayers, writeTileLayers } from '../../storage/local';

export interface TileLayersSlice {
  tileLayers: TileLayer[];
  /** A tile-layer feature clicked on the map: its properties are shown. */
  tileFeature: { layerId: string; properties: Record<string, unknown> } | null;
  addTileLayer: (layer: TileLayer) => void;
  updateTileLayer: (id: string, update: Partial<Pick<TileLayer, 'visible' | 'color' | 'name' | 'status' | 'tileJson'>>) => void;
  removeTileLayer: (id: string) => void;
  setTileFeature: (picked: { layerId: string; properties: Record<string, unknown> } | null) => void;
}

export const tileLayersSlice: StateCreator<TileLayersSlice> = (set) => ({
  tileLayers: readTileLayers(),
  tileFeature: null,
  addTileLayer: (layer) => set((s) => ({ tileLayers: writeTileLayers([...s.tileLayers.filter((l) => l.id !== layer.id), layer]) })),
  updateTileLayer: (id, update) => set((s) => ({ tileLayers: writeTileLayers(s.tileLayers.map((l) => (l.id === id ? { ...l, ...update } : l))) })),
  removeTileLayer: (id) => set((s) => ({ tileLayers: writeTileLayers(s.tileLayers.filter((l) => l.id !== id)), tileFeature: s.tileFeature?.layerId === id ? null : s.tileFeature })),
  setTileFeature: (tileFeature) => set({ tileFeature }),
});
