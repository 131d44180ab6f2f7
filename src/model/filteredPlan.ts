/**
 * The filtered plan: the one derived view of the data that the map layers, the legend counts,
 * the list, the region numbers and the exports all read, so that they agree.
 */
import type { PlanItem, PlanLink } from '../data/plan/schema';
import type { Region } from '../data/regions/regions';
import type { LayerCount } from './filters';
import type { PlanLayerKey } from './state';
import type { UserLayer } from './userLayer';
import type { FilteredUserLayers, UserItems } from './userFilters';

export interface FilteredUserPart {
  /** Every user layer, in the store's order. */
  layers: UserLayer[];
  /** Their features as the aggregation engine's items. */
  items: UserItems;
  filtered: FilteredUserLayers;
  /** Layers switched on. */
  visibleIds: Set<string>;
  /** Changes whenever the user features shown (filters and switches) do. */
  key: string;
}

export interface FilteredPlan {
  items: PlanItem[];
  links: PlanLink[];
  regions: Map<string, Region>;
  visible: boolean[];
  visibleIds: string[];
  countsByLayer: Record<PlanLayerKey, LayerCount>;
  /** A string that changes whenever `visible` does (for deck.gl updateTriggers). */
  version: string;
  layerOf: (item: PlanItem) => PlanLayerKey;
  users: FilteredUserPart;
}
