import { describe, expect, it } from 'vitest';
import { importData } from '../../../../src/data/import/importData';
import { checkTable, tableFeatures } from '../../../../src/data/import/table';
import { PROPERTY_SAMPLE, sampleColumns } from '../../../../src/data/import/columnInfo';
import { propertyInfo } from '../../../../src/model/userLayerStyle';

const csv = ['lon,lat,kind,n,note', '116.4,39.9,a,1,', '117.2,39.1,b,2.5,x', '115.5,38.9,a,-3,', '116.0,40.0,a,7, '].join('\n');

describe('what each column holds', () => {
  it('the import works it out for the new table, and the style chooser takes it from there', () => {
    const result = importData(new TextEncoder().encode(csv), 'places.csv');
    if (!result.ok) throw new Error('the import failed');
    const t = result.layer.table;
    expect(t.columnInfo).toEqual([
      { name: 'kind', values: 4, distinct: 2, numeric: false },
      { name: 'n', values: 4, distinct: 4, numeric: true },
      { name: 'note', values: 1, distinct: 1, numeric: false },
    ]);
    const features = tableFeatures(t);
    // the same as sampling the columns on the page
    expect(sampleColumns(features, ['kind', 'n', 'note'])).toEqual(t.columnInfo);
    // taken as it is (no second look), in the order asked for
    const info = propertyInfo(features, ['n', 'kind']);
    expect(info[0]).toBe(t.columnInfo![1]);
    expect(info[1]).toBe(t.columnInfo![0]);
    expect(propertyInfo(features, ['n', 'kind'])).toBe(info); // kept per layer
  });

  it('a layer bigger than the sample is read at evenly spread features', () => {
    const n = PROPERTY_SAMPLE * 2;
    const features = Array.from({ length: n }, (_, i) => ({ properties: { even: i % 2 === 0 ? i : null } }));
    // every second feature is looked at: the even ones, all with a value; distinct values are counted to 1000
    expect(sampleColumns(features, ['even'])).toEqual([{ name: 'even', values: PROPERTY_SAMPLE, distinct: 1000, numeric: true }]);
  });

  it('a stored summary that does not fit its columns is dropped (worked out again when needed), the table kept', () => {
    const result = importData(new TextEncoder().encode(csv), 'places.csv');
    if (!result.ok) throw new Error('the import failed');
    const table = result.layer.table;
    const good = structuredClone(table);
    const checked = checkTable(good);
    expect(checked.ok && checked.table.columnInfo).toEqual(table.columnInfo);
    for (const damage of [
      (t: typeof good) => (t.columnInfo = 'x' as never),
      (t: typeof good) => t.columnInfo!.pop(),
      (t: typeof good) => (t.columnInfo![0]!.name = 'other'),
      (t: typeof good) => (t.columnInfo![1]!.values = 5),
      (t: typeof good) => (t.columnInfo![1]!.distinct = -1),
      (t: typeof good) => (t.columnInfo![2] = null as never),
      (t: typeof good) => ((t.columnInfo![2] as unknown as Record<string, unknown>).numeric = 'yes'),
    ]) {
      const t = structuredClone(table);
      damage(t);
      const c = checkTable(t);
      expect(c.ok).toBe(true);
      expect(c.ok && c.table.columnInfo).toBeUndefined();
      expect(c.ok && c.table.count).toBe(4);
    }
  });
});
