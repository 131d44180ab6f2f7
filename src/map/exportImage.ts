/**
 * Image export: the map image with a title block, legend, scale bar, north arrow, date
 * and attribution composed into one PNG (or JPEG) at 1×, 2× or 4×.
 * Why one long file: the layout (pure, unit-tested) and the drawing of the same boxes belong
 * together; each box's geometry is computed once and drawn from that.
 *
 * Two layers: `layoutExport(opts, measure?)` is pure and returns where every element goes (in CSS
 * px of the map view; the canvas is that times `scale`), and `composeMapImage(opts)` draws that
 * layout on a canvas in the browser. The layout is unit-tested; the drawing is for the e2e tests.
 *
 * ─── How to get the map image at 2× / 4× without blanking (recipe for the UI) ───────────────────
 *
 * The map canvas is WebGL with `preserveDrawingBuffer: false` (src/map/MapView.tsx), so reading it
 * at an arbitrary moment gives a blank (transparent) image: the drawing buffer is cleared once the
 * frame has been presented. Read it in the same task as a synchronous render, and render at the
 * export's pixel ratio:
 *
 *   async function grabMap(map: maplibregl.Map, scale: ExportScale): Promise<HTMLCanvasElement> {
 *     const previous = map.getPixelRatio();
 *     try {
 *       map.setPixelRatio(scale);            // the canvas buffer becomes clientWidth×scale …; CSS size unchanged
 *       await map.once('idle');              // labels, GeoJSON tiles and deck's interleaved layers at the new ratio
 *       const canvas = map.getCanvas();
 *       map.redraw();                        // maplibre 6: a synchronous frame (deck draws inside it, interleaved)
 *       const copy = document.createElement('canvas');
 *       copy.width = canvas.width; copy.height = canvas.height;
 *       copy.getContext('2d')!.drawImage(canvas, 0, 0);   // same task as redraw(): the buffer is still intact
 *       return copy;                         // copy.width / canvas.clientWidth = the ratio actually used
 *     } finally {
 *       map.setPixelRatio(previous);         // back to the screen's ratio (one more repaint)
 *     }
 *   }
 *
 * then `composeMapImage({ mapCanvas: copy, width: canvas.clientWidth, height: canvas.clientHeight,
 * scale, … })`. `composeMapImage` scales the image to width×scale by height×scale, so a map image
 * that came out smaller (see below) is still placed right, only softer.
 * Alternatives: `map.once('render', …)` and read inside the callback (same idea, but the render
 * event may come from a frame that is not complete yet; `idle` + `redraw()` is deterministic), or
 * `preserveDrawingBuffer: true` (costs speed on every frame; not worth it for an occasional export).
 * maplibre 6's Map has getPixelRatio(), setPixelRatio(n), redraw() (synchronous) and
 * triggerRepaint() (next animation frame; not enough on its own).
 * Check in the e2e test that deck.gl's layers land in the right place in a 2× export: deck's
 * interleaved overlay renders into maplibre's buffer and should follow its size, but this is
 * worth seeing in an image.
 *
 * Size limits. 4× of a 1920×1080 view is 7680×4320 (33 Mpx, 133 MB RGBA).
 * - maplibre clamps the canvas to `maxCanvasSize`, **default [4096, 4096]**: above it the pixel
 *   ratio is silently lowered (a console warning once). Already 4× of 1280×800 (5120×3200) exceeds
 *   it. maxCanvasSize is a constructor option only: create the map with
 *   `maxCanvasSize: [maxTex, maxTex]` where `maxTex = gl.getParameter(gl.MAX_TEXTURE_SIZE)` (also
 *   bounded by MAX_RENDERBUFFER_SIZE and MAX_VIEWPORT_DIMS; typically 8192–16384; SwiftShader
 *   8192). maplibre also lowers the ratio by itself if the GL drawing buffer comes out smaller
 *   (`painter.overLimit()`), so raising maxCanvasSize is safe.
 * - Before exporting, compute `maxExportScale(cssWidth, cssHeight, maxTex)` below. If the chosen
 *   scale is above it, either cap the scale and tell the person ("4× is too large for this
 *   window on this device; exported at 2×") or render in tiles (move the camera by a tile's
 *   width with `map.jumpTo` for each tile of a 2×2 grid at the lower ratio and draw each into the
 *   big 2D canvas; labels at tile edges may differ, so capping is the simpler, honest option).
 * - The 2D canvas that composes the image has its own limits (Chrome: 32767 px a side and
 *   268 Mpx; Safari: 16384 px and 16.7 Mpx on iOS). `composeMapImage` throws a clear Error above
 *   MAX_EXPORT_SIDE / MAX_EXPORT_PIXELS rather than returning a blank image.
 *
 * Fonts: the text is drawn with `ctx.fillText` in `opts.font` (the app bundles 'Noto Sans SC',
 * split into unicode-range subsets). `composeMapImage` asks `document.fonts.load` for every
 * string it draws before drawing, so the subsets the text needs are fetched first.
 */
