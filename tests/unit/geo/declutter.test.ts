import { describe, expect, it } from 'vitest';
import { declutter, fromPixels, toPixels } from '../../../src/geo/declutter';

const OPTS = { radius: 6, gap: 4 };
const dist = (a: [number, number], b: [number, number], z: number) => {
  const p = toPixels(a, z);
  const q = toPixels(b, z);
  return Math.hypot(p[0] - q[0], p[1] - q[1]);
};

describe('declutter', () => {
  it('pixels and back', () => {
    const p: [number, number] = [116.4, 39.9];
    const [lon, lat] = fromPixels(toPixels(p, 6.3), 6.3);
    expect(lon).toBeCloseTo(116.4, 9);
    expect(lat).toBeCloseTo(39.9, 9);
  });

  it('leaves points that do not overlap where they are', () => {
    expect(declutter([[116.4, 39.9], [117.2, 39.1], [114.9, 40.8]], 6.3, OPTS)).toEqual([null, null, null]);
  });

  it('spreads overlapping dots until every pair is clear, and puts them back as the map zooms in', () => {
    // two points in Tongzhou about 1.4 km apart, and a third on top of one
    const pts: [number, number][] = [[116.69, 39.88], [116.68, 39.89], [116.6905, 39.8805]];
    for (const z of [6, 7, 8, 9]) {
      const out = declutter(pts, z, OPTS);
      const shown = pts.map((p, i) => out[i] ?? p);
      for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(dist(shown[i]!, shown[j]!, z), `z${z} ${i}/${j}`).toBeGreaterThanOrEqual(2 * OPTS.radius + OPTS.gap - 0.01);
      // moved only a little: each stays within a ring's radius of the group's centre
      for (let i = 0; i < 3; i++) expect(dist(shown[i]!, pts[i]!, z)).toBeLessThan(20);
    }
    expect(declutter(pts.slice(0, 2), 12, OPTS)).toEqual([null, null]);
  });

  it('keeps each dot on its own side: the western point is drawn west of the eastern one', () => {
    const west: [number, number] = [116.3, 39.9];
    const east: [number, number] = [116.301, 39.9];
    const [w, e] = declutter([west, east], 6, OPTS);
    expect(w![0]).toBeLessThan(e![0]);
  });

  it('merges groups whose rings would touch', () => {
    // a tight cluster beside a second one: after laying out both, no pair of dots may overlap
    const pts: [number, number][] = [[116.4, 39.9], [116.401, 39.9], [116.4, 39.901], [116.47, 39.9], [116.471, 39.9]];
    const z = 7;
    const out = declutter(pts, z, OPTS);
    const shown = pts.map((p, i) => out[i] ?? p);
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) expect(dist(shown[i]!, shown[j]!, z)).toBeGreaterThanOrEqual(2 * OPTS.radius + OPTS.gap - 0.01);
  });
});
