import { describe, expect, it } from 'vitest';
import { PLAN_LAYER_COLORS } from '../../../src/model/planColors';
import { USER_LAYER_PALETTE } from '../../../src/model/userLayerStyle';
import { hexToRgb, type RGB } from '../../../src/model/color';
import { composite, cvdDistance, DARK_BASEMAP_COLORS, LIGHT_BASEMAP_COLORS } from '../../../src/map/themes';

/** As the plan's colours are checked (tests/unit/map/themes.test.ts): marks at alpha 220 on both themes' land. */
const BACKGROUNDS = { light: hexToRgb(LIGHT_BASEMAP_COLORS.land), dark: hexToRgb(DARK_BASEMAP_COLORS.land) };
const MARK_ALPHA = 220 / 255;
/** A user layer's colour must not read as a plan group's. */
const MIN_FROM_PLAN = 15;
/** Two user layers side by side. */
const MIN_PAIR = 15;
const MIN_BACKGROUND = 20;

const on = (hex: string | RGB, bg: RGB) => composite(typeof hex === 'string' ? hexToRgb(hex) : hex, bg, MARK_ALPHA);

describe('the palette of new user layers', () => {
  it(`every colour is at least ΔE2000 ${MIN_FROM_PLAN} from every plan group colour, on both themes`, () => {
    const rows: string[] = [];
    for (const [theme, bg] of Object.entries(BACKGROUNDS)) {
      for (const u of USER_LAYER_PALETTE) {
        for (const [k, p] of Object.entries(PLAN_LAYER_COLORS)) {
          const d = cvdDistance(on(u, bg), on(p, bg), 'normal');
          rows.push(`${u}/${k} ${theme} ${d.toFixed(1)}`);
          expect(d, `${u} vs ${k} on ${theme}`).toBeGreaterThanOrEqual(MIN_FROM_PLAN);
        }
      }
    }
    expect(rows.length).toBe(USER_LAYER_PALETTE.length * Object.keys(PLAN_LAYER_COLORS).length * 2);
  });

  it('the two hues the old palette shared with the plan are gone (orange ≈ 交通, blue ≈ 雄安)', () => {
    // the old first and sixth colours, kept here so the check itself is known to bite
    const old = ['#e8590c', '#1864ab'];
    for (const h of old) {
      const nearest = Math.min(...Object.values(PLAN_LAYER_COLORS).map((p) => cvdDistance(on(h, BACKGROUNDS.light), on(p, BACKGROUNDS.light), 'normal')));
      expect(nearest).toBeLessThan(MIN_FROM_PLAN);
    }
    for (const h of old) expect(USER_LAYER_PALETTE).not.toContain(h);
  });

  it(`the colours are at least ΔE2000 ${MIN_PAIR} apart and ${MIN_BACKGROUND} from the land`, () => {
    for (const bg of Object.values(BACKGROUNDS)) {
      USER_LAYER_PALETTE.forEach((a, i) => {
        expect(cvdDistance(on(a, bg), bg, 'normal'), a).toBeGreaterThanOrEqual(MIN_BACKGROUND);
        for (const b of USER_LAYER_PALETTE.slice(i + 1)) expect(cvdDistance(on(a, bg), on(b, bg), 'normal'), `${a}/${b}`).toBeGreaterThanOrEqual(MIN_PAIR);
      });
    }
  });
});
