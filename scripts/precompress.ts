/**
 * Write .br and .gz copies next to every text file of a build, for static hosts that serve
 * precompressed files (Caddy `precompressed br gzip`, nginx `gzip_static`/`brotli_static`, most
 * CDNs and object stores with Content-Encoding metadata). Compressing once at the best level
 * costs seconds here and nothing per request; woff2, PNG and PMTiles are compressed already
 * (and a PMTiles archive must stay byte-addressable for range requests).
 *
 * Usage: tsx scripts/precompress.ts [dist]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const COMPRESSIBLE = /\.(html|js|mjs|css|json|geojson|svg|webmanifest|txt|md)$/i;

export function precompress(dir: string): { files: number; raw: number; br: number; gz: number } {
  const out = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    if (!COMPRESSIBLE.test(rel) || !statSync(file).isFile()) continue;
    const data = readFileSync(file);
    if (data.length < 1024) continue; // not worth a second request header's worth of bytes
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    const gz = gzipSync(data, { level: 9 });
    writeFileSync(file + '.br', br);
    writeFileSync(file + '.gz', gz);
    out.files++;
    out.raw += data.length;
    out.br += br.length;
    out.gz += gz.length;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? 'dist');
  const r = precompress(dir);
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`precompressed ${r.files} files in ${dir}: ${kib(r.raw)} → br ${kib(r.br)}, gzip ${kib(r.gz)}`);
}
