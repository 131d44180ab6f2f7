/**
 * The one app store. Issue 4 extends it with filters and selection and mirrors it to the URL;
 * for now it holds the UI language and the base-map layer switches.
 */
import { create } from 'zustand';
import type { Language } from '../i18n/resources';
import { browserLanguage } from '../i18n';

export interface BasemapLayers {
  counties: boolean;
  labels: boolean;
  rivers: boolean;
}

export type MapStatus = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; kind: 'no-webgl' | 'error'; reason: string };

export interface AppState {
  lang: Language;
  basemap: BasemapLayers;
  mapStatus: MapStatus;
  setLang: (lang: Language) => void;
  setBasemapLayer: (layer: keyof BasemapLayers, on: boolean) => void;
  setMapStatus: (status: MapStatus) => void;
}

export const useAppStore = create<AppState>((set) => ({
  lang: browserLanguage(),
  basemap: { counties: true, labels: true, rivers: true },
  mapStatus: { state: 'loading' },
  setLang: (lang) => set({ lang }),
  setBasemapLayer: (layer, on) => set((s) => ({ basemap: { ...s.basemap, [layer]: on } })),
  setMapStatus: (mapStatus) => set({ mapStatus }),
}));
