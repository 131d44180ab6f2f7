import { describe, expect, it } from 'vitest';
import { searchPlan } from '../../../src/model/search';
import { parseRegions } from '../../../src/data/regions/regions';
import { parseSearchAliases } from '../../../src/data/search/aliases';
import { itemsSchema } from '../../../src/data/plan/schema';
import { readJson } from '../data/realData';
import { SEARCH_QUERIES } from '../../support/searchQueries';

const items = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;
const regions = parseRegions(readJson('geodata/basemap/jjj_admin_labels.geojson'));
const aliases = parseSearchAliases(readJson('geodata/search/aliases.json'));
const idOf = (r: ReturnType<typeof searchPlan>[number] | undefined) => (!r ? null : r.type === 'item' ? r.item.properties.id : r.region.code);

describe('plan search', () => {
  it.each(SEARCH_QUERIES)('"$query" finds $first first ($why)', ({ query, first }) => {
    expect(idOf(searchPlan(query, items, regions, aliases)[0])).toBe(first);
  });

  it('declares aliases only for items and regions that exist', () => {
    const ids = new Set(items.map((i) => i.properties.id));
    expect([...aliases.items.keys()].filter((k) => !ids.has(k))).toEqual([]);
    expect([...aliases.regions.keys()].filter((k) => !regions.has(k))).toEqual([]);
  });

  it('lists the airport among the results for 大兴 (the region comes first, the item is not lost)', () => {
    const ids = searchPlan('大兴', items, regions, aliases).map(idOf);
    expect(ids[0]).toBe('110115');
    expect(ids).toContain('g3-daxing-airport');
  });

  it('finds official names without the aliases, and nothing for nonsense', () => {
    expect(idOf(searchPlan('北京大兴国际机场', items, regions)[0])).toBe('g3-daxing-airport');
    expect(searchPlan('zzzzqqq', items, regions, aliases)).toEqual([]);
    expect(searchPlan('  ', items, regions, aliases)).toEqual([]);
  });
});

describe('the level a click selects', () => {
  it('follows the zoom at 6.5 and 8.5, and a chosen level wins', async () => {
    const { levelForZoom, resolveLevel, choroplethLevelFor } = await import('../../../src/model/analysis');
    expect([6.2, 6.49, 6.5, 8.49, 8.5, 11].map(levelForZoom)).toEqual(['province', 'province', 'prefecture', 'prefecture', 'county', 'county']);
    expect(resolveLevel('county', 5)).toBe('county');
    expect(choroplethLevelFor('auto')).toBe('prefecture');
    expect(choroplethLevelFor('province')).toBe('province');
  });
});
