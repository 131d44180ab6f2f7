/**
 * The messages between the aggregation client (client.ts, main thread) and the worker
 * (aggregate.worker.ts), and the worker-side handler. Pure: the handler runs in a Worker, or
 * in-process behind a MessageChannel in the unit tests.
 *
 * Request: { id, type, args }. Response: { id, ok: true, result } or { id, ok: false, error }.
 * Large typed arrays travel as transferables (no copy): the points go to the worker and come
 * back with the result, so the caller can reuse them.
 */
import type { FeatureCollection } from 'geojson';
import { areaInRegions, type AreaGeometry, type AreaOverlap } from './areas';
import { LruCache } from './cache';
import {
  aggregateFeatures,
  aggregateInArea,
  type AggregatableItem,
  type AreaAggregate,
  type FeatureAggregates,
  type FeatureFilter,
  type ItemTouches,
} from './features';
import { lineLengthInRegions, type LineAggregate, type LineGeometry } from './lines';
import { aggregatePoints, type PointAggregate } from './points';
import { buildRegionIndex, regionsAt, type RegionGeometry, type RegionIndex } from './regionIndex';

/** A filter that can be posted (no predicate). */
export type PostableFilter = Omit<FeatureFilter, 'predicate' | 'mask'> & { mask?: Uint8Array | null };

export type CategoryArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

export interface RegionSetInfo {
  setId: string;
  size: number;
  ids: string[];
  bbox: [number, number, number, number];
  buildMs: number;
}

export interface PointAggregateResult extends PointAggregate {
  /** The points, handed back (transferred) to the caller. */
  points: Float64Array;
  /** Time spent in the worker, ms. */
  ms: number;
}

/** Request arguments and result, per message type. */
export interface AggregateApi {
  setRegions: {
    args: {
      setId: string;
      /** The regions, or a URL the worker fetches them from (saves a copy on the main thread). */
      regions: FeatureCollection<RegionGeometry> | string;
      idProperty?: string;
      gridCells?: number;
    };
    result: RegionSetInfo;
  };
  dropRegions: { args: { setId: string }; result: boolean };
  setFeatures: { args: { dataVersion: string; features: AggregatableItem[] }; result: { dataVersion: string; count: number } };
  regionsAt: { args: { setId: string; x: number; y: number }; result: string[] };
  aggregatePoints: {
    args: {
      setId: string;
      points: Float64Array;
      categories?: CategoryArray;
      categoryCount?: number;
      pointRegions?: boolean;
    };
    result: PointAggregateResult;
  };
  lineLengthInRegions: { args: { setId: string; line: LineGeometry }; result: LineAggregate };
  areaInRegions: { args: { setId: string; polygon: AreaGeometry }; result: AreaOverlap };
  aggregateFeatures: {
    args: { setId: string; filter?: PostableFilter; minOverlapKm2?: number };
    result: FeatureAggregates;
  };
  aggregateInArea: { args: { polygon: AreaGeometry; filter?: PostableFilter; minOverlapKm2?: number }; result: AreaAggregate };
}

export type AggregateRequestType = keyof AggregateApi;

export interface AggregateRequest<K extends AggregateRequestType = AggregateRequestType> {
  id: number;
  type: K;
  args: AggregateApi[K]['args'];
}

export type AggregateResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };

export interface Handled {
  result: unknown;
  transfer: Transferable[];
}

