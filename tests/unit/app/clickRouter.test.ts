import { describe, expect, test } from 'vitest';
import { clickModeOf, routeClick, takesPointer, type ClickInput } from '../../../src/app/map/clickRouter';

const at: [number, number] = [116.4, 39.9];
const base: ClickInput = { drawTool: null, sidebarTab: 'layers', userFeature: null, itemId: null, layerId: null, picked: false, tileLayersShown: false, lngLat: at, shiftKey: false };
const kinds = (c: Partial<ClickInput>) => routeClick({ ...base, ...c }).map((a) => a.kind);

describe('the mode a click is read in', () => {
  test('a drawing tool wins over the tab', () => {
    expect(clickModeOf({ drawTool: 'circle', sidebarTab: 'regions' })).toBe('draw-circle');
    expect(clickModeOf({ drawTool: 'measure', sidebarTab: 'layers' })).toBe('draw-editor');
    expect(clickModeOf({ drawTool: null, sidebarTab: 'regions' })).toBe('regions');
    expect(clickModeOf({ drawTool: null, sidebarTab: 'story' })).toBe('explore');
  });
});

describe('routeClick', () => {
  test('the circle tool adds a circle at the click, whatever is under it', () => {
    expect(routeClick({ ...base, drawTool: 'circle', itemId: 'g3-daxing-airport', picked: true })).toEqual([{ kind: 'add-circle', center: at }]);
  });
  test('the polygon, rectangle and measure tools leave the click to terra-draw', () => {
    for (const tool of ['polygon', 'rectangle', 'measure'] as const) expect(routeClick({ ...base, drawTool: tool, itemId: 'x', picked: true })).toEqual([]);
  });
  test('exploring: a plan item is selected, earlier user and tile selections are cleared', () => {
    expect(routeClick({ ...base, itemId: 'g3-daxing-airport', layerId: 'plan-areas', picked: true })).toEqual([
      { kind: 'clear-user-feature' },
      { kind: 'clear-tile-feature' },
      { kind: 'select-item', id: 'g3-daxing-airport' },
    ]);
  });
  test('exploring: a click on nothing clears the selection and asks the tile layers when one is shown', () => {
    expect(kinds({})).toEqual(['clear-user-feature', 'clear-tile-feature', 'select-item']);
    expect(routeClick({ ...base, tileLayersShown: true })).toContainEqual({ kind: 'query-tile-feature', lngLat: at });
    // deck picked something: the tiles under it are not asked
    expect(kinds({ tileLayersShown: true, picked: true, itemId: 'x' })).not.toContain('query-tile-feature');
  });
  test("exploring: one of the person's own features is selected and the plan selection cleared", () => {
    expect(routeClick({ ...base, userFeature: { layerId: 'l1', index: 4 }, picked: true })).toEqual([
      { kind: 'select-item', id: null },
      { kind: 'select-user-feature', layerId: 'l1', index: 4 },
    ]);
  });
  test('regions tab: sites and lines still take the click, anything else picks the region (Shift adds it)', () => {
    expect(kinds({ sidebarTab: 'regions', itemId: 'g3-jing-xiong-intercity', layerId: 'plan-lines-sites', picked: true })).toEqual(['clear-user-feature', 'clear-tile-feature', 'select-item']);
    expect(routeClick({ ...base, sidebarTab: 'regions', itemId: 'g2-xiongan', layerId: 'plan-areas', picked: true, shiftKey: true }).at(-1)).toEqual({ kind: 'toggle-region-at', lngLat: at, add: true });
    // user features are not selected from the regions tab
    expect(kinds({ sidebarTab: 'regions', userFeature: { layerId: 'l1', index: 0 }, picked: true })).toEqual(['clear-user-feature', 'clear-tile-feature', 'toggle-region-at']);
  });
});

describe('what takes the pointer (the hover follows the click)', () => {
  test('in the regions tab only sites and lines; a plan area, an outline, a link or a selection lets it through to the region', () => {
    expect(takesPointer('regions', 'plan-lines-sites')).toBe(true);
    for (const layer of ['plan-areas', 'plan-outside-areas', 'plan-links', 'plan-selection', 'user-layer-l1', null]) expect(takesPointer('regions', layer)).toBe(false);
  });
  test('elsewhere everything picked takes it', () => {
    for (const mode of ['explore', 'draw-editor', 'draw-circle'] as const) expect(takesPointer(mode, 'plan-areas')).toBe(true);
  });
});
