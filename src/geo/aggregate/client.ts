/**
 * The main-thread side of the aggregation engine: `createAggregator()` starts the worker
 * (aggregate.worker.ts) and returns async methods that post a request and await the answer.
 * Nothing is computed on the calling thread.
 *
 * Points are sent as a transferable Float64Array (lon,lat interleaved): the array is detached
 * on the caller's side while the worker counts, and handed back as `result.points`. Pass a
 * copy (`points.slice()`) to keep using the original meanwhile.
 *
 *   const agg = createAggregator();
 *   await agg.setRegions('counties', countiesUrl);          // the worker fetches and indexes
 *   const r = await agg.aggregatePoints('counties', xy);     // r.counts[i] ↔ info.ids[i]
 *   await agg.setFeatures('plan@1', items);
 *   const a = await agg.aggregateFeatures('counties', { key: 'all' });
 */
import type {
  AggregateApi,
  AggregateRequest,
  AggregateRequestType,
  AggregateResponse,
  CategoryArray,
  PointAggregateResult,
  PostableFilter,
  RegionSetInfo,
} from './protocol';
import type { AggregatableItem, AreaAggregate, FeatureAggregates } from './features';
import type { AreaGeometry, AreaOverlap } from './areas';
import type { LineAggregate, LineGeometry } from './lines';
import type { RegionGeometry } from './regionIndex';
import type { FeatureCollection } from 'geojson';

/** What the client needs of a Worker (a MessagePort adapter works too, as in the unit tests). */
export interface WorkerLike {
  postMessage(message: AggregateRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<AggregateResponse>) => void): void;
  addEventListener(type: 'error', listener: (ev: ErrorEvent) => void): void;
  terminate?(): void;
}

export interface Aggregator {
  /** Index a region set in the worker (from a FeatureCollection, or a URL the worker fetches). */
  setRegions(
    setId: string,
    regions: FeatureCollection<RegionGeometry> | string,
    opts?: { idProperty?: string; gridCells?: number },
  ): Promise<RegionSetInfo>;
  dropRegions(setId: string): Promise<boolean>;
  /** Replace the features (plan items) the feature aggregates run on; a new version clears the cache. */
  setFeatures(dataVersion: string, features: readonly AggregatableItem[]): Promise<{ dataVersion: string; count: number }>;
  /** Ids of the regions containing a point (boundary included). */
  regionsAt(setId: string, x: number, y: number): Promise<string[]>;
  /** Points per region (and per category); `points` is transferred and comes back in the result. */
  aggregatePoints(
    setId: string,
    points: Float64Array,
    opts?: { categories?: CategoryArray; categoryCount?: number; pointRegions?: boolean },
  ): Promise<PointAggregateResult>;
  lineLengthInRegions(setId: string, line: LineGeometry): Promise<LineAggregate>;
  areaInRegions(setId: string, polygon: AreaGeometry): Promise<AreaOverlap>;
  /** Per-region item aggregates of the current features (cached per data version, set, filter key). */
  aggregateFeatures(setId: string, filter?: PostableFilter, opts?: { minOverlapKm2?: number }): Promise<FeatureAggregates>;
  aggregateInArea(polygon: AreaGeometry, filter?: PostableFilter, opts?: { minOverlapKm2?: number }): Promise<AreaAggregate>;
  /** Requests posted and not answered yet. */
  readonly pending: number;
  /** Stop the worker; pending requests reject. */
  terminate(): void;
}

export function createAggregator(opts: { worker?: WorkerLike } = {}): Aggregator {
  const worker: WorkerLike =
    opts.worker ?? new Worker(new URL('./aggregate.worker.ts', import.meta.url), { type: 'module', name: 'aggregate' });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.addEventListener('message', (ev) => {
    const msg = ev.data;
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.ok) w.resolve(msg.result);
    else w.reject(new Error(msg.error));
  });
  worker.addEventListener('error', (ev) => failAll(new Error(`aggregate worker failed: ${ev.message}`)));

  function call<K extends AggregateRequestType>(
    type: K,
    args: AggregateApi[K]['args'],
    transfer: Transferable[] = [],
  ): Promise<AggregateApi[K]['result']> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, type, args }, transfer);
    });
  }

  return {
    setRegions: (setId, regions, o = {}) => call('setRegions', { setId, regions, ...o }),
    dropRegions: (setId) => call('dropRegions', { setId }),
    setFeatures: (dataVersion, features) => call('setFeatures', { dataVersion, features: [...features] }),
    regionsAt: (setId, x, y) => call('regionsAt', { setId, x, y }),
    aggregatePoints: (setId, points, o = {}) => {
      const transfer: Transferable[] = [points.buffer as ArrayBuffer];
      if (o.categories && o.categories.buffer !== points.buffer) transfer.push(o.categories.buffer as ArrayBuffer);
      return call('aggregatePoints', { setId, points, ...o }, transfer);
    },
    lineLengthInRegions: (setId, line) => call('lineLengthInRegions', { setId, line }),
    areaInRegions: (setId, polygon) => call('areaInRegions', { setId, polygon }),
    aggregateFeatures: (setId, filter, o = {}) => call('aggregateFeatures', { setId, filter, ...o }),
    aggregateInArea: (polygon, filter, o = {}) => call('aggregateInArea', { polygon, filter, ...o }),
    get pending() {
      return waiting.size;
    },
    terminate() {
      worker.terminate?.();
      failAll(new Error('aggregate worker terminated'));
    },
  };
}
