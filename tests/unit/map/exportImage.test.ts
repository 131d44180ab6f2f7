import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { estimateTextWidth, layoutExport, maxExportScale, metersPerPixel, scaleBarFor, scaleBarOnMap, wrapText, type ExportLayout, type LayoutOptions, type Rect } from '../../../src/map/exportImage';
import { PLAN_LAYER_COLORS } from '../../../src/model/planColors';
import { BASEMAP_ATTRIBUTION } from '../../../src/map/attribution';

const legend = Object.entries(PLAN_LAYER_COLORS).map(([k, color]) => ({ label: `${k} 图层 layer name`, color }));
const base: LayoutOptions = {
  width: 1280,
  height: 800,
  scale: 2,
  title: '京津冀协同发展地图',
  subtitle: '北京市推进京津冀协同发展2019年工作要点',
  legend,
  scaleBar: { km: 50, px: 100 },
  bearing: 0,
  date: '2026-11-27',
  attribution: BASEMAP_ATTRIBUTION.join(' · '),
  font: "'Noto Sans SC', sans-serif",
};

function boxes(l: ExportLayout): [string, Rect][] {
  return [
    ['title', l.titleBlock.box],
    ...(l.legend ? [['legend', l.legend.box] as [string, Rect]] : []),
    ['scaleBar', l.scaleBar.box],
    ['northArrow', l.northArrow.box],
    ['footer', l.footer.box],
  ];
}
const inside = (r: Rect, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.w <= w + 1e-9 && r.y + r.h <= h + 1e-9;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function checkLayout(l: ExportLayout, o: LayoutOptions) {
  const bs = boxes(l);
  for (const [name, r] of bs) expect(inside(r, o.width, o.height), `${name} ${JSON.stringify(r)}`).toBe(true);
  for (let i = 0; i < bs.length; i++)
    for (let j = i + 1; j < bs.length; j++) expect(overlap(bs[i]![1], bs[j]![1]), `${bs[i]![0]} overlaps ${bs[j]![0]}`).toBe(false);
  // Text stays in its box.
  const texts = [
    ...l.titleBlock.lines.map((t) => [t, l.titleBlock.box] as const),
    ...(l.legend?.rows.map((r) => [r.label, l.legend!.box] as const) ?? []),
    [l.scaleBar.label, l.scaleBar.box] as const,
    [l.northArrow.label, l.northArrow.box] as const,
    ...l.footer.attribution.map((t) => [t, l.footer.box] as const),
    [l.footer.date, l.footer.box] as const,
  ];
  for (const [t, box] of texts) {
    const left = t.align === 'left' ? t.x : t.align === 'right' ? t.x - t.width : t.x - t.width / 2;
    expect(left >= box.x - 0.5 && left + t.width <= box.x + box.w + 0.5, `"${t.text}" (${left}..${left + t.width}) in ${JSON.stringify(box)}`).toBe(true);
    expect(t.y - t.size * 0.8 >= box.y - 0.5 && t.y <= box.y + box.h + 0.5, `"${t.text}" baseline ${t.y} in ${JSON.stringify(box)}`).toBe(true);
  }
  for (const r of l.legend?.rows ?? []) expect(inside(r.swatch, o.width, o.height)).toBe(true);
}

describe('layoutExport', () => {
  it('lays out a 1280×800 view at 2×: canvas size, every element inside and apart', () => {
    const l = layoutExport(base);
    expect([l.pixelWidth, l.pixelHeight]).toEqual([2560, 1600]);
    expect(l.unit).toBe(1);
    checkLayout(l, base);
    expect(l.legend!.rows.map((r) => r.color)).toEqual(Object.values(PLAN_LAYER_COLORS));
    expect(l.legend!.omitted).toBe(0);
    expect(l.titleBlock.lines.map((t) => t.text)).toEqual([base.title, base.subtitle]);
    expect(l.footer.attribution.map((t) => t.text).join(' ')).toBe(base.attribution);
    expect(l.footer.date.text).toBe('2026-11-27');
    expect(l.scaleBar.bar.w).toBe(100);
    expect(l.scaleBar.label.text).toBe('50 km');
    // Title top left, arrow top right, legend bottom left, scale bar bottom right, footer at the bottom.
    expect(l.titleBlock.box.x).toBeLessThan(50);
    expect(l.northArrow.box.x + l.northArrow.box.w).toBeGreaterThan(1230);
    expect(l.legend!.box.y + l.legend!.box.h).toBeLessThanOrEqual(l.footer.box.y);
    expect(l.footer.box.y + l.footer.box.h).toBe(800);
  });

  it('scales to 1×, 4× and to large and small views', () => {
    for (const [width, height, scale] of [[1280, 800, 1], [1920, 1080, 4], [800, 600, 2], [640, 400, 1], [2560, 1440, 1]] as const) {
      const o = { ...base, width, height, scale };
      const l = layoutExport(o);
      expect([l.pixelWidth, l.pixelHeight]).toEqual([width * scale, height * scale]);
      checkLayout(l, o);
    }
    expect(layoutExport({ ...base, width: 1920, height: 1080 }).unit).toBe(1.35);
  });

  it('turns the north arrow by −bearing, its N at the tip', () => {
    const up = layoutExport({ ...base, bearing: 0 }).northArrow;
    expect(up.rotation).toBe(-0);
    expect(up.label.x).toBeCloseTo(up.cx);
    expect(up.label.y).toBeLessThan(up.cy);
    const turned = layoutExport({ ...base, bearing: 90 }).northArrow;
    expect(turned.rotation).toBeCloseTo(-Math.PI / 2);
    expect(turned.label.x).toBeLessThan(turned.cx - turned.radius); // north is to the left
    for (const bearing of [0, 45, 135, -170, 300]) checkLayout(layoutExport({ ...base, bearing }), base);
  });

  it('wraps long titles to two lines and ellipsizes; flows a long legend into columns', () => {
    const long = { ...base, title: '很长的标题'.repeat(40), legend: Array.from({ length: 60 }, (_, i) => ({ label: `Item ${i} with a fairly long name`, color: [i, 0, 0] as [number, number, number] })) };
    const l = layoutExport(long);
    checkLayout(l, long);
    expect(l.titleBlock.lines.filter((t) => t.weight === 700)).toHaveLength(2);
    expect(l.titleBlock.lines[1]!.text.endsWith('…')).toBe(true);
    const xs = new Set(l.legend!.rows.map((r) => r.swatch.x));
    expect(xs.size).toBeGreaterThan(1);
    expect(l.legend!.rows.length + l.legend!.omitted).toBe(60);
  });

  it('has no legend when there is nothing to show, and caps a too long scale bar', () => {
    const l = layoutExport({ ...base, legend: [], scaleBar: { km: 1000, px: 2000 } });
    expect(l.legend).toBeNull();
    expect(l.scaleBar.bar.w).toBeCloseTo(1280 / 3);
    expect(l.scaleBar.label.text).toBe('213 km');
    expect(() => layoutExport({ ...base, width: 0 })).toThrow(/positive/);
  });
});

describe('helpers', () => {
  it('wrapText breaks CJK anywhere and Latin at spaces', () => {
    const m = (t: string) => estimateTextWidth(t, 10, 400);
    expect(wrapText('one two three four', m('three four'), 3, m)).toEqual(['one two', 'three four']);
    expect(wrapText('one two three four', m('one two'), 3, m)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('京津冀协同发展地图', 40, 3, m)).toEqual(['京津冀协', '同发展地', '图']);
    expect(wrapText('京津冀协同发展地图', 40, 2, m)).toEqual(['京津冀协', '同发展…']);
  });

  it('scaleBarFor picks 1/2/5 × 10ⁿ km within maxPx', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
    for (const [zoom, lat] of [[6, 39.5], [8, 40], [10, 39.9], [12.5, 39]] as const) {
      const s = scaleBarFor(zoom, lat, 120);
      expect(s.px).toBeLessThanOrEqual(120);
      expect(s.px).toBeGreaterThan(120 / 2.5 - 1e-9);
      expect(String(s.km)).toMatch(/^(1|2|5)0*$|^0\.0*(1|2|5)$/);
    }
    expect(scaleBarFor(6, 39.5).km).toBe(100);
  });

  it('scaleBarOnMap measures the ground across the map as MapLibre does, and agrees with the Mercator formula', () => {
    // a map stand-in: Web Mercator around a centre, ground distance by Turf
    const fake = (zoom: number, lat0: number) => {
      const world = 512 * 2 ** zoom;
      const y0 = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat0 * Math.PI) / 360)) / Math.PI) / 2) * world;
      const at = ([px, py]: [number, number]) => {
        const lon = 116 + (px / world) * 360;
        const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y0 + py - 300)) / world))) * 180) / Math.PI;
        return { lon, lat, distanceTo: (o: { lon: number; lat: number }) => distance([lon, lat], [o.lon, o.lat], { units: 'meters' }) };
      };
      return { getContainer: () => ({ clientHeight: 600 }) as HTMLElement, unproject: at } as unknown as Parameters<typeof scaleBarOnMap>[0];
    };
    for (const [zoom, lat] of [[6, 39.5], [8, 40], [10, 39.9], [12.5, 39]] as const) {
      const measured = scaleBarOnMap(fake(zoom, lat));
      const formula = scaleBarFor(zoom, lat);
      expect(measured.km).toBe(formula.km);
      expect(Math.abs(measured.px - formula.px) / formula.px).toBeLessThan(0.01);
    }
  });

  it('maxExportScale caps by the texture size', () => {
    expect(maxExportScale(1280, 800, 16384)).toBe(4);
    expect(maxExportScale(1920, 1080, 8192)).toBe(4); // 7680×4320
    expect(maxExportScale(2560, 1440, 8192)).toBe(2);
    expect(maxExportScale(1920, 1080, 4096)).toBe(2);
    expect(maxExportScale(1280, 800, 4096)).toBe(2);
    expect(maxExportScale(5000, 3000, 4096)).toBeNull();
  });
});
