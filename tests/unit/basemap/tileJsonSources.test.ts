import { describe, expect, it } from 'vitest';
import type { SourceSpecification } from 'maplibre-gl';
import { withTileJsonsRead } from '../../../src/map/basemap/tileJsonSources';
import { tileLayerStyle } from '../../../src/map/tileLayers';
import { readTileJson } from '../../../src/model/tileJson';

describe('a TileJSON is read once by the app', () => {
  it('its tile templates are resolved against its address, braces kept; zooms, bounds and scheme taken', () => {
    const r = readTileJson({ tiles: ['t/{z}/{x}/{y}.pbf', 'https://b.example/{z}/{x}/{y}.pbf'], vector_layers: [{ id: 'roads' }, { id: 7 }], minzoom: 2, maxzoom: 14, bounds: [114, 37, 118, 41], scheme: 'tms', name: 'N', attribution: '<b>A</b>' }, 'https://a.example/data/layer.json');
    expect(r).toEqual({
      ok: true,
      source: { tiles: ['https://a.example/data/t/{z}/{x}/{y}.pbf', 'https://b.example/{z}/{x}/{y}.pbf'], vectorLayers: ['roads'], raster: false, minzoom: 2, maxzoom: 14, bounds: [114, 37, 118, 41], scheme: 'tms', name: 'N', attribution: '<b>A</b>' },
    });
  });

  it('refuses a document without tiles, and one listing a tile that is not https (even relative to an http base)', () => {
    expect(readTileJson({ name: 'x' }, 'https://a.example/l.json')).toMatchObject({ ok: false, code: 'not-tilejson' });
    expect(readTileJson(null, 'https://a.example/l.json')).toMatchObject({ ok: false, code: 'not-tilejson' });
    expect(readTileJson({ tiles: ['https://a.example/{z}/{x}/{y}.png', 'http://b.example/{z}/{x}/{y}.png'] }, 'https://a.example/l.json')).toMatchObject({ ok: false, code: 'insecure' });
    expect(readTileJson({ tiles: ['//b.example/{z}/{x}/{y}.png'] }, 'http://a.example/l.json')).toMatchObject({ ok: false, code: 'insecure' });
    expect(readTileJson({ tiles: ['{z}/{x}/{y}.png'], minzoom: -1, maxzoom: 'x' }, 'https://a.example/l.json')).toEqual({ ok: true, source: { tiles: ['https://a.example/{z}/{x}/{y}.png'], vectorLayers: [], raster: true } });
  });

  it('a style source naming a TileJSON gets its tiles inlined and its attribution as text; its own options win; an unreadable one keeps its url with an empty attribution', async () => {
    const asked: string[] = [];
    const docs: Record<string, unknown> = {
      'https://t.example/a.json': { tiles: ['https://t.example/{z}/{x}/{y}.png'], maxzoom: 12, attribution: '<a href="https://evil.example/x">署名</a><img src="https://evil.example/i.png">' },
      'https://t.example/b.json': { tiles: ['b/{z}/{x}/{y}.pbf'], vector_layers: [{ id: 'v' }], minzoom: 3 },
      'https://t.example/http.json': { tiles: ['http://t.example/{z}/{x}/{y}.pbf'] },
    };
    const sources: Record<string, SourceSpecification> = {
      a: { type: 'raster', url: 'https://t.example/a.json', tileSize: 512 },
      b: { type: 'vector', url: 'https://t.example/b.json', minzoom: 5 },
      c: { type: 'vector', url: 'https://t.example/missing.json' },
      h: { type: 'vector', url: 'https://t.example/http.json' },
      own: { type: 'raster', url: 'https://t.example/a.json', attribution: 'already plain' },
      inline: { type: 'raster', tiles: ['https://t.example/{z}/{x}/{y}.png'] },
    };
    const out = await withTileJsonsRead(sources, (url: string) => {
      asked.push(url);
      return url in docs ? Promise.resolve(docs[url]) : Promise.reject(new Error('404'));
    });
    expect(Object.keys(out)).toEqual(['a', 'b', 'c', 'h', 'own', 'inline']);
    expect(out.a).toEqual({ type: 'raster', tiles: ['https://t.example/{z}/{x}/{y}.png'], maxzoom: 12, tileSize: 512, attribution: '署名 (evil.example)' });
    expect(out.b).toEqual({ type: 'vector', tiles: ['https://t.example/b/{z}/{x}/{y}.pbf'], minzoom: 5, attribution: '' });
    expect(out.c).toEqual({ type: 'vector', url: 'https://t.example/missing.json', attribution: '' });
    expect(out.h).toEqual({ type: 'vector', url: 'https://t.example/http.json', attribution: '' });
    expect(out.own).toBe(sources.own);
    expect(out.inline).toBe(sources.inline);
    expect(asked.sort()).toEqual(['https://t.example/a.json', 'https://t.example/b.json', 'https://t.example/http.json', 'https://t.example/missing.json']);
  });

  it('a tile layer always names its attribution, so MapLibre never takes the raw one from the TileJSON or PMTiles', () => {
    const base = { id: 't1', name: 'x', url: 'https://t.example/tiles.json', kind: 'tilejson-raster' as const, sourceLayers: [], color: '#ff0000', visible: true };
    expect((tileLayerStyle(base).source as { attribution?: string }).attribution).toBe('');
    expect((tileLayerStyle({ ...base, attribution: '<img src="https://evil.example/i.png">©&nbsp;T' }).source as { attribution?: string }).attribution).toBe('© T');
  });

  it('a TileJSON layer read in this page gives MapLibre its tiles, not the document’s address; after a reload (no tiles kept) the address', () => {
    const base = { id: 't1', name: 'x', url: 'https://t.example/tiles.json', kind: 'tilejson-vector' as const, sourceLayers: ['v'], color: '#ff0000', visible: true };
    const read = tileLayerStyle({ ...base, tileJson: { tiles: ['https://t.example/{z}/{x}/{y}.pbf'], maxzoom: 14 } }).source;
    expect(read).toEqual({ type: 'vector', tiles: ['https://t.example/{z}/{x}/{y}.pbf'], maxzoom: 14, attribution: '' });
    expect(tileLayerStyle(base).source).toEqual({ type: 'vector', url: 'https://t.example/tiles.json', attribution: '' });
  });
});
