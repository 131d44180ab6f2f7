/**
 * What deck.gl draws a user layer (issue 7) from, built without blocking the page. deck builds
 * a layer's attributes through accessor functions in one animation frame: for the 800,000 points
 * of a 100 MB import that was one task of 0.7–1.8 s. A layer whose features are all points is
 * drawn instead from typed arrays (deck's binary data: no accessor runs), and those arrays are
 * filled here in time slices of a few milliseconds, the page answering in between:
 *
 * - positions (in the display datum, GCJ-02 over AMap), once per feature array and datum;
 * - fill colours and radii per feature, from the style's classes (only when it has several);
 * - the filter mask as the float attribute DataFilterExtension reads.
 *
 * Layers with lines or areas keep deck's GeoJsonLayer (their features shifted into the display
 * datum here too, in slices). Small layers (≤ SYNC_FEATURES) are built at once, so a newly
 * imported small layer is drawn in the same frame as before. Pure: no React, no deck.
 */
import type { ImportedFeature } from '../data/import/types';
import { toDisplayGeometry, toDisplayPosition, type DisplayCrs } from '../geo/displayCrs';
import { hexToRgb, type StyledLayer } from './userLayerStyle';

export type UserGeometry =
  /** Every feature is a Point: [x0, y0, x1, y1, …] in feature order (deck's index = feature index). */
  | { kind: 'points'; count: number; positions: Float64Array }
  /** Lines, areas or multi-geometries: the features, in the display datum. */
  | { kind: 'features'; features: readonly ImportedFeature[] };

/** Layers up to this size are built synchronously. */
export const SYNC_FEATURES = 20_000;
/** The longest slice of work between two yields to the page, ms. */
const SLICE_MS = 8;

interface Job {
  result: UserGeometry | null;
  waiters: (() => void)[];
}
const jobs = new WeakMap<readonly ImportedFeature[], Map<DisplayCrs, Job>>();

/**
 * The geometry of a layer's features in a display datum, or null while it is being built (then
 * `onReady` is called once it is there). Cached per feature array and datum.
 */
export function userLayerGeometry(features: readonly ImportedFeature[], crs: DisplayCrs, onReady?: () => void): UserGeometry | null {
  let byCrs = jobs.get(features);
  if (!byCrs) {
    byCrs = new Map();
    jobs.set(features, byCrs);
  }
  let job = byCrs.get(crs);
  if (!job) {
    const created: Job = { result: null, waiters: [] };
    job = created;
    byCrs.set(crs, created);
    const work = buildGeometry(features, crs);
    if (features.length <= SYNC_FEATURES) created.result = drain(work);
    else
      runSliced(work, (result) => {
        created.result = result;
        const waiters = created.waiters;
        created.waiters = [];
        for (const w of waiters) w();
      });
  }
  if (job.result) return job.result;
  if (onReady) job.waiters.push(onReady);
  return null;
}

function* buildGeometry(features: readonly ImportedFeature[], crs: DisplayCrs): Generator<void, UserGeometry> {
  const n = features.length;
  const positions = new Float64Array(n * 2);
  let points = true;
  for (let i = 0; i < n; i++) {
    const g = features[i]!.geometry;
    if (g.type !== 'Point') {
      points = false;
      break;
    }
    const c = crs === 'wgs84' ? g.coordinates : toDisplayPosition(g.coordinates, crs);
    positions[2 * i] = c[0]!;
    positions[2 * i + 1] = c[1]!;
    if ((i & 1023) === 1023) yield;
  }
  if (points) return { kind: 'points', count: n, positions };
  if (crs === 'wgs84') return { kind: 'features', features };
  const out = new Array<ImportedFeature>(n);
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    out[i] = { ...f, geometry: toDisplayGeometry(f.geometry, crs) };
    if ((i & 255) === 255) yield;
  }
  return { kind: 'features', features: out };
}

function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/** Run `work` in slices of SLICE_MS, yielding to the page (a macrotask) between them. */
function runSliced<T>(work: Generator<void, T>, done: (result: T) => void): void {
  const step = () => {
    const end = performance.now() + SLICE_MS;
    for (;;) {
      const r = work.next();
      if (r.done) {
        done(r.value);
        return;
      }
      if (performance.now() >= end) break;
    }
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

/** Per-feature fill colours (RGBA) and point radii of a styled layer; null where one value fits all. */
export interface ClassAttributes {
  fill: Uint8Array | null;
  radius: Float32Array | null;
}
const classCache = new WeakMap<StyledLayer, Map<number, ClassAttributes>>();

/**
 * Fill colours (alpha `alpha`) and radii per feature from the style's classes. One tight loop
 * over a Uint16Array (a few ms for 800,000 features); cached per styled layer.
 */
export function classAttributes(styled: StyledLayer, alpha: number): ClassAttributes {
  let byAlpha = classCache.get(styled);
  if (!byAlpha) {
    byAlpha = new Map();
    classCache.set(styled, byAlpha);
  }
  const hit = byAlpha.get(alpha);
  if (hit) return hit;
  const { classes, classOf } = styled;
  const n = classOf.length;
  let fill: Uint8Array | null = null;
  if (classes.length > 1) {
    const rgba = classes.map((c) => [...hexToRgb(c.color), alpha]);
    fill = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) {
      const c = rgba[classOf[i]!] ?? [128, 128, 128, alpha];
      fill[4 * i] = c[0]!;
      fill[4 * i + 1] = c[1]!;
      fill[4 * i + 2] = c[2]!;
      fill[4 * i + 3] = c[3]!;
    }
  }
  let radius: Float32Array | null = null;
  if (classes.some((c) => c.radius !== classes[0]!.radius)) {
    const radii = classes.map((c) => c.radius);
    radius = new Float32Array(n);
    for (let i = 0; i < n; i++) radius[i] = radii[classOf[i]!] ?? 0;
  }
  const out = { fill, radius };
  byAlpha.set(alpha, out);
  return out;
}

const filterCache = new WeakMap<Uint8Array, Float32Array>();
/** The filter mask (1 = shown) as the float values DataFilterExtension compares with [1, 1]. */
export function filterValues(shown: Uint8Array, count: number): Float32Array {
  const hit = filterCache.get(shown);
  if (hit && hit.length === count) return hit;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = shown[i] ?? 0;
  filterCache.set(shown, out);
  return out;
}
