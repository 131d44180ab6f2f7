/** Every fixture in tests/fixtures/import (broken and valid) gives the outcome in its manifest. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importData } from '../../../../src/data/import/importData';
import type { ImportOptions, ImportResult } from '../../../../src/data/import/types';

const dir = path.resolve(import.meta.dirname, '../../../fixtures/import');

interface Expected {
  ok: boolean;
  code?: string;
  message?: string;
  kept?: number;
  total?: number;
  encoding?: string;
  bom?: boolean;
  opts?: ImportOptions;
  retry?: { opts: ImportOptions; kept: number; total: number };
}
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, Expected> };

function run(file: string, opts: ImportOptions = {}): ImportResult {
  return importData(new Uint8Array(readFileSync(path.join(dir, file))), path.basename(file), opts);
}

describe('import fixture corpus', () => {
  const files = ['broken', 'valid'].flatMap((sub) => readdirSync(path.join(dir, sub)).map((f) => `${sub}/${f}`));

  it('has at least 20 broken files, and every fixture is in the manifest and vice versa', () => {
    expect(files.filter((f) => f.startsWith('broken/')).length).toBeGreaterThanOrEqual(20);
    expect(files.sort()).toEqual(Object.keys(manifest.files).sort());
  });

  for (const [file, exp] of Object.entries(manifest.files)) {
    it(`${file} → ${exp.ok ? `kept ${exp.kept} of ${exp.total}` : exp.code}`, () => {
      const r = run(file, exp.opts);
      if (!exp.ok) {
        expect(r.ok, JSON.stringify(r.ok ? r.warnings : null)).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe(exp.code);
        expect(r.error.message).toContain(exp.message!);
        if (exp.retry) {
          expect(r.error.fix).toEqual(exp.retry.opts);
          const again = run(file, { ...exp.opts, ...r.error.fix });
          expect(again.ok).toBe(true);
          if (again.ok) expect([again.layer.stats.kept, again.layer.stats.total]).toEqual([exp.retry.kept, exp.retry.total]);
        }
        return;
      }
      expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
      if (!r.ok) return;
      expect(r.layer.features.length).toBe(exp.kept);
      expect([r.layer.stats.kept, r.layer.stats.total]).toEqual([exp.kept, exp.total]);
      if (exp.message) expect(r.warnings.map((w) => w.message).join('\n')).toContain(exp.message);
      if (exp.encoding) expect(r.layer.stats.encoding).toBe(exp.encoding);
      if (exp.bom !== undefined) expect(r.layer.stats.bom).toBe(exp.bom);
      // every kept feature is clean WGS-84
      for (const f of r.layer.features) {
        const s = JSON.stringify(f.geometry);
        expect(s).not.toContain('null');
      }
      expect(r.layer.bbox).not.toBeNull();
      const [w, s, e, n] = r.layer.bbox!;
      expect(w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n).toBe(true);
    });
  }
});

describe('details the manifest does not spell out', () => {
  it('keeps property values as plain strings (markup is text)', () => {
    const r = run('broken/xss-property.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.features[0]!.properties.name).toBe('<img src=x onerror=alert(1)>');
    expect(r.layer.features[0]!.properties.note).toBe('<script>alert(1)</script>');
  });

  it('reads GBK CSV text correctly and keeps codes with leading zeros as text', () => {
    const gbk = run('valid/gbk.csv');
    expect(gbk.ok && gbk.layer.features.map((f) => f.properties['名称'])).toEqual(['北京', '天津', '保定']);
    const csv = run('valid/points.csv');
    expect(csv.ok && csv.layer.features.map((f) => [f.properties.name, f.properties.code])).toEqual([
      ['北京', '0101'],
      ['天津, 滨海', '0102'],
      ['石家庄 "省会"', '0103'],
    ]);
    expect(csv.ok && csv.layer.stats.coordinateColumns).toEqual({ lon: 'longitude', lat: 'latitude' });
  });

  it('detects 经度/纬度 in a TSV and numbers in cells', () => {
    const r = run('valid/points.tsv');
    expect(r.ok && r.layer.features[0]).toEqual({ type: 'Feature', geometry: { type: 'Point', coordinates: [116.397, 39.909] }, properties: { 名称: '北京', 人口: 2154 } });
  });

  it('closes an unclosed ring by repeating its first position', () => {
    const r = run('broken/unclosed-ring.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ring = (r.layer.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring.length).toBe(5);
    expect(ring[4]).toEqual(ring[0]);
  });

  it('reports where a truncated JSON file ends', () => {
    const r = run('broken/truncated.geojson');
    expect(!r.ok && r.error.line).toBe(1);
    expect(!r.ok && typeof r.error.offset).toBe('number');
  });

  it('lists dropped features with indices in details', () => {
    const r = run('broken/mixed-valid-invalid.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.warnings.find((w) => w.code === 'features-dropped')!;
    expect(d.details!.map((x) => x.featureIndex)).toEqual([3, 6, 8]);
    expect(d.params).toEqual({ kept: 7, total: 10, dropped: 3 });
  });

  it('converts GCJ-02 to WGS-84 (Tiananmen: GCJ-02 116.403874,39.915119 ≈ WGS-84 116.3976,39.9137)', () => {
    const r = run('valid/gcj02.csv', { crs: 'gcj02' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [x, y] = (r.layer.features[0]!.geometry as { coordinates: number[] }).coordinates as [number, number];
    expect(x).toBeCloseTo(116.3976, 3);
    expect(y).toBeCloseTo(39.9137, 3);
  });
});
