import { describe, expect, it } from 'vitest';
import type { ImportedFeature } from '../../../../src/data/import/types';
import { checkTable, featureAt, geometryTypeAt, packStrings, propertyReader, stringAt, tableBuffers, tableFeatures, tableFromFeatures, tableOf } from '../../../../src/data/import/table';
import { importData } from '../../../../src/data/import/importData';
import { userLayerGeometry } from '../../../../src/map/userLayerBuffers';

const f = (geometry: ImportedFeature['geometry'], properties: Record<string, unknown> = {}): ImportedFeature => ({ type: 'Feature', geometry, properties });
const outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
const hole = [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]];

const mixed: ImportedFeature[] = [
  f({ type: 'Point', coordinates: [116.4, 39.9, 52] }, { name: '天安门', n: 1, ok: true, nested: { a: [1, 2] } }),
  f({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }, { name: 'mp', n: null }),
  f({ type: 'LineString', coordinates: [[116, 39], [117, 40]] }, { n: 2.5, ok: false }),
  f({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 4]]] }, {}),
  f({ type: 'Polygon', coordinates: [outer, hole] }, { name: '天安门' }),
  f({ type: 'MultiPolygon', coordinates: [[[[10, 10], [11, 10], [11, 11], [10, 10]]], [[[20, 20], [21, 20], [21, 21], [20, 20]]]] }, { extra: 'x' }),
  f({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [5, 5] }] }, { name: 'gc' }),
];

