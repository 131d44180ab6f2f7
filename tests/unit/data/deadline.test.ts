/** Network steps a person starts end on time or on Cancel, and say which step it was. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepCancelled, StepTimeout, withDeadline } from '../../../src/data/deadline';
import { inspectTileUrl, TILE_STEP_TIMEOUT_MS, TileSourceProblem } from '../../../src/map/tileLayers';

const never = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('withDeadline', () => {
  it('gives the answer when it comes in time', async () => {
    await expect(withDeadline('x', 1000, async () => 42)).resolves.toBe(42);
  });
  it('times out with the step named, aborting the step', async () => {
    let aborted = false;
    const p = withDeadline('TileJSON', 20, (s) => {
      s.addEventListener('abort', () => (aborted = true));
      return never(s);
    });
    await expect(p).rejects.toBeInstanceOf(StepTimeout);
    await expect(p).rejects.toThrow('TileJSON: no answer within 0 s');
    expect(aborted).toBe(true);
  });
  it('settles on time even when the step ignores its signal', async () => {
    await expect(withDeadline('deaf', 20, () => new Promise(() => {}))).rejects.toBeInstanceOf(StepTimeout);
  });
  it('stops on Cancel', async () => {
    const c = new AbortController();
    const p = withDeadline('PMTiles header', 10_000, never, c.signal);
    c.abort();
    await expect(p).rejects.toBeInstanceOf(StepCancelled);
  });
});

describe('inspectTileUrl', () => {
  it('a TileJSON that never answers: timeout-tilejson after TILE_STEP_TIMEOUT_MS', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => never(init.signal!));
    const p = inspectTileUrl('https://hang.example/tiles.json');
    const settled = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(TILE_STEP_TIMEOUT_MS + 10);
    const e = await settled;
    expect(e).toBeInstanceOf(TileSourceProblem);
    expect((e as TileSourceProblem).code).toBe('timeout-tilejson');
  });
  it('a PMTiles header that never answers: Cancel gives "cancelled" at once', async () => {
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => never(init.signal!));
    const c = new AbortController();
    const p = inspectTileUrl('https://hang.example/a.pmtiles', { signal: c.signal }).catch((e: unknown) => e);
    setTimeout(() => c.abort(), 10);
    const e = await p;
    expect((e as TileSourceProblem).code).toBe('cancelled');
  });
});
