/** CSV exports are safe to open in a spreadsheet, and the app reads its own safe cells back exactly. */
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { csvField, tableToCSV, toCSV } from '../../../../src/data/export';
import { needsNeutralising, neutraliseCell, unneutraliseCell } from '../../../../src/data/csvSafety';
import { importData } from '../../../../src/data/import/importData';

const enc = (s: string) => new TextEncoder().encode(s);

/** Values from the OWASP CSV-injection page and the adversarial pass. */
const FORMULAS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '=1+1',
  '-',
  '+',
  '@',
  '-Infinity',
  "'=already quoted",
  "''-twice",
];
const NUMBERS = ['-5', '-3.2', '+7', '-1e3', '-0.5', '-.5'];
const PLAIN = ['', 'plain', "it's", "'", "'plain", "'-5", ' =spaced', '中文=公式', 'a-b'];

/** Whether a spreadsheet would evaluate the first character of this cell as a formula. */
const dangerous = (cell: string) => /^"?[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell.replace(/^"/, ''));

describe('neutraliseCell / unneutraliseCell', () => {
  it('prefixes an apostrophe to every formula trigger (= + - @ TAB CR)', () => {
    for (const f of FORMULAS) {
      expect(neutraliseCell(f), JSON.stringify(f)).toBe(`'${f}`);
      expect(dangerous(csvField(f)), JSON.stringify(csvField(f))).toBe(false);
    }
  });
  it('leaves plain numbers, including negative ones, and ordinary text alone', () => {
    for (const n of [...NUMBERS, ...PLAIN.filter((p) => !needsNeutralising(p))]) expect(neutraliseCell(n)).toBe(n);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(-3.2)).toBe('-3.2');
  });
  it('is reversible for every string: unneutralise(neutralise(s)) = s, and leaves foreign text alone', () => {
    for (const s of [...FORMULAS, ...NUMBERS, ...PLAIN]) {
      const n = neutraliseCell(s);
      if (n === s) expect(unneutraliseCell(n), JSON.stringify(s)).toBeNull();
      else expect(unneutraliseCell(n), JSON.stringify(s)).toBe(s);
    }
  });
});

describe('toCSV and tableToCSV neutralise cells, headers and the layer name', () => {
  const features: Feature[] = FORMULAS.map((f, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [116 + i / 100, 39.9] },
    properties: { jjj_layer: '=HYPERLINK("http://evil","layer")', value: f, '=col0()': i, n: -i - 0.5, neg: '-5' },
  }));
  const csv = toCSV(features);
  const rows = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('no cell of the file starts with a formula trigger', () => {
    expect(rows[0]).toBe(`lon,lat,jjj_layer,value,'=col0(),n,neg`);
    // split on the delimiter outside quotes is enough here: no value contains a comma outside quotes
    for (const r of rows.slice(1, -1)) expect(r.startsWith("116"), r).toBe(true);
    expect(csv).not.toMatch(/(^|,|\r\n)"?[=+@\t]/);
    expect(csv).not.toMatch(/(^|,|\r\n)"?-[^\d.]/);
  });
  it('region tables too', () => {
    expect(tableToCSV([['=a', '-1', '@b']], { bom: false })).toBe(`'=a,-1,'@b\r\n`);
  });
  it('export → import gives the very same properties (formula text, numbers and negative numbers)', () => {
    const back = importData(enc(csv), 'out.csv');
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.layer.features.map((f) => f.properties)).toEqual(features.map((f) => ({ ...f.properties, neg: -5 })));
      expect(back.layer.features.map((f) => f.geometry)).toEqual(features.map((f) => f.geometry));
    }
  });
  it('a foreign CSV keeps an apostrophe that does not precede a formula', () => {
    const back = importData(enc("lon,lat,a,b\r\n116,39,'-5,'plain\r\n"), 'x.csv');
    expect(back.ok && back.layer.features[0]!.properties).toEqual({ a: "'-5", b: "'plain" });
  });
});
