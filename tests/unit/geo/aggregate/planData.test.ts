/**
 * On the real plan data: the regions each item with a geometry touches, by the engine, equal
 * the regions the data pipeline computed for it with src/geo/regionsOf.ts (properties.regions,
 * regions_source 'computed'), at all three levels, including the codes a named source adds where
 * the generalised boundaries miss a site (properties.regions_added: the engine counts those by
 * name, so the Daxing airport is in Beijing's and Daxing District's numbers).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { aggregateFeatures, buildRegionIndex, type AggregatableItem } from '../../../../src/geo/aggregate';
import { loadRegions } from './fixtures';

const root = path.resolve(import.meta.dirname, '../../../..');
type Item = AggregatableItem & { properties: { regions_source?: string; regions_added?: string[] } };
const items = (JSON.parse(readFileSync(path.join(root, 'geodata/plan/items.geojson'), 'utf8')) as { features: Item[] }).features;

describe('plan items: engine regions = properties.regions', () => {
  it.each(['counties', 'prefectures', 'provinces'] as const)('%s', (level) => {
    const index = buildRegionIndex(loadRegions(level), { id: level });
    const res = aggregateFeatures(index, items);
    const located = items.filter((f) => f.geometry && f.properties.regions_source === 'computed');
    expect(located.length).toBeGreaterThan(5);
    for (const it of located) {
      const mine = res.regions.filter((r) => r.itemIds.includes(it.properties.id)).map((r) => r.id).sort();
      const data = (it.properties.regions ?? []).filter((c) => index.byId.has(c)).sort();
      expect(mine, it.properties.id).toEqual(data);
    }
  });
});

describe('the Daxing airport', () => {
  it.each([
    ['provinces', '110000'],
    ['counties', '110115'],
  ] as const)('counts in %s %s (added by a named source), and in Langfang where its point falls', (level, code) => {
    const index = buildRegionIndex(loadRegions(level), { id: level });
    const res = aggregateFeatures(index, items);
    const of = res.regions.filter((r) => r.itemIds.includes('g3-daxing-airport')).map((r) => r.id);
    expect(of).toContain(code);
    expect(of).toContain(level === 'provinces' ? '130000' : '131003');
  });
});
