/**
 * Nesting limit for the parts of a JSON file the importer walks without knowing their shape. V8's
 * JSON.parse reads a file of a million "[" without trouble; what would fail is a later recursive
 * step (a structured clone, a stringify), with engine text ("Maximum call stack size exceeded").
 * GeoJSON itself needs at most 7 levels (a FeatureCollection of MultiPolygons), and its geometry
 * is checked level by level for what its type allows (./geometry.ts); a features list's entry that
 * is not a feature is measured with `nestedDeeperThan` before it is described, and a file whose
 * entry goes deeper is refused in plain words. Measured on the parsed value, not by scanning the
 * text first: the scan cost a fifth of JSON.parse's own time for every file, to find what only a
 * broken one holds.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests arrays/objects more than `max` levels (an array or object is
 * level 1). Walked with a stack of its own and never below level `max + 1`, so a value nested a
 * million levels costs `max` steps down, not the engine's stack.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, level] = top;
    if (v === null || typeof v !== 'object') continue;
    if (level > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, level + 1]);
  }
  return false;
}

/** The index of the quote that closes the JSON string opened at `open`, or -1 when none does. */
export function jsonStringEnd(text: string, open: number): number {
  for (let from = open + 1; ; ) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let k = q - 1;
    while (text.charCodeAt(k) === 92 /* \ */) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    from = q + 1;
  }
}

/** Whether an error is the engine running out of stack (or clone depth) on a deep structure. */
export function isDepthError(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && /call stack|too much recursion|nested too deep/i.test(e.message));
}
