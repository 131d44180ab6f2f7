/** Messages have bounds: echoed text is cleaned of control and bidi characters, lists and messages are cut. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { boundedList, boundedMessage, capText, cleanText, echo, MAX_MESSAGE_CHARS } from '../../../src/i18n/bounded';
import { importData } from '../../../src/data/import/importData';
import { resources } from '../../support/i18nResources';
import { withImportIssueTexts } from '../../../src/i18n/importIssues';
import { issueText, type Translator } from '../../../src/i18n/importIssueText';

const enc = (s: string) => new TextEncoder().encode(s);
const tr = {} as Record<'zh' | 'en', Translator>;
beforeAll(async () => {
  const inst = i18next.createInstance();
  await inst.init({ resources: withImportIssueTexts(resources), lng: 'zh', fallbackLng: false, interpolation: { escapeValue: false } });
  for (const lng of ['zh', 'en'] as const) {
    const t = inst.getFixedT(lng) as unknown as Translator['t']; // keys built at run time
    tr[lng] = { t: (key, options) => t(key, options), exists: (key, options) => inst.exists(key, { ...options, lng }) };
  }
});

describe('cleanText, capText, echo, boundedList', () => {
  it('removes bidi overrides, isolates, marks and control characters; line breaks become spaces', () => {
    expect(cleanText('a\u202Eb\u202Dc\u2066d\u2069e\u200Ff\u0000g\u0007h\u009Bi')).toBe('abcdefghi');
    expect(cleanText('a\r\nb\tc')).toBe('a b c');
    expect(cleanText('中文 English')).toBe('中文 English');
  });
  it('cuts with an ellipsis and never splits a surrogate pair', () => {
    expect(capText('abcdef', 4)).toBe('abc…');
    expect(capText('ab😀cd', 4)).toBe('ab…');
    expect(capText('short', 10)).toBe('short');
    expect(echo('x'.repeat(44e6)).length).toBe(80);
  });
  it('lists the first items and "and N more"', () => {
    const items = Array.from({ length: 9000 }, (_, i) => `k${i}`);
    const s = boundedList(items, (n) => `and ${n} more`);
    expect(s).toBe('k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, and 8990 more');
    expect(boundedList(['a\u202Eb'], () => '')).toBe('ab');
  });
  it('a whole message is at most MAX_MESSAGE_CHARS', () => {
    expect(boundedMessage('y'.repeat(1e6)).length).toBe(MAX_MESSAGE_CHARS);
  });
});

describe('import messages stay short whatever the file', () => {
  it('10,000 columns without coordinates: a short message naming 10 columns "and 9990 more"; the picker still gets every column', () => {
    const header = Array.from({ length: 4000 }, (_, i) => `column_name_${i}_${'x'.repeat(40)}`).join(',');
    const r = importData(enc(`${header}\n${'1,'.repeat(3999)}1\n`), 'wide.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('no-coordinate-columns');
    expect(String(r.error.params?.columns).split(', ')).toHaveLength(4000);
    const zh = issueText(r.error, tr.zh);
    const en = issueText(r.error, tr.en);
    expect(zh).toContain('等另外 3990 条');
    expect(en).toContain('and 3990 more');
    expect(zh.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(r.error.message.length).toBeLessThan(2000);
  });
  it('a header without data rows (1 MB of header): a short message', () => {
    const header = Array.from({ length: 4000 }, (_, i) => `h${i}${'y'.repeat(250)}`).join(',');
    const r = importData(enc(`${header}\n`), 'header.csv');
    expect(!r.ok && r.error.code).toBe('no-features');
    if (r.ok) return;
    expect(issueText(r.error, tr.zh).length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(issueText(r.error, tr.zh)).toContain('等另外 3990 条');
  });
  it('more than 5000 columns, or a 44 MB header cell: a plain "too large" in both languages', () => {
    const wide = importData(enc(Array.from({ length: 10_001 }, (_, i) => `c${i}`).join(',') + '\n'), 'w.csv');
    expect(!wide.ok && wide.error.params?.variant).toBe('columns');
    if (!wide.ok) {
      expect(issueText(wide.error, tr.zh)).toBe('文件有 10001 列，超过一个图层最多的 5000 列，无法导入。');
      expect(issueText(wide.error, tr.en)).toMatch(/10001 columns, more than the 5000/);
    }
    const long = importData(enc('lon,' + 'h'.repeat(44e5) + '\n'), 'long.csv');
    expect(!long.ok && long.error.params?.variant).toBe('header-cell');
  });
  it('column names with U+202E and control characters are echoed without them', () => {
    const r = importData(enc('a\u202Egnp.exe,b\u00A0c\u2067d\n1,2,3\n'), 'bidi.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const zh = issueText(r.error, tr.zh);
    expect(zh).toContain('"agnp.exe", "b\u00A0cd"');
    expect(zh).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
  it('nested JSON deeper than the limit: a plain message, not engine text', () => {
    const r = importData(enc('{"type":"FeatureCollection","features":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}'), 'deep.geojson');
    expect(!r.ok && r.error.code).toBe('too-large');
    if (r.ok) return;
    expect(issueText(r.error, tr.zh)).toBe('“deep.geojson”的嵌套层数超过 64 层，无法导入（GeoJSON 不需要这么深的嵌套）。');
    expect(issueText(r.error, tr.en)).not.toMatch(/call stack/i);
  });
  it('a file name with a right-to-left override is shown without it', () => {
    const r = importData(enc(''), 'evil\u202Etxt.geojson');
    expect(!r.ok && issueText(r.error, tr.zh)).toBe('文件“eviltxt.geojson”是空的（0 字节或只有空白）。');
  });
});
