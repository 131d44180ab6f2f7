/**
 * Spreadsheet-safe CSV text ("CSV injection", OWASP): a spreadsheet opening a CSV evaluates a
 * cell that begins with = + - @ TAB or CR as a formula (=HYPERLINK(...), +cmd|'/C calc'!A0,
 * @SUM(...)). The export writes such a cell with a leading apostrophe, which spreadsheets show
 * as text and hide; the app's own CSV import takes the apostrophe off again, so an export read
 * back gives the very same text.
 *
 * Decisions:
 * - A cell that is a plain decimal number ("-5", "-3.2", "+1e3") is left alone: a spreadsheet
 *   reads it as that number, nothing runs, and the import must keep reading it as a number.
 * - To keep the mapping reversible, a text that already begins with apostrophes followed by a
 *   trigger character ("'=x", "''-y") gets one more apostrophe; the import removes exactly one
 *   apostrophe from a cell whose rest needs it. So neutralise → unneutralise is the identity for
 *   every string, and a foreign CSV is changed only where its cell is an apostrophe followed by
 *   a formula-looking text (a spreadsheet would show that cell without the apostrophe too).
 */

const TRIGGER = /^[=+\-@\t\r]/;
const QUOTED_TRIGGER = /^'+[=+\-@\t\r]/;
/** A plain decimal number, as the CSV import reads one (kept in step with src/data/import/csv.ts). */
export const PLAIN_NUMBER = /^[+-]?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$|^[+-]?0?\.\d+$/;

/** Whether a spreadsheet could evaluate this text (or it is one of our own escaped forms). */
export function needsNeutralising(s: string): boolean {
  if (QUOTED_TRIGGER.test(s)) return true;
  return TRIGGER.test(s) && !PLAIN_NUMBER.test(s);
}

/** The text to write into a CSV cell or header. */
export function neutraliseCell(s: string): string {
  return needsNeutralising(s) ? `'${s}` : s;
}

/** The text a neutralised cell stood for, or null when the cell was not neutralised by us. */
export function unneutraliseCell(s: string): string | null {
  if (s.charCodeAt(0) !== 39 /* ' */) return null;
  const rest = s.slice(1);
  return needsNeutralising(rest) ? rest : null;
}
