/**
 * The river files stop at the old clip box (lon 112.5–120.5, lat 35.5–43.0) while the land, sea and
 * borders now reach far beyond it (geodata/basemap/wide_*.geojson). A river cut off at that box
 * would show the box as a row of river ends along one straight line, so the last FADE_KM of every
 * river that runs into the box edge becomes a feature of its own with `fade_to_edge: true`, its
 * vertices ordered towards the edge. The style draws those with a line-gradient that fades out
 * (src/map/basemap/style.ts). A piece with both ends on the box and shorter than two fades is dropped.
 *
 * Rewrites geodata/basemap/rivers_naturalearth.geojson and rivers_ngcc4m_supplement.geojson in place;
 * a file that already has `fade_to_edge` features is left as it is.
 * Run: `npx tsx scripts/build-basemap-river-fades.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { length, lineSliceAlong, lineString } from '@turf/turf';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../geodata/basemap');
const FADE_KM = 35;
const BOX = { w: 112.5, s: 35.5, e: 120.5, n: 43.0 };

type Pos = [number, number];
interface RiverFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: Pos[] } | { type: 'MultiLineString'; coordinates: Pos[][] };
  properties: Record<string, unknown>;
}

function onBoxEdge([x, y]: Pos): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-4;
  return near(x, BOX.w) || near(x, BOX.e) || near(y, BOX.s) || near(y, BOX.n);
}

const round = (p: Pos): Pos => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

/** A part split into the piece drawn as usual and the pieces fading towards the box edge. */
function splitPart(part: Pos[]): { inner: Pos[] | null; fades: Pos[][] } {
  const startOut = onBoxEdge(part[0]!);
  const endOut = onBoxEdge(part[part.length - 1]!);
  if (!startOut && !endOut) return { inner: part, fades: [] };
  const line = lineString(part);
  const km = length(line, { units: 'kilometers' });
  const ends = (startOut ? 1 : 0) + (endOut ? 1 : 0);
  if (km <= ends * FADE_KM) return { inner: null, fades: [] };
  const slice = (a: number, b: number): Pos[] => (lineSliceAlong(line, a, b, { units: 'kilometers' }).geometry.coordinates as Pos[]).map(round);
  const from = startOut ? FADE_KM : 0;
  const to = endOut ? km - FADE_KM : km;
  const fades: Pos[][] = [];
  if (startOut) fades.push(slice(0, FADE_KM).reverse());
  if (endOut) fades.push(slice(km - FADE_KM, km));
  return { inner: slice(from, to), fades };
}

function rebuild(file: string): void {
  const full = path.join(dir, file);
  const fc = JSON.parse(readFileSync(full, 'utf8')) as { type: string; features: RiverFeature[] };
  if (fc.features.some((f) => f.properties.fade_to_edge === true)) return;
  const out: RiverFeature[] = [];
  for (const f of fc.features) {
    const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const inner: Pos[][] = [];
    const fades: Pos[][] = [];
    for (const part of parts) {
      const r = splitPart(part);
      if (r.inner) inner.push(r.inner);
      fades.push(...r.fades);
    }
    if (inner.length > 0) {
      out.push({ ...f, geometry: inner.length === 1 ? { type: 'LineString', coordinates: inner[0]! } : { type: 'MultiLineString', coordinates: inner } });
    }
    for (const fade of fades) out.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: fade }, properties: { ...f.properties, fade_to_edge: true } });
  }
  const text = `{"type":"FeatureCollection","features":[\n${out.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  writeFileSync(full, text);
}

rebuild('rivers_naturalearth.geojson');
rebuild('rivers_ngcc4m_supplement.geojson');
