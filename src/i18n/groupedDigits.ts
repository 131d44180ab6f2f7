/**
 * Counts with grouped digits in both languages (800,000 features; 保留 800,000 个要素): vertex and
 * feature counts run to millions and read at a glance that way. One formatter, made when this
 * module loads: `toLocaleString` set up ICU's number format on its first call, 13 ms on the page's
 * main thread at the moment a 100 MB import's result was shown.
 */
const GROUPED = new Intl.NumberFormat('en-US');

export function groupedDigits(n: number): string {
  return GROUPED.format(n);
}
