import { describe, expect, it } from 'vitest';
import { itemsSchema } from '../../../src/data/plan/schema';
import { distanceToGeometryKm } from '../../../src/geo/distanceToGeometryKm';
import { readJson } from './realData';

interface Ref {
  name: string;
  coordinates: [number, number];
  source: string;
}
interface Fixture {
  tolerance_km: number;
  sites: (Ref & { item: string })[];
  lines: { item: string; stations: Ref[] }[];
}

const fixture = readJson('tests/fixtures/reference-coordinates.json') as Fixture;
const items = new Map(itemsSchema.parse(readJson('geodata/plan/items.geojson')).features.map((f) => [f.properties.id, f]));

describe('locations against independent reference coordinates', () => {
  it('names a source for every reference', () => {
    for (const r of [...fixture.sites, ...fixture.lines.flatMap((l) => l.stations)]) expect(r.source.length).toBeGreaterThan(10);
  });

  for (const site of fixture.sites) {
    it(`${site.item} lies within ${fixture.tolerance_km} km of ${site.name}`, () => {
      const geometry = items.get(site.item)?.geometry;
      expect(geometry?.type).toBe('Point');
      expect(distanceToGeometryKm(site.coordinates, geometry!)).toBeLessThanOrEqual(fixture.tolerance_km);
    });
  }

  for (const line of fixture.lines) {
    for (const station of line.stations) {
      it(`${line.item} passes within ${fixture.tolerance_km} km of ${station.name}`, () => {
        const geometry = items.get(line.item)?.geometry;
        expect(geometry?.type).toMatch(/LineString$/);
        expect(distanceToGeometryKm(station.coordinates, geometry!)).toBeLessThanOrEqual(fixture.tolerance_km);
      });
    }
  }
});
