import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import type { ImportedFeature } from '../../../src/data/import/types';
import {
  featureRegionsFromSummaries,
  filterUserLayers,
  geometryKind,
  parseUserItemId,
  userItemId,
  userItemsOf,
  userLayerFigures,
} from '../../../src/model/userFilters';
import { aggregateFeatures, aggregateInArea, buildRegionIndex } from '../../../src/geo/aggregate';
import { handRegions, rect } from '../geo/aggregate/fixtures';
import { length as turfLength, area as turfArea, lineString, polygon } from '@turf/turf';

const feat = (geometry: Geometry, properties: Record<string, unknown> = {}): ImportedFeature => ({ type: 'Feature', geometry, properties });
const pt = (x: number, y: number, properties: Record<string, unknown> = {}) => feat({ type: 'Point', coordinates: [x, y] }, properties);

const schools = {
  id: 'a',
  features: [pt(0.5, 0.5, { name: '北京四中', type: 'School' }), pt(1.5, 0.5, { name: 'Ｈospital No. 3', beds: 500 }), pt(0.5, 1.5, { name: '天津站' })],
};

describe('filterUserLayers', () => {
  it('without filters every feature passes', () => {
    const r = filterUserLayers([schools], { text: '', regions: [] }, () => undefined);
    expect([...r.byLayer.get('a')!.shown]).toEqual([1, 1, 1]);
    expect(r.byLayer.get('a')!.count).toBe(3);
  });

  it('the text filter matches property values (NFKC, any case, every term), not property names', () => {
    const by = (text: string) => [...filterUserLayers([schools], { text, regions: [] }, () => undefined).byLayer.get('a')!.shown];
    expect(by('hospital')).toEqual([0, 1, 0]); // the full-width Ｈ is NFKC-normalised
    expect(by('500')).toEqual([0, 1, 0]);
    expect(by('hospital 3')).toEqual([0, 1, 0]);
    expect(by('hospital 4')).toEqual([0, 0, 0]);
    expect(by('beds')).toEqual([0, 0, 0]);
    expect(by('天津')).toEqual([0, 0, 1]);
  });

  it('the region filter uses the regions each feature touches; pending until they are known', () => {
    const pending = filterUserLayers([schools], { text: '', regions: ['130000'] }, () => undefined).byLayer.get('a')!;
    expect(pending).toMatchObject({ pending: true, count: 0 });
    const regions = [['110000'], ['131000', '130000'], ['120000']];
    const r = filterUserLayers([schools], { text: '', regions: ['130000', '120000'] }, () => regions);
    expect([...r.byLayer.get('a')!.shown]).toEqual([0, 1, 1]);
    const both = filterUserLayers([schools], { text: '天津', regions: ['130000', '120000'] }, () => regions);
    expect(both.byLayer.get('a')!.count).toBe(1);
    expect(both.version).not.toBe(r.version);
  });

  it('legend classes switched off hide their features, together with the other filters', () => {
    const kinds = {
      id: 'k',
      color: '#336699',
      style: { kind: 'category' as const, property: 'type' },
      features: [pt(0, 0, { type: 'school', name: '甲' }), pt(1, 0, { type: 'park', name: '乙' }), pt(2, 0, { type: 'school', name: '丙' }), pt(3, 0, { name: '丁' })],
    };
    const shown = (hiddenClasses: string[], text = '') => [...filterUserLayers([{ ...kinds, hiddenClasses }], { text, regions: [] }, () => undefined).byLayer.get('k')!.shown];
    expect(shown([])).toEqual([1, 1, 1, 1]);
    expect(shown(['value:school'])).toEqual([0, 1, 0, 1]);
    expect(shown(['value:school', 'none'])).toEqual([0, 1, 0, 0]);
    expect(shown(['value:park'], '丙')).toEqual([0, 0, 1, 0]);
    // a key the style does not have (a value gone, another style) hides nothing
    expect(shown(['value:hospital', 'range:0'])).toEqual([1, 1, 1, 1]);
    const a = filterUserLayers([{ ...kinds, hiddenClasses: ['value:park'] }], { text: '', regions: [] }, () => undefined);
    const b = filterUserLayers([{ ...kinds, hiddenClasses: ['value:school'] }], { text: '', regions: [] }, () => undefined);
    expect(a.version).not.toBe(b.version);
    // graduated ranges are switched off by their position
    const graded = { ...kinds, style: { kind: 'graduated' as const, property: 'n', method: 'equal' as const, classes: 2, radius: false }, features: [0, 10, 20, 30].map((n, i) => pt(i, 0, { n })) };
    expect([...filterUserLayers([{ ...graded, hiddenClasses: ['range:1'] }], { text: '', regions: [] }, () => undefined).byLayer.get('k')!.shown]).toEqual([1, 1, 0, 0]);
  });
});

