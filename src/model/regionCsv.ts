/**
 * A region panel's numbers as a table: one row per figure the panel shows, with the
 * region's code and zh/en names, the figure named in both languages, its value and unit. The
 * values are rounded as the panel shows them (km and km² to 0.1, mu to 1). Pure: the labels
 * come from the caller (i18next's fixed zh and en translators), the CSV text from
 * src/data/export (tableToCSV: RFC 4180, UTF-8 BOM).
 */
import type { AreaSummary } from '../geo/aggregate/features';
import type { UserLayerFigures } from './userFilters';
import { groupLines, totalAreaKm2, type LineKind } from './lineKinds';

export type Translate = (key: string, opts?: Record<string, unknown>) => string;

export const REGION_CSV_HEADER = ['region_code', 'region_zh', 'region_en', 'figure_zh', 'figure_en', 'value', 'unit'] as const;
export type RegionCsvRow = [code: string, zh: string, en: string, figureZh: string, figureEn: string, value: number | string, unit: string];

export const THEMES = ['ecology', 'transport', 'industry', 'public-services'] as const;

/** Rounded as the panel shows it. */
export const round1 = (v: number) => Math.round(v * 10) / 10;
export const MU_PER_KM2 = 1500;

export interface RegionCsvInput {
  code: string;
  name: { zh: string; en: string };
  /** The plan's numbers (null while they compute: no plan rows). */
  summary: AreaSummary | null;
  itemName: (id: string) => { zh: string; en: string };
  /** Railway, road, river…: lines are grouped by kind as in the panel (absent: all "other"). */
  lineKindOf?: (id: string) => LineKind;
  /** Beijing's task share where the plan gives it. */
  shares: { value: number; of: number }[];
  /** Per shown user layer. */
  users: { name: string; figures: UserLayerFigures }[];
  t: { zh: Translate; en: Translate };
}

export function regionCsvRows(input: RegionCsvInput): RegionCsvRow[] {
  const { code, name, summary, t } = input;
  const rows: RegionCsvRow[] = [];
  const row = (zh: string, en: string, value: number | string, unit: string) => rows.push([code, name.zh, name.en, zh, en, value, unit]);
  const both = (key: string, opts?: Record<string, unknown>) => [t.zh(key, opts), t.en(key, opts)] as const;
  if (summary) {
    row(...both('regions.items'), summary.items, 'count');
    for (const g of [1, 2, 3, 4, 5]) {
      const [zh, en] = both(`groups.g${g}`);
      row(`${g} ${zh}`, `${g} ${en}`, summary.byGroup[String(g)] ?? 0, 'count');
    }
    for (const th of THEMES) {
      const [zh, en] = both(`themes.${th}`);
      const [gz, ge] = both('regions.byTheme');
      row(`${gz}: ${zh}`, `${ge}: ${en}`, summary.byTheme[th] ?? 0, 'count');
    }
    // the panel's groups: each kind's lines, then the kind's total; the total of all lines last
    const lines = groupLines(summary.lines, input.lineKindOf ?? (() => 'other'));
    const [hz, he] = both('regions.lines');
    for (const g of lines.groups) {
      const [kz, ke] = both(`planner.lineKinds.${g.kind}`);
      for (const l of g.lines) {
        const n = input.itemName(l.id);
        row(`${hz}: ${kz}: ${n.zh}`, `${he}: ${ke}: ${n.en}`, round1(l.km), 'km');
      }
      row(`${hz}: ${kz}: ${t.zh('planner.csvTotal')}`, `${he}: ${ke}: ${t.en('planner.csvTotal')}`, g.km, 'km');
    }
    if (lines.groups.length > 0) row(`${hz}: ${t.zh('planner.csvTotal')}`, `${he}: ${t.en('planner.csvTotal')}`, lines.km, 'km');
    const [az, ae] = both('regions.areas');
    for (const a of summary.areas) {
      const n = input.itemName(a.id);
      row(`${az}: ${n.zh}`, `${ae}: ${n.en}`, round1(a.km2), 'km²');
      row(`${az}: ${n.zh}`, `${ae}: ${n.en}`, Math.round(a.km2 * MU_PER_KM2), 'mu');
    }
    if (summary.areas.length > 0) row(`${az}: ${t.zh('planner.csvTotal')}`, `${ae}: ${t.en('planner.csvTotal')}`, totalAreaKm2(summary.areas), 'km²');
  }
  for (const s of input.shares) {
    const [zh, en] = [t.zh('regions.share', { name: name.zh }), t.en('regions.share', { name: name.en })];
    row(zh, en, s.value, `of ${s.of}`);
  }
  for (const u of input.users) {
    const f = u.figures;
    const [hz, he] = both('userLayers.regionHeading');
    const label = (key: string) => [`${hz}: ${u.name} · ${t.zh(key)}`, `${he}: ${u.name} · ${t.en(key)}`] as const;
    row(...label('userLayers.figureFeatures'), f.features, 'count');
    if (f.points > 0) row(...label('userLayers.figurePoints'), f.points, 'count');
    if (f.lines > 0) row(...label('userLayers.figureLineKm'), round1(f.lineKm), 'km');
    if (f.areas > 0) row(...label('userLayers.figureAreaKm2'), round1(f.areaKm2), 'km²');
  }
  return rows;
}

/** A file name for a region's CSV: its name and code, without characters file systems refuse. */
export function regionCsvFileName(name: string, code: string): string {
  return `${`${name}-${code}`.replace(/[\\/:*?"<>|\s]+/g, '_')}.csv`;
}
