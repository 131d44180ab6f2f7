import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseFontsourceCss } from '../../../scripts/vite-plugins';

describe('parseFontsourceCss', () => {
  it('reads every woff2 subset and its unicode ranges from the fontsource CSS', () => {
    const css = readFileSync('node_modules/@fontsource/noto-sans-sc/400.css', 'utf8');
    const faces = parseFontsourceCss(css);
    expect(faces.length).toBeGreaterThan(90);
    for (const f of faces) {
      expect(f.file).toMatch(/^noto-sans-sc-[\w-]+-400-normal\.woff2$/);
      for (const r of f.unicodeRange) expect(r).toMatch(/^U\+[0-9A-F?]+(-[0-9A-F]+)?$/);
    }
    // 北 (U+5317) and "B" are covered by some subset.
    const covers = (cp: number) =>
      faces.some((f) =>
        f.unicodeRange.some((r) => {
          const [a, b] = r.slice(2).split('-').map((x) => parseInt(x, 16));
          return cp >= a! && cp <= (b ?? a!);
        }),
      );
    expect(covers(0x5317)).toBe(true);
    expect(covers(0x42)).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no inline script, no eval and connections only to the origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });
});
