/**
 * Import a file off the main thread. One worker per import, terminated when done or cancelled.
 * `prepareImportWorker()` starts the next one before a file is chosen: fetching and compiling its
 * script took 200–250 ms of every import, as long as parsing 100,000 points.
 *
 *   const job = importFile(file, { crs: 'gcj02' }, (p) => showProgress(p));
 *   job.cancel();                 // → the promise resolves { ok: false, error: { code: 'cancelled' } }
 *   const result = await job.promise;
 *
 * The promise never rejects: every failure is an ImportResult with ok: false.
 */
import type { ImportOptions, ImportProgress, ImportResult } from './types';
import type { ImportRequest, WorkerMessage } from './protocol';
import { tableFeatures } from './table';

export interface ImportJob {
  promise: Promise<ImportResult>;
  cancel: () => void;
}

export type WorkerFactory = () => Worker;

const startWorker: WorkerFactory = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'jjj-import' });

let spare: Worker | null = null;

/**
 * Start a worker for the next import now (idempotent). One whose script fails to load is
 * dropped, so the import starts its own and reports that failure.
 */
export function prepareImportWorker(): void {
  if (spare || typeof Worker !== 'function') return;
  try {
    const w = startWorker();
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      if (spare === w) spare = null;
    };
    spare = w;
  } catch {
    spare = null;
  }
}

/** The prepared worker if there is one, else a new one. */
const defaultWorker: WorkerFactory = () => {
  const w = spare ?? startWorker();
  spare = null;
  return w;
};

export function importFile(
  file: File | Blob,
  opts: ImportOptions = {},
  onProgress?: (p: ImportProgress) => void,
  createWorker: WorkerFactory = defaultWorker,
): ImportJob {
  const name = opts.name ?? ('name' in file && typeof file.name === 'string' ? file.name : 'data');
  let settle: (r: ImportResult) => void = () => {};
  const promise = new Promise<ImportResult>((resolve) => {
    settle = resolve;
  });
  let done = false;
  let worker: Worker | null = null;
  const finish = (r: ImportResult) => {
    if (done) return;
    done = true;
    worker?.terminate();
    worker = null;
    settle(r);
  };
  try {
    worker = createWorker();
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (done) return;
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'done') {
        // the features are read from the transferred table by index; none is made here
        finish(m.result.ok ? { ...m.result, layer: { ...m.result.layer, features: tableFeatures(m.result.layer.table) } } : m.result);
      } else finish({ ok: false, error: m.error, warnings: [] });
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const detail = e.message || 'unknown error';
      finish({ ok: false, error: { code: 'internal', message: `The import worker failed: ${detail}`, params: { variant: 'worker', detail } }, warnings: [] });
    };
    const req: ImportRequest = { type: 'import', file, name, opts: { ...opts } };
    worker.postMessage(req);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    finish({ ok: false, error: { code: 'internal', message: `Could not start the import worker: ${detail}`, params: { variant: 'worker-start', detail } }, warnings: [] });
  }
  return {
    promise,
    cancel: () => finish({ ok: false, error: { code: 'cancelled', message: `Import of "${name}" cancelled.`, params: { file: name } }, warnings: [] }),
  };
}
