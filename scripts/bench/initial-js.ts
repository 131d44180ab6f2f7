/**
 * Bench: gzip size of the JavaScript loaded before the first map frame.
 *
 * That is the entry script and everything the built dist/index.html preloads, the closure of
 * their static imports (in case a chunk is not preloaded), and maplibre's worker chunk, which
 * the map starts as soon as it is created. Sizes are gzip level 9, as served compressed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { kib, type BenchModule } from './types';

export const INITIAL_JS_TARGET_KIB = 650;

export interface Chunk {
  /** path under dist/, e.g. assets/index-abc.js */
  file: string;
  why: string;
  raw: number;
  gzip: number;
}

/** The JS chunks a fresh page load needs before maplibre can draw its first frame. */
export function initialChunks(dist: string): Chunk[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const found = new Map<string, string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="(?:\.?\/)?([^"]+\.js)"/g)) found.set(m[1]!, 'entry <script>');
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="(?:\.?\/)?([^"]+\.js)"/g)) {
    if (!found.has(m[1]!)) found.set(m[1]!, 'modulepreload');
  }
  if (found.size === 0) throw new Error(`no script in ${dist}/index.html: build first`);
  // static imports not preloaded (Vite normally preloads them all)
  const queue = [...found.keys()];
  while (queue.length) {
    const file = queue.shift()!;
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const dep = path.posix.join(path.posix.dirname(file), m[1]!);
      if (!found.has(dep)) {
        found.set(dep, `static import of ${path.posix.basename(file)}`);
        queue.push(dep);
      }
    }
  }
  // maplibre's worker: referenced by URL from one of the chunks (src/map/maplibreWorker.ts)
  for (const file of [...found.keys()]) {
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const m of code.matchAll(/["'`/]((?:assets\/)?maplibre-gl-worker-[\w-]+\.js)["'`]/g)) {
      const worker = m[1]!.startsWith('assets/') ? m[1]! : `assets/${m[1]!}`;
      if (!found.has(worker)) found.set(worker, `maplibre worker (from ${path.posix.basename(file)})`);
    }
  }
  if (![...found.keys()].some((f) => f.includes('maplibre-gl-worker'))) {
    throw new Error('maplibre worker chunk not found in the initial chunks');
  }
  return [...found].map(([file, why]) => {
    const buf = readFileSync(path.join(dist, file));
    return { file, why, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}

export const initialJs: BenchModule = {
  name: 'initial-js',
  description: 'gzip size of the JavaScript loaded before the first map frame',
  run: async ({ root }) => {
    const chunks = initialChunks(path.join(root, 'dist')).sort((a, b) => b.gzip - a.gzip);
    const raw = chunks.reduce((s, c) => s + c.raw, 0);
    const gz = chunks.reduce((s, c) => s + c.gzip, 0);
    const met = gz / 1024 <= INITIAL_JS_TARGET_KIB;
    return {
      tables: [
        {
          title: 'JavaScript before the first map frame (production build)',
          headers: ['chunk', 'loaded as', 'raw KiB', 'gzip KiB'],
          rows: [
            ...chunks.map((c) => [path.posix.basename(c.file), c.why, kib(c.raw), kib(c.gzip)]),
            ['total', '', kib(raw), kib(gz)],
          ],
          notes: [`target: ≤ ${INITIAL_JS_TARGET_KIB} KiB gzip → ${kib(gz)} KiB ${met ? 'MET' : 'NOT MET'}`],
        },
      ],
      targets: [{ name: 'initial JS gzip ≤ 650 KiB', met, value: `${kib(gz)} KiB` }],
    };
  },
};
