/**
 * Style by attribute for a user layer. Pure: no React, no deck.
 *
 * - single: every feature in the layer's colour;
 * - category: each distinct value of a property gets a palette colour, the most frequent first;
 *   beyond MAX_CATEGORIES values the rarer ones share one "other" class;
 * - graduated: a numeric property in classes (quantile, equal interval or natural breaks /
 *   Ckmeans), on a sequential ramp, optionally with a point radius growing by class.
 *
 * Features without a usable value (missing, empty, or not a number for graduated) go into a
 * "no value" class, drawn in grey. Classes are computed over every feature of the layer, so they
 * stay put while filters change; counts of what is shown come from `classCounts`.
 */
import { classBreaks, sampleRamp } from '../geo/classify';
import { propertyReader, tableOf } from '../data/import/table';
import { categoryValue, numericValue, sampleColumns } from '../data/import/columnInfo';
import type { ColumnInfo } from '../data/import/tableTypes';

export type GraduatedMethod = 'quantile' | 'equal' | 'natural';
export const GRADUATED_METHODS: GraduatedMethod[] = ['quantile', 'equal', 'natural'];

export type UserLayerStyle =
  | { kind: 'single' }
  | { kind: 'category'; property: string }
  | { kind: 'graduated'; property: string; method: GraduatedMethod; classes: number; radius: boolean };

/** The most classes a category style has (the last one being "other" when there are more values). */
export const MAX_CATEGORIES = 10;
/**
 * Colours for new layers, one per layer in turn. They must not pass for a plan group: every one
 * is at least ΔE2000 15 from every plan colour (./planColors.ts) and from the others, and stands
 * out from both themes' land (tests/unit/model/userPalette.test.ts). The old palette had an
 * orange that read as 交通 (ΔE 4.7) and a blue as 雄安 (ΔE 5.2). Six colours is what fits beside
 * the plan's eight at that distance; a seventh layer takes the first again.
 */
export const USER_LAYER_PALETTE = ['#a61e4d', '#15aabf', '#74b816', '#ae3ec9', '#4dabf7', '#c92a2a'];
/**
 * Ten distinct, fairly colour-blind-safe colours (Tableau 10, reordered), for a layer styled by
 * category. Ten mutually distinct classes cannot also all stay clear of the plan's eight colours;
 * the legend names each class.
 */
export const CATEGORY_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#3b3b98'];
export const OTHER_COLOR = '#8c8c8c';
export const NO_VALUE_COLOR = '#c8c8c8';
/** Point radius in pixels: the default, and the range a graduated radius spans. */
export const POINT_RADIUS = 5;
export const RADIUS_RANGE: [number, number] = [4, 13];

/** A sequential ramp (blues, light → dark, but never too light to see on the base map), n = 1…7. */
export function graduatedRamp(n: number): string[] {
  return sampleRamp(['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'], n);
}

export type StyleClass =
  | { kind: 'all'; color: string; radius: number; count: number }
  | { kind: 'value'; value: string; color: string; radius: number; count: number }
  | { kind: 'other'; values: number; color: string; radius: number; count: number }
  | { kind: 'range'; from: number; to: number; color: string; radius: number; count: number }
  | { kind: 'none'; color: string; radius: number; count: number };

export interface StyledLayer {
  classes: StyleClass[];
  /** Per feature, the index of its class in `classes`. */
  classOf: Uint16Array;
}

interface WithProperties {
  properties: Record<string, unknown> | null;
}

/** What a column holds, for the style chooser. */
export type PropertyInfo = ColumnInfo;

const infoCache = new WeakMap<readonly WithProperties[], Map<string, readonly PropertyInfo[]>>();
/**
 * What each column holds, for the style chooser: as the import worked it out for a new layer's
 * table, else from a sample of the layer (data/import/columnInfo.ts). Kept per layer: the chooser
 * is made again each time the data tab opens.
 */
