/**
 * The filter logic (pure, no DOM): which plan items pass the filters, the counts per
 * layer and group ("shown / described / declared"), the milestone-month histogram for the
 * timeline, and the active-filter chips.
 * Why one long file: the search index, the compiled filters and the counts share one pass over
 * the items; they are the one place that decides what "shown" means.
 *
 * Usage: build a SearchIndex once per dataset (`buildSearchIndex`), then call
 * `filterPlan(items, filters, ctx, index)` on every filter change; it is one linear pass over
 * precomputed per-item values (100,000 items take a few milliseconds).
 *
 * Rules (all must hold for an item to pass):
 * - its layer (`layerKeyOf`) is in `filters.layers`;
 * - `filterKindOf(kind)` is in `filters.kinds`;
 * - `filters.regions` is empty, or the item's `regions` share a code with it (the item's list
 *   already contains its province, prefecture and county codes, so no prefix logic);
 * - `filters.months` is null, or one of the item's milestones is dated in PLAN_YEAR in a month
 *   within [from, to] inclusive (items without such milestones fail while a range is set);
 * - `filters.text` is blank, or every whitespace-separated term (NFKC-normalised, lower-cased)
 *   occurs in name_zh, name_en, summary_en, a quote, or the zh/en name of one of its regions.
 */
import type { GroupId, PlanItem, PlanMeta } from '../data/plan/schema';
import {
  DEFAULT_FILTERS,
  FILTER_KINDS,
  PLAN_LAYER_KEYS,
  filterKindOf,
  type FilterKind,
  type Filters,
  type PlanLayerKey,
} from './state';

/** The year of the plan; the month filter and the histogram only look at milestones dated in it. */
export const PLAN_YEAR = 2019;

export interface RegionName {
  zh: string;
  en: string;
}

export interface FilterContext {
  /** Names of regions by six-digit code, used by the text search. */
  regionNames: ReadonlyMap<string, RegionName>;
}

/** The map layer an item belongs to. Throws for a group-3 item without a theme (a data error). */
export function layerKeyOf(item: PlanItem): PlanLayerKey {
  const p = item.properties;
  if (p.group === 3) {
    if (p.theme === undefined) throw new Error(`plan item ${p.id}: group 3 item without a theme`);
    return `g3-${p.theme}`;
  }
  return `g${p.group}`;
}

/** The task group a layer belongs to. */
export function groupOfLayer(key: PlanLayerKey): GroupId {
  return Number(key.charAt(1)) as GroupId;
}

/** The month (1–12) of a 'YYYY-MM-DD' date if it lies in PLAN_YEAR, otherwise null. */
export function milestoneMonthOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (m === null || Number(m[1]) !== PLAN_YEAR) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? month : null;
}

/** The normal form both the search text and the query are put in: NFKC, then lower case. */
export function normalizeSearchText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The terms of a query: trimmed, normalised, split on whitespace. A blank query has no terms. */
export function parseSearchTerms(text: string): string[] {
  return normalizeSearchText(text)
    .split(/\s+/u)
    .filter((t) => t !== '');
}

/** The normalised text an item is searched in (fields joined by newlines, so no term spans two). */
export function searchTextOf(item: PlanItem, ctx: FilterContext): string {
  const p = item.properties;
  const parts: string[] = [p.name_zh, p.name_en, p.summary_en, ...p.quotes];
  for (const code of p.regions) {
    const name = ctx.regionNames.get(code);
    if (name !== undefined) parts.push(name.zh, name.en);
  }
  return normalizeSearchText(parts.join('\n'));
}

/** Per-item values precomputed once per dataset; parallel to `items`. */
export interface SearchIndex {
  readonly items: readonly PlanItem[];
  /** properties.id per item. */
  readonly ids: readonly string[];
  /** 1 for a described task (no `parent`), 0 for a part of one. */
  readonly task: Uint8Array;
  /** Normalised search text per item (see searchTextOf). */
  readonly text: readonly string[];
  /** Index into PLAN_LAYER_KEYS. */
  readonly layer: Uint8Array;
  /** Index into FILTER_KINDS. */
  readonly kind: Uint8Array;
  /** Bit (m − 1) is set if the item has a milestone in month m of PLAN_YEAR. */
  readonly monthMask: Uint16Array;
  readonly regions: readonly (readonly string[])[];
}

