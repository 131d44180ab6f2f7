/**
 * The aggregation engine (issue 5): pure TypeScript, no React, no map, no DOM.
 * Run it directly, or in a Web Worker through ./client.ts (createAggregator).
 */
export {
  buildRegionIndex,
  regionsAt,
  regionsAtInto,
  regionsInBox,
  type Bbox,
  type RegionFeature,
  type RegionGeometry,
  type RegionIndex,
  type RegionIndexOptions,
} from './regionIndex';
export { aggregatePoints, type AggregatePointsOptions, type PointAggregate } from './points';
export { lineLengthInRegions, type LineAggregate, type LineGeometry } from './lines';
export { areaInRegions, overlapKm2, km2ToMu, muToKm2, MU_PER_KM2, type AreaGeometry, type AreaOverlap } from './areas';
export {
  aggregateFeatures,
  aggregateInArea,
  circlePolygon,
  DEFAULT_MIN_OVERLAP_KM2,
  type AggregatableItem,
  type AggregateFeaturesOptions,
  type AreaAggregate,
  type AreaSummary,
  type FeatureAggregates,
  type FeatureFilter,
  type ItemTouches,
  type RegionSummary,
} from './features';
export { LruCache, aggregateKey } from './cache';
