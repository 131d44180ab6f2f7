import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { arcPath, ARC_SEGMENTS } from '../../../src/geo/arcPath';

const xyz = (p: number[], i: number) => p.slice(i * 3, i * 3 + 3);

describe('arcPath', () => {
  const a: [number, number] = [116, 39];
  const b: [number, number] = [118, 39];

  it('runs from a to b on the ground, in ArcLayer\'s 50 vertices', () => {
    const { positions, ratios } = arcPath(a, b, 0.4);
    expect(positions).toHaveLength(ARC_SEGMENTS * 3);
    const start = xyz(positions, 0);
    expect(start[0]).toBeCloseTo(116, 9);
    expect(start[1]).toBeCloseTo(39, 9);
    expect(start[2]).toBe(0);
    const end = xyz(positions, ARC_SEGMENTS - 1);
    expect(end[0]).toBeCloseTo(118, 9);
    expect(end[1]).toBeCloseTo(39, 9);
    expect(end[2]).toBeCloseTo(0, 6);
    expect(ratios[0]).toBe(0);
    expect(ratios.at(-1)).toBe(1);
  });

  it('rises at the middle to height × the ends\' ground distance × ½ (√(½·½))', () => {
    // three vertices: the middle one is at t = 0.5. Along the 39th parallel the cos-scaled
    // Mercator distance is the distance along the parallel: 2° × 111.32 km × cos 39° = 173.0 km,
    // a hair over the great circle's 172.8 km (Turf). Raised by 0.4 × ½ of it: 34.6 km.
    const { positions } = arcPath(a, b, 0.4, 3);
    const [lon, lat, z] = xyz(positions, 1);
    expect(lon).toBeCloseTo(117, 9);
    expect(lat).toBeCloseTo(39, 9);
    expect(z! / 1000).toBeCloseTo(34.6, 1);
    expect(distance(a, b, { units: 'kilometers' })).toBeCloseTo(172.8, 1);
  });

  it('interpolates in Web Mercator, as ArcLayer does: the middle of a 38°–42° arc is at 40.03°, north of the mean', () => {
    const { positions } = arcPath([116, 38], [116, 42], 0, 3);
    expect(xyz(positions, 1)[1]).toBeCloseTo(40.029, 3);
  });

  it('steps like GLSL smoothstep, as ArcLayer does: vertices crowd at the ends, where the arc climbs', () => {
    const { ratios } = arcPath(a, b, 0.4);
    const s = 1 / (ARC_SEGMENTS - 1);
    expect(ratios[1]).toBeCloseTo(s * s * (3 - 2 * s), 12);
    expect(ratios[1]! - ratios[0]!).toBeLessThan((ratios[25]! - ratios[24]!) / 10);
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]!).toBeGreaterThan(ratios[i - 1]!);
  });

  it('is a straight line on the ground with height 0', () => {
    const { positions } = arcPath(a, b, 0);
    for (let i = 0; i < ARC_SEGMENTS; i++) {
      expect(xyz(positions, i)[1]).toBeCloseTo(39, 9);
      expect(xyz(positions, i)[2]).toBe(0);
    }
  });
});
