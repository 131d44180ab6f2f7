import { describe, expect, it } from 'vitest';
import { selectionInk, buildLegend } from '../../../src/model/legend';
import { BASEMAP_PALETTES } from '../../../src/map/themes';
import { hexToRgb, type RGB } from '../../../src/model/color';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: RGB): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: RGB, b: RGB): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the selection outline ink', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`stands out from the ${theme} map's land, Beijing/Tianjin fill and sea (contrast ≥ 4.5)`, () => {
      const palette = BASEMAP_PALETTES[theme];
      for (const key of ['land', 'beijing', 'sea', 'background'] as const) {
        const ratio = contrast(selectionInk(theme), hexToRgb(palette[key]));
        expect(ratio, `${theme} ${key} ${palette[key]}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('is the colour of the legend mark for the selection, in each theme', () => {
    const t = ((k: string) => k) as unknown as Parameters<typeof buildLegend>[2];
    const plan = { countsByLayer: {}, users: { layers: [] } } as unknown as Parameters<typeof buildLegend>[0];
    for (const theme of ['light', 'dark'] as const) {
      const mark = buildLegend(plan, [], t, { theme, selected: true }).find((e) => e.key === 'mark-selected');
      expect(mark?.color).toEqual(selectionInk(theme));
    }
    expect(selectionInk('dark')).not.toEqual(selectionInk('light'));
  });
});
