import { describe, expect, it } from 'vitest';
import { roundCoordinates } from '../../../src/geo/roundCoordinates';

describe('roundCoordinates', () => {
  it('rounds points to 5 decimals by default', () => {
    expect(roundCoordinates({ type: 'Point', coordinates: [116.123456789, 39.987654321] })).toEqual({
      type: 'Point',
      coordinates: [116.12346, 39.98765],
    });
  });

  it('drops consecutive duplicates created by rounding and keeps rings closed', () => {
    const r = roundCoordinates({
      type: 'Polygon',
      coordinates: [[[116, 39], [116.000001, 39.000001], [117, 39], [117, 40], [116, 40], [116, 39]]],
    });
    expect(r.coordinates[0]).toEqual([[116, 39], [117, 39], [117, 40], [116, 40], [116, 39]]);
  });

  it('rounds lines and multi-polygons', () => {
    expect(roundCoordinates({ type: 'LineString', coordinates: [[1.234567, 2.345678], [3, 4]] }, 2).coordinates).toEqual([
      [1.23, 2.35],
      [3, 4],
    ]);
    const mp = roundCoordinates({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] });
    expect(mp.coordinates).toHaveLength(1);
  });
});
