import { describe, expect, test } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import type { FeatureCollection } from 'geojson';
import { geojsonToPmtiles } from '../../../scripts/geojson-to-pmtiles';
import { randomPoints } from '../../support/random';

class BufferSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey() {
    return 'buffer';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

const SQUARE: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '方块', n: 1 }, geometry: { type: 'Polygon', coordinates: [[[114.3, 38.2], [114.6, 38.2], [114.6, 38.5], [114.3, 38.5], [114.3, 38.2]]] } },
    { type: 'Feature', properties: { name: 'pt', n: 2 }, geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
  ],
};

function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

describe('geojsonToPmtiles', () => {
  test('writes a PMTiles v3 archive that the pmtiles reader understands', async () => {
    const bytes = geojsonToPmtiles(SQUARE, { layer: 'squares', minzoom: 4, maxzoom: 9 });
    const archive = new PMTiles(new BufferSource(bytes));
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(1); // MVT
    expect([header.minZoom, header.maxZoom]).toEqual([4, 9]);
    expect(header.minLon).toBeCloseTo(114.3, 5);
    expect(header.maxLat).toBeCloseTo(39.9, 5);
    const meta = (await archive.getMetadata()) as { vector_layers: { id: string; fields: Record<string, string> }[] };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['squares']);
    expect(meta.vector_layers[0]!.fields).toEqual({ name: 'String', n: 'Number' });

    const [x, y] = tileXY(114.45, 38.35, 9);
    const tile = await archive.getZxy(9, x, y);
    expect(tile).toBeDefined();
    // An MVT (the reader has un-gzipped it) holding the layer name and the feature's values.
    const text = Buffer.from(tile!.data).toString('utf8');
    expect(text).toContain('squares');
    expect(text).toContain('方块');
    const [ex, ey] = tileXY(100, 20, 9);
    expect(await archive.getZxy(9, ex, ey)).toBeUndefined(); // no data there
  });

  test('many tiles: the directory is split into leaves and every tile is still found', async () => {
    const flat = randomPoints(4000, [113.5, 36.1, 119.8, 42.6], 7);
    const points = Array.from({ length: 4000 }, (_, i): [number, number] => [flat[2 * i]!, flat[2 * i + 1]!]);
    const fc: FeatureCollection = { type: 'FeatureCollection', features: points.map((p, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: p } })) };
    const bytes = geojsonToPmtiles(fc, { minzoom: 0, maxzoom: 12, maxRootBytes: 2048 });
    const archive = new PMTiles(new BufferSource(bytes));
    const header = await archive.getHeader();
    expect(header.numTileEntries).toBeGreaterThan(2000);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    for (const p of points.slice(0, 50)) {
      const [x, y] = tileXY(p[0], p[1], 12);
      const t = await archive.getZxy(12, x, y);
      expect(t, `tile of ${p.join(',')}`).toBeDefined();
    }
  });
});
