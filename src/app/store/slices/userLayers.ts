/** The person's own layers: the list, their styles and legend filters, hover, selection and the import in progress. */
import type { StateCreator } from 'zustand';
import { geometryBbox } from '../../../geo/bbox';
import type { UserLayerStyle } from '../../../model/userLayerStyle';
import type { UserLayer, UserSelection } from '../../../model/userLayer';
import type { ImportStatus, UserHover } from '../types';
import { nextFlySeq, type ViewSlice } from './view';

export interface UserLayersSlice {
  userLayers: UserLayer[];
  userHover: UserHover | null;
  importStatus: ImportStatus;
  userSelected: UserSelection | null;
  addUserLayer: (layer: UserLayer) => void;
  removeUserLayer: (id: string) => void;
  toggleUserLayer: (id: string, visible: boolean) => void;
  renameUserLayer: (id: string, name: string) => void;
  recolorUserLayer: (id: string, color: string) => void;
  restyleUserLayer: (id: string, style: UserLayerStyle) => void;
  /** Switch a legend class of a user layer off or on; `null` switches every class on. */
  toggleUserLayerClass: (id: string, key: string | null) => void;
  /** Select a user-layer feature (null: none); with fly, the map moves to it. */
  selectUserFeature: (sel: UserSelection | null, opts?: { fly?: boolean }) => void;
  /** Layers restored from IndexedDB (added before any imported in this session). */
  restoreUserLayers: (layers: UserLayer[]) => void;
  /** A layer as another tab stored it: replaces this tab's copy, or joins the list in import order. */
  syncUserLayer: (layer: UserLayer) => void;
  setUserHover: (hover: UserHover | null) => void;
  setImportStatus: (status: ImportStatus) => void;
}

const updateLayer = (layers: UserLayer[], id: string, f: (l: UserLayer) => UserLayer) => layers.map((l) => (l.id === id ? f(l) : l));

export const userLayersSlice: StateCreator<UserLayersSlice & ViewSlice, [], [], UserLayersSlice> = (set) => ({
  userLayers: [],
  userHover: null,
  importStatus: { state: 'idle' },
  userSelected: null,
  addUserLayer: (layer) => set((s) => ({ userLayers: [...s.userLayers, layer] })),
  removeUserLayer: (id) =>
    set((s) => ({
      userLayers: s.userLayers.filter((l) => l.id !== id),
      userHover: s.userHover?.layerId === id ? null : s.userHover,
      userSelected: s.userSelected?.layerId === id ? null : s.userSelected,
    })),
  toggleUserLayer: (id, visible) => set((s) => ({ userLayers: updateLayer(s.userLayers, id, (l) => ({ ...l, visible })), userHover: null })),
  renameUserLayer: (id, name) => set((s) => ({ userLayers: updateLayer(s.userLayers, id, (l) => ({ ...l, name })) })),
  recolorUserLayer: (id, color) => set((s) => ({ userLayers: updateLayer(s.userLayers, id, (l) => ({ ...l, color })) })),
  restyleUserLayer: (id, style) =>
    set((s) => ({
      userLayers: updateLayer(s.userLayers, id, (l) => {
        const { hiddenClasses: _cleared, ...rest } = l; // dropped: the classes change with the style
        return { ...rest, style };
      }),
    })),
  toggleUserLayerClass: (id, key) =>
    set((s) => ({
      userLayers: updateLayer(s.userLayers, id, (l) => {
        const hidden = new Set(l.hiddenClasses ?? []);
        if (key === null) hidden.clear();
        else if (hidden.has(key)) hidden.delete(key);
        else hidden.add(key);
        return { ...l, hiddenClasses: [...hidden] };
      }),
    })),
  selectUserFeature: (sel, opts) =>
    set((s) => {
      if (!sel) return { userSelected: null };
      const f = s.userLayers.find((l) => l.id === sel.layerId)?.features[sel.index];
      const bbox = f ? geometryBbox(f.geometry) : null;
      return { userSelected: sel, ...(opts?.fly && bbox ? { flyRequest: { bbox, seq: nextFlySeq() } } : {}) };
    }),
  restoreUserLayers: (layers) =>
    set((s) => {
      const have = new Set(s.userLayers.map((l) => l.id));
      return { userLayers: [...layers.filter((l) => !have.has(l.id)), ...s.userLayers] };
    }),
  syncUserLayer: (layer) =>
    set((s) => {
      const was = s.userLayers.find((l) => l.id === layer.id);
      if (!was) return { userLayers: [...s.userLayers, layer].sort((x, y) => x.addedAt - y.addedAt) };
      // other features: a hover or selection by index would point at another feature
      const same = was.features === layer.features;
      return {
        userLayers: updateLayer(s.userLayers, layer.id, () => layer),
        userHover: same || s.userHover?.layerId !== layer.id ? s.userHover : null,
        userSelected: same || s.userSelected?.layerId !== layer.id ? s.userSelected : null,
      };
    }),
  setUserHover: (userHover) => set({ userHover }),
  setImportStatus: (importStatus) => set({ importStatus }),
});
