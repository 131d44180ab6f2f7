/**
 * A layer the person imported, as the model sees it: its features, style and legend state.
 * Kept in IndexedDB by the app (src/app/storage/userLayers.ts).
 */
import type { ImportedFeature, LayerStats } from '../data/import/types';
import type { UserLayerStyle } from './userLayerStyle';

/** A layer the person imported; kept in IndexedDB (src/app/storage/userLayers.ts). */
export interface UserLayer {
  id: string;
  name: string;
  /** '#rrggbb' */
  color: string;
  visible: boolean;
  /**
   * Read by index; for an imported or restored layer a view over its columnar table
   * (src/data/import/table.ts: `tableOf(features)` gives the table to code that reads columns).
   */
  features: readonly ImportedFeature[];
  columns: string[];
  stats: LayerStats;
  bbox: [number, number, number, number] | null;
  /** ms since the epoch when it was imported (the order of the list) */
  addedAt: number;
  /** Style by attribute; absent = one colour (layers stored before styles existed have none). */
  style?: UserLayerStyle;
  /**
   * Legend classes switched off (their `classKey`): their features are filtered out like any
   * other filter's. Cleared when the style changes.
   */
  hiddenClasses?: string[];
}

/** A user-layer feature chosen in the search or on the map: its properties are shown. */
export interface UserSelection {
  layerId: string;
  /** Index of the feature in the layer's `features`. */
  index: number;
}
