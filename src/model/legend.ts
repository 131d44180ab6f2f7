/**
 * The legend: one list of what the map draws, in one order, with one count, for every place a
 * legend is shown (the presentation, the printed sheet, the exported image). The plan's layers
 * that are switched on come first, in the layer list's order, each counting the records drawn
 * (tasks, the same count as the layer list in the sidebar: `countsByLayer[k].shown` from
 * ./filters.ts); then the person's own layers as shown (./userLegend.ts); then the marks the map
 * draws over them when they are on screen: the selection's black outline, and on the 2019 timeline
 * the planned (dashed) items and the lines being built.
 */
import { PLAN_LAYER_KEYS, type PlanLayerKey } from './state';
import { PLAN_LAYER_COLORS } from './planColors';
import { hexToRgb, type RGB } from './color';
import { planLayerLabel } from './labels';
import { userLegendEntries } from './userLegend';
import type { FilteredPlan } from './filteredPlan';
import type { TFunction } from 'i18next';
import { isOutsideRelease, isSchematicLine } from './placeSymbols';
import { railTrips, timelineStages } from './timeline';

export interface LegendEntry {
  key: string;
  kind: 'plan' | 'user' | 'mark';
  /** the plan layer it stands for (plan entries only) */
  layer?: PlanLayerKey;
  label: string;
  color: RGB;
  /** tasks shown (plan), features shown (user); absent for a mark */
  count?: number;
  /** how a mark is drawn: an outline (selection) or a dashed line (planned) */
  mark?: 'outline' | 'dashed' | 'line';
}

/** The marks drawn over the layers right now (see `legendMarks`). */
export interface LegendMarks {
  /** the map's theme: the selection's ink follows it */
  theme?: 'light' | 'dark';
  selected?: boolean;
  userSelected?: boolean;
  timelinePlanned?: boolean;
  timelineBuilding?: boolean;
}

/**
 * The ink of the selection's and the hover's outline on the map (src/map/planLayers.ts) and of
 * its legend mark: near-black on the light map; near-white on the dark one, where a black outline
 * on dark land and water is barely seen.
 */
export function selectionInk(theme: 'light' | 'dark' = 'light'): RGB {
  return theme === 'dark' ? [245, 245, 245] : [20, 20, 20];
}

export function buildLegend(plan: Pick<FilteredPlan, 'countsByLayer' | 'users'>, layersOn: readonly PlanLayerKey[], t: TFunction, marks: LegendMarks = {}): LegendEntry[] {
  const plans: LegendEntry[] = PLAN_LAYER_KEYS.filter((k) => layersOn.includes(k)).map((k) => ({
    key: k,
    kind: 'plan',
    layer: k,
    label: planLayerLabel(k, t),
    color: PLAN_LAYER_COLORS[k],
    count: plan.countsByLayer[k].shown,
  }));
  const users: LegendEntry[] = userLegendEntries(plan.users, t).map((e) => ({ key: e.key, kind: 'user', label: e.label, color: hexToRgb(e.color), count: e.count }));
  const grey: RGB = [110, 110, 110];
  const ink = selectionInk(marks.theme);
  const extra: LegendEntry[] = [
    ...(marks.timelinePlanned ? [{ key: 'mark-planned', kind: 'mark' as const, label: t('slideMaps.planned'), color: grey, mark: 'dashed' as const }] : []),
    ...(marks.timelineBuilding ? [{ key: 'mark-building', kind: 'mark' as const, label: t('slideMaps.building'), color: PLAN_LAYER_COLORS['g3-transport'], mark: 'line' as const }] : []),
    ...(marks.selected ? [{ key: 'mark-selected', kind: 'mark' as const, label: t('slideMaps.selection'), color: ink, mark: 'outline' as const }] : []),
    ...(marks.userSelected ? [{ key: 'mark-user-selected', kind: 'mark' as const, label: t('slideMaps.userSelection'), color: ink, mark: 'outline' as const }] : []),
  ];
  return [...plans, ...users, ...extra];
}

/**
 * Which marks the map draws now: a selected item that has a shape and passes the filters, a chosen
 * user feature, and on the timeline the dated items still planned and the lines being built.
 */
export function legendMarks(
  state: { selected: string | null; userSelected: unknown; timelineMonth: number | null; theme?: 'light' | 'dark' },
  plan: Pick<FilteredPlan, 'items' | 'visible'>,
): LegendMarks {
  const shown = plan.items.filter((_, i) => plan.visible[i]);
  const selected = state.selected !== null && shown.some((it) => it.properties.id === state.selected && it.geometry !== null);
  const theme = state.theme ?? 'light';
  if (state.timelineMonth === null) return { theme, selected, userSelected: state.userSelected !== null };
  const stages = timelineStages(shown.filter((it) => it.geometry !== null), state.timelineMonth);
  return {
    theme,
    selected,
    userSelected: state.userSelected !== null,
    timelinePlanned: [...stages.values()].includes('planned'),
    timelineBuilding: railTrips(shown, state.timelineMonth).trips.length > 0,
  };
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
