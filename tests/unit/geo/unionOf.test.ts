import { describe, expect, it } from 'vitest';
import { area, feature } from '@turf/turf';
import type { Polygon } from 'geojson';
import { unionOf } from '../../../src/geo/unionOf';

const square = (x: number, y: number, s = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});

describe('unionOf', () => {
  it('merges adjacent polygons into one polygon with the summed area', () => {
    const a = square(116, 39);
    const b = square(117, 39);
    const u = unionOf([a, b]);
    expect(u.type).toBe('Polygon');
    expect(area(feature(u))).toBeCloseTo(area(feature(a)) + area(feature(b)), -4);
  });

  it('keeps disjoint polygons as a MultiPolygon', () => {
    expect(unionOf([square(116, 39), square(118, 39)]).type).toBe('MultiPolygon');
  });

  it('returns a single polygon unchanged and refuses an empty list', () => {
    const a = square(116, 39);
    expect(unionOf([a])).toBe(a);
    expect(() => unionOf([])).toThrow(/no polygons/);
  });
});
