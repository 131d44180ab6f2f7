/**
 * The person's own layers in a legend: what the presentation legend, the printed
 * legend and the exported image list after the plan's layers. One entry per switched-on layer
 * with features shown — its name and colour, or, styled by attribute, one entry per class that
 * has features shown ("name · class"). Pure apart from the translation function passed in.
 */
import type { TFunction } from 'i18next';
import type { UserLayer } from './userLayer';
import type { FilteredUserLayers } from './userFilters';
import { classCounts, styledUserLayer, type StyleClass } from './userLayerStyle';

type T = TFunction;

const fmt = (v: number) => v.toLocaleString(undefined, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });

/** The text a style class goes by in a legend: its value, its range, "other (n values)", "no value". */
export function classLabel(c: StyleClass, t: T): string {
  switch (c.kind) {
    case 'all':
      return t('userLayers.all');
    case 'value':
      return c.value;
    case 'other':
      return t('userLayers.other', { n: c.values });
    case 'none':
      return t('userLayers.noValue');
    case 'range':
      return c.from === c.to ? fmt(c.to) : `${fmt(c.from)}–${fmt(c.to)}`;
  }
}

export interface UserLegendEntry {
  key: string;
  label: string;
  /** '#rrggbb' */
  color: string;
  /** features shown */
  count: number;
}

export function userLegendEntries(users: { layers: readonly UserLayer[]; filtered: FilteredUserLayers; visibleIds: ReadonlySet<string> } | undefined, t: T): UserLegendEntry[] {
  if (!users) return [];
  const out: UserLegendEntry[] = [];
  for (const layer of users.layers) {
    const filter = users.filtered.byLayer.get(layer.id);
    if (!users.visibleIds.has(layer.id) || !filter || filter.count === 0) continue;
    if (!layer.style || layer.style.kind === 'single') {
      out.push({ key: layer.id, label: layer.name, color: layer.color, count: filter.count });
      continue;
    }
    const styled = styledUserLayer(layer);
    const counts = classCounts(styled, filter.shown);
    styled.classes.forEach((c, i) => {
      if (counts[i]! > 0) out.push({ key: `${layer.id}:${i}`, label: `${layer.name} · ${classLabel(c, t)}`, color: c.color, count: counts[i]! });
    });
  }
  return out;
}
