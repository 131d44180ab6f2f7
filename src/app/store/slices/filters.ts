/** What the person filters, selects and hovers among the plan's items. */
import type { StateCreator } from 'zustand';
import { DEFAULT_FILTERS, type Filters, type ListSort } from '../../../model/state';
import type { Hover } from '../types';
import { nextFlySeq, type ViewSlice } from './view';

export interface FiltersSlice {
  filters: Filters;
  selected: string | null;
  hover: Hover | null;
  listSort: ListSort;
  setFilters: (update: Partial<Filters>) => void;
  resetFilters: () => void;
  select: (id: string | null, opts?: { fly?: boolean }) => void;
  setHover: (hover: Hover | null) => void;
  setListSort: (sort: ListSort) => void;
}

export const filtersSlice: StateCreator<FiltersSlice & ViewSlice, [], [], FiltersSlice> = (set) => ({
  filters: { ...DEFAULT_FILTERS },
  selected: null,
  hover: null,
  listSort: 'group',
  setFilters: (update) => set((s) => ({ filters: { ...s.filters, ...update } })),
  resetFilters: () => set({ filters: { ...DEFAULT_FILTERS } }),
  select: (id, opts) => set(() => ({ selected: id, ...(id && opts?.fly ? { flyRequest: { id, seq: nextFlySeq() } } : {}) })),
  setHover: (hover) => set({ hover }),
  setListSort: (listSort) => set({ listSort }),
});
