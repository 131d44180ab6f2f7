import { describe, expect, it } from 'vitest';
import type { GeoJsonLayer } from '@deck.gl/layers';
import { buildPlanLayers, isOutsidePlace, type DrawnItem } from '../../../src/map/planLayers';
import { itemsSchema } from '../../../src/data/plan/schema';
import { readJson } from '../data/realData';

const items = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;
const drawn: DrawnItem[] = items
  .filter((f) => f.geometry !== null)
  .map((f, index) => ({ type: 'Feature', geometry: f.geometry!, properties: { ...f.properties, index, layer: 'g4' } }));
const byId = (id: string) => drawn.find((d) => d.properties.id === id)!;

describe('places from outside the release look different', () => {
  it('knows them by location.from_release', () => {
    expect(isOutsidePlace(byId('g4-huairou-science-city'))).toBe(true);
    expect(isOutsidePlace(byId('g3-expo-2019-site'))).toBe(true);
    expect(isOutsidePlace(byId('g3-daxing-airport'))).toBe(false);
  });

  it('draws their areas unfilled and their points hollow', () => {
    const layers = buildPlanLayers({ drawn, links: [], linkItemIndex: [], linkLayers: [], visible: drawn.map(() => true), filterVersion: '1', selectedId: null });
    const areas = layers.find((l) => (l as GeoJsonLayer).id === 'plan-areas') as GeoJsonLayer;
    const sites = layers.find((l) => (l as GeoJsonLayer).id === 'plan-lines-sites') as GeoJsonLayer;
    const fill = areas.props.getFillColor as unknown as (f: DrawnItem) => number[];
    expect(fill(byId('g4-huairou-science-city'))[3]).toBe(0);
    expect(fill(byId('g2-subcenter-plans'))[3]).toBeGreaterThan(0);
    const pointFill = sites.props.getFillColor as unknown as (f: DrawnItem) => number[];
    expect(pointFill(byId('g3-expo-2019-site'))).toEqual([255, 255, 255, 235]);
    expect(pointFill(byId('g3-daxing-airport'))).not.toEqual([255, 255, 255, 235]);
  });
});
