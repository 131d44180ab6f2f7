import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adminBboxes, buildAdminLabels } from '../../../scripts/build-basemap-labels';
import { parseRegions } from '../../../src/data/regions/regions';

const dir = 'geodata/basemap/';
const read = (f: string) => JSON.parse(readFileSync(dir + f, 'utf8'));

describe('geodata/basemap/jjj_admin_labels.geojson', () => {
  it('is what scripts/build-basemap-labels.ts makes from the CSV and boundaries (regenerate, do not edit)', () => {
    const csv = readFileSync(dir + 'jjj_admin_units.csv', 'utf8');
    const bboxes = adminBboxes(['jjj_provinces.geojson', 'jjj_prefectures.geojson', 'jjj_counties.geojson'].map(read));
    expect(readFileSync(dir + 'jjj_admin_labels.geojson', 'utf8')).toBe(buildAdminLabels(csv, bboxes));
  });

  it('gives the region table: 3 provinces, 11 Hebei prefectures, 199 counties with parents and boxes', () => {
    const regions = parseRegions(read('jjj_admin_labels.geojson'));
    const byLevel = (l: string) => [...regions.values()].filter((r) => r.level === l);
    expect(byLevel('province').map((r) => r.name_zh).sort()).toEqual(['北京市', '天津市', '河北省'].sort());
    expect(byLevel('prefecture')).toHaveLength(11);
    expect(byLevel('county')).toHaveLength(199);
    const langfang = regions.get('131000')!;
    expect(langfang.name_zh).toBe('廊坊市');
    expect(langfang.parent).toBe('130000');
    const sanhe = regions.get('131082')!;
    expect(sanhe.parent).toBe('131000');
    // Langfang is split in two by Beijing and Tianjin; its box spans both parts.
    expect(langfang.bbox[3]).toBeGreaterThan(40);
    expect(langfang.bbox[1]).toBeLessThan(38.6);
  });
});
