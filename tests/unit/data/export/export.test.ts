/** Export → import round trips, and RFC 4180 quoting. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { csvField, toCSV, toGeoJSON } from '../../../../src/data/export';
import { importData } from '../../../../src/data/import/importData';

const enc = (s: string) => new TextEncoder().encode(s);
const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/import/valid');

const features: Feature[] = [
  { type: 'Feature', geometry: { type: 'Point', coordinates: [116.397, 39.909] }, properties: { name: '天安门, "中心"', n: 1, note: 'line1\nline2', empty: null } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [117.2, 39.13] }, properties: { name: '<img src=x onerror=alert(1)>', n: 2.5, note: ' padded ', empty: null } },
];

describe('csvField (RFC 4180)', () => {
  it('quotes fields with delimiter, quote, CR/LF or edge spaces; doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.5)).toBe('3.5');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe('toCSV', () => {
  it('writes a BOM, a header with lon/lat first, CRLF line ends', () => {
    const csv = toCSV(features, { lonLat: true });
    expect(csv.startsWith('\uFEFFlon,lat,name,n,note,empty\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('round trips: export → import → same features', () => {
  it('GeoJSON', () => {
    const r = importData(enc(toGeoJSON(features)), 'out.geojson');
    expect(r.ok && r.layer.features).toEqual(features);
  });
  it('CSV with lon/lat (points)', () => {
    const r = importData(enc(toCSV(features, { lonLat: true })), 'out.csv');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.layer.features).toEqual(features);
  });
  it('CSV with WKT (points, lines, polygons) from the valid fixtures', () => {
    const src = importData(new Uint8Array(readFileSync(path.join(fixtures, 'sites.geojson'))), 'sites.geojson');
    expect(src.ok).toBe(true);
    if (!src.ok) return;
    const csv = toCSV(src.layer.features, { lonLat: true });
    expect(csv.split('\r\n')[0]).toBe('\uFEFFlon,lat,wkt,name,kind,rank');
    const back = importData(enc(csv), 'out.csv');
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.layer.features).toEqual(src.layer.features);
  });
  it('KML, GPX, GBK CSV and TSV fixtures survive GeoJSON and CSV export', () => {
    for (const f of ['places.kml', 'track.gpx', 'gbk.csv', 'points.tsv', 'wkt.csv']) {
      const src = importData(new Uint8Array(readFileSync(path.join(fixtures, f))), f);
      expect(src.ok, f).toBe(true);
      if (!src.ok) continue;
      const viaJson = importData(enc(toGeoJSON(src.layer.features)), 'x.geojson');
      expect(viaJson.ok && viaJson.layer.features, f).toEqual(src.layer.features);
      const viaCsv = importData(enc(toCSV(src.layer.features.map((x) => ({ ...x, properties: stringsOnly(x.properties) })))), 'x.csv');
      expect(viaCsv.ok && viaCsv.layer.features.map((x) => x.geometry), f).toEqual(src.layer.features.map((x) => x.geometry));
    }
  });
});

/** CSV has no types: nested values (KML style objects, GPX arrays) come back as JSON text. */
function stringsOnly(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v === null || typeof v !== 'object'));
}
