/**
 * The benchmark runner runs a list of bench modules in sequence (scripts/bench/run.ts).
 * Each module measures one thing on the production build and returns tables to print.
 */
export interface BenchContext {
  /** repository root */
  root: string;
  /** cold loads per variant for timing benches (BENCH_RUNS, default 5) */
  runs: number;
}

export interface BenchTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** lines printed under the table: targets, caveats */
  notes?: string[];
}

export interface BenchOutcome {
  tables: BenchTable[];
  /** targets this module checks, with whether they were met */
  targets: { name: string; met: boolean; value: string }[];
}

export interface BenchModule {
  name: string;
  description: string;
  run: (ctx: BenchContext) => Promise<BenchOutcome>;
}

export function formatTable(t: BenchTable): string {
  const cells = [t.headers, ...t.rows.map((r) => r.map(String))];
  const widths = t.headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const numeric = t.headers.map((_, i) => t.rows.every((r) => typeof r[i] === 'number' || /^[\d.,]+( \S+)?$/.test(String(r[i] ?? ''))));
  const line = (r: string[]) =>
    '| ' + r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [`### ${t.title}`, '', line(cells[0]!), sep, ...cells.slice(1).map(line), ...(t.notes?.length ? ['', ...t.notes] : [])].join('\n');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
