import { describe, expect, it } from 'vitest';
import { baseMapHosts, externalStyleParts, MAX_STYLE_LAYERS, StyleProblem } from '../../../src/map/basemap/online';

const BASE = 'https://styles.example.test/style.json';
const style = (over: Record<string, unknown> = {}) => ({
  version: 8,
  sources: { ground: { type: 'raster', tiles: ['https://tiles.example.test/{z}/{x}/{y}.png'], tileSize: 256, attribution: '<a href="https://phish.example/x">Verify</a><img src="https://phish.example/a.png">' } },
  layers: [{ id: 'ground', type: 'raster', source: 'ground' }],
  ...over,
});

function problemOf(doc: unknown): StyleProblem {
  try {
    externalStyleParts(doc, BASE);
  } catch (e) {
    if (e instanceof StyleProblem) return e;
    throw e;
  }
  throw new Error('expected a StyleProblem');
}

describe('a remote style', () => {
  it('has its sources’ attributions turned into plain text', () => {
    const parts = externalStyleParts(style(), BASE);
    expect((parts.sources['online:ground'] as { attribution?: string }).attribution).toBe('Verify (phish.example)');
  });
  it('is refused beyond the layer cap', () => {
    const layers = Array.from({ length: MAX_STYLE_LAYERS + 1 }, (_, i) => ({ id: `l${i}`, type: 'raster', source: 'ground' }));
    expect(problemOf(style({ layers })).code).toBe('too-large');
  });
  it('is refused when it names an http:// source', () => {
    const p = problemOf(style({ sources: { ground: { type: 'raster', tiles: ['http://tiles.example.test/{z}/{x}/{y}.png'] } } }));
    expect(p.code).toBe('insecure');
    expect(p.message).toMatch(/http:\/\/tiles\.example\.test/);
  });
});

describe('baseMapHosts', () => {
  it('names the servers each base map loads from', () => {
    expect(baseMapHosts({ kind: 'osm' })).toEqual(['tile.openstreetmap.org']);
    expect(baseMapHosts({ kind: 'amap' })).toEqual(['webrd01.is.autonavi.com', 'webrd02.is.autonavi.com', 'webrd03.is.autonavi.com', 'webrd04.is.autonavi.com']);
    expect(baseMapHosts({ kind: 'style', url: BASE })).toEqual(['styles.example.test']);
    expect(baseMapHosts({ kind: 'embedded' })).toEqual([]);
  });
});