import type { RGB } from '../model/color';
import type { Map as MaplibreMap } from 'maplibre-gl';

export type ExportScale = 1 | 2 | 4;
export type ExportTheme = 'light' | 'dark';

export interface LegendEntry {
  label: string;
  color: RGB;
}

export interface ExportOptions {
  /** The map image at (about) width×scale by height×scale device pixels; see the recipe above. */
  mapCanvas: CanvasImageSource;
  /** The map view's size in CSS px. */
  width: number;
  height: number;
  scale: ExportScale;
  title: string;
  subtitle?: string;
  legend: LegendEntry[];
  /** A bar `px` CSS px long stands for `km` km (see `scaleBarFor`). */
  scaleBar: { km: number; px: number };
  /** The map's bearing in degrees; the north arrow is turned by −bearing. */
  bearing: number;
  /** As it should be printed, e.g. '2026-11-27'. */
  date: string;
  attribution: string;
  /** A font family for CSS, e.g. "'Noto Sans SC', sans-serif". */
  font: string;
  /** Panel colours; 'light' by default. */
  theme?: ExportTheme;
  /** 'image/png' by default. */
  type?: 'image/png' | 'image/jpeg' | 'image/webp';
  /** For JPEG/WebP, 0–1. */
  quality?: number;
}

export type LayoutOptions = Omit<ExportOptions, 'mapCanvas' | 'type' | 'quality'>;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextLine {
  text: string;
  /** Anchor x: the left end, or the right end when align is 'right'. */
  x: number;
  /** The alphabetic baseline. */
  y: number;
  /** Font size in CSS px. */
  size: number;
  weight: 400 | 700;
  align: 'left' | 'right' | 'center';
  /** The line's measured width. */
  width: number;
}

export interface ExportLayout {
  /** The canvas size in device pixels: width×scale by height×scale. */
  pixelWidth: number;
  pixelHeight: number;
  scale: ExportScale;
  /** The size unit: 1 for a 1280×800 view, larger for larger views (0.8–1.6). */
  unit: number;
  titleBlock: { box: Rect; lines: TextLine[] };
  legend: { box: Rect; rows: { swatch: Rect; color: RGB; label: TextLine }[]; omitted: number } | null;
  scaleBar: { box: Rect; bar: Rect; label: TextLine };
  northArrow: { box: Rect; cx: number; cy: number; radius: number; rotation: number; label: TextLine };
  footer: { box: Rect; attribution: TextLine[]; date: TextLine };
}

/** Measures a text's width in CSS px at a font size and weight (the drawing passes the canvas's). */
export type MeasureText = (text: string, size: number, weight: 400 | 700) => number;

export const MAX_EXPORT_SIDE = 16384;
export const MAX_EXPORT_PIXELS = 16384 * 16384;

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/u;

/** A width estimate without a canvas: CJK and full-width characters 1 em, others 0.6 em (a little wide, on purpose). */
export const estimateTextWidth: MeasureText = (text, size, weight) => {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.6;
  return em * size * (weight === 700 ? 1.05 : 1);
};

