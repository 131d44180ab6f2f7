import { describe, expect, it } from 'vitest';
import { PLAN_LAYER_COLORS } from '../../../src/model/planColors';
import { hexToRgb, type RGB } from '../../../src/model/color';
import { BASEMAP_COLORS, buildBasemapStyle, type BasemapUrls } from '../../../src/map/basemap/style';
import {
  composite,
  CVD_TYPES,
  cvdDistance,
  DARK_BASEMAP_COLORS,
  deltaE2000,
  LIGHT_BASEMAP_COLORS,
  paletteMapping,
  recolorStyle,
  rgbToLab,
  simulateCvd,
  STYLE_LITERAL_COLORS,
  type CvdType,
} from '../../../src/map/themes';

type Vision = CvdType | 'normal';
const VISIONS: Vision[] = ['normal', ...CVD_TYPES];
const LAYERS = Object.keys(PLAN_LAYER_COLORS) as (keyof typeof PLAN_LAYER_COLORS)[];
const BACKGROUNDS = { light: hexToRgb(LIGHT_BASEMAP_COLORS.land), dark: hexToRgb(DARK_BASEMAP_COLORS.land) };
/** planLayers.ts draws lines and area outlines at alpha 220, points at 235: check the weaker one. */
const MARK_ALPHA = 220 / 255;
/** Every pair of layer colours, for every vision, on both themes' land: at least this ΔE2000. */
const MIN_PAIR = 5.5;
/** Below this a pair is "weak" (distinguishable side by side, less so apart): listed below, so a change is noticed. */
const GOOD_PAIR = 10;
/** Every layer colour against the land. */
const MIN_BACKGROUND = 10;
/** The pairs known to fall between MIN_PAIR and GOOD_PAIR (see the proposal in the issue notes). */
const KNOWN_WEAK = [
  'g1/g3-public-services tritanopia light',
  'g3-ecology/g5 deuteranopia light',
];

function table() {
  const rows: { pair: string; vision: Vision; theme: 'light' | 'dark'; d: number }[] = [];
  for (const [theme, bg] of Object.entries(BACKGROUNDS) as ['light' | 'dark', RGB][]) {
    for (let i = 0; i < LAYERS.length; i++)
      for (let j = i + 1; j < LAYERS.length; j++) {
        const a = composite(PLAN_LAYER_COLORS[LAYERS[i]!], bg, MARK_ALPHA);
        const b = composite(PLAN_LAYER_COLORS[LAYERS[j]!], bg, MARK_ALPHA);
        for (const vision of VISIONS) rows.push({ pair: `${LAYERS[i]}/${LAYERS[j]}`, vision, theme, d: cvdDistance(a, b, vision) });
      }
  }
  return rows;
}

describe('colour science', () => {
  it('CIEDE2000 matches Sharma, Wu & Dalal (2005) test data', () => {
    const cases: [[number, number, number], [number, number, number], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    ];
    for (const [a, b, d] of cases) expect(deltaE2000(a, b)).toBeCloseTo(d, 4);
  });

  it('sRGB → Lab: white, black, a known red', () => {
    expect(rgbToLab([255, 255, 255]).map((v) => Math.round(v * 100) / 100 + 0)).toEqual([100, 0, 0]);
    expect(rgbToLab([0, 0, 0])[0]).toBeCloseTo(0);
    const red = rgbToLab([255, 0, 0]);
    expect(red[0]).toBeCloseTo(53.24, 1);
    expect(red[1]).toBeCloseTo(80.09, 1);
    expect(red[2]).toBeCloseTo(67.2, 1);
  });

  it('CVD simulation keeps greys and confuses what it should', () => {
    for (const t of CVD_TYPES) {
      for (const g of [0, 128, 255]) simulateCvd([g, g, g], t).forEach((c) => expect(c).toBeCloseTo(g, 0));
    }
    // Red and green collapse for protan/deutan, not for tritan; blue and green collapse for tritan.
    const rg = (t: Vision) => cvdDistance([200, 60, 40], [90, 140, 30], t);
    expect(rg('deuteranopia')).toBeLessThan(rg('normal') / 2);
    expect(rg('protanopia')).toBeLessThan(rg('normal') / 2);
    expect(cvdDistance([0, 140, 190], [60, 170, 120], 'tritanopia')).toBeLessThan(cvdDistance([0, 140, 190], [60, 170, 120], 'normal'));
  });
});

