import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { UserLayer } from '../../../src/model/userLayer';
import type { TileLayer } from '../../../src/model/tileLayer';

// The store reads the browser's language and localStorage when it is created.
const storage = new Map<string, string>();
vi.stubGlobal('navigator', { languages: ['zh-CN'], language: 'zh-CN' });
vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v), removeItem: (k: string) => storage.delete(k) });
const { linkPanel, useAppStore, urlStateOf } = await import('../../../src/app/store');
const initial = useAppStore.getState();
beforeEach(() => useAppStore.setState(initial, true));
const st = () => useAppStore.getState();

const layer = (id: string): UserLayer => ({
  id,
  name: id,
  color: '#123456',
  visible: true,
  features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [116.4, 39.9] }, properties: {} }],
  columns: [],
  stats: { points: 1, lines: 0, polygons: 0 } as unknown as UserLayer['stats'],
  bbox: [116.4, 39.9, 116.4, 39.9],
  addedAt: 1,
});

describe('ui slice', () => {
  test('starts in the browser language; a repeated notice replaces the earlier one', () => {
    expect(st().lang).toBe('zh');
    st().notify('info', 'a');
    st().notify('warning', 'a');
    expect(st().notices.map((n) => n.kind)).toEqual(['warning']);
    st().dismissNotice(st().notices[0]!.id);
    expect(st().notices).toEqual([]);
  });
  test('opening a tab opens the panel', () => {
    st().setSidebarOpen(false);
    st().setSidebarTab('regions');
    expect([st().sidebarOpen, st().sidebarTab]).toEqual([true, 'regions']);
  });
});

describe('view and filters slices', () => {
  test('selecting with fly asks the map to move, each time anew', () => {
    st().select('g3-daxing-airport', { fly: true });
    const first = st().flyRequest;
    st().select('g3-daxing-airport', { fly: true });
    expect(st().selected).toBe('g3-daxing-airport');
    expect(st().flyRequest).toMatchObject({ id: 'g3-daxing-airport' });
    expect(st().flyRequest!.seq).toBeGreaterThan(first!.seq);
    st().select(null, { fly: true });
    expect(st().selected).toBeNull();
  });
  test('filters merge and reset', () => {
    st().setFilters({ text: '机场' });
    st().setFilters({ months: [6, 9] });
    expect(st().filters).toMatchObject({ text: '机场', months: [6, 9] });
    st().resetFilters();
    expect(st().filters).toEqual(initial.filters);
  });
});

describe('regions slice', () => {
  test('a click opens one region or closes it; Shift adds and removes', () => {
    st().toggleRegion('131000', false);
    expect(st().regionSelection).toEqual(['131000']);
    st().toggleRegion('131000', false);
    expect(st().regionSelection).toEqual([]);
    st().toggleRegion('131000', true);
    st().toggleRegion('120000', true);
    st().toggleRegion('131000', true);
    expect(st().regionSelection).toEqual(['120000']);
  });
  test('drawn areas are added, renamed and removed; a new tool clears the measurement', () => {
    st().addDrawnArea({ id: 'a', name: 'A', shape: { kind: 'circle', center: [116, 39], radiusKm: 5 } });
    st().renameDrawnArea('a', 'B');
    expect(st().drawnAreas[0]!.name).toBe('B');
    st().removeDrawnArea('a');
    expect(st().drawnAreas).toEqual([]);
    st().setMeasureKm(12);
    st().setDrawTool('polygon');
    expect(st().measureKm).toBeNull();
  });
});

describe('story slice', () => {
  test('chapters are clamped to the story; leaving the presentation stops auto-play', () => {
    st().goToChapter(3);
    expect(st().chapterIndex).toBe(0); // no story yet
    const chapter = { id: 'c', title_zh: '', title_en: '', caption_zh: '', caption_en: '' } as never;
    st().setStory({ chapters: [chapter, chapter] } as never);
    st().goToChapter(9);
    expect(st().chapterIndex).toBe(1);
    st().setPresenting(true);
    st().setAutoplaySec(5);
    st().setPresenting(false);
    expect(st().autoplaySec).toBeNull();
  });
});

describe('user layers slice', () => {
  test('restored layers come before those imported in this session, without duplicates', () => {
    st().addUserLayer(layer('new'));
    st().restoreUserLayers([layer('old'), layer('new')]);
    expect(st().userLayers.map((l) => l.id)).toEqual(['old', 'new']);
  });
  test('a restyle clears the hidden classes; removing a layer clears its selection', () => {
    st().addUserLayer(layer('l'));
    st().toggleUserLayerClass('l', 'x');
    expect(st().userLayers[0]!.hiddenClasses).toEqual(['x']);
    st().restyleUserLayer('l', { kind: 'single' } as never);
    expect(st().userLayers[0]!.hiddenClasses).toBeUndefined();
    st().selectUserFeature({ layerId: 'l', index: 0 }, { fly: true });
    expect(st().flyRequest).toMatchObject({ bbox: [116.4, 39.9, 116.4, 39.9] });
    st().removeUserLayer('l');
    expect(st().userSelected).toBeNull();
  });
});

describe('base map and tile layers slices', () => {
  test('the Tianditu key is kept in localStorage, never in the URL state', () => {
    st().setTiandituKey('secret');
    expect(storage.get('jjj-atlas:tianditu-key')).toBe('secret');
    expect(JSON.stringify(urlStateOf(st()))).not.toContain('secret');
    st().setTiandituKey('');
    expect(storage.has('jjj-atlas:tianditu-key')).toBe(false);
  });
  test('tile layers by URL are kept; a local file is not (it cannot be reopened)', () => {
    const tl = (id: string, url: string): TileLayer => ({ id, url, kind: 'xyz-vector', sourceLayers: ['a'], color: '#000000', visible: true, name: id, status: 'ready' });
    st().addTileLayer(tl('web', 'https://example.org/{z}/{x}/{y}.pbf'));
    st().addTileLayer(tl('file', 'file:local.pmtiles'));
    expect(st().tileLayers.map((l) => l.id)).toEqual(['web', 'file']);
    expect(JSON.parse(storage.get('jjj-atlas:tile-layers')!).map((l: TileLayer) => l.id)).toEqual(['web']);
    st().removeTileLayer('web');
    expect(JSON.parse(storage.get('jjj-atlas:tile-layers')!)).toEqual([]);
  });
  test('a link sets the state it carries across slices', () => {
    st().applyUrlState({ ...urlStateOf(st()), selected: 'x', lang: 'en', areas: undefined, source: { kind: 'osm' } });
    expect([st().selected, st().lang, st().drawnAreas, st().baseMapSource]).toEqual(['x', 'en', [], { kind: 'osm' }]);
  });
  test('a link opens the panel on the tab it names; without one, the panel stays as the device has it', () => {
    expect(linkPanel({ tab: 'data' }, false)).toEqual({ sidebarTab: 'data', sidebarOpen: true });
    expect(linkPanel({ tab: 'data', panelOpen: false }, true)).toEqual({ sidebarTab: 'data', sidebarOpen: false });
    expect(linkPanel({}, false)).toEqual({ sidebarTab: 'layers', sidebarOpen: false });
    expect(linkPanel({}, true)).toEqual({ sidebarTab: 'layers', sidebarOpen: true });
    st().applyUrlState({ ...urlStateOf(st()), tab: 'regions' });
    expect([st().sidebarTab, st().sidebarOpen]).toEqual(['regions', true]);
  });
});