/** The largest of 1/2/4 whose canvas fits a GL texture of `maxTextureSize` and the 2D-canvas limits. */
export function maxExportScale(width: number, height: number, maxTextureSize: number): ExportScale | null {
  for (const s of [4, 2, 1] as const) {
    const w = Math.ceil(width * s);
    const h = Math.ceil(height * s);
    if (w <= maxTextureSize && h <= maxTextureSize && w <= MAX_EXPORT_SIDE && h <= MAX_EXPORT_SIDE && w * h <= MAX_EXPORT_PIXELS) return s;
  }
  return null;
}

/** Web-Mercator metres per CSS px at a latitude, for maplibre's 512-px tiles. */
export function metersPerPixel(zoom: number, lat: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** A round length (1, 2 or 5 × 10ⁿ km) no longer than `maxKm`, and the px it spans when `maxPx` stand for `maxKm`. */
function roundScaleBar(maxKm: number, maxPx: number): { km: number; px: number } {
  const pow = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((f) => f * pow).find((k) => k <= maxKm) ?? pow;
  return { km, px: (km / maxKm) * maxPx };
}

/** The scale bar from zoom and latitude alone (Web Mercator at the centre latitude). */
export function scaleBarFor(zoom: number, lat: number, maxPx = 120): { km: number; px: number } {
  return roundScaleBar((metersPerPixel(zoom, lat) / 1000) * maxPx, maxPx);
}

/**
 * The scale bar measured on the map the way MapLibre's scale control measures it: the ground
 * distance between two points `maxPx` apart across the middle of the map, so that the exported
 * image and the on-screen control agree.
 */
export function scaleBarOnMap(map: Pick<MaplibreMap, 'getContainer' | 'unproject'>, maxPx = 120): { km: number; px: number } {
  const y = map.getContainer().clientHeight / 2;
  const maxKm = map.unproject([0, y]).distanceTo(map.unproject([maxPx, y])) / 1000;
  return roundScaleBar(maxKm, maxPx);
}

function formatKm(km: number): string {
  return km >= 1 ? `${Number(km.toPrecision(3))} km` : `${Math.round(km * 1000)} m`;
}

/** Splits text into breakable pieces: CJK characters one by one, other runs at spaces. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WIDE.test(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else if (ch === ' ') {
      out.push(`${word} `);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

function ellipsize(text: string, maxWidth: number, measure: (t: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** Greedy line breaking into at most `maxLines` lines; the last line is ellipsized if needed. */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const pieces = tokens(text.replace(/\s+/g, ' ').trim());
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (line === '' || measure((line + piece).trimEnd()) <= maxWidth) {
      line += piece;
      continue;
    }
    if (lines.length === maxLines - 1) {
      return [...lines, ellipsize((line + pieces.slice(i).join('')).trim(), maxWidth, measure)];
    }
    lines.push(line.trimEnd());
    line = piece;
  }
  if (line.trim() !== '') lines.push(ellipsize(line.trimEnd(), maxWidth, measure));
  return lines;
}

/**
 * Where everything goes, in CSS px (multiply by `scale` for device pixels). Pure.
 * Title block top left, north arrow top right, legend bottom left and scale bar bottom right
 * above a full-width footer with the attribution (left, wrapped to 3 lines at most) and the
 * date (right). The legend flows into columns when it is taller than the free height; rows that
 * still do not fit are counted in `omitted`.
 */
