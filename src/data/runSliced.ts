/**
 * Long work on the page's main thread cut into slices: a generator that yields often runs for
 * about SLICE_MS at a time, and the page answers (input, frames) between slices. Used where one
 * task over a big layer would freeze the page: building what deck.gl draws from, and copying a
 * table for the storage worker.
 */

/** The longest slice of work between two yields to the page, ms. */
const SLICE_MS = 8;

/** Run `work` in slices of SLICE_MS, yielding to the page (a macrotask) between them; `done` gets its result. */
export function runSliced<T>(work: Generator<void, T>, done: (result: T) => void): void {
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
