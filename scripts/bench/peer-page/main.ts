/**
 * Bench page (built by scripts/bench/vite.peer.config.ts into dist-bench/peer/): the peer row of
 * the import bench. A file chosen here goes to a worker that parses it with loaders.gl as
 * kepler.gl's file handler does; `window.__peer` gets the time from the choice to the
 * coordinates back on the page. Driven from Node by scripts/bench/import.ts.
 */
declare global {
  interface Window {
    __peer?: { ms: number; n: number } | { error: string };
  }
}

const worker = new Worker(new URL('./peer.worker.ts', import.meta.url), { type: 'module' });
document.getElementById('f')!.addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files![0]!;
  const t0 = performance.now();
  worker.onmessage = (m: MessageEvent<Float64Array | string>) => {
    window.__peer = typeof m.data === 'string' ? { error: m.data } : { ms: performance.now() - t0, n: m.data.length / 2 };
  };
  worker.postMessage(file);
});