export function layoutExport(opts: LayoutOptions, measure: MeasureText = estimateTextWidth): ExportLayout {
  const { width: W, height: H, scale } = opts;
  if (!(W > 0 && H > 0)) throw new Error(`export size must be positive (got ${W}×${H})`);
  const unit = Math.min(1.6, Math.max(0.8, Math.min(W / 1280, H / 800)));
  const m = 12 * unit; // margin
  const pad = 8 * unit;
  const text = (t: string, x: number, y: number, size: number, weight: 400 | 700, align: TextLine['align']): TextLine => ({
    text: t,
    x,
    y,
    size,
    weight,
    align,
    width: measure(t, size, weight),
  });

  // North arrow, top right: a square box; the arrow and its "N" turn together about the centre.
  const arrowW = 54 * unit;
  const arrowH = arrowW;
  const arrowBox: Rect = { x: W - m - arrowW, y: m, w: arrowW, h: arrowH };
  const nSize = 11 * unit;
  const radius = 12 * unit;
  const rotation = (-opts.bearing * Math.PI) / 180;
  const cx = arrowBox.x + arrowW / 2;
  const cy = arrowBox.y + arrowH / 2;
  const d = radius + 7.5 * unit; // centre to the middle of the "N"
  const northArrow = {
    box: arrowBox,
    cx,
    cy,
    radius,
    rotation,
    label: text('N', cx + d * Math.sin(rotation), cy - d * Math.cos(rotation) + nSize * 0.36, nSize, 700, 'center' as const),
  };

  // Title block, top left, as wide as its text (up to the arrow).
  const titleSize = 20 * unit;
  const subSize = 13 * unit;
  const maxTitleW = Math.max(40 * unit, W - 3 * m - arrowW - 2 * pad);
  const titleLines = wrapText(opts.title, maxTitleW, 2, (t) => measure(t, titleSize, 700));
  const subLines = opts.subtitle ? wrapText(opts.subtitle, maxTitleW, 2, (t) => measure(t, subSize, 400)) : [];
  const lines: TextLine[] = [];
  let y = m + pad;
  for (const t of titleLines) {
    y += titleSize;
    lines.push(text(t, m + pad, y - titleSize * 0.2, titleSize, 700, 'left'));
    y += titleSize * 0.25;
  }
  for (const t of subLines) {
    y += subSize * 1.35;
    lines.push(text(t, m + pad, y - subSize * 0.3, subSize, 400, 'left'));
  }
  const titleW = Math.min(maxTitleW, Math.max(0, ...lines.map((l) => l.width))) + 2 * pad;
  const titleBlock = { box: { x: m, y: m, w: titleW, h: y + pad - m }, lines };

  // Footer: attribution left, date right.
  const footSize = 11 * unit;
  const footLine = footSize * 1.4;
  const dateW = measure(opts.date, footSize, 400);
  const attrMax = Math.max(40 * unit, W - 2 * m - dateW - 2 * m);
  const attrLines = wrapText(opts.attribution, attrMax, 3, (t) => measure(t, footSize, 400));
  const footH = Math.max(1, attrLines.length) * footLine + pad;
  const footBox: Rect = { x: 0, y: H - footH, w: W, h: footH };
  const footer = {
    box: footBox,
    attribution: attrLines.map((t, i) => text(t, m, footBox.y + pad / 2 + (i + 1) * footLine - footSize * 0.35, footSize, 400, 'left')),
    date: text(opts.date, W - m, footBox.y + pad / 2 + footLine - footSize * 0.35, footSize, 400, 'right'),
  };

  // Scale bar, bottom right above the footer.
  const sbSize = 11 * unit;
  const barPx = Math.max(1, Math.min(opts.scaleBar.px, W / 3));
  const barH = 4 * unit;
  const sbLabel = formatKm(opts.scaleBar.km * (barPx / opts.scaleBar.px));
  const sbW = Math.max(barPx, measure(sbLabel, sbSize, 400)) + 2 * pad;
  const sbH = pad + sbSize * 1.3 + barH + pad;
  const sbBox: Rect = { x: W - m - sbW, y: footBox.y - m - sbH, w: sbW, h: sbH };
  const scaleBar = {
    box: sbBox,
    bar: { x: sbBox.x + pad, y: sbBox.y + sbH - pad - barH, w: barPx, h: barH },
    label: text(sbLabel, sbBox.x + pad, sbBox.y + pad + sbSize, sbSize, 400, 'left'),
  };

  // Legend, bottom left above the footer, in columns if it is too tall.
  let legend: ExportLayout['legend'] = null;
  if (opts.legend.length > 0) {
    const lSize = 12 * unit;
    const rowH = 18 * unit;
    const sw = 12 * unit;
    const gap = 6 * unit;
    const colGap = 14 * unit;
    const bottom = footBox.y - m;
    const top = titleBlock.box.y + titleBlock.box.h + m;
    const perCol = Math.max(1, Math.floor((bottom - top - 2 * pad) / rowH));
    const maxW = Math.max(60 * unit, sbBox.x - m - m);
    let cols = Math.ceil(opts.legend.length / perCol);
    const labelMax = (c: number) => (maxW - 2 * pad - (c - 1) * colGap) / c - sw - gap;
    // Fewer columns when labels would get unreadably narrow; the rest is omitted.
    while (cols > 1 && labelMax(cols) < 70 * unit) cols--;
    const shown = opts.legend.slice(0, cols * perCol);
    const rowsInCol = Math.min(perCol, shown.length);
    const lMax = labelMax(cols);
    const labels = shown.map((e) => ellipsize(e.label, lMax, (t) => measure(t, lSize, 400)));
    const colW: number[] = [];
    for (let c = 0; c < cols; c++) {
      const ws = labels.slice(c * perCol, (c + 1) * perCol).map((t) => measure(t, lSize, 400));
      colW.push(sw + gap + Math.max(0, ...ws));
    }
    const boxW = colW.reduce((a, b) => a + b, 0) + (cols - 1) * colGap + 2 * pad;
    const boxH = rowsInCol * rowH + 2 * pad;
    const box: Rect = { x: m, y: bottom - boxH, w: boxW, h: boxH };
    const rows = shown.map((e, i) => {
      const c = Math.floor(i / perCol);
      const r = i % perCol;
      const x = box.x + pad + colW.slice(0, c).reduce((a, b) => a + b, 0) + c * colGap;
      const rowY = box.y + pad + r * rowH;
      return {
        swatch: { x, y: rowY + (rowH - sw) / 2, w: sw, h: sw },
        color: e.color,
        label: text(labels[i]!, x + sw + gap, rowY + rowH / 2 + lSize * 0.36, lSize, 400 as const, 'left' as const),
      };
    });
    legend = { box, rows, omitted: opts.legend.length - shown.length };
  }

  return { pixelWidth: Math.round(W * scale), pixelHeight: Math.round(H * scale), scale, unit, titleBlock, legend, scaleBar, northArrow, footer };
}