export function propertyInfo(features: readonly WithProperties[], columns: readonly string[]): readonly PropertyInfo[] {
  let byColumns = infoCache.get(features);
  if (!byColumns) {
    byColumns = new Map();
    infoCache.set(features, byColumns);
  }
  const key = columns.join('\u0000');
  let info = byColumns.get(key);
  if (!info) {
    const known = tableOf(features)?.columnInfo;
    const found = known ? columns.map((name) => known.find((c) => c.name === name)) : [];
    info = known && found.every((c) => c !== undefined) ? (found as PropertyInfo[]) : sampleColumns(features, columns);
    byColumns.set(key, info);
  }
  return info;
}

/** Equal-interval upper bounds: k classes from min to max. */
function equalBreaks(values: readonly number[], k: number): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return Number.isFinite(max) ? [max] : [];
  const out: number[] = [];
  for (let i = 1; i < k; i++) out.push(min + ((max - min) * i) / k);
  out.push(max);
  return out;
}

/** Upper bounds of the classes of a numeric property (strictly increasing, the last = the maximum). */
export function graduatedBreaks(values: readonly number[], classes: number, method: GraduatedMethod): number[] {
  const k = Math.max(1, Math.min(7, Math.round(classes)));
  if (method === 'equal') return equalBreaks(values, k);
  return classBreaks(values, k, method);
}

