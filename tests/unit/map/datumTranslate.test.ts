import { describe, expect, test } from 'vitest';
import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { datumTranslate, type TranslateExpression } from '../../../src/map/datumTranslate';
import { toDisplayPosition } from '../../../src/geo/displayCrs';

const TIANANMEN: [number, number] = [116.39127, 39.90725];
const toGcj = (p: Position) => toDisplayPosition(p, 'gcj02');

/** What MapLibre makes of the expression at a zoom: exponential interpolation, base 2. */
function at(expr: TranslateExpression, zoom: number): [number, number] {
  const [, , , z0, [, v0], z1, [, v1]] = expr;
  const t = (2 ** (zoom - z0) - 1) / (2 ** (z1 - z0) - 1);
  return [v0[0] + (v1[0] - v0[0]) * t, v0[1] + (v1[1] - v0[1]) * t];
}

describe('datumTranslate', () => {
  test('WGS-84 moves nothing', () => {
    expect(datumTranslate(TIANANMEN, (p) => p)).toBeNull();
  });

  test('GCJ-02 in Beijing: east and north on screen (+x, −y), as many pixels as the offset has metres', () => {
    const expr = datumTranslate(TIANANMEN, toGcj)!;
    const metres = distance(TIANANMEN, toGcj(TIANANMEN)) * 1000; // ~ 560 m
    for (const zoom of [6, 10, 13, 16.5]) {
      const [x, y] = at(expr, zoom);
      expect(x).toBeGreaterThan(0);
      expect(y).toBeLessThan(0);
      // ground metres per screen pixel at this latitude (512-pixel world at zoom 0)
      const mPerPx = (40075016.686 * Math.cos((TIANANMEN[1] * Math.PI) / 180)) / (512 * 2 ** zoom);
      expect(Math.hypot(x, y) * mPerPx).toBeCloseTo(metres, -1); // within 5 m
    }
    // doubling with each zoom level
    const [x13] = at(expr, 13);
    const [x14] = at(expr, 14);
    expect(x14 / x13).toBeCloseTo(2, 6);
  });

  test('the offset is taken where the view is: Beijing and Shijiazhuang differ by ~80 m (~10 px at zoom 13)', () => {
    const a = at(datumTranslate(TIANANMEN, toGcj)!, 13);
    const b = at(datumTranslate([114.5, 38.04], toGcj)!, 13);
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThan(8);
  });
});
