/**
 * The client and the worker's handler, wired through a MessageChannel in-process (the same
 * structured cloning and transfer as a Worker): every client method, transferables, errors,
 * request order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createAggregator, type WorkerLike } from '../../../../src/geo/aggregate/client';
import { serveAggregates, type AggregateRequest, type AggregateResponse } from '../../../../src/geo/aggregate/protocol';
import { aggregatePoints, buildRegionIndex } from '../../../../src/geo/aggregate';
import { handRegions, loadRegions, randomPoints, rect } from './fixtures';

/** A node MessagePort as the DOM-shaped port the client and the worker expect. */
function domPort<In, Out>(port: MessagePort) {
  return {
    addEventListener: (type: string, listener: (ev: MessageEvent<In>) => void) => {
      if (type === 'message') port.on('message', (data: In) => listener({ data } as MessageEvent<In>));
    },
    postMessage: (message: Out, transfer: Transferable[]) => port.postMessage(message, transfer as ArrayBuffer[]),
  };
}

const { port1, port2 } = new MessageChannel();
serveAggregates(domPort<AggregateRequest, AggregateResponse>(port2));
const worker = { ...domPort<AggregateResponse, AggregateRequest>(port1), terminate: () => port1.close() } as WorkerLike;
const agg = createAggregator({ worker });
afterAll(() => {
  port1.close();
  port2.close();
});

describe('createAggregator ↔ worker handler', () => {
  it('indexes a region set and counts transferred points, handing the points back', async () => {
    const fc = loadRegions('counties');
    const info = await agg.setRegions('counties', fc);
    expect(info.size).toBe(199);
    expect(info.ids).toContain('131082');
    const xy = randomPoints(50_000, info.bbox, 3);
    const expected = aggregatePoints(buildRegionIndex(fc), xy, { pointRegions: true });
    const sent = xy.slice();
    const res = await agg.aggregatePoints('counties', sent, { pointRegions: true });
    expect(sent.byteLength).toBe(0); // transferred, not copied
    expect(res.points).toEqual(xy);
    expect(Array.from(res.counts)).toEqual(Array.from(expected.counts));
    expect(Array.from(res.pointRegion!)).toEqual(Array.from(expected.pointRegion!));
    expect(res.outside).toBe(expected.outside);
    expect(await agg.regionsAt('counties', 117.055, 39.946)).toEqual(['131082']);
  });

  it('counts by category', async () => {
    await agg.setRegions('hand', handRegions());
    const pts = Float64Array.from([0.5, 0.5, 0.6, 0.6, 1.5, 0.5]);
    const res = await agg.aggregatePoints('hand', pts, { categories: Uint8Array.from([0, 1, 1]), categoryCount: 2 });
    expect(Array.from(res.byCategory!.slice(0, 4))).toEqual([1, 1, 0, 1]); // W: [1,1], E: [0,1]
  });

  it('measures lines and areas', async () => {
    const line = await agg.lineLengthInRegions('hand', { type: 'LineString', coordinates: [[0.3, 0.5], [0.3, 1.75]] });
    expect(line.touched).toEqual([0, 5]);
    expect(line.km[0]).toBeCloseTo(55.6, 1);
    const a = await agg.areaInRegions('hand', { type: 'Polygon', coordinates: [rect(0.5, 0.25, 1.5, 0.75)] });
    expect(a.touched).toEqual([0, 1]);
    expect(a.km2[0]).toBeCloseTo(a.km2[1]!, 6);
  });

  it('aggregates features per region (cached per data version and filter) and in a drawn area', async () => {
    await agg.setFeatures('v1', [
      { type: 'Feature', properties: { id: 'p', group: 1, kind: 'site' }, geometry: { type: 'Point', coordinates: [0.5, 0.5] } },
      { type: 'Feature', properties: { id: 'q', group: 3, theme: 'ecology', kind: 'site' }, geometry: { type: 'Point', coordinates: [4, 1] } },
    ]);
    const r1 = await agg.aggregateFeatures('hand', { key: 'all' });
    expect(r1.cached).toBe(false);
    expect(r1.dataVersion).toBe('v1');
    expect(r1.regions.map((r) => r.items)).toEqual([1, 0, 0, 1, 0, 0]);
    expect((await agg.aggregateFeatures('hand', { key: 'all' })).cached).toBe(true);
    const only = await agg.aggregateFeatures('hand', { key: 'q', ids: ['q'] });
    expect(only.regions.map((r) => r.items)).toEqual([0, 0, 0, 1, 0, 0]);
    await agg.setFeatures('v2', []);
    expect((await agg.aggregateFeatures('hand', { key: 'all' })).cached).toBe(false);
    await agg.setFeatures('v1b', [
      { type: 'Feature', properties: { id: 'p', group: 1, kind: 'site' }, geometry: { type: 'Point', coordinates: [0.5, 0.5] } },
    ]);
    const inArea = await agg.aggregateInArea({ type: 'Polygon', coordinates: [rect(0, 0, 1, 1)] });
    expect(inArea.itemIds).toEqual(['p']);
  });

  it('rejects a request for an unknown region set, and keeps serving', async () => {
    await expect(agg.aggregatePoints('nope', new Float64Array(2))).rejects.toThrow(/no region set 'nope'/);
    expect(await agg.dropRegions('hand')).toBe(true);
    await expect(agg.regionsAt('hand', 0.5, 0.5)).rejects.toThrow(/no region set/);
    expect(agg.pending).toBe(0);
  });
});
