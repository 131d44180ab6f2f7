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

export function buildAdminLabels(csv: string): string {
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
  writeFileSync(path.join(dir, 'jjj_admin_labels.geojson'), buildAdminLabels(csv));
  console.log('wrote geodata/basemap/jjj_admin_labels.geojson');
}
