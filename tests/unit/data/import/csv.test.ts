import { describe, expect, it } from 'vitest';
import { importData } from '../../../../src/data/import/importData';

const enc = (s: string) => new TextEncoder().encode(s);

describe('CSV rows read one at a time', () => {
  it('keeps every row in order, counts skipped blank lines out, and reads the delimiter the header shows', () => {
    const r = importData(enc('名称;经度;纬度;n\n\n东城;116.41;39.93;1\n\n西城;116.36;39.91;2\n'), 'd.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.stats.total).toBe(2);
    expect(r.layer.features.map((f) => f.properties)).toEqual([
      { 名称: '东城', n: 1 },
      { 名称: '西城', n: 2 },
    ]);
  });

  it('says which row opens a quoted field that never closes, and drops that row with its field count', () => {
    const r = importData(enc('name,lon,lat\na,116,39\n"b,116,39\nc,117,40\n'), 'q.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.stats.total).toBe(2);
    expect(r.layer.stats.kept).toBe(1);
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toEqual(['csv-row', 'features-dropped']);
    expect(r.warnings[0]!.row).toBe(3);
    expect(r.warnings[1]!.details![0]).toMatchObject({ row: 3, params: { reasonCode: 'field-count', fields: 1, expected: 3 } });
  });

  it('refuses a header without records before reading further', () => {
    const r = importData(enc('name,lon,lat\n\n'), 'h.csv');
    expect(!r.ok && r.error.params).toMatchObject({ variant: 'header-only' });
  });

  it('reads a header and first record longer than the first megabyte whole', () => {
    const note = 'x'.repeat(1_500_000);
    const r = importData(enc(`name,lon,lat,note\na,116,39,"${note}\nstill a"\nb,117,40,short\n`), 'long.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.stats.total).toBe(2);
    expect(r.layer.features[0]!.properties).toEqual({ name: 'a', note: `${note}\nstill a` });
    expect(r.layer.features[1]!.properties).toEqual({ name: 'b', note: 'short' });
  });
});
