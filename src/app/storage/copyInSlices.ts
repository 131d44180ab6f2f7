import { runSliced } from '../../data/runSliced';

/**
 * A copy of a table made one typed array at a time, the page answering between slices of ~8 ms
 * (runSliced), for the storage worker to take by transfer. Posting the table itself made the browser copy all
 * of it in one task of the page: 60–120 ms for the 800,000 points of a 100 MB import, right after
 * their first frame. The largest single copy left is one array (the coordinates: 12.8 MB there).
 */
export function copyInSlices<T>(value: T): Promise<T> {
  return new Promise((resolve) => runSliced(copyData(value), (copy) => resolve(copy as T)));
}

/** Plain data (objects, arrays, typed arrays, primitives) copied, one step per typed array. */
function* copyData(v: unknown): Generator<void, unknown> {
  if (ArrayBuffer.isView(v)) {
    yield;
    return (v as Uint8Array).slice();
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) out.push(yield* copyData(x));
    return out;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = yield* copyData(x);
    return out;
  }
  return v;
}