const LAYER_INDEX = new Map<PlanLayerKey, number>(PLAN_LAYER_KEYS.map((k, i) => [k, i]));
const KIND_INDEX = new Map<FilterKind, number>(FILTER_KINDS.map((k, i) => [k, i]));

// A milestone dated to the year only ("2019") has no month: it matches no month filter.
function itemMonthMask(item: PlanItem): number {
  let mask = 0;
  for (const m of item.properties.milestones) {
    const month = m.date_precision === 'year' ? null : milestoneMonthOf(m.date);
    if (month !== null) mask |= 1 << (month - 1);
  }
  return mask;
}

export function buildSearchIndex(items: readonly PlanItem[], ctx: FilterContext): SearchIndex {
  const n = items.length;
  const ids: string[] = new Array<string>(n);
  const task = new Uint8Array(n);
  const text: string[] = new Array<string>(n);
  const layer = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const monthMask = new Uint16Array(n);
  const regions: (readonly string[])[] = new Array<readonly string[]>(n);
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    ids[i] = item.properties.id;
    task[i] = item.properties.parent === undefined ? 1 : 0;
    text[i] = searchTextOf(item, ctx);
    layer[i] = LAYER_INDEX.get(layerKeyOf(item))!;
    kind[i] = KIND_INDEX.get(filterKindOf(item.properties.kind))!;
    monthMask[i] = itemMonthMask(item);
    regions[i] = item.properties.regions;
  }
  return { items, ids, task, text, layer, kind, monthMask, regions };
}

/** Filters turned into the quick checks the loop needs. */
interface CompiledFilters {
  layerOn: boolean[]; // by PLAN_LAYER_KEYS index
  kindOn: boolean[]; // by FILTER_KINDS index
  regions: ReadonlySet<string> | null; // null = any region
  monthMask: number; // 0 = no month filter
  terms: string[];
}

function monthRangeMask(from: number, to: number): number {
  let mask = 0;
  for (let m = Math.max(1, from); m <= Math.min(12, to); m++) mask |= 1 << (m - 1);
  return mask;
}

function compileFilters(filters: Filters): CompiledFilters {
  const layers = new Set(filters.layers);
  const kinds = new Set(filters.kinds);
  let monthMask = 0;
  if (filters.months !== null) {
    // A range that selects no month (e.g. reversed) lets nothing through: use an impossible bit.
    monthMask = monthRangeMask(filters.months[0], filters.months[1]) || 1 << 12;
  }
  return {
    layerOn: PLAN_LAYER_KEYS.map((k) => layers.has(k)),
    kindOn: FILTER_KINDS.map((k) => kinds.has(k)),
    regions: filters.regions.length > 0 ? new Set(filters.regions) : null,
    monthMask,
    terms: parseSearchTerms(filters.text),
  };
}

function passesAt(index: SearchIndex, i: number, f: CompiledFilters): boolean {
  if (!f.layerOn[index.layer[i]!] || !f.kindOn[index.kind[i]!]) return false;
  if (f.monthMask !== 0 && (index.monthMask[i]! & f.monthMask) === 0) return false;
  if (f.regions !== null) {
    const codes = index.regions[i]!;
    let any = false;
    for (let j = 0; j < codes.length && !any; j++) any = f.regions.has(codes[j]!);
    if (!any) return false;
  }
  if (f.terms.length > 0) {
    const text = index.text[i]!;
    for (const term of f.terms) if (!text.includes(term)) return false;
  }
  return true;
}

/** Whether one item passes all filters (same rules as filterPlan; for many items use filterPlan). */
export function itemPasses(item: PlanItem, filters: Filters, ctx: FilterContext): boolean {
  return passesAt(buildSearchIndex([item], ctx), 0, compileFilters(filters));
}

/**
 * Counts of one layer. `shown` and `described` count the described tasks only, i.e. records
 * without `parent` (parts of a task, e.g. a phase of a zone, do not count against the declared
 * total); `shownRecords` and `records` count every record (what is drawn / listed).
 */
