/**
 * The aggregation engine: pure TypeScript, no React, no map, no DOM. Run it directly, or in a
 * Web Worker through ./client.ts (createAggregator). What is exported here is its public face;
 * the modules beside it hold the rest.
 */
export { buildRegionIndex, regionsAt, type RegionIndex } from './regionIndex';
export { aggregatePoints } from './points';
export { lineLengthInRegions } from './lines';
export { areaInRegions, km2ToMu, muToKm2, MU_PER_KM2 } from './areas';
export {
  aggregateFeatures,
  aggregateInArea,
  circlePolygon,
  type AggregatableItem,
  type FeatureAggregates,
  type ItemTouches,
  type RegionSummary,
} from './features';
export { LruCache } from './cache';
