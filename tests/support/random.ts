/**
 * Seeded randomness for reproducible tests and benchmarks (unit tests, the aggregation and
 * filter benches and their browser pages all use this one).
 */

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n random points, lon,lat interleaved, uniform in the bbox [west, south, east, north]. */
export function randomPoints(n: number, bbox: readonly number[], seed: number): Float64Array {
  const r = prng(seed);
  const [x0, y0, x1, y1] = bbox as [number, number, number, number];
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[i * 2] = x0 + r() * (x1 - x0);
    out[i * 2 + 1] = y0 + r() * (y1 - y0);
  }
  return out;
}
