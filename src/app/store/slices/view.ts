/** The map's position and state, and requests to move it. */
import type { StateCreator } from 'zustand';
import type { MapView } from '../../../model/state';
import type { MapStatus } from '../types';

export type FlyRequest = { id: string; seq: number } | { bbox: [number, number, number, number]; seq: number } | { view: MapView; seq: number };

export interface ViewSlice {
  view: MapView | null;
  mapStatus: MapStatus;
  /** The base map has drawn its first complete frame (or will never: the map failed). */
  baseMapDrawn: boolean;
  /** Bumped to ask the map to move to the selection (search, list, "zoom to"). */
  flyRequest: FlyRequest | null;
  setView: (view: MapView) => void;
  flyToBbox: (bbox: [number, number, number, number]) => void;
  /** Put the camera where a link opened in the running page says (no flight: the link names a view, not a route). */
  jumpToView: (view: MapView) => void;
  setMapStatus: (status: MapStatus) => void;
}

let flySeq = 0;
/** A new request number: the same place asked for twice still moves the map. */
export function nextFlySeq(): number {
  return ++flySeq;
}

export const viewSlice: StateCreator<ViewSlice> = (set) => ({
  view: null,
  mapStatus: { state: 'loading' },
  baseMapDrawn: false,
  flyRequest: null,
  setView: (view) => set({ view }),
  flyToBbox: (bbox) => set({ flyRequest: { bbox, seq: nextFlySeq() } }),
  jumpToView: (view) => set({ flyRequest: { view, seq: nextFlySeq() } }),
  setMapStatus: (mapStatus) => set({ mapStatus }),
});
