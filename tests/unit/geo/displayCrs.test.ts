import { describe, expect, test } from 'vitest';
import { distance } from '@turf/turf';
import { fromDisplayPosition, toDisplayBbox, toDisplayFeatures, toDisplayGeometry, toDisplayPosition } from '../../../src/geo/displayCrs';

// Tiananmen: WGS-84 116.39127, 39.90725; its GCJ-02 position on AMap is ~ 116.39751, 39.90865
// (the GCJ-02 offset in Beijing is about 0.006° east and 0.0014° north, ~ 560 m).
const TIANANMEN: [number, number] = [116.39127, 39.90725];

describe('display datum', () => {
  test('WGS-84 is the identity', () => {
    expect(toDisplayPosition(TIANANMEN, 'wgs84')).toBe(TIANANMEN);
    const g = { type: 'Point' as const, coordinates: TIANANMEN };
    expect(toDisplayGeometry(g, 'wgs84')).toBe(g);
  });

  test('GCJ-02 shifts Beijing by the known offset (~0.006° east, ~0.0014° north)', () => {
    const [x, y] = toDisplayPosition(TIANANMEN, 'gcj02');
    expect(x - TIANANMEN[0]).toBeGreaterThan(0.0055);
    expect(x - TIANANMEN[0]).toBeLessThan(0.0068);
    expect(y - TIANANMEN[1]).toBeGreaterThan(0.0008);
    expect(y - TIANANMEN[1]).toBeLessThan(0.002);
    const km = distance(TIANANMEN, [x, y]);
    expect(km).toBeGreaterThan(0.45);
    expect(km).toBeLessThan(0.7);
  });

  test('a position read off a GCJ-02 map goes back to WGS-84 within a centimetre', () => {
    const back = fromDisplayPosition(toDisplayPosition(TIANANMEN, 'gcj02'), 'gcj02');
    expect(distance(TIANANMEN, back) * 1e5).toBeLessThan(1); // cm
  });

  test('outside China nothing moves', () => {
    expect(toDisplayPosition([139.69, 35.69], 'gcj02')).toEqual([139.69, 35.69]);
  });

  test('geometries of every type are converted without changing the input', () => {
    const poly = { type: 'Polygon' as const, coordinates: [[[116, 39], [117, 39], [117, 40], [116, 39]]] };
    const out = toDisplayGeometry(poly, 'gcj02');
    expect(poly.coordinates[0]![0]).toEqual([116, 39]);
    expect(out.coordinates[0]).toHaveLength(4);
    expect(out.coordinates[0]![0]![0]).toBeGreaterThan(116.004);
    const multi = { type: 'MultiLineString' as const, coordinates: [[[116, 39, 12], [117, 40, 14]]] };
    const m = toDisplayGeometry(multi, 'gcj02');
    expect(m.coordinates[0]![1]![2]).toBe(14); // elevation kept
    const gc = toDisplayGeometry({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [116, 39] }] }, 'gcj02');
    expect(gc.geometries[0]!.type).toBe('Point');
  });

  test('feature arrays are converted once and keep their properties', () => {
    const features = [{ type: 'Feature' as const, properties: { id: 'a' }, geometry: { type: 'Point' as const, coordinates: TIANANMEN } }];
    const a = toDisplayFeatures(features, 'gcj02');
    expect(a[0]!.properties.id).toBe('a');
    expect(a[0]!.geometry.coordinates[0]).not.toBe(TIANANMEN[0]);
    expect(toDisplayFeatures(features, 'gcj02')).toBe(a);
    expect(toDisplayFeatures(features, 'wgs84')).toBe(features);
  });

  test('bboxes move with their corners', () => {
    const b = toDisplayBbox([116, 39, 117, 40], 'gcj02');
    expect(b[0]).toBeGreaterThan(116.004);
    expect(b[3]).toBeGreaterThan(40);
  });
});
