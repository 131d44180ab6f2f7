/**
 * Nesting limit for JSON, checked before JSON.parse: a file of a million "[" parses in V8, but
 * every later step that walks it (geometry checks, structured clone to the page, IndexedDB)
 * recurses and fails with engine text ("Maximum call stack size exceeded", "Failed to execute
 * 'postMessage'"). GeoJSON itself needs at most 7 levels (a FeatureCollection of MultiPolygons);
 * the rest of the allowance is for nested properties.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether the JSON text nests arrays/objects deeper than `max` (strings are skipped). */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** Whether an error is the engine running out of stack (or clone depth) on a deep structure. */
export function isDepthError(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && /call stack|too much recursion|nested too deep/i.test(e.message));
}
