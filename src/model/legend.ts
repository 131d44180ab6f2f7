/**
 * The legend: one list of what the map draws, in one order, with one count, for every place a
 * legend is shown (the presentation, the printed sheet, the exported image). The plan's layers
 * that are switched on come first, in the layer list's order, each counting the records drawn
 * (tasks and their parts); then the person's own layers as shown (./userLegend.ts).
 */
import { PLAN_LAYER_KEYS, type PlanLayerKey } from './state';
import { PLAN_LAYER_COLORS } from './planColors';
import { hexToRgb, type RGB } from './color';
import { planLayerLabel } from './labels';
import { userLegendEntries } from './userLegend';
import type { FilteredPlan } from './filteredPlan';
import type { TFunction } from 'i18next';
import { isOutsideRelease, isSchematicLine } from './placeSymbols';

export interface LegendEntry {
  key: string;
  kind: 'plan' | 'user';
  /** the plan layer it stands for (plan entries only) */
  layer?: PlanLayerKey;
  label: string;
  color: RGB;
  /** records drawn (plan) or features shown (user) */
  count: number;
}

export function buildLegend(plan: Pick<FilteredPlan, 'countsByLayer' | 'users'>, layersOn: readonly PlanLayerKey[], t: TFunction): LegendEntry[] {
  const plans: LegendEntry[] = PLAN_LAYER_KEYS.filter((k) => layersOn.includes(k)).map((k) => ({
    key: k,
    kind: 'plan',
    layer: k,
    label: planLayerLabel(k, t),
    color: PLAN_LAYER_COLORS[k],
    count: plan.countsByLayer[k].shownRecords,
  }));
  const users: LegendEntry[] = userLegendEntries(plan.users, t).map((e) => ({ key: e.key, kind: 'user', label: e.label, color: hexToRgb(e.color), count: e.count }));
  return [...plans, ...users];
}

/** A line or point style the map uses that is not a layer's colour (./placeSymbols.ts). */
export type LegendSymbol = 'schematic-line' | 'outside-release';

/**
 * The key to the symbols among the plan records drawn: a dashed line (schematic), a hollow or
 * unfilled place (from outside the release). Only those actually shown are listed, so the key
 * below a legend never explains a symbol the map does not draw.
 */
export function legendSymbols(plan: Pick<FilteredPlan, 'items' | 'visible'>): LegendSymbol[] {
  let schematic = false;
  let outside = false;
  plan.items.forEach((item, i) => {
    if (!plan.visible[i]) return;
    if (isSchematicLine(item)) schematic = true;
    if (isOutsideRelease(item)) outside = true;
  });
  const out: LegendSymbol[] = [];
  if (schematic) out.push('schematic-line');
  if (outside) out.push('outside-release');
  return out;
}
