import { describe, expect, it } from 'vitest';
import { area, circle, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { areaInRegions, buildRegionIndex, km2ToMu, muToKm2, MU_PER_KM2 } from '../../../../src/geo/aggregate';
import { handRegions, loadRegions, rect } from './fixtures';

/** Turf's radius (m). The area of a lon/lat rectangle on its sphere is R²·Δλ·(sin φ2 − sin φ1). */
const R_KM = 6371.0088;
const rectKm2 = (x0: number, y0: number, x1: number, y1: number) =>
  R_KM * R_KM * ((x1 - x0) * Math.PI) / 180 * (Math.sin((y1 * Math.PI) / 180) - Math.sin((y0 * Math.PI) / 180));

describe('areaInRegions on hand-made regions', () => {
  const index = buildRegionIndex(handRegions(), { id: 'hand' });
  const byId = (g: Polygon | MultiPolygon) => {
    const r = areaInRegions(index, g);
    return { ...r, byId: Object.fromEntries(r.touched.map((i) => [index.ids[i]!, r.km2[i]!])) };
  };

  it('splits a rectangle across W and E at x = 1, with the spherical-rectangle areas', () => {
    const r = byId({ type: 'Polygon', coordinates: [rect(0.25, 0.25, 1.5, 0.75)] });
    expect(r.byId.W).toBeCloseTo(rectKm2(0.25, 0.25, 1, 0.75), 6);
    expect(r.byId.E).toBeCloseTo(rectKm2(1, 0.25, 1.5, 0.75), 6);
    expect(r.totalKm2).toBeCloseTo(rectKm2(0.25, 0.25, 1.5, 0.75), 6);
    expect(r.outsideKm2).toBeCloseTo(0, 6);
    expect(Object.keys(r.byId).sort()).toEqual(['E', 'W']);
  });

  it('leaves the hole out of the holed region and gives it to the island', () => {
    const r = byId({ type: 'Polygon', coordinates: [rect(3, 0, 5, 2)] });
    expect(r.byId.H).toBeCloseTo(rectKm2(3, 0, 5, 2) - rectKm2(3.5, 0.5, 4.5, 1.5), 6);
    expect(r.byId.I).toBeCloseTo(rectKm2(3.5, 0.5, 4.5, 1.5), 6);
  });

  it('sums over both parts of a MultiPolygon region, and reports what lies outside', () => {
    const r = byId({ type: 'Polygon', coordinates: [rect(6.5, 0, 8.5, 1)] });
    expect(r.byId.M).toBeCloseTo(2 * rectKm2(0, 0, 0.5, 1), 6);
    expect(r.outsideKm2).toBeCloseTo(rectKm2(7, 0, 8, 1), 6);
  });

  it('a shared border alone is no overlap', () => {
    const r = byId({ type: 'Polygon', coordinates: [rect(1, 0, 1.5, 1)] });
    expect(r.byId).toEqual({ E: expect.closeTo(rectKm2(1, 0, 1.5, 1), 6) as number });
  });

  it('converts km² and mu (1 km² = 1,500 mu)', () => {
    expect(MU_PER_KM2).toBe(1500);
    expect(km2ToMu(2)).toBe(3000);
    expect(muToKm2(1500)).toBe(1);
    expect(km2ToMu(rectKm2(0, 0, 0.01, 0.01))).toBeCloseTo(1500 * 1.2364, 0);
  });
});

describe('areaInRegions on the real boundaries', () => {
  const countiesFc = loadRegions('counties');
  const counties = buildRegionIndex(countiesFc, { id: 'counties' });

  it('equals naive turf.intersect + turf.area over all 199 counties (50 km around the Sub-center)', () => {
    const ring = circle([116.656, 39.909], 50, { steps: 64, units: 'kilometers' });
    const mine = areaInRegions(counties, ring);
    countiesFc.features.forEach((f, i) => {
      const x = intersect(featureCollection<Polygon | MultiPolygon>([ring, f]));
      expect(mine.km2[i], counties.ids[i]).toBe(x ? area(x) / 1e6 : 0);
    });
    expect(mine.touched.length).toBeGreaterThan(10);
    const sum = mine.km2.reduce((s, v) => s + v, 0);
    expect(sum / mine.totalKm2).toBeCloseTo(1, 4); // the circle lies within the three provinces
  });

  it('Langfang (with the North Three Counties exclave) splits into its 10 counties', () => {
    const langfang = loadRegions('prefectures').features.find((f) => f.properties!.adcode === '131000') as Feature<MultiPolygon>;
    expect(langfang.geometry.type).toBe('MultiPolygon');
    const r = areaInRegions(counties, langfang);
    const big = r.touched.filter((i) => r.km2[i]! > 1).map((i) => counties.ids[i]!);
    expect(big.every((id) => id.startsWith('1310'))).toBe(true);
    expect(big).toEqual(expect.arrayContaining(['131082', '131028', '131024']));
    expect(big).toHaveLength(10);
    const inLangfang = r.touched.filter((i) => counties.ids[i]!.startsWith('1310')).reduce((s, i) => s + r.km2[i]!, 0);
    expect(inLangfang / area(langfang) * 1e6).toBeCloseTo(1, 3);
  });
});