describe('user features in the aggregation engine', () => {
  // 'W' [0,0]–[1,1], 'E' [1,0]–[2,1], 'N' [0,1]–[1,2] (fixtures.ts)
  const index = buildRegionIndex(handRegions(), { id: 'hand' });
  const line = lineString([
    [0.2, 0.2],
    [1.6, 0.2],
  ]);
  const area = polygon([rect(0.1, 0.1, 0.3, 0.3)]);
  const roads = { id: 'b', features: [feat(line.geometry, { name: 'road' }), feat(area.geometry, { name: 'park' })] };
  const users = userItemsOf([schools, roads]);

  it('ids and spans', () => {
    expect(users.spans).toEqual([
      { id: 'a', start: 0, count: 3 },
      { id: 'b', start: 3, count: 2 },
    ]);
    expect(users.version).toBe('a:3,b:2');
    expect(parseUserItemId(userItemId('u1:x', 12))).toEqual({ layerId: 'u1:x', index: 12 });
    expect(userItemsOf([schools, roads]).items[0]).toBe(users.items[0]); // cached per layer
  });

  it('per region and layer: features, points, km of lines and km² of areas (the engine, not a hand count)', () => {
    const res = aggregateFeatures(index, users.items, { key: 'all' });
    const kindOf = (layerId: string, i: number) => geometryKind((layerId === 'a' ? schools : roads).features[i]!);
    const w = res.regions.find((r) => r.id === 'W')!;
    const [a, b] = userLayerFigures(w, kindOf, ['a', 'b']);
    expect(a).toMatchObject({ layerId: 'a', features: 1, points: 1, lines: 0, areas: 0 });
    expect(b).toMatchObject({ layerId: 'b', features: 2, points: 0, lines: 1, areas: 1 });
    // 0.8 of the 1.4° line lies in W; the park lies wholly in W
    expect(b!.lineKm).toBeCloseTo(turfLength(lineString([[0.2, 0.2], [1, 0.2]])), 1);
    expect(b!.areaKm2).toBeCloseTo(turfArea(area) / 1e6, 0);
    const e = userLayerFigures(res.regions.find((r) => r.id === 'E')!, kindOf, ['a', 'b']);
    expect(e.map((x) => x.features)).toEqual([1, 1]);
    // a mask: only layer a's features
    const mask = new Uint8Array(users.items.length);
    mask.fill(1, 0, 3);
    const onlyA = userLayerFigures(aggregateFeatures(index, users.items, { key: 'a', mask }).regions.find((r) => r.id === 'W')!, kindOf, ['a', 'b']);
    expect(onlyA.map((x) => x.features)).toEqual([1, 0]);
    // a drawn area around W's lower half
    const inArea = aggregateInArea(users.items, { type: 'Polygon', coordinates: [rect(0, 0, 1, 0.4)] }, { key: 'all' });
    expect(userLayerFigures(inArea, kindOf, ['a', 'b']).map((x) => x.features)).toEqual([0, 2]);
  });

  it('regions per feature from the summaries, with the province of a prefecture code', () => {
    const spans = [{ id: 'a', start: 0, count: 2 }];
    const m = featureRegionsFromSummaries(
      [
        { id: '131000', itemIds: [userItemId('a', 1)] },
        { id: '110000', itemIds: [userItemId('a', 0), userItemId('a', 1), userItemId('zz', 0)] },
      ],
      spans,
    );
    expect(m.get('a')).toEqual([['110000'], ['131000', '130000', '110000']]);
  });
});
