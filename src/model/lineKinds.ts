/**
 * What kind of line a plan item is, so a region's km of line answer "how many km of railway?"
 * rather than adding rivers to railways. Read from the item's Chinese name, where the plan names
 * the kind (京雄城际铁路, 京礼高速, 永定河); a line the name does not place is "other".
 */
import type { PlanItem } from '../data/plan/schema';

export const LINE_KINDS = ['railway', 'road', 'river', 'other'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

const PATTERNS: [LineKind, RegExp][] = [
  ['railway', /铁路|城际|高铁|轨道|地铁|轻轨/u],
  ['road', /高速|公路|道路|大道|国道/u],
  ['river', /河|运河|渠|绿道|水系/u],
];

export function lineKindOf(item: Pick<PlanItem['properties'], 'name_zh'>): LineKind {
  for (const [kind, re] of PATTERNS) if (re.test(item.name_zh)) return kind;
  return 'other';
}

/** km as the panel shows them: to 0.1. */
const round1 = (v: number) => Math.round(v * 10) / 10;

export interface LineGroup {
  kind: LineKind;
  /** The sum of the lines' km as shown (each to 0.1), so the shown numbers add up. */
  km: number;
  lines: { id: string; km: number }[];
}

/** A region's lines by kind, in LINE_KINDS order (kinds with no line left out), and their total. */
export function groupLines(lines: readonly { id: string; km: number }[], kindOf: (id: string) => LineKind): { groups: LineGroup[]; km: number } {
  const groups: LineGroup[] = [];
  for (const kind of LINE_KINDS) {
    const of = lines.filter((l) => kindOf(l.id) === kind);
    if (of.length) groups.push({ kind, km: round1(of.reduce((s, l) => s + round1(l.km), 0)), lines: of });
  }
  return { groups, km: round1(groups.reduce((s, g) => s + g.km, 0)) };
}

/** The total of areas' km² as shown (each to 0.1). */
export function totalAreaKm2(areas: readonly { km2: number }[]): number {
  return round1(areas.reduce((s, a) => s + round1(a.km2), 0));
}
