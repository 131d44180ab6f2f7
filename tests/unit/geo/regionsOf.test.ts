import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { regionsOf, sortRegionCodes, type CountyUnit } from '../../../src/geo/regionsOf';

const square = (x: number, y: number, s = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});
// Two counties of prefecture 130100 side by side, one of 110000 above them.
const counties: CountyUnit[] = [
  { adcode: '130102', city_adcode: '130100', province_adcode: '130000', geometry: square(115, 38) },
  { adcode: '130104', city_adcode: '130100', province_adcode: '130000', geometry: square(116, 38) },
  { adcode: '110101', city_adcode: '110000', province_adcode: '110000', geometry: square(115, 39, 2) },
];

describe('regionsOf', () => {
  it('finds the county, prefecture and province containing a point', () => {
    expect(regionsOf({ type: 'Point', coordinates: [115.5, 38.5] }, counties)).toEqual(['130000', '130100', '130102']);
  });

  it('finds every county a line passes through', () => {
    expect(regionsOf({ type: 'LineString', coordinates: [[115.5, 38.5], [116.5, 39.5]] }, counties)).toEqual([
      '110000', '130000', '130100', '110101', '130102', '130104',
    ]);
  });

  it('ignores neighbours that only share a border with a polygon', () => {
    expect(regionsOf(square(115, 38), counties)).toEqual(['130000', '130100', '130102']);
  });

  it('counts real overlaps of a polygon', () => {
    expect(regionsOf(square(115.5, 38.5), counties)).toEqual(['110000', '130000', '130100', '110101', '130102', '130104']);
  });

  it('returns nothing outside every county', () => {
    expect(regionsOf({ type: 'Point', coordinates: [120, 42] }, counties)).toEqual([]);
  });
});

describe('sortRegionCodes', () => {
  it('orders by level (province, prefecture, county), then code, without duplicates', () => {
    expect(sortRegionCodes(['130102', '130000', '110000', '130100', '130000'])).toEqual(['110000', '130000', '130100', '130102']);
  });
});