/** The classes of a layer under a style, and each feature's class. */
export function styleUserLayer(features: readonly WithProperties[], style: UserLayerStyle | undefined, color: string): StyledLayer {
  const n = features.length;
  const classOf = new Uint16Array(n);
  if (!style || style.kind === 'single') {
    return { classes: [{ kind: 'all', color, radius: POINT_RADIUS, count: n }], classOf };
  }
  if (style.kind === 'category') {
    const counts = new Map<string, number>();
    const values: (string | null)[] = new Array<string | null>(n);
    const read = propertyReader(features, style.property);
    for (let i = 0; i < n; i++) {
      const v = categoryValue(read(i));
      values[i] = v;
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const ordered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const named = ordered.length > MAX_CATEGORIES ? ordered.slice(0, MAX_CATEGORIES - 1) : ordered;
    const classes: StyleClass[] = named.map(([value, count], i) => ({ kind: 'value', value, count, color: CATEGORY_PALETTE[i % CATEGORY_PALETTE.length]!, radius: POINT_RADIUS }));
    const index = new Map(named.map(([v], i) => [v, i]));
    let other = -1;
    if (ordered.length > named.length) {
      other = classes.length;
      const rest = ordered.slice(named.length);
      classes.push({ kind: 'other', values: rest.length, count: rest.reduce((s, [, c]) => s + c, 0), color: OTHER_COLOR, radius: POINT_RADIUS });
    }
    let none = -1;
    const missing = values.filter((v) => v === null).length;
    if (missing > 0) {
      none = classes.length;
      classes.push({ kind: 'none', count: missing, color: NO_VALUE_COLOR, radius: POINT_RADIUS });
    }
    for (let i = 0; i < n; i++) {
      const v = values[i];
      classOf[i] = v === null || v === undefined ? none : (index.get(v) ?? other);
    }
    return { classes, classOf };
  }
  // graduated
  const nums: (number | null)[] = new Array<number | null>(n);
  const present: number[] = [];
  const read = propertyReader(features, style.property);
  for (let i = 0; i < n; i++) {
    const v = numericValue(read(i));
    nums[i] = v;
    if (v !== null) present.push(v);
  }
  const breaks = graduatedBreaks(present, style.classes, style.method);
  const ramp = graduatedRamp(breaks.length);
  const min = present.length > 0 ? Math.min(...present) : 0;
  const radiusOf = (i: number) =>
    style.radius && breaks.length > 1 ? Math.round(RADIUS_RANGE[0] + ((RADIUS_RANGE[1] - RADIUS_RANGE[0]) * i) / (breaks.length - 1)) : POINT_RADIUS;
  const classes: StyleClass[] = breaks.map((to, i) => ({ kind: 'range', from: i === 0 ? min : breaks[i - 1]!, to, color: ramp[i]!, radius: radiusOf(i), count: 0 }));
  const none = present.length < n ? classes.length : -1;
  if (none >= 0) classes.push({ kind: 'none', count: 0, color: NO_VALUE_COLOR, radius: POINT_RADIUS });
  for (let i = 0; i < n; i++) {
    const v = nums[i];
    let c = none;
    if (v !== null && v !== undefined) {
      c = breaks.length - 1;
      for (let b = 0; b < breaks.length; b++)
        if (v <= breaks[b]!) {
          c = b;
          break;
        }
    }
    classOf[i] = c;
    classes[c]!.count++;
  }
  return { classes, classOf };
}

/**
 * The key a class is switched off by in the legend: its value for a category (so it survives a
 * new value elsewhere shifting the order), its position for a graduated range.
 */
export function classKey(c: StyleClass, index: number): string {
  switch (c.kind) {
    case 'value':
      return `value:${c.value}`;
    case 'range':
      return `range:${index}`;
    default:
      return c.kind;
  }
}

/** Per class of `styled`: 1 when its key is in `hidden`; null when no class is hidden. */
export function hiddenClassMask(styled: StyledLayer, hidden: readonly string[] | undefined): Uint8Array | null {
  if (!hidden || hidden.length === 0) return null;
  const keys = new Set(hidden);
  const mask = new Uint8Array(styled.classes.length);
  let any = false;
  styled.classes.forEach((c, i) => {
    if (!keys.has(classKey(c, i))) return;
    mask[i] = 1;
    any = true;
  });
  return any ? mask : null;
}

const countsCache = new WeakMap<StyledLayer, WeakMap<object, readonly number[]>>();
const NO_MASK = {};
/**
 * Features per class among those shown (`shown[i]` non-zero), or among all without a mask. Kept
 * per (classes, mask): the legend and the style chooser both ask at every render, and a pass over
 * 800,000 features is 3–14 ms.
 */
export function classCounts(styled: StyledLayer, shown?: ArrayLike<number> | null): readonly number[] {
  let byMask = countsCache.get(styled);
  if (!byMask) {
    byMask = new WeakMap();
    countsCache.set(styled, byMask);
  }
  const key = shown ?? NO_MASK;
  let counts = byMask.get(key);
  if (!counts) {
    counts = countClasses(styled, shown);
    byMask.set(key, counts);
  }
  return counts;
}

function countClasses(styled: StyledLayer, shown?: ArrayLike<number> | null): number[] {
  const { classOf } = styled;
  const counts = new Array<number>(styled.classes.length).fill(0);
  if (styled.classes.length === 1) {
    let n = classOf.length;
    if (shown) for (let i = 0; i < classOf.length; i++) if (!shown[i]) n--;
    counts[0] = n;
    return counts;
  }
  for (let i = 0; i < classOf.length; i++) if (!shown || shown[i]) counts[classOf[i]!]!++;
  return counts;
}

/** A stable text for a style (and colour), for deck.gl updateTriggers and memo keys. */
export function styleKey(style: UserLayerStyle | undefined, color: string): string {
  return `${color}|${JSON.stringify(style ?? { kind: 'single' })}`;
}

/** A stored style that is usable, or undefined (old layers have none; a damaged one is dropped). */
export function validStyle(v: unknown): UserLayerStyle | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const s = v as Record<string, unknown>;
  if (s.kind === 'single') return { kind: 'single' };
  if (typeof s.property !== 'string') return undefined;
  if (s.kind === 'category') return { kind: 'category', property: s.property };
  if (s.kind === 'graduated' && GRADUATED_METHODS.includes(s.method as GraduatedMethod) && typeof s.classes === 'number') {
    return { kind: 'graduated', property: s.property, method: s.method as GraduatedMethod, classes: s.classes, radius: s.radius === true };
  }
  return undefined;
}

const styledCache = new WeakMap<readonly WithProperties[], Map<string, StyledLayer>>();
/** styleUserLayer, computed once per (features, style, colour): the map and the legend share it. */
export function styledUserLayer(layer: { features: readonly WithProperties[]; style?: UserLayerStyle; color: string }): StyledLayer {
  let byKey = styledCache.get(layer.features);
  if (!byKey) {
    byKey = new Map();
    styledCache.set(layer.features, byKey);
  }
  const key = styleKey(layer.style, layer.color);
  let styled = byKey.get(key);
  if (!styled) {
    styled = styleUserLayer(layer.features, layer.style, layer.color);
    byKey.set(key, styled);
  }
  return styled;
}
