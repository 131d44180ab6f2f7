import { describe, expect, test } from 'vitest';
import type { ImportedFeature } from '../../../src/data/import/types';
import { toDisplayPosition } from '../../../src/geo/displayCrs';
import { fp64LowPart } from '@deck.gl/core';
import { SYNC_FEATURES, classAttributes, filterValues, splitPositions, userLayerGeometry } from '../../../src/map/userLayerBuffers';
import { styleUserLayer } from '../../../src/model/userLayerStyle';
import { tableFeatures, tableFromFeatures } from '../../../src/data/import/table';

const point = (x: number, y: number, props: Record<string, unknown> = {}): ImportedFeature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: props });

describe('user layer buffers', () => {
  test('a small layer of points: positions at once, in feature order, and shifted into GCJ-02', () => {
    const features = [point(116.4, 39.9), point(117.2, 39.13)];
    const g = userLayerGeometry(features, 'wgs84');
    expect(g?.kind === 'points' && { count: g.count, positions: g.positions }).toEqual({ count: 2, positions: new Float64Array([116.4, 39.9, 117.2, 39.13]) });
    expect(g?.kind === 'points' && g.split.length).toBe(8);
    const gcj = userLayerGeometry(features, 'gcj02');
    expect(gcj?.kind).toBe('points');
    const shifted = toDisplayPosition([117.2, 39.13], 'gcj02');
    expect(gcj?.kind === 'points' && [...gcj.positions.slice(2)]).toEqual(shifted);
    expect(userLayerGeometry(features, 'wgs84')).toBe(g); // cached
  });

  test('lines, areas (with a hole) and points of a mixed layer: binary shapes, each with its feature', () => {
    const line: ImportedFeature = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[116, 39], [117, 40]] }, properties: { name: 'l' } };
    const outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole = [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]];
    const square: ImportedFeature = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [outer, hole] }, properties: {} };
    const two: ImportedFeature = {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [[[[10, 10], [11, 10], [11, 11], [10, 10]]], [[[20, 20], [21, 20], [21, 21], [20, 20]]]] },
      properties: {},
    };
    const g = userLayerGeometry([point(116.4, 39.9), line, square, two], 'wgs84');
    expect(g?.kind).toBe('shapes');
    if (g?.kind !== 'shapes') return;
    expect(g.points).toEqual({ count: 1, positions: new Float64Array([116.4, 39.9]), featureOf: new Uint32Array([0]) });
    // paths: the line, then the rings of the areas (outer, hole, two triangles) as their outlines
    expect(g.paths.count).toBe(5);
    expect([...g.paths.featureOf]).toEqual([1, 2, 2, 3, 3]);
    expect([...g.paths.startIndices]).toEqual([0, 2, 7, 12, 16, 20]);
    expect([...g.paths.positions.slice(0, 4)]).toEqual([116, 39, 117, 40]);
    // areas: the square with its hole, then the two parts of the multipolygon
    expect(g.areas.count).toBe(3);
    expect([...g.areas.featureOf]).toEqual([2, 3, 3]);
    expect([...g.areas.startIndices]).toEqual([0, 10, 14, 18]);
    // the triangles cover the square less its hole: 16 − 4 = 12 square units, and the two
    // triangles of ½ each; every index points into its own polygon
    const p = g.areas.positions;
    let area = 0;
    for (let t = 0; t < g.areas.indices.length; t += 3) {
      const [a, b, c] = [g.areas.indices[t]!, g.areas.indices[t + 1]!, g.areas.indices[t + 2]!];
      area += Math.abs((p[2 * b]! - p[2 * a]!) * (p[2 * c + 1]! - p[2 * a + 1]!) - (p[2 * c]! - p[2 * a]!) * (p[2 * b + 1]! - p[2 * a + 1]!)) / 2;
    }
    expect(area).toBeCloseTo(13, 9);
    expect(Math.max(...g.areas.indices)).toBeLessThan(18);
  });

  test('over GCJ-02 the shapes are shifted vertex by vertex', () => {
    const line: ImportedFeature = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[116, 39], [117, 40]] }, properties: {} };
    const g = userLayerGeometry([line], 'gcj02');
    expect(g?.kind === 'shapes' && [...g.paths.positions]).toEqual([...toDisplayPosition([116, 39], 'gcj02'), ...toDisplayPosition([117, 40], 'gcj02')]);
  });

  test('a big layer is built in slices, then reported ready', async () => {
    const features = Array.from({ length: SYNC_FEATURES + 5 }, (_, i) => point(116 + i * 1e-5, 39));
    let ready = 0;
    expect(userLayerGeometry(features, 'wgs84', () => ready++)).toBeNull();
    await new Promise<void>((resolve) => {
      const wait = () => (ready > 0 ? resolve() : setTimeout(wait, 5));
      wait();
    });
    const g = userLayerGeometry(features, 'wgs84');
    expect(ready).toBe(1);
    expect(g?.kind === 'points' && g.positions[2 * (SYNC_FEATURES + 4)]).toBeCloseTo(116 + (SYNC_FEATURES + 4) * 1e-5, 9);
  });

  test('a table of up to 200,000 points in WGS-84 is built at once, so the frame that lists it draws it', () => {
    const table = (n: number) => tableFeatures(tableFromFeatures(Array.from({ length: n }, (_, i) => point(116 + i * 1e-6, 39))));
    const atOnce = userLayerGeometry(table(200_000), 'wgs84');
    expect(atOnce?.kind === 'points' && atOnce.split.length).toBe(800_000);
    // more points, or a datum shift (a call per point), are built in slices
    expect(userLayerGeometry(table(200_001), 'wgs84')).toBeNull();
    expect(userLayerGeometry(table(SYNC_FEATURES + 1), 'gcj02')).toBeNull();
  });

  test('colours and radii per feature from the classes; one class needs none', () => {
    const features = [point(0, 0, { v: 1 }), point(0, 0, { v: 5 }), point(0, 0, {})];
    const single = styleUserLayer(features, undefined, '#ff0000');
    expect(classAttributes(single, 220)).toEqual({ fill: null, radius: null });
    const grad = styleUserLayer(features, { kind: 'graduated', property: 'v', method: 'equal', classes: 2, radius: true }, '#ff0000');
    const { fill, radius } = classAttributes(grad, 220);
    expect(fill?.length).toBe(12);
    expect([...fill!.slice(8)]).toEqual([200, 200, 200, 220]); // no value: #c8c8c8
    expect(radius && [...radius]).toEqual([4, 13, 5]);
  });

  test('the filter mask: the mask itself when it has one value per point, else a copy of that length', () => {
    const mask = new Uint8Array([1, 0, 1]);
    expect(filterValues(mask, 3)).toBe(mask);
    expect([...filterValues(mask, 2)]).toEqual([1, 0]);
    expect([...filterValues(mask, 5)]).toEqual([1, 0, 1, 0, 0]);
  });

  test('positions split for the GPU as deck.gl splits a float64 attribute: high parts, then low parts', () => {
    const positions = new Float64Array([116.123456789012, 39.987654321098, -179.99999999, 89.123456789, 0, -0.5]);
    const run = splitPositions(positions);
    let r = run.next();
    while (!r.done) r = run.next();
    const split = r.value;
    expect(split.length).toBe(12);
    for (let v = 0; v < 3; v++) {
      for (const k of [0, 1]) {
        const x = positions[2 * v + k]!;
        expect(split[4 * v + k]).toBe(Math.fround(x));
        expect(split[4 * v + 2 + k]).toBe(Math.fround(fp64LowPart(x)));
        // the two Float32 parts give the position back to well under a millimetre (1e-8° ≈ 1 mm)
        expect(Math.abs(split[4 * v + k]! + split[4 * v + 2 + k]! - x)).toBeLessThan(1e-9);
      }
    }
  });
});
