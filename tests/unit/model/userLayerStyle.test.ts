import { describe, expect, it } from 'vitest';
import {
  CATEGORY_PALETTE,
  MAX_CATEGORIES,
  NO_VALUE_COLOR,
  OTHER_COLOR,
  classCounts,
  graduatedBreaks,
  propertyInfo,
  styleUserLayer,
  styledUserLayer,
  validStyle,
} from '../../../src/model/userLayerStyle';
import { numericValue } from '../../../src/data/import/columnInfo';

const f = (properties: Record<string, unknown>) => ({ properties });

describe('category style', () => {
  it('gives each value a palette colour, the most frequent first, and a grey class for no value', () => {
    const features = [f({ type: '学校' }), f({ type: '医院' }), f({ type: '学校' }), f({}), f({ type: '' }), f({ type: 3 })];
    const s = styleUserLayer(features, { kind: 'category', property: 'type' }, '#000000');
    expect(s.classes.map((c) => (c.kind === 'value' ? c.value : c.kind))).toEqual(['学校', '3', '医院', 'none']);
    expect(s.classes.map((c) => c.count)).toEqual([2, 1, 1, 2]);
    expect(s.classes.map((c) => c.color)).toEqual([CATEGORY_PALETTE[0], CATEGORY_PALETTE[1], CATEGORY_PALETTE[2], NO_VALUE_COLOR]);
    expect([...s.classOf]).toEqual([0, 2, 0, 3, 3, 1]);
  });

  it('puts values beyond the first nine into one "other" class when there are more than ten', () => {
    // value k occurs 20 − k times: v0 most frequent
    const features = Array.from({ length: 14 }, (_, k) => Array.from({ length: 20 - k }, () => f({ v: `v${k}` }))).flat();
    const s = styleUserLayer(features, { kind: 'category', property: 'v' }, '#000000');
    expect(s.classes).toHaveLength(MAX_CATEGORIES);
    expect(s.classes.slice(0, 9).map((c) => (c.kind === 'value' ? c.value : ''))).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']);
    const other = s.classes[9]!;
    expect(other).toMatchObject({ kind: 'other', values: 5, color: OTHER_COLOR, count: 11 + 10 + 9 + 8 + 7 });
    expect(classCounts(s)).toEqual(s.classes.map((c) => c.count));
  });

  it('ten values or fewer get ten colours and no "other"', () => {
    const features = Array.from({ length: 10 }, (_, k) => f({ v: k }));
    const s = styleUserLayer(features, { kind: 'category', property: 'v' }, '#000000');
    expect(s.classes.every((c) => c.kind === 'value')).toBe(true);
    expect(new Set(s.classes.map((c) => c.color)).size).toBe(10);
  });
});

describe('graduated style', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
  const features = [...values.map((v) => f({ n: v })), f({ n: 'n/a' }), f({ n: '12.5' })];

  it('quantile classes hold equal shares; numeric strings count, other text has no value', () => {
    const s = styleUserLayer(features, { kind: 'graduated', property: 'n', method: 'quantile', classes: 5, radius: false }, '#000000');
    const ranges = s.classes.filter((c) => c.kind === 'range');
    expect(ranges.map((c) => c.to)).toEqual([3, 5, 7, 9, 100]); // 11 numbers: 1…9, 12.5, 100
    expect(ranges.map((c) => c.count)).toEqual([3, 2, 2, 2, 2]);
    expect(s.classes.at(-1)).toMatchObject({ kind: 'none', count: 1 });
    expect(s.classOf[10]).toBe(5);
    expect(s.classOf[11]).toBe(4); // 12.5 → the last class
  });

  it('equal intervals split the range evenly; natural breaks isolate the outlier', () => {
    expect(graduatedBreaks([0, 10, 20, 40], 4, 'equal')).toEqual([10, 20, 30, 40]);
    expect(graduatedBreaks(values, 2, 'natural')).toEqual([9, 100]);
    expect(graduatedBreaks([5, 5, 5], 5, 'equal')).toEqual([5]);
  });

  it('ramps from light to dark and grows the point radius by class when asked', () => {
    const s = styleUserLayer(features, { kind: 'graduated', property: 'n', method: 'equal', classes: 3, radius: true }, '#000000');
    const ranges = s.classes.filter((c) => c.kind === 'range');
    expect(ranges.map((c) => c.radius)).toEqual([4, 9, 13]);
    expect(new Set(ranges.map((c) => c.color)).size).toBe(3);
    const flat = styleUserLayer(features, { kind: 'graduated', property: 'n', method: 'equal', classes: 3, radius: false }, '#000000');
    expect(new Set(flat.classes.map((c) => c.radius))).toEqual(new Set([5]));
  });

  it('counts only the features shown', () => {
    const s = styleUserLayer(features, { kind: 'graduated', property: 'n', method: 'quantile', classes: 5, radius: false }, '#000000');
    const shown = new Uint8Array(features.length);
    shown[0] = shown[9] = shown[10] = 1;
    expect(classCounts(s, shown)).toEqual([1, 0, 0, 0, 1, 1]);
  });
});

describe('helpers', () => {
  it('one colour without a style', () => {
    const s = styleUserLayer([f({}), f({})], undefined, '#123456');
    expect(s.classes).toEqual([{ kind: 'all', color: '#123456', radius: 5, count: 2 }]);
  });
  it('reads numbers, not dates or words', () => {
    expect([numericValue(3), numericValue(' 4.5 '), numericValue('-1e3'), numericValue('2019-06-01'), numericValue('abc'), numericValue(NaN), numericValue(null)]).toEqual([3, 4.5, -1000, null, null, null, null]);
  });
  it('tells which properties can be graduated', () => {
    const info = propertyInfo([f({ a: 1, b: 'x', c: '2' }), f({ a: 2, b: 'y' })], ['a', 'b', 'c', 'd']);
    expect(info).toEqual([
      { name: 'a', values: 2, distinct: 2, numeric: true },
      { name: 'b', values: 2, distinct: 2, numeric: false },
      { name: 'c', values: 1, distinct: 1, numeric: true },
      { name: 'd', values: 0, distinct: 0, numeric: false },
    ]);
  });
  it('keeps stored styles that are usable and drops the rest', () => {
    expect(validStyle(undefined)).toBeUndefined();
    expect(validStyle({ kind: 'category', property: 'type' })).toEqual({ kind: 'category', property: 'type' });
    expect(validStyle({ kind: 'graduated', property: 'n', method: 'equal', classes: 4 })).toEqual({ kind: 'graduated', property: 'n', method: 'equal', classes: 4, radius: false });
    expect(validStyle({ kind: 'graduated', property: 'n', method: 'bogus', classes: 4 })).toBeUndefined();
    expect(validStyle({ kind: 'category' })).toBeUndefined();
  });
  it('computes a layer once per style and colour', () => {
    const layer = { features: [f({ t: 'a' })], style: { kind: 'category' as const, property: 't' }, color: '#000000' };
    expect(styledUserLayer(layer)).toBe(styledUserLayer({ ...layer }));
    expect(styledUserLayer(layer)).not.toBe(styledUserLayer({ ...layer, color: '#ffffff' }));
  });
});
