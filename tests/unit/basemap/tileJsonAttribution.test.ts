import { describe, expect, it } from 'vitest';
import type { SourceSpecification } from 'maplibre-gl';
import { withPlainTileJsonAttributions } from '../../../src/map/basemap/tileJsonAttribution';
import { tileLayerStyle } from '../../../src/map/tileLayers';

describe('TileJSON attributions reach MapLibre as plain text', () => {
  it('a style source naming a TileJSON gets that TileJSON’s attribution as text; one without gets an empty one', async () => {
    const asked: string[] = [];
    const docs: Record<string, unknown> = {
      'https://t.example/a.json': { tiles: ['https://t.example/{z}/{x}/{y}.png'], attribution: '<a href="https://evil.example/x">署名</a><img src="https://evil.example/i.png">' },
      'https://t.example/b.json': { tiles: ['https://t.example/{z}/{x}/{y}.png'] },
    };
    const sources: Record<string, SourceSpecification> = {
      a: { type: 'raster', url: 'https://t.example/a.json' },
      b: { type: 'vector', url: 'https://t.example/b.json' },
      c: { type: 'vector', url: 'https://t.example/missing.json' },
      own: { type: 'raster', url: 'https://t.example/a.json', attribution: 'already plain' },
      inline: { type: 'raster', tiles: ['https://t.example/{z}/{x}/{y}.png'] },
    };
    const out = await withPlainTileJsonAttributions(sources, (url) => {
      asked.push(url);
      return url in docs ? Promise.resolve(docs[url]) : Promise.reject(new Error('404'));
    });
    expect(Object.keys(out)).toEqual(['a', 'b', 'c', 'own', 'inline']);
    expect(out.a).toEqual({ type: 'raster', url: 'https://t.example/a.json', attribution: '署名 (evil.example)' });
    expect((out.b as { attribution?: string }).attribution).toBe('');
    expect((out.c as { attribution?: string }).attribution).toBe('');
    expect(out.own).toBe(sources.own);
    expect(out.inline).toBe(sources.inline);
    expect(asked.sort()).toEqual(['https://t.example/a.json', 'https://t.example/b.json', 'https://t.example/missing.json']);
  });

  it('a tile layer always names its attribution, so MapLibre never takes the raw one from the TileJSON or PMTiles', () => {
    const base = { id: 't1', name: 'x', url: 'https://t.example/tiles.json', kind: 'tilejson-raster' as const, sourceLayers: [], color: '#ff0000', visible: true };
    expect((tileLayerStyle(base).source as { attribution?: string }).attribution).toBe('');
    expect((tileLayerStyle({ ...base, attribution: '<img src="https://evil.example/i.png">©&nbsp;T' }).source as { attribution?: string }).attribution).toBe('© T');
  });
});
