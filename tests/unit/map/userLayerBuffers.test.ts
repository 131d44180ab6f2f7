import { describe, expect, test } from 'vitest';
import type { ImportedFeature } from '../../../src/data/import/types';
import { toDisplayPosition } from '../../../src/geo/displayCrs';
import { SYNC_FEATURES, classAttributes, filterValues, userLayerGeometry } from '../../../src/map/userLayerBuffers';
import { styleUserLayer } from '../../../src/map/userLayerStyle';

const point = (x: number, y: number, props: Record<string, unknown> = {}): ImportedFeature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: props });

describe('user layer buffers', () => {
  test('a small layer of points: positions at once, in feature order, and shifted into GCJ-02', () => {
    const features = [point(116.4, 39.9), point(117.2, 39.13)];
    const g = userLayerGeometry(features, 'wgs84');
    expect(g).toEqual({ kind: 'points', count: 2, positions: new Float64Array([116.4, 39.9, 117.2, 39.13]) });
    const gcj = userLayerGeometry(features, 'gcj02');
    expect(gcj?.kind).toBe('points');
    const shifted = toDisplayPosition([117.2, 39.13], 'gcj02');
    expect(gcj?.kind === 'points' && [...gcj.positions.slice(2)]).toEqual(shifted);
    expect(userLayerGeometry(features, 'wgs84')).toBe(g); // cached
  });

  test('a layer with lines keeps its features (shifted for GCJ-02, properties kept)', () => {
    const line: ImportedFeature = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[116, 39], [117, 40]] }, properties: { name: 'l' } };
    const features = [point(116.4, 39.9), line];
    expect(userLayerGeometry(features, 'wgs84')).toEqual({ kind: 'features', features });
    const g = userLayerGeometry(features, 'gcj02');
    expect(g?.kind === 'features' && g.features[1]!.properties).toEqual({ name: 'l' });
    expect(g?.kind === 'features' && g.features[1]!.geometry).toEqual({ type: 'LineString', coordinates: [toDisplayPosition([116, 39], 'gcj02'), toDisplayPosition([117, 40], 'gcj02')] });
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

  test('the filter mask as floats', () => {
    expect([...filterValues(new Uint8Array([1, 0, 1]), 3)]).toEqual([1, 0, 1]);
  });
});
