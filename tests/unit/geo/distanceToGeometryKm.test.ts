import { describe, expect, it } from 'vitest';
import { distanceToGeometryKm } from '../../../src/geo/distanceToGeometryKm';

describe('distanceToGeometryKm', () => {
  it('measures point to point in km', () => {
    // one hundredth of a degree of latitude ≈ 1.11 km
    expect(distanceToGeometryKm([116, 39], { type: 'Point', coordinates: [116, 39.01] })).toBeCloseTo(1.112, 2);
  });

  it('measures the shortest distance to a line, and to the nearest part of a multi-line', () => {
    // a meridian; 0.01° of longitude at 39.5° N ≈ 0.859 km
    const line = { type: 'LineString' as const, coordinates: [[116, 39], [116, 40]] };
    expect(distanceToGeometryKm([116.01, 39.5], line)).toBeCloseTo(0.859, 2);
    const multi = { type: 'MultiLineString' as const, coordinates: [[[118, 39], [118, 40]], line.coordinates] };
    expect(distanceToGeometryKm([116.01, 39.5], multi)).toBeCloseTo(0.859, 2);
  });

  it('refuses polygons', () => {
    expect(() => distanceToGeometryKm([0, 0], { type: 'Polygon', coordinates: [] })).toThrow(/unsupported/);
  });
});
