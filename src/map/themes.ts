/**
 * Colour themes of the map: a light base map (the current one) for bright rooms and a
 * dark one for projectors, plus the colour science used to check that the plan's layer colours
 * (./planColors.ts) stay distinguishable for people with colour-vision deficiencies (CVD).
 *
 * The UI side of the themes is src/ui/themes.css (`[data-theme='dark']` on <html>).
 *
 * Building a dark base map without touching ./basemap/style.ts:
 *
 *   const style = recolorStyle(buildBasemapStyle(urls, fontFaces, options), DARK_BASEMAP_COLORS);
 *
 * `recolorStyle` walks the style and replaces every colour string of the light palette (and the
 * few literal colours style.ts uses besides it, STYLE_LITERAL_COLORS) by its dark counterpart.
 * Switching themes at run time: `map.setStyle(style, { diff: true })` would drop deck's
 * interleaved layers (see MapView.tsx); set the paint properties instead, e.g. for each layer of
 * the new style `map.setPaintProperty(layer.id, prop, value)` for its colour properties.
 *
 * CVD: `simulateCvd` applies the Machado, Oliveira & Fernandes (2009) matrices at severity 1.0
 * (protanopia, deuteranopia, tritanopia) in linear sRGB; `deltaE2000` is CIEDE2000 on CIELAB (D65).
 */
import { BASEMAP_COLORS } from './basemap/style';
import { type RGB } from '../model/color';

export type ThemeName = 'light' | 'dark';
export type BasemapPalette = Record<keyof typeof BASEMAP_COLORS, string>;

export const LIGHT_BASEMAP_COLORS: BasemapPalette = { ...BASEMAP_COLORS };

/**
 * The dark base map: dark land, a darker blue sea, light labels with dark halos. The plan's
 * overlay colours are kept (they are mid-tones, legible on both); checked by the themes test.
 */
export const DARK_BASEMAP_COLORS: BasemapPalette = {
  background: '#14181d',
  sea: '#1c3246',
  coast: '#3f6b8a',
  neighbour: '#1e2227',
  neighbourBorder: '#3b4046',
  land: '#2b2f35',
  beijing: '#34322d',
  province: '#cfc5b8',
  provinceCasing: '#4b443a',
  prefecture: '#91887d',
  county: '#4a4740',
  river: '#4e87b0',
  lake: '#1c3246',
  waterText: '#8fbfe0',
  textDark: '#eeeae3',
  textMid: '#d0c9bf',
  textLight: '#a59d92',
  halo: 'rgba(18,22,27,0.92)',
  highlight: '#ff7b3d',
};

/** Colours style.ts writes literally (not from BASEMAP_COLORS), with their dark counterparts. */
export const STYLE_LITERAL_COLORS: Record<string, string> = {
  '#fff': '#20242a', // seat circles' fill and stroke
  'rgba(183,208,225,0.6)': 'rgba(28,50,70,0.6)', // halo of the sea labels
};

export const BASEMAP_PALETTES: Record<ThemeName, BasemapPalette> = { light: LIGHT_BASEMAP_COLORS, dark: DARK_BASEMAP_COLORS };

/** The colour replacements from the light palette to `palette` (light colours that are equal map to the first key's target). */
export function paletteMapping(palette: BasemapPalette, literals: Record<string, string> = palette === LIGHT_BASEMAP_COLORS ? {} : STYLE_LITERAL_COLORS): Map<string, string> {
  const map = new Map<string, string>();
  for (const key of Object.keys(LIGHT_BASEMAP_COLORS) as (keyof BasemapPalette)[]) {
    const from = LIGHT_BASEMAP_COLORS[key].toLowerCase();
    if (!map.has(from)) map.set(from, palette[key]);
  }
  for (const [from, to] of Object.entries(literals)) if (!map.has(from.toLowerCase())) map.set(from.toLowerCase(), to);
  return map;
}

/**
 * A copy of a value (a MapLibre style, a layer, a paint object) with every string that is a
 * colour of the light palette replaced by the corresponding colour of `palette`. Pure.
 */
export function recolorStyle<T>(value: T, palette: BasemapPalette): T {
  const mapping = paletteMapping(palette);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mapping.get(v.toLowerCase()) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

// ---------------------------------------------------------------- colour science

export type CvdType = 'protanopia' | 'deuteranopia' | 'tritanopia';
export const CVD_TYPES: CvdType[] = ['protanopia', 'deuteranopia', 'tritanopia'];
type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

/** Machado, Oliveira & Fernandes (2009), severity 1.0, for linear RGB. */
export const MACHADO_2009: Record<CvdType, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (l: number) => {
  const c = Math.min(1, Math.max(0, l));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

/** How a colour looks with a (complete) colour-vision deficiency; 'normal' returns it unchanged. */
export function simulateCvd(rgb: RGB, type: CvdType | 'normal'): RGB {
  if (type === 'normal') return [rgb[0], rgb[1], rgb[2]];
  const m = MACHADO_2009[type];
  const lin = rgb.map(toLinear) as [number, number, number];
  const row = (r: readonly [number, number, number]) => fromLinear(r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2]);
  return [row(m[0]), row(m[1]), row(m[2])];
}

/** A colour drawn with opacity `alpha` over a background (in sRGB, as the browser blends). */
export function composite(rgb: RGB, background: RGB, alpha: number): RGB {
  return [0, 1, 2].map((i) => rgb[i]! * alpha + background[i]! * (1 - alpha)) as RGB;
}

export type Lab = [number, number, number];

/** sRGB (0–255) to CIELAB, D65 white. */
export function rgbToLab(rgb: RGB): Lab {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005). */
export function deltaE2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hp = (a: number, b: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1p = hp(a1p, b1);
  const h2p = hp(a2p, b2);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * rad);
  const Lpm = (L1 + L2) / 2;
  const Cpm = (C1p + C2p) / 2;
  let hpm = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) > 180) hpm = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
    else hpm = (h1p + h2p) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hpm - 30) * rad) + 0.24 * Math.cos(2 * hpm * rad) + 0.32 * Math.cos((3 * hpm + 6) * rad) - 0.2 * Math.cos((4 * hpm - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hpm - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cpm ** 7 / (Cpm ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lpm - 50) ** 2) / Math.sqrt(20 + (Lpm - 50) ** 2);
  const SC = 1 + 0.045 * Cpm;
  const SH = 1 + 0.015 * Cpm * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2 + RT * (dCp / SC) * (dHp / SH));
}

/** ΔE2000 between two colours as seen with a given vision type. */
export function cvdDistance(a: RGB, b: RGB, type: CvdType | 'normal'): number {
  return deltaE2000(rgbToLab(simulateCvd(a, type)), rgbToLab(simulateCvd(b, type)));
}
