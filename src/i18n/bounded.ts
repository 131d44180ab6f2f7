/**
 * Bounds for every text the app shows a person that echoes something from outside (a file's
 * column names, a link's parameters, an engine's error text). An echoed text is cleaned of
 * control characters and of the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, LRM/RLM/ALM) with which a link could reorder the app's own words around it,
 * and is cut to a length; a list shows its first items and "and N more" / "等另外 N 条"; a whole
 * message is cut too, so no file or link can make a message that buries the page or takes
 * seconds to lay out. Pure, no React.
 */

/** The longest message or notice shown (characters). */
export const MAX_MESSAGE_CHARS = 1000;
/** The longest single echoed value (a column name, a file name, a parameter). */
export const MAX_ECHO_CHARS = 80;
/** The most items of a list written out before "and N more". */
export const MAX_LIST_ITEMS = 10;

// C0 (tab, CR, LF become a space), DEL, C1, the bidi marks, embeddings, overrides and isolates,
// and the line/paragraph separators.
const SPACE_LIKE = /[\t\n\r\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Text without control and bidi-override characters (line breaks become a space). */
export function cleanText(s: string): string {
  return s.replace(SPACE_LIKE, ' ').replace(INVISIBLE, '');
}

/** At most `max` characters (never splitting a surrogate pair), ending in "…" when cut. */
export function capText(s: string, max = MAX_MESSAGE_CHARS): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

/** An echoed value as shown: cleaned, then cut to `max`. */
export function echo(s: string, max = MAX_ECHO_CHARS): string {
  // cut first (a 44 MB value is not scanned whole), then clean, then cut to the final length
  return capText(cleanText(s.length > max * 4 ? s.slice(0, max * 4) : s), max);
}

/**
 * A list written out: the first `maxItems` items (each echoed), joined by `sep`, then
 * `more(n)` for the rest ("and 9990 more" / "等另外 9990 条").
 */
export function boundedList(items: readonly string[], more: (n: number) => string, opts: { sep?: string; maxItems?: number; itemChars?: number; wrap?: (s: string) => string } = {}): string {
  const { sep = ', ', maxItems = MAX_LIST_ITEMS, itemChars = MAX_ECHO_CHARS, wrap = (s) => s } = opts;
  const shown = items.slice(0, maxItems).map((i) => wrap(echo(i, itemChars)));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(sep)}${sep}${more(rest)}` : shown.join(sep);
}

/** A whole message as shown: cleaned and cut to MAX_MESSAGE_CHARS. */
export function boundedMessage(s: string, max = MAX_MESSAGE_CHARS): string {
  return capText(cleanText(s.length > max * 4 ? s.slice(0, max * 4) : s), max);
}
