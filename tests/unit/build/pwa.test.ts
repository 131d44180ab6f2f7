import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstViewFontFiles, parseUnicodeRanges, subsetsFor, unhashedFontName } from '../../../scripts/pwa';
import { parseFontsourceCss } from '../../../scripts/vite-plugins';

const css400 = readFileSync('node_modules/@fontsource/noto-sans-sc/400.css', 'utf8');

describe('parseUnicodeRanges', () => {
  it('reads single code points, ranges and ? wildcards', () => {
    expect(parseUnicodeRanges(['U+3001', 'U+4E00-4E0F', 'U+4E??'])).toEqual([
      [0x3001, 0x3001],
      [0x4e00, 0x4e0f],
      [0x4e00, 0x4eff],
    ]);
  });
});

describe('first-view font subsets for the precache', () => {
  const files = firstViewFontFiles();
  const all400 = parseFontsourceCss(css400).map((e) => e.file);

  it('keeps well under half of the ~200 subsets, of both weights', () => {
    expect(files.size).toBeGreaterThan(10);
    expect(files.size).toBeLessThan(all400.length);
    expect([...files].some((f) => f.includes('-700-'))).toBe(true);
    for (const f of files) expect(f).toMatch(/^noto-sans-sc-[\w-]+-(400|700)-normal\.woff2$/);
  });

  it('covers the UI, the map labels and the icon glyphs written in the source', () => {
    for (const text of ['京津冀协同发展地图', '张家口市', 'Beijing', '☰', '○', '渤海']) {
      for (const f of subsetsFor(css400, text)) expect(files.has(f), `${text}: ${f}`).toBe(true);
    }
  });

  it('matches built (hashed) asset names to the fontsource names', () => {
    expect(unhashedFontName('assets/noto-sans-sc-119-400-normal-flOVnW3A.woff2')).toBe('noto-sans-sc-119-400-normal.woff2');
    expect(unhashedFontName('assets/noto-sans-sc-45-700-normal-DUqJO8E-.woff2')).toBe('noto-sans-sc-45-700-normal.woff2');
  });
});
