import { describe, expect, it } from 'vitest';
import { distanceFromCentreKm } from '../../../src/geo/distanceFromCentreKm';

describe('distanceFromCentreKm', () => {
  const c: [number, number] = [0, 0];
  it('measures to a point along the great circle (1° of latitude ≈ 111.2 km)', () => {
    expect(distanceFromCentreKm(c, { type: 'Point', coordinates: [0, 1] })).toBeCloseTo(111.19, 1);
  });
  it('measures to the nearest point of a line', () => {
    expect(distanceFromCentreKm(c, { type: 'LineString', coordinates: [[-1, 1], [1, 1]] })).toBeCloseTo(111.19, 0);
  });
  it('is 0 inside an area and the distance to the edge outside', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]]] };
    expect(distanceFromCentreKm(c, square)).toBe(0);
    expect(distanceFromCentreKm([0, 2], square)).toBeCloseTo(111.19, 0);
  });
});
