import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../support/i18nResources';
import { REGION_CSV_HEADER, regionCsvFileName, regionCsvRows, type Translate } from '../../../src/model/regionCsv';
import { tableToCSV } from '../../../src/data/export';
import type { AreaSummary } from '../../../src/geo/aggregate/features';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'zh', interpolation: { escapeValue: false } });
const t = { zh: i18n.getFixedT('zh') as Translate, en: i18n.getFixedT('en') as Translate };

const summary: AreaSummary = {
  items: 7,
  byGroup: { '1': 2, '3': 5 },
  byTheme: { transport: 3, ecology: 2 },
  byKind: {},
  byGeometry: 6,
  byName: 1,
  lineKm: 12.34,
  areaKm2: 2.06,
  itemIds: [],
  lines: [{ id: 'rail', km: 12.34 }],
  areas: [{ id: 'park', km2: 2.06 }],
};

describe('regionCsvRows', () => {
  const rows = regionCsvRows({
    code: '131000',
    name: { zh: '廊坊市', en: 'Langfang' },
    summary,
    itemName: (id) => ({ zh: `${id}（中）`, en: id }),
    lineKindOf: () => 'railway',
    shares: [],
    users: [{ name: 'my "sites", 2024', figures: { layerId: 'u1', features: 4, points: 3, lines: 1, lineKm: 5.55, areas: 0, areaKm2: 0 } }],
    t,
  });

  it('one row per figure the panel shows, named in both languages, rounded as shown', () => {
    expect(rows[0]).toEqual(['131000', '廊坊市', 'Langfang', '涉及项目', 'Items concerned', 7, 'count']);
    expect(rows.slice(1, 6).map((r) => r[5])).toEqual([2, 0, 5, 0, 0]);
    expect(rows[3]![3]).toBe('3 关键环节新突破');
    expect(rows.slice(6, 10).map((r) => r[5])).toEqual([2, 3, 0, 0]);
    // lines grouped by kind as the panel shows them: each line, the kind's total, all lines' total
    expect(rows[10]!.slice(3)).toEqual(['线路长度（区内）: 铁路: rail（中）', `${t.en('regions.lines')}: Railways: rail`, 12.3, 'km']);
    expect(rows[11]!.slice(3)).toEqual(['线路长度（区内）: 铁路: 合计', `${t.en('regions.lines')}: Railways: total`, 12.3, 'km']);
    expect(rows[12]!.slice(3)).toEqual(['线路长度（区内）: 合计', `${t.en('regions.lines')}: total`, 12.3, 'km']);
    expect(rows[13]!.slice(5)).toEqual([2.1, 'km²']);
    expect(rows[14]!.slice(5)).toEqual([3090, 'mu']);
    expect(rows[15]!.slice(3)).toEqual(['区域面积（区内）: 合计', `${t.en('regions.areas')}: total`, 2.1, 'km²']);
    const user = rows.slice(16);
    expect(user.map((r) => [r[3], r[5], r[6]])).toEqual([
      ['我的图层: my "sites", 2024 · 要素数', 4, 'count'],
      ['我的图层: my "sites", 2024 · 点数', 3, 'count'],
      ['我的图层: my "sites", 2024 · 线长（区内）', 5.6, 'km'],
    ]);
  });

  it('as CSV: a BOM, the header, quoted fields, CRLF', () => {
    const csv = tableToCSV([[...REGION_CSV_HEADER], ...rows]);
    expect(csv.startsWith('\uFEFFregion_code,region_zh,region_en,figure_zh,figure_en,value,unit\r\n131000,廊坊市,Langfang,涉及项目,Items concerned,7,count\r\n')).toBe(true);
    expect(csv).toContain('"我的图层: my ""sites"", 2024 · 要素数"');
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
  });

  it('file names keep the region and drop what file systems refuse', () => {
    expect(regionCsvFileName('廊坊市', '131000')).toBe('廊坊市-131000.csv');
    expect(regionCsvFileName('a/b: c', 'x')).toBe('a_b_c-x.csv');
  });
});
