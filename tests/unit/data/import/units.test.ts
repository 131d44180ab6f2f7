import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../src/data/import/detect';
import { decodeBytes } from '../../../../src/data/import/encoding';
import { checkGeometry, looksSwapped } from '../../../../src/data/import/geometry';
import { findJsonError, jsonErrorOffset } from '../../../../src/data/import/geojson';
import { toWgs84 } from '../../../../src/data/import/crs';
import { importData } from '../../../../src/data/import/importData';
import { handleImport } from '../../../../src/data/import/worker-core';
import type { WorkerMessage } from '../../../../src/data/import/protocol';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('uses the extension, and the content when it clearly disagrees', () => {
    expect(detectFormat('a.geojson', bytes('{"type":"FeatureCollection"}')).format).toBe('geojson');
    expect(detectFormat('a.csv', bytes('x,y\n1,2')).format).toBe('csv');
    expect(detectFormat('a.txt', bytes('x\ty\n1\t2')).format).toBe('tsv');
    expect(detectFormat('a.json', bytes('<?xml version="1.0"?><gpx>')).format).toBe('gpx');
    expect(detectFormat('a.geojson', bytes('<!doctype html><html>')).issue?.code).toBe('html-not-data');
    expect(detectFormat('a.kmz', bytes('PK\u0003\u0004rest')).issue?.code).toBe('unsupported-format');
    expect(detectFormat('a.geojson', new Uint8Array()).issue?.code).toBe('empty-file');
    expect(detectFormat('a.geojson', bytes('\uFEFF{"type":"Feature"}')).format).toBe('geojson');
  });
});

describe('decodeBytes', () => {
  it('UTF-8 with and without BOM, UTF-16LE with BOM, GBK', () => {
    expect(decodeBytes(bytes('\uFEFF北京'))).toEqual({ text: '北京', encoding: 'utf-8', bom: true });
    expect(decodeBytes(bytes('北京'))).toEqual({ text: '北京', encoding: 'utf-8', bom: false });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x17, 0x53, 0xac, 0x4e]))).toMatchObject({ text: '北京', encoding: 'utf-16le' });
    expect(decodeBytes(new Uint8Array([0xb1, 0xb1, 0xbe, 0xa9]))).toEqual({ text: '北京', encoding: 'gb18030', bom: false });
  });
});

describe('checkGeometry', () => {
  it('names what is wrong', () => {
    const reason = (g: unknown) => {
      const c = checkGeometry(g);
      return c.ok ? 'ok' : c.reason;
    };
    expect(reason({ type: 'Point', coordinates: [116, 39] })).toBe('ok');
    expect(reason({ type: 'Point', coordinates: [NaN, 39] })).toContain('NaN');
    expect(reason({ type: 'Point', coordinates: [181, 39] })).toContain('out of range');
    expect(reason({ type: 'Point', coordinates: [1.2e7, 4.8e6] })).toContain('huge');
    expect(reason({ type: 'Point', coordinates: ['116', 39] })).toContain('string');
    expect(reason({ type: 'LineString', coordinates: [[116, 39]] })).toContain('at least 2');
    expect(reason(null)).toBe('no geometry');
    expect(reason({ type: 'Circle' })).toContain('unknown geometry type');
  });
  it('detects swapped lat/lon', () => {
    expect(looksSwapped([[39.9, 116.4]])).toBe(true);
    expect(looksSwapped([[116.4, 39.9]])).toBe(false);
    expect(looksSwapped([[10, 20]])).toBe(false);
  });
});

describe('JSON error positions', () => {
  it('finds the offset when the engine does not say', () => {
    expect(findJsonError('{"a": [1, 2}')).toBe(11);
    expect(findJsonError('{"a": 1')).toBe(7);
    expect(findJsonError('{"a": 1}')).toBeNull();
    expect(jsonErrorOffset('Unexpected token } in JSON at position 5', '')).toBe(5);
  });
  it('reports line and column', () => {
    const r = importData(bytes('{\n  "type": "FeatureCollection",\n  "features": [,]\n}'), 'x.geojson');
    expect(!r.ok && [r.error.code, r.error.line, r.error.column]).toEqual(['json-syntax', 3, 16]);
  });
});

describe('crs', () => {
  it('BD-09 → WGS-84 for a known pair (Tiananmen, BD-09 116.410244,39.921506)', () => {
    const [x, y] = toWgs84('bd09')!([116.410244, 39.921506]) as [number, number];
    expect(x).toBeCloseTo(116.3976, 2);
    expect(y).toBeCloseTo(39.9137, 2);
  });
});

describe('worker core', () => {
  it('reads the file once, reports progress, and sends the layer as one table whose buffers are transferred', async () => {
    const n = 12_000;
    const fc = { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [116 + (i % 100) / 100, 39 + i / n] }, properties: { i } })) };
    const msgs: { m: WorkerMessage; transfer: Transferable[] | undefined }[] = [];
    await handleImport({ type: 'import', file: new Blob([JSON.stringify(fc)]), name: 'big.geojson', opts: {} }, (m, transfer) => msgs.push({ m, transfer }));
    expect(msgs.some(({ m }) => m.type === 'progress' && m.progress.phase === 'read')).toBe(true);
    const last = msgs[msgs.length - 1]!;
    const done = last.m;
    expect(done.type === 'done' && done.result.ok && done.result.layer.stats.kept).toBe(n);
    if (done.type !== 'done' || !done.result.ok) return;
    const { table } = done.result.layer;
    expect('features' in done.result.layer).toBe(false);
    expect(table.count).toBe(n);
    expect(table.nesting).toBeNull(); // all points: vertex i is feature i
    expect(table.xy.length).toBe(2 * n);
    // every buffer of the table goes in the transfer list, nothing is copied
    expect(last.transfer).toContain(table.xy.buffer);
    expect(last.transfer).toContain(table.columns[0]!.values.buffer);
    expect(msgs.filter(({ m }) => m.type === 'done').length).toBe(1);
  });
});

describe('CSV rows with bad coordinates', () => {
  it('drops each with its reason and row, names the axis, and keeps the good rows with their properties', () => {
    const csv = 'name,lon,lat\na,116.4,39.9\nb,abc,39.9\nc,116.4,xyz\nd,NaN,39.9\ne,116.4,nan\nf,,39.9\ng,116.4,\n';
    const r = importData(bytes(csv), 'rows.csv');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.layer.features.length).toBe(1);
    expect(r.layer.features[0]).toMatchObject({ geometry: { type: 'Point', coordinates: [116.4, 39.9] }, properties: { name: 'a' } });
    const dropped = r.warnings.flatMap((w) => (w.code === 'features-dropped' ? ((w.params?.list as string | undefined) ?? w.message) : w.message));
    const text = dropped.join(' | ');
    for (const [row, reason] of [
      [3, 'longitude "abc" is not a number'],
      [4, 'latitude "xyz" is not a number'],
      [5, 'NaN coordinate (longitude)'],
      [6, 'NaN coordinate (latitude)'],
      [7, 'empty longitude ("lon")'],
      [8, 'empty latitude ("lat")'],
    ] as const)
      expect(text).toContain(`row ${row} (${reason})`);
  });
});
