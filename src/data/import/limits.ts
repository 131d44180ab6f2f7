/**
 * Nesting limit for JSON, checked before JSON.parse: a file of a million "[" parses in V8, but
 * every later step that walks it (geometry checks, structured clone to the page, IndexedDB)
 * recurses and fails with engine text ("Maximum call stack size exceeded", "Failed to execute
 * 'postMessage'"). GeoJSON itself needs at most 7 levels (a FeatureCollection of MultiPolygons);
 * the rest of the allowance is for nested properties.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether the JSON text nests arrays/objects deeper than `max`. Strings are skipped whole with
 * `indexOf` (a quote with an even run of backslashes before it ends one), which halves the scan
 * of a big file against looking at every character.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i = jsonStringEnd(text, i);
      if (i < 0) return false; // unterminated: JSON.parse says so
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
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
