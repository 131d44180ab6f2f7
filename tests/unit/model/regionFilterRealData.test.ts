import { describe, expect, it } from 'vitest';
import { itemPasses } from '../../../src/model/filters';
import { DEFAULT_FILTERS } from '../../../src/model/state';
import { itemsSchema } from '../../../src/data/plan/schema';
import { readJson } from '../data/realData';

const items = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;
const airport = items.find((i) => i.properties.id === 'g3-daxing-airport')!;
const ctx = { regionNames: new Map() };

// The airport straddles the Beijing–Hebei line: its point computes into Langfang, and the terminal's
// district (Daxing) and Beijing come from a named source. A region filter on either side keeps it.
describe('a region filter on the real plan data', () => {
  it.each([
    ['北京市', '110000'],
    ['大兴区', '110115'],
    ['河北省', '130000'],
    ['廊坊市', '131000'],
  ])('on %s (%s) keeps the Daxing airport', (_name, code) => {
    expect(itemPasses(airport, { ...DEFAULT_FILTERS, regions: [code] }, ctx)).toBe(true);
  });

  it('on 天津市 (120000) does not', () => {
    expect(itemPasses(airport, { ...DEFAULT_FILTERS, regions: ['120000'] }, ctx)).toBe(false);
  });
});
