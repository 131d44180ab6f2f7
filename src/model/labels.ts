import type { TFunction } from 'i18next';
import type { ThemeId } from '../data/plan/schema';
import type { PlanLayerKey } from './state';

/** A plan layer's legend label: "1 · 疏解非首都功能", "3 · 交通" (group number · name). */
export function planLayerLabel(key: PlanLayerKey, t: TFunction): string {
  return key.startsWith('g3-') ? `3 · ${t(`themes.${key.slice(3) as ThemeId}`)}` : `${key.slice(1)} · ${t(`groups.${key as `g${1 | 2 | 4 | 5}`}`)}`;
}