describe('columnar feature table', () => {
  it('gives back every feature as it went in: geometry types, heights, nesting and every kind of value', () => {
    const t = tableFromFeatures(mixed);
    expect(t.count).toBe(mixed.length);
    const view = tableFeatures(t);
    expect(view.length).toBe(mixed.length);
    expect([...view]).toEqual(mixed);
    expect(view[4]).toEqual(mixed[4]);
    expect(view.map((x) => x.geometry.type)).toEqual(mixed.map((x) => x.geometry.type));
    // an array to every reader, though its length is the table's and not stored in it
    expect(Array.isArray(view)).toBe(true);
    expect(view.slice(1, 3)).toEqual(mixed.slice(1, 3));
    expect(Object.keys(view)).toHaveLength(mixed.length);
    expect(Object.getOwnPropertyDescriptor(view, 'length')?.value).toBe(mixed.length);
    expect(tableFeatures(t)).toBe(view); // one view per table: caches keyed by it hold
    expect(tableOf(view)).toBe(t);
    expect(tableOf(mixed)).toBeUndefined();
    // the type from its column alone, for every kind (and none past the end)
    expect(mixed.map((_, i) => geometryTypeAt(t, i))).toEqual(mixed.map((x) => x.geometry.type));
    expect(geometryTypeAt(t, mixed.length)).toBeUndefined();
    // a string used twice is stored once
    expect(t.columns.find((c) => c.name === 'name')!.text.offsets.length - 1).toBe(3);
  });

  it('reads back every string: empty, ASCII, short and long, CJK, emoji, ASCII past a non-ASCII byte, control characters', () => {
    const texts = ['', 'a', 'point 481400', 'x'.repeat(32), 'y'.repeat(33), '天安门', 'ab😀', 'abc é', `z${'\u0000'}\t\r\n`, '0123456789012345678901234567890€', ' ', 'NaN'];
    const t = tableFromFeatures(texts.map((v) => f({ type: 'Point', coordinates: [0, 0] }, { v })));
    const read = propertyReader(tableFeatures(t), 'v');
    expect(texts.map((_, i) => read(i))).toEqual(texts);
  });

  it('holds a layer of points as one coordinate array and number columns without tags', () => {
    const pts = Array.from({ length: 100 }, (_, i) => f({ type: 'Point', coordinates: [116 + i / 100, 39] }, { i }));
    const t = tableFromFeatures(pts);
    expect(t.nesting).toBeNull();
    expect(t.xy.length).toBe(200);
    expect(t.columns[0]!.tags).toBeNull();
    expect(featureAt(t, 42)).toEqual(pts[42]);
    expect(propertyReader(tableFeatures(t), 'i')(7)).toBe(7);
    expect(propertyReader(tableFeatures(t), 'none')(7)).toBeUndefined();
    // everything is in ArrayBuffers that can be transferred
    expect(tableBuffers(t).length).toBeGreaterThanOrEqual(3);
  });

  it('triangulates areas when it is built (in the worker), so the page only copies them for drawing', () => {
    const t = tableFromFeatures([mixed[4]!]);
    const { triangles } = t.nesting!;
    let area = 0;
    for (let k = 0; k < triangles.length; k += 3) {
      const [a, b, c] = [triangles[k]!, triangles[k + 1]!, triangles[k + 2]!];
      const p = t.xy;
      area += Math.abs((p[2 * b]! - p[2 * a]!) * (p[2 * c + 1]! - p[2 * a + 1]!) - (p[2 * c]! - p[2 * a]!) * (p[2 * b + 1]! - p[2 * a + 1]!)) / 2;
    }
    expect(area).toBeCloseTo(12, 9);
    // drawn from the table: the same shapes as from the feature objects
    const fromTable = userLayerGeometry(tableFeatures(tableFromFeatures(mixed)), 'wgs84');
    const fromObjects = userLayerGeometry(mixed.slice(), 'wgs84');
    expect(fromTable?.kind).toBe('shapes');
    if (fromTable?.kind !== 'shapes' || fromObjects?.kind !== 'shapes') return;
    expect([...fromTable.areas.featureOf]).toEqual([...fromObjects.areas.featureOf]);
    expect([...fromTable.areas.startIndices]).toEqual([...fromObjects.areas.startIndices]);
    expect([...fromTable.paths.featureOf]).toEqual([...fromObjects.paths.featureOf]);
    expect([...fromTable.points.positions]).toEqual([...fromObjects.points.positions]);
    expect(fromTable.areas.indices.length).toBe(fromObjects.areas.indices.length);
  });

  it('draws one feature of many vertices in slices, not at once like a small layer', async () => {
    // one multipolygon of 6,000 squares: 30,000 vertices (earcut is quick on squares)
    const squares = Array.from({ length: 6000 }, (_, k) => {
      const [x, y] = [116 + (k % 100) * 0.01, 39 + Math.floor(k / 100) * 0.01];
      return [[[x, y], [x + 0.005, y], [x + 0.005, y + 0.005], [x, y + 0.005], [x, y]]];
    });
    const one = tableFeatures(tableFromFeatures([{ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: squares }, properties: {} }]));
    let ready = false;
    // one feature, but more vertices than a layer built at once: null now, the shapes later
    expect(userLayerGeometry(one, 'wgs84', () => (ready = true))).toBeNull();
    await new Promise<void>((resolve) => {
      const wait = () => (ready ? resolve() : setTimeout(wait, 5));
      wait();
    });
    const g = userLayerGeometry(one, 'wgs84');
    expect(g?.kind).toBe('shapes');
    if (g?.kind !== 'shapes') return;
    expect(g.areas.count).toBe(6000);
    expect([...new Set(g.areas.featureOf)]).toEqual([0]);
    expect(g.areas.positions.length).toBe(6000 * 5 * 2);
    expect(g.areas.indices.length).toBe(6000 * 2 * 3);
  });

  it('accepts a whole stored table and names what is wrong with a damaged one', () => {
    expect(checkTable(tableFromFeatures(mixed)).ok).toBe(true);
    expect(checkTable(null)).toEqual({ ok: false, reason: 'the table is not an object' });
    const short = tableFromFeatures(mixed);
    short.geomType = short.geomType.slice(1);
    expect(checkTable(short).ok).toBe(false);
    const far = tableFromFeatures(mixed);
    far.xy[1] = 95;
    expect(checkTable(far)).toEqual({ ok: false, reason: 'vertex 1 is not a longitude/latitude' });
    const loose = tableFromFeatures(mixed);
    loose.nesting!.triangles[0] = 10_000;
    expect(checkTable(loose).ok).toBe(false);
    const text = tableFromFeatures(mixed);
    const name = text.columns.find((c) => c.name === 'name')!;
    name.values[0] = 99;
    expect(checkTable(text)).toEqual({ ok: false, reason: 'column "name", feature 1: text out of range' });
  });

  it('is what the import makes: one pass from the parsed file into columns, the swap check in the same loop', () => {
    const csv = 'name,lon,lat,pop\n东城,116.41,39.93,70\n西城,116.36,39.91,110\n';
    const r = importData(new TextEncoder().encode(csv), 'd.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.table.count).toBe(2);
    expect(r.layer.table.columns.map((c) => c.name)).toEqual(r.layer.columns);
    expect(r.layer.features[1]!.properties).toEqual({ name: '西城', pop: 110 });
    const swapped = importData(new TextEncoder().encode('name,lon,lat\na,39.93,116.41\nb,39.91,116.36\n'), 's.csv');
    expect(!swapped.ok && swapped.error.code).toBe('lonlat-swapped');
    expect(swapped.warnings).toEqual([]);
  });

  it('packs the strings of a column as each one alone encodes, also where joining them would pair surrogates', () => {
    const enc = new TextEncoder();
    const cases: string[][] = [
      [],
      ['', 'point 0', '', '北京市', 'Zhāngjiākǒu', '🚄 京雄城际', 'a"b\\c'],
      // a lone high surrogate at the end of one string, a lone low one at the start of the next
      ['x\ud83d', '\ude84y', '\udc00', 'end\ud800'],
    ];
    for (const strings of cases) {
      const p = packStrings(strings);
      const apart = strings.map((s) => enc.encode(s));
      expect([...p.offsets]).toEqual(apart.reduce((o, b) => [...o, o[o.length - 1]! + b.length], [0]));
      expect([...p.bytes]).toEqual(apart.flatMap((b) => [...b]));
      strings.forEach((s, k) => expect(stringAt(p, k)).toBe(new TextDecoder().decode(enc.encode(s))));
    }
  });

  it('keeps a dictionary for text that repeats, and stores text that hardly repeats as it comes', () => {
    const n = 20_000;
    const kinds = ['airport', 'rail', '园区'];
    const features: ImportedFeature[] = Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [116 + i / n, 39] },
      properties: { kind: kinds[i % 3], name: `site ${i}`, late: i < n / 2 ? `a${i}` : 'same' },
    }));
    const t = tableFromFeatures(features);
    const col = (name: string) => t.columns.find((c) => c.name === name)!;
    expect(col('kind').text.offsets.length - 1).toBe(3);
    expect(col('name').text.offsets.length - 1).toBe(n);
    // unique for the first cells, then one value: no dictionary is kept after the trial
    expect(col('late').text.offsets.length - 1).toBe(n);
    const read = (name: string) => propertyReader(tableFeatures(t), name);
    for (const i of [0, 1, 8191, 8192, 8193, n - 1]) {
      expect(read('kind')(i)).toBe(kinds[i % 3]);
      expect(read('name')(i)).toBe(`site ${i}`);
      expect(read('late')(i)).toBe(i < n / 2 ? `a${i}` : 'same');
    }
    expect(checkTable(t).ok).toBe(true);
  });
});
