import { describe, expect, it } from 'vitest';
import { groupLines, lineKindOf, totalAreaKm2 } from '../../../src/model/lineKinds';
import { itemsSchema } from '../../../src/data/plan/schema';
import { readJson } from '../data/realData';

const items = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;

describe('line kinds', () => {
  it('places every line of the plan: railways, roads, rivers', () => {
    const kinds = Object.fromEntries(items.filter((i) => i.properties.kind === 'line').map((i) => [i.properties.id, lineKindOf(i.properties)]));
    expect(kinds).toMatchObject({
      'g3-jingxiong-intercity': 'railway',
      'g3-jingzhang-railway': 'railway',
      'g3-jingli-expressway-yanchong': 'road',
      'g3-yongding-river': 'river',
      'g3-north-canal': 'river',
      'g3-chaobai-river': 'river',
    });
    expect(Object.values(kinds)).not.toContain('other');
  });

  it('groups in a fixed order with totals that add up as shown (to 0.1 km)', () => {
    const kind = (id: string) => (id.startsWith('r') ? 'railway' : id.startsWith('w') ? 'river' : 'road');
    const { groups, km } = groupLines(
      [
        { id: 'w1', km: 75.44 },
        { id: 'r1', km: 10.04 },
        { id: 'r2', km: 10.04 },
        { id: 'x', km: 1 },
      ],
      kind,
    );
    expect(groups.map((g) => [g.kind, g.km, g.lines.map((l) => l.id)])).toEqual([
      ['railway', 20, ['r1', 'r2']],
      ['road', 1, ['x']],
      ['river', 75.4, ['w1']],
    ]);
    expect(km).toBe(96.4);
    expect(groupLines([], kind)).toEqual({ groups: [], km: 0 });
    expect(totalAreaKm2([{ km2: 1.04 }, { km2: 2.04 }])).toBe(3);
  });
});