describe('the plan layer colours under colour-vision deficiencies', () => {
  const rows = table();

  it(`every pair is at least ΔE2000 ${MIN_PAIR} apart on both themes' land, for normal, protan, deutan and tritan vision`, () => {
    const summary = VISIONS.flatMap((v) =>
      (['light', 'dark'] as const).map((theme) => {
        const r = rows.filter((x) => x.vision === v && x.theme === theme).sort((a, b) => a.d - b.d)[0]!;
        return `${v.padEnd(12)} ${theme.padEnd(5)} min ΔE2000 ${r.d.toFixed(1)} (${r.pair})`;
      }),
    );
    console.info(`plan layer colours at alpha ${MARK_ALPHA.toFixed(2)} on land:\n${summary.join('\n')}`);
    for (const r of rows) expect(r.d, `${r.pair} ${r.vision} ${r.theme}`).toBeGreaterThanOrEqual(MIN_PAIR);
  });

  it(`the pairs below ΔE2000 ${GOOD_PAIR} are exactly the known ones`, () => {
    const weakRows = rows.filter((r) => r.d < GOOD_PAIR);
    console.info(`pairs below ${GOOD_PAIR}:\n${weakRows.map((r) => `${r.pair} ${r.vision} ${r.theme} ${r.d.toFixed(1)}`).join('\n')}`);
    const weak = weakRows.map((r) => `${r.pair} ${r.vision} ${r.theme}`).sort();
    expect(weak).toEqual(KNOWN_WEAK);
  });

  it(`every colour stands out from both themes' land by at least ΔE2000 ${MIN_BACKGROUND}`, () => {
    for (const [theme, bg] of Object.entries(BACKGROUNDS) as ['light' | 'dark', RGB][]) {
      for (const k of LAYERS) {
        for (const v of VISIONS) {
          const d = cvdDistance(composite(PLAN_LAYER_COLORS[k], bg, MARK_ALPHA), bg, v);
          expect(d, `${k} ${v} ${theme}`).toBeGreaterThanOrEqual(MIN_BACKGROUND);
        }
      }
    }
  });

  it('g2 and g4 (once the closest pair, ΔE2000 6.0 under deuteranopia) are now above ΔE2000 12 for every vision', () => {
    let g2g4 = Infinity;
    for (const bg of Object.values(BACKGROUNDS)) {
      for (const v of VISIONS) g2g4 = Math.min(g2g4, cvdDistance(composite(PLAN_LAYER_COLORS.g2, bg, MARK_ALPHA), composite(PLAN_LAYER_COLORS.g4, bg, MARK_ALPHA), v));
    }
    console.info(`g2/g4 min ΔE2000 ${g2g4.toFixed(1)}`);
    expect(g2g4).toBeGreaterThan(12);
  });
});

describe('the dark base map', () => {
  const urls = Object.fromEntries(['provinces', 'prefectures', 'counties', 'neighbours', 'sea', 'coastline', 'rivers', 'riversSupplement', 'lakes', 'seats', 'labels'].map((k) => [k, `/${k}.geojson`])) as unknown as BasemapUrls;

  it('has every key of the light palette, and equal light colours stay equal in the dark', () => {
    expect(Object.keys(DARK_BASEMAP_COLORS).sort()).toEqual(Object.keys(BASEMAP_COLORS).sort());
    const keys = Object.keys(BASEMAP_COLORS) as (keyof typeof BASEMAP_COLORS)[];
    for (const a of keys) for (const b of keys) if (BASEMAP_COLORS[a] === BASEMAP_COLORS[b]) expect(DARK_BASEMAP_COLORS[a], `${a}/${b}`).toBe(DARK_BASEMAP_COLORS[b]);
  });

  it('recolorStyle leaves no light colour in the style', () => {
    const light = buildBasemapStyle(urls, {});
    const dark = recolorStyle(light, DARK_BASEMAP_COLORS);
    const lightColours = new Set([...Object.values(BASEMAP_COLORS), ...Object.keys(STYLE_LITERAL_COLORS)].map((c) => c.toLowerCase()));
    const found: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string' && lightColours.has(v.toLowerCase())) found.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(dark.layers);
    expect(found).toEqual([]);
    expect(dark.sources).toEqual(light.sources);
    expect(recolorStyle(light, LIGHT_BASEMAP_COLORS)).toEqual(light);
    expect(paletteMapping(DARK_BASEMAP_COLORS).get(BASEMAP_COLORS.land)).toBe(DARK_BASEMAP_COLORS.land);
  });

  it('keeps dark labels readable: text against land and halo far apart', () => {
    const land = hexToRgb(DARK_BASEMAP_COLORS.land);
    for (const k of ['textDark', 'textMid', 'textLight', 'waterText', 'province'] as const) {
      expect(deltaE2000(rgbToLab(hexToRgb(DARK_BASEMAP_COLORS[k])), rgbToLab(land)), k).toBeGreaterThan(30);
    }
  });
});
