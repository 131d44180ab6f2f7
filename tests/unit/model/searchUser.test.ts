import { describe, expect, it } from 'vitest';
import { isNameLike, searchUserFeatures } from '../../../src/model/search';

const layers = [
  {
    id: 'a',
    name: '站点',
    features: [
      { properties: { code: 'X1', note: '靠近北京南站' } },
      { properties: { 名称: '北京南站', code: 'X2' } },
      { properties: { name: '北京南站东', code: 'X3' } },
      { properties: { name: 'Tianjin', code: 'X4' } },
      { properties: null },
    ],
  },
];

describe('searchUserFeatures', () => {
  it('exact names first, then names starting with the query, then other properties', () => {
    const r = searchUserFeatures('北京南站', layers);
    expect(r.map((x) => x.index)).toEqual([1, 2, 0]);
    expect(r.map((x) => x.label)).toEqual(['北京南站', '北京南站东', '靠近北京南站']);
    expect(r[0]).toMatchObject({ type: 'user', layerId: 'a', layerName: '站点' });
  });
  it('is case-insensitive, ignores blank queries and caps the results', () => {
    expect(searchUserFeatures('TIANJIN', layers).map((x) => x.index)).toEqual([3]);
    expect(searchUserFeatures('  ', layers)).toEqual([]);
    expect(searchUserFeatures('x', layers, 2)).toHaveLength(2);
  });
  it('knows name-like properties', () => {
    expect(['name', 'NAME', 'name_zh', '名称', 'station_name', 'title'].every(isNameLike)).toBe(true);
    expect(['code', 'namespace', 'note'].some(isNameLike)).toBe(false);
  });
});
