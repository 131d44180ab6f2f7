/**
 * The bench's extra layer: N seeded points in the three provinces' bbox, each assigned to one
 * of the plan's layers (g1 … g5, round robin), filtered with the app's own filter state so a
 * filter change re-evaluates all N filter values (the path a user layer takes).
 */
import { MapLibreOverlay, type MapLibreOverlayProps } from '@deck.gl/maplibre';
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { LayersList } from '@deck.gl/core';
import { useAppStore } from '../../../src/app/store';
import { PLAN_LAYER_KEYS } from '../../../src/model/state';
import { FIRST_LABEL_LAYER, JJJ_BOUNDS } from '../../../src/map/basemap/style';
import { prng } from '../../../tests/support/random';

const SEED = 20190101;

/** Counts every `layers` update the app hands the overlay (after the filter change, one). */
export const layerUpdates = { count: 0 };

export function installSyntheticLayer(n: number): { drawnCount: () => number } {
  const positions = new Float32Array(n * 2);
  const category = new Uint8Array(n);
  const r = prng(SEED);
  const [[x0, y0], [x1, y1]] = JJJ_BOUNDS;
  for (let i = 0; i < n; i++) {
    positions[i * 2] = x0 + r() * (x1 - x0);
    positions[i * 2 + 1] = y0 + r() * (y1 - y0);
    category[i] = i % PLAN_LAYER_KEYS.length;
  }
  const filterExt = new DataFilterExtension({ filterSize: 1 });
  let drawn = 0;

  const layer = () => {
    const filters = useAppStore.getState().filters;
    const on = PLAN_LAYER_KEYS.map((k) => filters.layers.includes(k));
    return new ScatterplotLayer({
      // like the app's layers: under the base map's labels (deck 9.4's types lack interleaved `beforeId`)
      ...({ beforeId: FIRST_LABEL_LAYER } as object),
      id: 'bench-synthetic-points',
      data: { length: n, attributes: { getPosition: { value: positions, size: 2 } } },
      getRadius: 2,
      radiusUnits: 'pixels',
      getFillColor: [200, 60, 20, 160],
      pickable: false,
      extensions: [filterExt],
      getFilterValue: (_: unknown, { index }: { index: number }) => (on[category[index]!] ? 1 : 0),
      filterRange: [1, 1],
      // the same key the app's layers use (src/app/useFilteredPlan.ts: JSON of the filters)
      updateTriggers: { getFilterValue: JSON.stringify(filters) },
    });
  };

  const setProps = MapLibreOverlay.prototype.setProps;
  MapLibreOverlay.prototype.setProps = function (this: MapLibreOverlay, props: MapLibreOverlayProps) {
    if (!props.layers) return setProps.call(this, props);
    layerUpdates.count++;
    if (n === 0) return setProps.call(this, props);
    drawn++;
    const layers: LayersList = [...props.layers, layer()];
    return setProps.call(this, { ...props, layers });
  };
  return { drawnCount: () => drawn };
}
