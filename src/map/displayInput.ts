/**
 * The deck layers' input in the display datum: over a GCJ-02 base map every geometry
 * the plan layers draw — items, links, drawn areas, timeline paths, user layers — is shifted
 * into GCJ-02 (src/geo/displayCrs.ts). Feature objects keep their properties, so picking still
 * returns the item or user feature; arrays are converted once and cached. User layers are shifted
 * by their deck layer (./userFeaturesLayer.ts), in time slices.
 */
import { toDisplayFeatures, toDisplayGeometry, toDisplayPosition, type DisplayCrs } from '../geo/displayCrs';
import type { PlanLayerInput } from './planLayers';

const pathCache = new WeakMap<object, unknown>();

function cached<T extends object>(input: T, convert: (x: T) => T): T {
  const hit = pathCache.get(input);
  if (hit) return hit as T;
  const out = convert(input);
  pathCache.set(input, out);
  return out;
}

export function planLayerInputForDisplay(input: PlanLayerInput, crs: DisplayCrs): PlanLayerInput {
  if (crs === 'wgs84') return input;
  return {
    ...input,
    drawn: toDisplayFeatures(input.drawn, crs) as PlanLayerInput['drawn'],
    links: toDisplayFeatures(input.links, crs) as PlanLayerInput['links'],
    ...(input.drawnAreas ? { drawnAreas: toDisplayFeatures(input.drawnAreas, crs) as PlanLayerInput['drawnAreas'] } : {}),
    ...(input.timelinePaths
      ? { timelinePaths: cached(input.timelinePaths, (a) => a.map((p) => ({ ...p, path: p.path.map((q) => toDisplayPosition(q, crs)) }))) }
      : {}),
    ...(input.userSelected ? { userSelected: cached(input.userSelected, (f) => ({ ...f, geometry: toDisplayGeometry(f.geometry, crs) })) } : {}),
    ...(input.userLayers
      ? {
          // each user layer shifts its own features, in slices (a big layer's all at once was a long task)
          userLayers: input.userLayers.map((u) => ({ ...u, displayCrs: crs })),
        }
      : {}),
  };
}