const THEMES: Record<ExportTheme, { panel: string; ink: string; soft: string; line: string }> = {
  light: { panel: 'rgba(255,255,255,0.9)', ink: '#2b2620', soft: '#5d554b', line: 'rgba(0,0,0,0.18)' },
  dark: { panel: 'rgba(22,26,32,0.88)', ink: '#ece8e1', soft: '#b9b2a7', line: 'rgba(255,255,255,0.25)' },
};

function cssFont(size: number, weight: 400 | 700, family: string): string {
  return `${weight} ${size.toFixed(2)}px ${family}`;
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function makeCanvas(w: number, h: number): { ctx: Ctx2D; toBlob: (type: string, quality?: number) => Promise<Blob> } {
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context (out of memory?)');
    return {
      ctx,
      toBlob: (type, quality) =>
        new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`the browser could not encode a ${w}×${h} image`))), type, quality)),
    };
  }
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context (out of memory?)');
    return { ctx, toBlob: (type, quality) => canvas.convertToBlob({ type, ...(quality !== undefined ? { quality } : {}) }) };
  }
  throw new Error('no canvas in this environment');
}

async function loadFonts(family: string, texts: { text: string; size: number; weight: 400 | 700 }[]): Promise<void> {
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  if (!fonts) return;
  await Promise.all(texts.filter((t) => t.text !== '').map((t) => fonts.load(cssFont(t.size, t.weight, family), t.text).catch(() => [])));
}

function roundRect(ctx: Ctx2D, r: Rect, radius: number): void {
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, radius);
}