export interface LayerCount {
  /** Tasks of the layer that pass all filters (0 when the layer is off). */
  shown: number;
  /** All tasks of the layer in the data. */
  described: number;
  /** Records (tasks and parts) of the layer that pass all filters. */
  shownRecords: number;
  /** All records of the layer. */
  records: number;
}

export interface FilterResult {
  /** Parallel to items. */
  visible: boolean[];
  /** Ids of the visible items, in data order. */
  visibleIds: string[];
  countsByLayer: Record<PlanLayerKey, LayerCount>;
}

function emptyLayerCounts(): Record<PlanLayerKey, LayerCount> {
  const counts = {} as Record<PlanLayerKey, LayerCount>;
  for (const k of PLAN_LAYER_KEYS) counts[k] = { shown: 0, described: 0, shownRecords: 0, records: 0 };
  return counts;
}

/**
 * Applies the filters to all items. Pass the index built by buildSearchIndex for these same
 * items (the same array) to avoid rebuilding it; without it one is built for this call.
 */
export function filterPlan(
  items: readonly PlanItem[],
  filters: Filters,
  ctx: FilterContext,
  index?: SearchIndex,
): FilterResult {
  if (index !== undefined && index.items !== items) {
    throw new Error('filterPlan: the search index was built for a different items array');
  }
  const idx = index ?? buildSearchIndex(items, ctx);
  const f = compileFilters(filters);
  const n = items.length;
  const visible: boolean[] = new Array<boolean>(n);
  const visibleIds: string[] = [];
  const countsByLayer = emptyLayerCounts();
  const counts = PLAN_LAYER_KEYS.map((k) => countsByLayer[k]);
  for (let i = 0; i < n; i++) {
    const c = counts[idx.layer[i]!]!;
    const task = idx.task[i] === 1;
    c.records++;
    if (task) c.described++;
    const pass = passesAt(idx, i, f);
    visible[i] = pass;
    if (pass) {
      c.shownRecords++;
      if (task) c.shown++;
      visibleIds.push(idx.ids[i]!);
    }
  }
  return { visible, visibleIds, countsByLayer };
}

/** Items matching a search text only (ignoring the other filters), as indices in data order. */
export function searchItems(index: SearchIndex, text: string): number[] {
  const terms = parseSearchTerms(text);
  if (terms.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < index.text.length; i++) {
    const t = index.text[i]!;
    if (terms.every((term) => t.includes(term))) out.push(i);
  }
  return out;
}

export interface GroupCount {
  shown: number;
  described: number;
  /** The task count the release declares for the group (0 if unknown). */
  declared: number;
}

/** Sums the layer task counts per group (group 3 = its four themes) and adds the declared count. */
export function countsByGroup(
  countsByLayer: Readonly<Record<PlanLayerKey, LayerCount>>,
  declared: ReadonlyMap<GroupId, number>,
): Record<GroupId, GroupCount> {
  const out = {} as Record<GroupId, GroupCount>;
  for (const g of [1, 2, 3, 4, 5] as const) out[g] = { shown: 0, described: 0, declared: declared.get(g) ?? 0 };
  for (const k of PLAN_LAYER_KEYS) {
    const c = countsByLayer[k];
    const g = out[groupOfLayer(k)];
    g.shown += c.shown;
    g.described += c.described;
  }
  return out;
}

/**
 * All layers' counts summed: tasks shown and described (the layer panel's total) and records
 * shown (the list's rows: tasks and their parts). The one place those totals are added up.
 */
export function planTotals(countsByLayer: Readonly<Record<PlanLayerKey, LayerCount>>): LayerCount {
  const out: LayerCount = { shown: 0, described: 0, shownRecords: 0, records: 0 };
  for (const k of PLAN_LAYER_KEYS) {
    const c = countsByLayer[k];
    out.shown += c.shown;
    out.described += c.described;
    out.shownRecords += c.shownRecords;
    out.records += c.records;
  }
  return out;
}

/** The declared task count per group, from the plan's meta data. */
export function declaredByGroup(meta: Pick<PlanMeta, 'groups'>): Map<GroupId, number> {
  return new Map(meta.groups.map((g) => [g.id, g.declared]));
}