/** Worker-side state: region sets by id, the current features, the aggregate cache. */
export function createAggregateHandler(opts: { cacheEntries?: number } = {}) {
  const sets = new Map<string, RegionIndex>();
  const cache = new LruCache<FeatureAggregates>(opts.cacheEntries ?? 64);
  const touchCache = new LruCache<ItemTouches>(8);
  let dataVersion: string | null = null;
  let features: AggregatableItem[] = [];

  const setOf = (setId: string): RegionIndex => {
    const s = sets.get(setId);
    if (!s) throw new Error(`aggregate worker: no region set '${setId}' (call setRegions first)`);
    return s;
  };

  const handlers: { [K in AggregateRequestType]: (args: AggregateApi[K]['args']) => Promise<Handled> | Handled } = {
    async setRegions({ setId, regions, idProperty, gridCells }) {
      const fc =
        typeof regions === 'string'
          ? ((await (await fetch(regions)).json()) as FeatureCollection<RegionGeometry>)
          : regions;
      const index = buildRegionIndex(fc, { id: setId, idProperty, gridCells });
      sets.set(setId, index);
      cache.deleteWhere((k) => (JSON.parse(k) as string[])[1] === setId);
      touchCache.deleteWhere((k) => (JSON.parse(k) as string[])[1] === setId);
      const info: RegionSetInfo = {
        setId,
        size: index.size,
        ids: [...index.ids],
        bbox: [...index.bbox] as [number, number, number, number],
        buildMs: index.stats.buildMs,
      };
      return { result: info, transfer: [] };
    },
    dropRegions({ setId }) {
      cache.deleteWhere((k) => (JSON.parse(k) as string[])[1] === setId);
      touchCache.deleteWhere((k) => (JSON.parse(k) as string[])[1] === setId);
      return { result: sets.delete(setId), transfer: [] };
    },
    setFeatures(args) {
      // caches are keyed by data version; clear them anyway, in case a version is reused
      cache.clear();
      touchCache.clear();
      dataVersion = args.dataVersion;
      features = args.features;
      return { result: { dataVersion, count: features.length }, transfer: [] };
    },
    regionsAt({ setId, x, y }) {
      const index = setOf(setId);
      return { result: regionsAt(index, x, y).map((r) => index.ids[r]!), transfer: [] };
    },
    aggregatePoints({ setId, points, categories, categoryCount, pointRegions }) {
      const t0 = performance.now();
      const r = aggregatePoints(setOf(setId), points, { categories, categoryCount, pointRegions });
      const result: PointAggregateResult = { ...r, points, ms: performance.now() - t0 };
      const transfer: Transferable[] = [points.buffer as ArrayBuffer, r.counts.buffer as ArrayBuffer];
      if (r.byCategory) transfer.push(r.byCategory.buffer as ArrayBuffer);
      if (r.pointRegion) transfer.push(r.pointRegion.buffer as ArrayBuffer);
      if (categories) transfer.push(categories.buffer as ArrayBuffer);
      return { result, transfer: [...new Set(transfer)] };
    },
    lineLengthInRegions({ setId, line }) {
      const r = lineLengthInRegions(setOf(setId), line);
      return { result: r, transfer: [r.km.buffer as ArrayBuffer] };
    },
    areaInRegions({ setId, polygon }) {
      const r = areaInRegions(setOf(setId), polygon);
      return { result: r, transfer: [r.km2.buffer as ArrayBuffer] };
    },
    aggregateFeatures({ setId, filter, minOverlapKm2 }) {
      const r = aggregateFeatures(setOf(setId), features, filter, {
        cache,
        touchCache,
        dataVersion: dataVersion ?? '',
        minOverlapKm2,
      });
      return { result: r, transfer: [] };
    },
    aggregateInArea({ polygon, filter, minOverlapKm2 }) {
      return { result: aggregateInArea(features, polygon, filter, { minOverlapKm2 }), transfer: [] };
    },
  };

  return async function handle(req: AggregateRequest): Promise<Handled> {
    const h = handlers[req.type] as (args: AggregateRequest['args']) => Promise<Handled> | Handled;
    if (!h) throw new Error(`aggregate worker: unknown request '${String(req.type)}'`);
    return h(req.args);
  };
}

/** Wire a handler to a message port (the worker's global scope, or a MessagePort in tests). */
export function serveAggregates(port: {
  addEventListener(type: 'message', listener: (ev: MessageEvent<AggregateRequest>) => void): void;
  postMessage(message: AggregateResponse, transfer: Transferable[]): void;
}): void {
  const handle = createAggregateHandler();
  // one request at a time, in order (setRegions may await a fetch before the next runs)
  let queue: Promise<void> = Promise.resolve();
  port.addEventListener('message', (ev) => {
    const req = ev.data;
    queue = queue.then(() =>
      handle(req).then(
        ({ result, transfer }) => port.postMessage({ id: req.id, ok: true, result }, transfer),
        (err: unknown) =>
          port.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) }, []),
      ),
    );
  });
}
