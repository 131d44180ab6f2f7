/** Stored records pass the schema before anything shows them; older versions are migrated. */
import { describe, expect, it } from 'vitest';
import { checkStoredTileLayers, parseFeatures, parseStoredRecord, recordName, STORED_SCHEMA_VERSION } from '../../../src/app/storage/schema';
import { storageNotices, tileLayerNotice } from '../../../src/i18n/storageMessages';

const stats = { format: 'geojson', encoding: 'utf-8', bom: false, crs: 'wgs84', bytes: 10, total: 1, kept: 1, dropped: 0, geometryTypes: { Point: 1 } };
const meta = { id: 'a', name: '我的地点', color: '#112233', visible: true, columns: ['name'], stats, bbox: [116, 39, 117, 40], addedAt: 1 };
const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [116.4, 39.9] }, properties: { name: 'x' } };

describe('parseStoredRecord', () => {
  it('reads version 1 (features inline), 2 and 3 (chunked)', () => {
    const v1 = parseStoredRecord({ ...meta, features: [feature] });
    expect(v1.kind).toBe('inline');
    const v2 = parseStoredRecord({ ...meta, featureChunks: 1, featureCount: 1 });
    expect(v2).toMatchObject({ kind: 'chunked', complete: true });
    const v3 = parseStoredRecord({ ...meta, schemaVersion: STORED_SCHEMA_VERSION, complete: true, featureChunks: 1, featureCount: 1 });
    expect(v3).toMatchObject({ kind: 'chunked', complete: true });
  });
  it('knows a half-written record (version 2: featureCount -1; version 3: complete false)', () => {
    expect(parseStoredRecord({ ...meta, featureChunks: 0, featureCount: -1 })).toMatchObject({ kind: 'chunked', complete: false });
    expect(parseStoredRecord({ ...meta, schemaVersion: 3, complete: false, featureChunks: 2, featureCount: 5 })).toMatchObject({ kind: 'chunked', complete: false });
  });
  it('sets aside a record whose name is an object, whose colour is not a colour, or a null', () => {
    expect(parseStoredRecord({ ...meta, name: { evil: 1 }, featureChunks: 1, featureCount: 1 }).kind).toBe('invalid');
    expect(parseStoredRecord({ ...meta, color: 'red', featureChunks: 1, featureCount: 1 }).kind).toBe('invalid');
    expect(parseStoredRecord(null).kind).toBe('invalid');
    expect(parseStoredRecord({ ...meta, features: [null] }).kind).toBe('invalid');
    expect(recordName({ ...meta, name: { evil: 1 } })).toBe('a');
  });
  it('checks features as the import does', () => {
    expect(parseFeatures([feature]).ok).toBe(true);
    expect(parseFeatures([feature, null])).toMatchObject({ ok: false, reason: expect.stringContaining('feature #2') });
    expect(parseFeatures([{ ...feature, geometry: { type: 'Point', coordinates: ['a', 1] } }]).ok).toBe(false);
    expect(parseFeatures([{ ...feature, properties: null }]).ok).toBe(false);
    expect(parseFeatures('nope').ok).toBe(false);
  });
});

describe('stored tile layers', () => {
  const tile = { id: 't', name: 'tiles', url: 'https://example.org/a.pmtiles', kind: 'pmtiles-vector', sourceLayers: ['roads'], color: '#ff0000', visible: true, status: 'loading' };
  it('keeps valid https ones, sets aside a name that is an object and an http URL', () => {
    const r = checkStoredTileLayers([tile, { ...tile, id: 'x', name: { a: 1 } }, { ...tile, id: 'h', name: 'plain http', url: 'http://insecure.example/{z}/{x}/{y}.png' }]);
    expect(r.valid.map((l) => l.id)).toEqual(['t']);
    expect(r.setAside).toEqual(['x', 'plain http']);
  });
});

describe('storage notices', () => {
  const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;
  it('say each problem once, with bounded name lists', () => {
    const n = storageNotices({ storage: 'ok', setAside: Array.from({ length: 8 }, (_, i) => ({ name: `L${i}\u202E` })), removedIncomplete: ['half'] }, t, 5000);
    expect(n.map((x) => x.text)).toEqual([
      'storage.removedIncomplete{"names":"half"}',
      'storage.setAside{"names":"L0”, “L1”, “L2”, “L3”, “L4”, “app.andMore{\\"n\\":3}"}',
    ]);
    expect(storageNotices({ storage: 'timeout', setAside: [], removedIncomplete: [] }, t, 5000)[0]).toEqual({ kind: 'error', text: 'storage.timeout{"s":5}' });
    expect(tileLayerNotice([], t)).toBeNull();
  });
});
