import { describe, expect, it } from 'vitest';
import { buildPlanData } from '../../../scripts/build-plan-data';
import { itemsSchema, linksSchema, planMetaSchema } from '../../../src/data/plan/schema';
import { ROOT, readJson, readText } from './realData';

describe('the committed plan dataset', () => {
  it('is exactly what scripts/build-plan-data.ts produces (no hand edits of generated files)', () => {
    const built = buildPlanData(ROOT);
    expect(readText('geodata/plan/items.geojson')).toBe(built.items);
    expect(readText('geodata/plan/links.geojson')).toBe(built.links);
  });

  it('parses with the schemas', () => {
    expect(planMetaSchema.safeParse(readJson('geodata/plan/plan.json')).success).toBe(true);
    expect(itemsSchema.safeParse(readJson('geodata/plan/items.geojson')).success).toBe(true);
    expect(linksSchema.safeParse(readJson('geodata/plan/links.geojson')).success).toBe(true);
  });

  it('has the milestones the release dates', () => {
    const items = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;
    const airport = items.find((f) => f.properties.id === 'g3-daxing-airport')!;
    expect(airport.properties.milestones.map((m) => [m.date, m.date_precision])).toEqual([
      ['2019-06-30', 'month-end'],
      ['2019-09-30', 'month-end'],
    ]);
    const jingzhang = items.find((f) => f.properties.id === 'g3-jingzhang-railway')!;
    expect(jingzhang.properties.milestones.map((m) => m.date)).toEqual(['2019-12-31']);
  });

  it('computes Xiong\'an and the North Three Counties from the county polygons', () => {
    const items = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;
    const xiongan = items.find((f) => f.properties.id === 'g2-xiongan-cooperation-agreement')!;
    expect(xiongan.properties.regions).toEqual(['130000', '130600', '130629', '130632', '130638']);
    const n3c = items.find((f) => f.properties.id === 'g2-tongzhou-n3c-coordination')!;
    expect(n3c.properties.regions).toEqual(['110000', '130000', '131000', '110112', '131024', '131028', '131082']);
  });

  it('stays reasonably small', () => {
    expect(readText('geodata/plan/items.geojson').length).toBeLessThan(400_000);
  });
});
