import { describe, expect, it } from 'vitest';
import { itemsSchema, type PlanItem } from '../../../src/data/plan/schema';
import { chapterSubject, paddingAround } from '../../../src/model/story/framing';
import type { Bbox } from '../../../src/geo/bbox';
import { readJson } from '../data/realData';

const items: PlanItem[] = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;
const labels = readJson('geodata/basemap/jjj_admin_labels.geojson') as { features: { properties: { adcode?: string; bbox?: Bbox } }[] };
const bboxes = new Map(labels.features.flatMap((f) => (f.properties.adcode && f.properties.bbox ? [[f.properties.adcode, f.properties.bbox] as const] : [])));
const regionBbox = (code: string) => bboxes.get(code) ?? null;

describe('chapterSubject', () => {
  it('is a highlighted point itself', () => {
    const s = chapterSubject({ highlight: { item: 'g3-daxing-airport' } }, items, regionBbox)!;
    expect(s[0]).toBe(s[2]);
    expect(s[0]).toBeCloseTo(116.41, 1);
  });
  it('is the regions an item without a geometry names (the five Hebei cities and Beijing)', () => {
    const s = chapterSubject({ highlight: { item: 'g3-medical-cooperation-hebei' } }, items, regionBbox)!;
    const baoding = regionBbox('130600')!;
    expect(s[0]).toBeLessThanOrEqual(baoding[0]);
    expect(s[1]).toBeLessThanOrEqual(baoding[1]);
  });
  it('is the whole region when a chapter shows everything, and the drawn items of its layers otherwise', () => {
    expect(chapterSubject({}, items, regionBbox)).toEqual(regionBbox('130000'));
    const g1 = chapterSubject({ filters: { layers: ['g1'] } }, items, regionBbox)!;
    expect(g1[2] - g1[0]).toBeLessThan(3);
  });
});

describe('paddingAround', () => {
  const map = { left: 100, top: 0, right: 1100, bottom: 800 };
  it('clears each overlay from its cheapest edge and adds the margin', () => {
    const nav = { left: 1060, top: 10, right: 1090, bottom: 110 }; // top-right column: from the right
    const scale = { left: 110, top: 770, right: 220, bottom: 790 }; // bottom-left bar: from the bottom
    expect(paddingAround(map, [nav, scale], 10)).toEqual({ top: 10, right: 50, bottom: 40, left: 10 });
  });
  it('ignores what is beside the map, not over it', () => {
    expect(paddingAround(map, [{ left: 0, top: 0, right: 100, bottom: 800 }], 0)).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });
});
