/**
 * Class breaks for a choropleth: quantiles or natural breaks (Ckmeans, the optimal 1-D
 * clustering that Jenks' natural breaks approximates). Returns the upper bound of each class;
 * a value v falls in the first class whose bound is ≥ v.
 */
import { ckmeans } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'natural';

export function classBreaks(values: readonly number[], classes: number, method: ClassMethod): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = [...new Set(sorted)];
  const k = Math.max(1, Math.min(classes, distinct.length));
  let bounds: number[];
  if (method === 'natural') {
    bounds = ckmeans(sorted, k).map((cluster) => cluster[cluster.length - 1]!);
  } else {
    bounds = [];
    // nearest-rank quantiles: every bound is a value that occurs
    for (let i = 1; i <= k; i++) bounds.push(sorted[Math.max(0, Math.ceil((i / k) * sorted.length) - 1)]!);
  }
  // Strictly increasing, and the last bound is the maximum.
  const out: number[] = [];
  for (const b of bounds) if (out.length === 0 || b > out[out.length - 1]!) out.push(b);
  if (out[out.length - 1] !== sorted[sorted.length - 1]) out.push(sorted[sorted.length - 1]!);
  return out;
}

export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 0; i < breaks.length; i++) if (value <= breaks[i]!) return i;
  return breaks.length - 1;
}

/**
 * n colours spread evenly over a ramp of up to 7, light → dark: the ends stay, the middle ones
 * are sampled; one class gets the ramp's middle colour.
 */
export function sampleRamp(full: readonly string[], n: number): string[] {
  if (n >= full.length) return [...full];
  if (n <= 1) return [full[Math.floor(full.length / 2)]!];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(full[Math.round((i * (full.length - 1)) / (n - 1))]!);
  return out;
}

/** The choropleth's sequential palette (oranges, colour-blind safe), n = 1…7 classes. */
export function sequentialPalette(n: number): string[] {
  return sampleRamp(['#fff5d6', '#fde0a1', '#fdbb63', '#f7923a', '#e0661b', '#b8460d', '#7f2d07'], n);
}
