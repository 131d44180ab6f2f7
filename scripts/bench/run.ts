/**
 * `npm run bench` (after `vite build`): runs the bench modules in sequence on the production
 * build and prints their tables. Not part of `npm test`; timings depend on the machine.
 *
 *   npm run bench                 all modules
 *   npm run bench -- idle         only the named module(s)
 *   npm run bench -- import       file import vs the parser floor (BENCH_IMPORT_REPS, BENCH_IMPORT_FILES=a.csv,b.geojson)
 *   BENCH_RUNS=9 npm run bench    cold loads per variant for timing benches (default 5, min 5)
 *
 * Add a bench: write scripts/bench/<name>.ts exporting a BenchModule, list it below.
 */
import path from 'node:path';
import { cpus } from 'node:os';
import { initialJs } from './initial-js';
import { idle } from './idle';
import { aggregate } from './aggregate';
import { filter } from './filter';
import { savedHtml } from './saved-html';
import { importBench } from './import';
import { formatTable, type BenchModule } from './types';

const MODULES: BenchModule[] = [initialJs, idle, aggregate, filter, savedHtml, importBench];

const root = path.resolve(import.meta.dirname, '../..');
const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 5) || 5);
const only = process.argv.slice(2);
const unknown = only.filter((n) => !MODULES.some((m) => m.name === n));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; known: ${MODULES.map((m) => m.name).join(', ')}`);
  process.exit(2);
}
const selected = only.length ? MODULES.filter((m) => only.includes(m.name)) : MODULES;

console.log(`JJJ Atlas benchmark — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} CPU ${cpus()[0]?.model ?? ''}\n`);
const summary: string[][] = [];
for (const m of selected) {
  process.stderr.write(`[bench] ${m.name}: ${m.description}\n`);
  const t0 = Date.now();
  const out = await m.run({ root, runs });
  for (const t of out.tables) console.log(formatTable(t) + '\n');
  for (const t of out.targets) summary.push([t.name, t.value, t.met ? 'met' : 'NOT met']);
  process.stderr.write(`[bench] ${m.name} took ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
console.log(formatTable({ title: 'Targets', headers: ['target', 'value', 'status'], rows: summary }));