/** Draws the map and the layout's elements and encodes the image (PNG by default). Browser only. */
export async function composeMapImage(opts: ExportOptions): Promise<Blob> {
  const pw = Math.round(opts.width * opts.scale);
  const ph = Math.round(opts.height * opts.scale);
  if (pw > MAX_EXPORT_SIDE || ph > MAX_EXPORT_SIDE || pw * ph > MAX_EXPORT_PIXELS) {
    throw new Error(`the image would be ${pw}×${ph} px, larger than this app exports (${MAX_EXPORT_SIDE} px a side); choose a smaller scale`);
  }
  const { ctx, toBlob } = makeCanvas(pw, ph);
  const measure: MeasureText = (t, size, weight) => {
    ctx.font = cssFont(size, weight, opts.font);
    return ctx.measureText(t).width;
  };
  // Fonts first, so that measuring and drawing use the real glyphs.
  const draft = layoutExport(opts);
  const all = [...draft.titleBlock.lines, ...(draft.legend?.rows.map((r) => r.label) ?? []), draft.scaleBar.label, draft.northArrow.label, ...draft.footer.attribution, draft.footer.date];
  await loadFonts(opts.font, [...all, ...opts.legend.map((e) => ({ text: e.label, size: 12, weight: 400 as const }))]);
  const layout = layoutExport(opts, measure);
  const theme = THEMES[opts.theme ?? 'light'];
  const u = layout.unit;

  ctx.fillStyle = opts.theme === 'dark' ? '#1b1f24' : '#e8ecee';
  ctx.fillRect(0, 0, pw, ph);
  ctx.drawImage(opts.mapCanvas, 0, 0, pw, ph);
  ctx.setTransform(opts.scale, 0, 0, opts.scale, 0, 0);

  const fillText = (l: TextLine, color: string) => {
    ctx.font = cssFont(l.size, l.weight, opts.font);
    ctx.textAlign = l.align;
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = color;
    ctx.fillText(l.text, l.x, l.y);
  };
  const panel = (r: Rect) => {
    ctx.fillStyle = theme.panel;
    roundRect(ctx, r, 4 * u);
    ctx.fill();
    ctx.strokeStyle = theme.line;
    ctx.lineWidth = 1 / opts.scale;
    ctx.stroke();
  };

  panel(layout.titleBlock.box);
  layout.titleBlock.lines.forEach((l, i) => fillText(l, i === 0 || l.weight === 700 ? theme.ink : theme.soft));

  if (layout.legend) {
    panel(layout.legend.box);
    for (const row of layout.legend.rows) {
      const [r, g, b] = row.color;
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(row.swatch.x, row.swatch.y, row.swatch.w, row.swatch.h);
      fillText(row.label, theme.ink);
    }
  }

  const sb = layout.scaleBar;
  panel(sb.box);
  fillText(sb.label, theme.ink);
  ctx.fillStyle = theme.ink;
  ctx.fillRect(sb.bar.x, sb.bar.y, sb.bar.w, sb.bar.h);
  ctx.fillStyle = theme.panel;
  ctx.fillRect(sb.bar.x + sb.bar.w / 2, sb.bar.y + 1 / opts.scale, sb.bar.w / 2 - 1 / opts.scale, sb.bar.h - 2 / opts.scale);

  const na = layout.northArrow;
  panel(na.box);
  fillText(na.label, theme.ink);
  ctx.save();
  ctx.translate(na.cx, na.cy);
  ctx.rotate(na.rotation);
  ctx.beginPath();
  ctx.moveTo(0, -na.radius);
  ctx.lineTo(na.radius * 0.45, na.radius * 0.7);
  ctx.lineTo(0, na.radius * 0.35);
  ctx.closePath();
  ctx.fillStyle = theme.ink;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(0, -na.radius);
  ctx.lineTo(-na.radius * 0.45, na.radius * 0.7);
  ctx.lineTo(0, na.radius * 0.35);
  ctx.closePath();
  ctx.strokeStyle = theme.ink;
  ctx.lineWidth = 1.2 * u;
  ctx.stroke();
  ctx.restore();

  ctx.fillStyle = theme.panel;
  ctx.fillRect(layout.footer.box.x, layout.footer.box.y, layout.footer.box.w, layout.footer.box.h);
  for (const l of layout.footer.attribution) fillText(l, theme.soft);
  fillText(layout.footer.date, theme.ink);

  return toBlob(opts.type ?? 'image/png', opts.quality);
}
