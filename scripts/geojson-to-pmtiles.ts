/**
 * GeoJSON → PMTiles v3 (vector tiles, one layer), small and dependency-light: tiles are cut with
 * @maplibre/geojson-vt and encoded with @maplibre/vt-pbf (what MapLibre itself uses), gzip-
 * compressed, and written in a single archive per https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 * (root directory, leaf directories when the root would pass 16 KiB).
 *
 * For real data use tippecanoe (README: "Data too large for the browser"); this exists so the
 * tests can make archives, and for a quick archive of modest data where tippecanoe is not at hand:
 *
 *   npx tsx scripts/geojson-to-pmtiles.ts in.geojson out.pmtiles [--layer name] [--minzoom 0] [--maxzoom 12]
 */
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';

export interface PmtilesOptions {
  layer?: string;
  minzoom?: number;
  maxzoom?: number;
  name?: string;
  attribution?: string;
  /** Largest root directory in bytes (the spec's 16 KiB less the header); smaller forces leaves (tests). */
  maxRootBytes?: number;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
const ROOT_MAX_BYTES = 16384 - HEADER_BYTES;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory (entries sorted by tile id), serialized and gzip-compressed as the spec lays it out. */
function serializeDirectory(entries: Entry[]): Buffer {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzipSync(Buffer.from(out));
}

/** Root and leaf directories: the root alone if it fits, else leaves of growing size. */
function buildDirectories(entries: Entry[], maxRoot: number): { root: Buffer; leaves: Buffer } {
  const root = serializeDirectory(entries);
  if (root.length <= maxRoot) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = Math.min(4096, Math.max(16, Math.ceil(entries.length / 8))); ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafBufs: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafBufs.push(leaf);
      offset += leaf.length;
    }
    const r = serializeDirectory(rootEntries);
    if (r.length <= maxRoot) return { root: r, leaves: Buffer.concat(leafBufs) };
  }
}

function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))];
}

function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'GeometryCollection') g.geometries.forEach((x) => 'coordinates' in x && visit(x.coordinates));
    else visit(g.coordinates);
  }
  if (!Number.isFinite(w)) throw new Error('the GeoJSON has no coordinates');
  return [w, s, e, n];
}

export function geojsonToPmtiles(fc: FeatureCollection, opts: PmtilesOptions = {}): Uint8Array {
  const layer = opts.layer ?? 'features';
  const minzoom = opts.minzoom ?? 0;
  const maxzoom = opts.maxzoom ?? 12;
  const index = new GeoJSONVT(fc, { maxZoom: maxzoom, indexMaxZoom: maxzoom, indexMaxPoints: 0, extent: 4096, buffer: 64 });
  const [w, s, e, n] = bboxOf(fc);
  const tiles: { tileId: number; data: Buffer }[] = [];
  for (let z = minzoom; z <= maxzoom; z++) {
    const [x0, y0] = lonLatToTile(w, n, z);
    const [x1, y1] = lonLatToTile(e, s, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const t = index.getTile(z, x, y);
        if (!t || t.features.length === 0) continue;
        tiles.push({ tileId: zxyToTileId(z, x, y), data: gzipSync(fromGeojsonVt({ [layer]: t }, { version: 2, extent: 4096 })) });
      }
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of tiles) {
    entries.push({ tileId: t.tileId, offset, length: t.data.length, runLength: 1 });
    offset += t.data.length;
  }
  const tileData = Buffer.concat(tiles.map((t) => t.data));
  const { root, leaves } = buildDirectories(entries, opts.maxRootBytes ?? ROOT_MAX_BYTES);
  const fields: Record<string, string> = {};
  for (const f of fc.features) for (const [k, v] of Object.entries(f.properties ?? {})) fields[k] ??= typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
  const metadata = gzipSync(
    Buffer.from(
      JSON.stringify({
        name: opts.name ?? layer,
        ...(opts.attribution ? { attribution: opts.attribution } : {}),
        vector_layers: [{ id: layer, fields, minzoom, maxzoom }],
      }),
    ),
  );

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const leafOffset = metaOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metaOffset);
  u64(32, metadata.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, entries.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, entries.length); // tile contents
  header.writeUInt8(1, 96); // clustered: entries are in tile-id order and data follows them
  header.writeUInt8(COMPRESSION_GZIP, 97);
  header.writeUInt8(COMPRESSION_GZIP, 98);
  header.writeUInt8(TILE_TYPE_MVT, 99);
  header.writeUInt8(minzoom, 100);
  header.writeUInt8(maxzoom, 101);
  const e7 = (v: number) => Math.round(v * 1e7);
  header.writeInt32LE(e7(w), 102);
  header.writeInt32LE(e7(s), 106);
  header.writeInt32LE(e7(e), 110);
  header.writeInt32LE(e7(n), 114);
  header.writeUInt8(Math.min(maxzoom, Math.max(minzoom, 8)), 118);
  header.writeInt32LE(e7((w + e) / 2), 119);
  header.writeInt32LE(e7((s + n) / 2), 123);
  return new Uint8Array(Buffer.concat([header, root, metadata, leaves, tileData]));
}

function main(argv: string[]): void {
  const [input, output] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!input || !output) {
    console.error('usage: tsx scripts/geojson-to-pmtiles.ts in.geojson out.pmtiles [--layer name] [--minzoom 0] [--maxzoom 12]');
    process.exit(2);
  }
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const fc = JSON.parse(readFileSync(input, 'utf8')) as FeatureCollection;
  const bytes = geojsonToPmtiles(fc, {
    ...(flag('layer') ? { layer: flag('layer')! } : {}),
    ...(flag('minzoom') ? { minzoom: Number(flag('minzoom')) } : {}),
    ...(flag('maxzoom') ? { maxzoom: Number(flag('maxzoom')) } : {}),
  });
  writeFileSync(output, bytes);
  console.log(`${output}: ${(bytes.length / 1024).toFixed(1)} KiB`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
