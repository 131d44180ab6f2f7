import { describe, expect, it } from 'vitest';
import type { GeoJsonLayer } from '@deck.gl/layers';
import { buildPlanLayers, isOutsidePlace, OUTSIDE_AREAS_LAYER, type DrawnItem } from '../../../src/map/planLayers';
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

  it('draws their areas as unfilled outlines in a layer of their own, and their points hollow', () => {
    const layers = buildPlanLayers({ drawn, links: [], linkItemIndex: [], linkLayers: [], visible: drawn.map(() => true), filterVersion: '1', selectedId: null });
    const layer = (id: string) => layers.find((l) => (l as GeoJsonLayer).id === id) as GeoJsonLayer;
    const areas = layer('plan-areas');
    const outside = layer(OUTSIDE_AREAS_LAYER);
    const sites = layer('plan-lines-sites');
    const ids = (l: GeoJsonLayer) => (l.props.data as DrawnItem[]).map((d) => d.properties.id);
    expect(ids(outside)).toEqual([
      'g1-btbu-relocation', 'g1-bfa-relocation', 'g1-tongren-yizhuang-phase2', 'g1-stomatological-hospital-relocation',
      'g2-city-green-heart', 'g2-green-heart-cultural-facilities',
      'g4-zhongguancun-science-city', 'g4-huairou-science-city', 'g4-future-science-city', 'g4-beijing-etdz']);
    expect(outside.props.filled).toBe(false);
    expect(outside.props.stroked).toBe(true);
    expect(ids(areas)).toContain('g2-subcenter-plans');
    expect(ids(areas)).not.toContain('g4-huairou-science-city');
    // the sites layer keeps its dots apart (planSitesLayer.ts); its inner GeoJsonLayer's props hold the accessors
    const pointFill = (sites.props as unknown as { inner: { getFillColor: (f: DrawnItem) => number[] } }).inner.getFillColor;
    expect(pointFill(byId('g3-expo-2019-site'))).toEqual([255, 255, 255, 235]);
    expect(pointFill(byId('g3-daxing-airport'))).not.toEqual([255, 255, 255, 235]);
  });
});