/** How many milestones are dated in each month of PLAN_YEAR: 12 counts, January first. */
export function milestoneMonthsHistogram(items: readonly PlanItem[]): number[] {
  const counts = new Array<number>(12).fill(0);
  for (const item of items) {
    for (const m of item.properties.milestones) {
      const month = m.date_precision === 'year' ? null : milestoneMonthOf(m.date);
      if (month !== null) counts[month - 1]!++;
    }
  }
  return counts;
}

export type FilterChipKind = 'layers' | 'kinds' | 'regions' | 'months' | 'text';

/** One active filter (differing from DEFAULT_FILTERS in effect), for the "active filters" row. */
export type FilterChip =
  | { kind: 'layers'; key: 'layers'; on: PlanLayerKey[]; off: PlanLayerKey[] }
  | { kind: 'kinds'; key: 'kinds'; on: FilterKind[]; off: FilterKind[] }
  | { kind: 'regions'; key: 'regions'; codes: string[] }
  | { kind: 'months'; key: 'months'; from: number; to: number }
  | { kind: 'text'; key: 'text'; text: string };

/**
 * The active filters, at most one chip per kind, in the order layers, kinds, regions, months,
 * text. Lists in the chips are in canonical order. Whitespace-only text is not active.
 */
export function activeFilterChips(filters: Filters): FilterChip[] {
  const chips: FilterChip[] = [];
  const f = normalizeFilters(filters);
  if (f.layers.length !== PLAN_LAYER_KEYS.length) {
    chips.push({ kind: 'layers', key: 'layers', on: f.layers, off: PLAN_LAYER_KEYS.filter((k) => !f.layers.includes(k)) });
  }
  if (f.kinds.length !== FILTER_KINDS.length) {
    chips.push({ kind: 'kinds', key: 'kinds', on: f.kinds, off: FILTER_KINDS.filter((k) => !f.kinds.includes(k)) });
  }
  if (f.regions.length > 0) chips.push({ kind: 'regions', key: 'regions', codes: f.regions });
  if (f.months !== null) chips.push({ kind: 'months', key: 'months', from: f.months[0], to: f.months[1] });
  const text = f.text.trim();
  if (text !== '') chips.push({ kind: 'text', key: 'text', text });
  return chips;
}

/** A fresh copy of DEFAULT_FILTERS (no shared arrays). */
export function defaultFilters(): Filters {
  return {
    layers: [...DEFAULT_FILTERS.layers],
    kinds: [...DEFAULT_FILTERS.kinds],
    regions: [...DEFAULT_FILTERS.regions],
    months: DEFAULT_FILTERS.months === null ? null : [DEFAULT_FILTERS.months[0], DEFAULT_FILTERS.months[1]],
    text: DEFAULT_FILTERS.text,
  };
}

/** The filters with one kind reset to its default; the rest unchanged. Returns a new object. */
export function clearFilter(filters: Filters, kind: FilterChipKind): Filters {
  const d = defaultFilters();
  switch (kind) {
    case 'layers':
      return { ...filters, layers: d.layers };
    case 'kinds':
      return { ...filters, kinds: d.kinds };
    case 'regions':
      return { ...filters, regions: d.regions };
    case 'months':
      return { ...filters, months: d.months };
    case 'text':
      return { ...filters, text: d.text };
  }
}

/**
 * The canonical form of filters: layers and kinds deduplicated, without unknown values, in
 * PLAN_LAYER_KEYS / FILTER_KINDS order; regions deduplicated and sorted. Months and text as given.
 * The URL codec produces and round-trips exactly this form; keep the store in it.
 */
export function normalizeFilters(filters: Filters): Filters {
  const layers = new Set<string>(filters.layers);
  const kinds = new Set<string>(filters.kinds);
  return {
    layers: PLAN_LAYER_KEYS.filter((k) => layers.has(k)),
    kinds: FILTER_KINDS.filter((k) => kinds.has(k)),
    regions: [...new Set(filters.regions)].sort(),
    months: filters.months === null ? null : [filters.months[0], filters.months[1]],
    text: filters.text,
  };
}
