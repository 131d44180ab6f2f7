import { describe, expect, it } from 'vitest';
import { copyInSlices } from '../../../src/app/storage/copyInSlices';

describe('a table copied in slices for the storage worker', () => {
  it('is an equal copy with typed arrays of its own (so they can be transferred), the original untouched', async () => {
    const table = {
      count: 2,
      xy: new Float64Array([116.4, 39.9, 117.2, 39.1]),
      z: null,
      nesting: { partStart: new Uint32Array([0, 1, 2]) },
      columns: [{ name: 'n', tags: null, values: new Float64Array([1, 2]), text: { bytes: new Uint8Array([97]), offsets: new Uint32Array([0, 1]) } }],
      collections: { 1: { type: 'Point', coordinates: [1, 2] } },
      display: undefined,
      columnInfo: [{ name: 'n', values: 2, distinct: 2, numeric: true }],
    };
    const copy = await copyInSlices(table);
    expect(copy).toEqual(table);
    expect(copy.xy).toBeInstanceOf(Float64Array);
    expect(copy.xy.buffer).not.toBe(table.xy.buffer);
    expect(copy.columns[0]!.text.offsets).toBeInstanceOf(Uint32Array);
    expect(copy.columns[0]!.text.bytes.buffer).not.toBe(table.columns[0]!.text.bytes.buffer);
    copy.xy[0] = 0;
    copy.columnInfo[0]!.values = 0;
    expect(table.xy[0]).toBe(116.4);
    expect(table.columnInfo[0]!.values).toBe(2);
  });

  it('a part of a larger buffer is copied alone', async () => {
    const whole = new Float64Array([1, 2, 3, 4, 5, 6]);
    const copy = await copyInSlices({ part: whole.subarray(2, 4) });
    expect([...copy.part]).toEqual([3, 4]);
    expect(copy.part.buffer.byteLength).toBe(16);
  });

  it('lets the page answer between slices when there is much to copy', async () => {
    const arrays = Array.from({ length: 40 }, () => new Float64Array(500_000).fill(1));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const copy = await copyInSlices(arrays);
    clearInterval(timer);
    expect(copy.length).toBe(40);
    expect(copy[39]![499_999]).toBe(1);
    expect(ticks).toBeGreaterThan(0);
  });
});
