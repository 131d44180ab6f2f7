import { describe, expect, test } from 'vitest';
import type { TFunction } from 'i18next';
import type { UserLayer } from '../../../src/model/userLayer';
import { filterUserLayers } from '../../../src/model/userFilters';
import { userLegendEntries } from '../../../src/model/userLegend';

// a stand-in t() that shows the key and its options, so the test sees what was asked for
const t = ((key: string, opts?: Record<string, unknown>) => (opts ? `${key}(${JSON.stringify(opts)})` : key)) as unknown as TFunction;
const pt = (x: number, type?: string) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x, 39] }, properties: type ? { type } : {} });
const layer = (id: string, over: Partial<UserLayer>): UserLayer => ({
  id,
  name: id,
  color: '#112233',
  visible: true,
  features: [pt(116, 'school'), pt(117, 'park'), pt(118, 'school'), pt(119)],
  columns: ['type'],
  stats: {} as UserLayer['stats'],
  bbox: null,
  addedAt: 0,
  ...over,
});

describe('userLegendEntries', () => {
  test('one entry per shown layer, or per class with features shown; hidden layers and empty classes left out', () => {
    const layers = [
      layer('plain', {}),
      layer('kinds', { style: { kind: 'category', property: 'type' }, hiddenClasses: ['value:park'] }),
      layer('off', { visible: false }),
    ];
    const filtered = filterUserLayers(layers, { text: '', regions: [] }, () => undefined);
    const entries = userLegendEntries({ layers, filtered, visibleIds: new Set(['plain', 'kinds']) }, t);
    expect(entries.map((e) => [e.label, e.count])).toEqual([
      ['plain', 4],
      ['kinds · school', 2],
      ['kinds · userLayers.noValue', 1],
    ]);
    expect(entries[0]!.color).toBe('#112233');
    expect(entries[1]!.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  test('a layer whose features are all filtered out has no entry; no users, no entries', () => {
    const layers = [layer('plain', {})];
    const filtered = filterUserLayers(layers, { text: 'nothing matches this', regions: [] }, () => undefined);
    expect(userLegendEntries({ layers, filtered, visibleIds: new Set(['plain']) }, t)).toEqual([]);
    expect(userLegendEntries(undefined, t)).toEqual([]);
  });
});
