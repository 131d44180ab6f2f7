import { describe, expect, it } from 'vitest';
import type { PickingInfo } from '@deck.gl/core';
import { pickPreferred, type Picker } from '../../../src/map/picking';

const hit = (layer: string, id: string) => ({ picked: true, layer: { id: layer }, object: { properties: { id } } }) as unknown as PickingInfo;

/** A picker whose answers depend on the radius asked for, as deck's do. */
function picker(within4: PickingInfo[], linkWithin1: PickingInfo | null): Picker & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    pickMultipleObjects: () => (calls.push('multiple'), within4),
    pickObject: (o) => (calls.push(`object r${o.radius} ${o.layerIds?.join(',')}`), o.radius !== undefined && o.radius <= 1 ? linkWithin1 : null),
  };
}

describe('pickPreferred', () => {
  it('prefers a located line to a link drawn on top of it', () => {
    const p = picker([hit('plan-links', 'link-jjj-yangtze-river-delta'), hit('plan-lines-sites', 'g3-jingxiong-intercity')], null);
    expect(pickPreferred(p, 10, 10)?.layer?.id).toBe('plan-lines-sites');
  });

  it("prefers the person's own data, then sites and lines, then areas", () => {
    expect(pickPreferred(picker([hit('plan-areas', 'a'), hit('plan-lines-sites', 's')], null), 0, 0)?.layer?.id).toBe('plan-lines-sites');
    expect(pickPreferred(picker([hit('plan-lines-sites', 's'), hit('user-layer-u1', 'x')], null), 0, 0)?.layer?.id).toBe('user-layer-u1');
    expect(pickPreferred(picker([hit('plan-links', 'l'), hit('plan-outside-areas', 'o')], null), 0, 0)?.layer?.id).toBe('plan-outside-areas');
  });

  it('prefers the selected item, drawn over the areas, to an area sharing its outline, but not to a site or line', () => {
    // the City Green Heart (selected) and its three buildings are both drawn as Tongzhou's outline
    const shared = [hit('plan-selection', 'g2-city-green-heart'), hit('plan-outside-areas', 'g2-green-heart-cultural-facilities'), hit('plan-areas', 'g2-subcenter-plans')];
    expect(pickPreferred(picker(shared, null), 0, 0)?.object).toEqual({ properties: { id: 'g2-city-green-heart' } });
    expect(pickPreferred(picker([hit('plan-selection', 'g2-xiongan'), hit('plan-lines-sites', 's')], null), 0, 0)?.layer?.id).toBe('plan-lines-sites');
  });

  it('takes a link only right on its line (1 px), when nothing located is near', () => {
    const link = hit('plan-links', 'link-tongzhou-sanhe');
    const near = picker([link], null);
    expect(pickPreferred(near, 0, 0)).toBeNull();
    expect(near.calls).toEqual(['multiple', 'object r1 plan-links']);
    expect(pickPreferred(picker([link], link), 0, 0)?.layer?.id).toBe('plan-links');
  });
});
