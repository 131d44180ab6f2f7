import { describe, expect, test } from 'vitest';
import { bbox as turfBbox } from '@turf/turf';
import type { Geometry } from 'geojson';
import { emptyBbox, extendBbox, geometryBbox, unionBboxes } from '../../../src/geo/bbox';

const shapes: Geometry[] = [
  { type: 'Point', coordinates: [116.4, 39.9] },
  { type: 'LineString', coordinates: [[116.32, 39.89], [116.41, 39.51], [115.9, 39.05]] },
  { type: 'Polygon', coordinates: [[[115.8, 38.9], [116.2, 38.9], [116.2, 39.2], [115.8, 38.9]]] },
  { type: 'MultiPolygon', coordinates: [[[[117, 39], [117.5, 39], [117.5, 39.3], [117, 39]]], [[[118, 39.5], [118.2, 39.5], [118.2, 39.6], [118, 39.5]]]] },
  { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [114.9, 40.8] }, { type: 'LineString', coordinates: [[116.2, 40.0], [115.0, 40.7, 12]] }] },
];

describe('bounding boxes', () => {
  test('equal Turf’s bbox for every geometry type', () => {
    for (const g of shapes) expect(geometryBbox(g)).toEqual(turfBbox(g));
  });
  test('no coordinates, no box', () => {
    expect(geometryBbox(null)).toBeNull();
    expect(geometryBbox({ type: 'GeometryCollection', geometries: [] })).toBeNull();
    expect(unionBboxes([null, undefined])).toBeNull();
  });
  test('extending one box over many geometries equals the union of their boxes', () => {
    const acc = emptyBbox();
    for (const g of shapes) extendBbox(acc, g);
    expect(acc).toEqual(unionBboxes(shapes.map(geometryBbox)));
    expect(acc).toEqual([114.9, 38.9, 118.2, 40.8]);
  });
});
