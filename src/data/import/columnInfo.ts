/**
 * What each column of a layer holds — how many features have a value, how many distinct values,
 * whether every value is a number — read from a sample spread over the layer. The style chooser
 * offers categories and graduated classes from it. The import worker works it out for a new
 * layer's table (`FeatureTable.columnInfo`), so the page shows a 100 MB import's result without
 * sampling 20,000 cells per column first (40–80 ms of its main thread, in the task that shows
 * the result).
 */
import { propertyReader } from './table';
import type { ColumnInfo } from './tableTypes';

interface WithProperties {
  properties: Record<string, unknown> | null;
}

/** A property value as the text a category is named by; null for no value. */
export function categoryValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A property value as a number (numbers, and strings that are plain numbers); null otherwise. */
export function numericValue(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Features looked at (spread over the layer), so a huge layer's chooser stays quick. */
export const PROPERTY_SAMPLE = 20_000;
/** Distinct values counted, at most. */
export const DISTINCT_COUNTED = 1000;

/** What each of these columns holds, from up to PROPERTY_SAMPLE features spread over the layer. */
export function sampleColumns(features: readonly WithProperties[], columns: readonly string[]): ColumnInfo[] {
  const step = Math.max(1, Math.ceil(features.length / PROPERTY_SAMPLE));
  return columns.map((name) => {
    let values = 0;
    let numeric = true;
    const distinct = new Set<string>();
    const read = propertyReader(features, name);
    for (let i = 0; i < features.length; i += step) {
      const v = read(i);
      const c = categoryValue(v);
      if (c === null) continue;
      values++;
      if (numeric && numericValue(v) === null) numeric = false;
      if (distinct.size < DISTINCT_COUNTED) distinct.add(c);
    }
    return { name, values, distinct: distinct.size, numeric: numeric && values > 0 };
  });
}
