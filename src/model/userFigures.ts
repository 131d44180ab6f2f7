import type { FilteredPlan } from './filteredPlan';
import { geometryKind, userLayerFigures, type UserLayerFigures } from './userFilters';

/** The user layers shown, with what a region (or drawn area) holds of each; empty when none is shown. */
export function userFiguresOf(plan: FilteredPlan, summary: { itemIds: readonly string[]; lines: readonly { id: string; km: number }[]; areas: readonly { id: string; km2: number }[] } | undefined): { name: string; color: string; figures: UserLayerFigures }[] {
  const shown = plan.users.layers.filter((l) => plan.users.visibleIds.has(l.id));
  if (shown.length === 0) return [];
  const byId = new Map(shown.map((l) => [l.id, l]));
  const figures = userLayerFigures(summary ?? { itemIds: [], lines: [], areas: [] }, (id, i) => geometryKind(byId.get(id)?.features[i] ?? { geometry: null }), shown.map((l) => l.id));
  return figures.map((f) => ({ name: byId.get(f.layerId)!.name, color: byId.get(f.layerId)!.color, figures: f }));
}
