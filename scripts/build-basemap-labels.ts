/**
 * Derive geodata/basemap/jjj_admin_labels.geojson from jjj_admin_units.csv: one label point per
 * province / prefecture / county (the Tianditu label point, not the seat), plus a label point for
 * the Bohai Sea placed by hand in open water. Run: `npx tsx scripts/build-basemap-labels.ts`.
 * The unit test tests/unit/basemap/labels.test.ts checks the committed file equals this output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../geodata/basemap');

type Polygonal = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
interface AdminFeature { properties: { adcode: string }; geometry: Polygonal }

/** [west, south, east, north] of every admin polygon, by adcode (for "zoom to region"). */
export function adminBboxes(collections: { features: AdminFeature[] }[]): Map<string, [number, number, number, number]> {
  const out = new Map<string, [number, number, number, number]>();
  for (const fc of collections) {
    for (const f of fc.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
      for (const ring of rings) for (const [x, y] of ring) {
        if (x! < w) w = x!; if (x! > e) e = x!; if (y! < s) s = y!; if (y! > n) n = y!;
      }
      const r = (v: number) => Math.round(v * 1000) / 1000;
      out.set(f.properties.adcode, [r(w), r(s), r(e), r(n)]);
    }
  }
  return out;
}

export function buildAdminLabels(csv: string, bboxes: Map<string, [number, number, number, number]>): string {
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  const cols = header!.split(',');
  const idx = (c: string) => cols.indexOf(c);
  const lines: string[] = [];
  for (const row of rows) {
    const f = row.split(',');
    const level = f[idx('level')]!;
    const kind = level.startsWith('municipality') || level === 'province' ? 'province' : level === 'prefecture-level city' ? 'prefecture' : 'county';
    const props = {
      adcode: f[idx('adcode')],
      name: f[idx('name')],
      name_en: f[idx('name_en')],
      short_name: f[idx('short_name')],
      kind,
      parent_adcode: f[idx('parent_adcode')],
      province_adcode: f[idx('province_adcode')],
      bbox: bboxes.get(f[idx('adcode')]!),
    };
    const coords = [Number(f[idx('label_lon')]), Number(f[idx('label_lat')])];
    lines.push(JSON.stringify({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: coords } }));
  }
  lines.push(
    JSON.stringify({
      type: 'Feature',
      properties: { name: '渤海', name_en: 'Bohai Sea', kind: 'sea', source: 'cartographic placement in open water (not a survey point)' },
      geometry: { type: 'Point', coordinates: [119.75, 38.85] },
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const csv = readFileSync(path.join(dir, 'jjj_admin_units.csv'), 'utf8');
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { features: AdminFeature[] };
  const bboxes = adminBboxes(['jjj_provinces.geojson', 'jjj_prefectures.geojson', 'jjj_counties.geojson'].map(read));
  writeFileSync(path.join(dir, 'jjj_admin_labels.geojson'), buildAdminLabels(csv, bboxes));
  console.log('wrote geodata/basemap/jjj_admin_labels.geojson');
}
