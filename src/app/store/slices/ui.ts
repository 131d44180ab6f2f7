/** The page around the map: language, theme, the plan data's loading, notices and the side panel. */
import type { StateCreator } from 'zustand';
import { browserLanguage, type Language } from '../../../i18n/language';
import type { DataStatus, Notice, SidebarTab } from '../types';

export interface UiSlice {
  lang: Language;
  theme: 'light' | 'dark';
  data: DataStatus;
  notices: Notice[];
  sidebarOpen: boolean;
  sidebarTab: SidebarTab;
  setLang: (lang: Language) => void;
  setTheme: (theme: 'light' | 'dark') => void;
  setData: (data: DataStatus) => void;
  /** Show a notice; the same text again replaces the earlier one. */
  notify: (kind: Notice['kind'], text: string, detail?: string) => void;
  dismissNotice: (id: number) => void;
  setSidebarOpen: (open: boolean) => void;
  /** Open a tab (and the panel, if it was closed). */
  setSidebarTab: (tab: SidebarTab) => void;
}

let noticeSeq = 0;

export const uiSlice: StateCreator<UiSlice> = (set) => ({
  lang: browserLanguage(),
  theme: 'light',
  data: { state: 'loading' },
  notices: [],
  // the panel starts closed on a phone, where it would cover the map
  sidebarOpen: typeof window === 'undefined' || window.innerWidth >= 760,
  sidebarTab: 'layers',
  setLang: (lang) => set({ lang }),
  setTheme: (theme) => set({ theme }),
  setData: (data) => set({ data }),
  notify: (kind, text, detail) => set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: ++noticeSeq, kind, text, ...(detail ? { detail } : {}) }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setSidebarOpen: (sidebarOpen) => set({ sidebarOpen }),
  setSidebarTab: (sidebarTab) => set({ sidebarTab, sidebarOpen: true }),
});
