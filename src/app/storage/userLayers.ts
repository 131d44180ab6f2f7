/**
 * User layers kept in IndexedDB across reloads, with the raw IndexedDB API (no
 * dependency). Two object stores: `userLayers` holds each layer without its features (keyed by
 * its id; small), `userLayerFeatures` its features. Since version 4 of the record a layer's
 * features are one columnar table (src/data/import/table.ts: typed arrays only, so storing and
 * reading it is a few memory copies, not a structured clone of a million objects) at `[id, 0]`,
 * written in ONE transaction with its record: the save is atomic by IndexedDB's own rule, and a
 * reload reads every layer's table in one transaction. The features save waits until the page
 * has drawn (two frames and an idle moment), so it never delays the first draw of a new layer;
 * meanwhile a new layer's record is stored marked unfinished, so a page closed before the save
 * is reported at the next start, not silent.
 * A change of name, colour, visibility or style rewrites only the small record.
 *
 * Older records (features inline, or in chunks of 4,000 feature objects written one
 * transaction each) are still read, checked feature by feature, and rewritten as tables.
 * Every record read goes through ./schema.ts (zod; versions 1 to 3 are migrated) and every table
 * through `checkTable`: a record, chunk or table that does not pass is set aside (kept in storage,
 * not shown, listed in `lastLoadReport` so the person can delete it). A chunked layer found
 * incomplete at start (the page closed while saving) is deleted with its chunks and reported once,
 * unless another tab holds its saving lock (Web Locks): that tab is still writing it.
 *
 * Another tab's save or deletion (./crossTab.ts) is read back with `loadUserLayers({ id })`:
 * that one layer's table alone, so several tabs stay in step.
 *
 * Every function resolves even when IndexedDB is missing, refuses (private mode, quota) or does
 * not answer within OPEN_TIMEOUT_MS: the layers then live for the session only, the caller gets
 * `false` / `[]`, and `lastLoadReport.storage` says why.
 */
import type { UserLayer } from '../../model/userLayer';
import { featureSchema, parseFeatures, parseStoredRecord, recordId, recordName, STORED_SCHEMA_VERSION, type StoredLayer } from './schema';
import type { ImportedFeature } from '../../data/import/types';
import { checkTable, tableBuffers, tableFeatures, tableFromFeatures, tableOf, type FeatureTable } from '../../data/import/table';

import { chunksOf, DB_NAME, DB_VERSION, FEATURES, STORE, upgrade, type TableStoreAnswer, type TableStoreRequest } from './idb';
import { askBeforeLeaving } from './leaveGuard';
import { copyInSlices } from './copyInSlices';

/** How long an IndexedDB `open` may stay unanswered before storage counts as unavailable. */
export const OPEN_TIMEOUT_MS = 5000;

/** What the last load found, for the page to tell the person (src/i18n/storageMessages.ts). */
export interface LoadReport {
  /** 'timeout': `open` never answered; 'unavailable': no IndexedDB or it refused */
  storage: 'ok' | 'unavailable' | 'timeout';
  /** 'failed': the table store worker could not start; the page stores and reads the tables itself */
  worker: 'ok' | 'failed';
  /** layers whose record or features did not pass the schema: kept in storage, not shown */
  setAside: { id: string | null; name: string; reason: string }[];
  /** layers left half-written by an earlier page, now deleted */
  removedIncomplete: string[];
}
let lastLoadReport: LoadReport = { storage: 'ok', worker: 'ok', setAside: [], removedIncomplete: [] };
const reportListeners = new Set<() => void>();
/** What the last `loadUserLayers` found (the same object until the next load or deletion). */
export function loadReport(): LoadReport {
  return lastLoadReport;
}
/** Be told when the report changes (a damaged layer deleted); returns the unsubscribe. */
export function onLoadReport(listener: () => void): () => void {
  reportListeners.add(listener);
  return () => reportListeners.delete(listener);
}
function setReport(r: LoadReport): void {
  lastLoadReport = r;
  for (const l of reportListeners) l();
}

/**
 * The features of a set-aside layer that pass the schema, in order (a null or broken one is
 * skipped), so the person can export what is readable before deleting the layer.
 */
export async function readableFeatures(id: string): Promise<ImportedFeature[]> {
  const rec = await run<unknown>('readonly', [STORE], (tx) => tx.objectStore(STORE).get(id));
  const inline = rec.value && typeof rec.value === 'object' ? (rec.value as { features?: unknown }).features : undefined;
  let list: unknown[] = [];
  if (Array.isArray(inline)) list = inline;
  else {
    const chunks = await run<unknown[]>('readonly', [FEATURES], (tx) => tx.objectStore(FEATURES).getAll(chunksOf(id)) as IDBRequest<unknown[]>);
    for (const c of chunks.value ?? []) {
      if (Array.isArray(c)) list.push(...(c as unknown[]));
      else {
        const t = checkTable(c);
        if (t.ok) list.push(...tableFeatures(t.table));
      }
    }
  }
  return list.filter((f): f is ImportedFeature => featureSchema.safeParse(f).success);
}

/** Delete a damaged (set-aside) layer for good: its record and its chunks. */
export async function deleteSetAside(id: string): Promise<boolean> {
  const ok = await deleteUserLayer(id);
  if (ok) setReport({ ...lastLoadReport, setAside: lastLoadReport.setAside.filter((l) => l.id !== id) });
  return ok;
}
let openProblem: LoadReport['storage'] = 'ok';

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      openProblem = 'unavailable';
      return resolve(null);
    }
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      openProblem = 'unavailable';
      return resolve(null);
    }
    // an open that never answers (a blocked upgrade, a wedged browser profile) is a failure too
    const timer = setTimeout(() => {
      openProblem = 'timeout';
      resolve(null);
    }, OPEN_TIMEOUT_MS);
    const done = (db: IDBDatabase | null) => {
      clearTimeout(timer);
      if (!db && openProblem === 'ok') openProblem = 'unavailable';
      resolve(db);
    };
    req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => {
      // answered after the timeout: the session already went on without storage
      if (openProblem === 'timeout') req.result.close();
      done(openProblem === 'timeout' ? null : req.result);
    };
    req.onerror = () => done(null);
    req.onblocked = () => done(null);
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, stores: string[], body: (tx: IDBTransaction) => IDBRequest<T> | undefined): Promise<{ ok: boolean; value?: T }> {
  return open().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) return resolve({ ok: false });
        try {
          const tx = db.transaction(stores, mode);
          const req = body(tx);
          tx.oncomplete = () => resolve({ ok: true, value: req ? req.result : undefined });
          tx.onerror = () => resolve({ ok: false });
          tx.onabort = () => resolve({ ok: false });
        } catch {
          resolve({ ok: false });
        }
      }),
  );
}


/**
 * Every stored layer that passes the schema, oldest first (every table read in one transaction).
 * With `only` (another tab saved that layer, ./crossTab.ts): that layer alone, its table read
 * alone, or without its features when they did not change; a record another tab is still
 * writing is left to it, nothing is migrated, and the start report is kept.
 */
export async function loadUserLayers(only?: { id: string; features: boolean }): Promise<UserLayer[]> {
  const report: LoadReport = { storage: 'ok', worker: 'ok', setAside: [], removedIncomplete: [] };
  // a User Timing mark: the import bench times the restore from here, apart from the app's start
  if (!only) performance.mark('jjj-atlas:restore');
  // started now, so that its script is fetched and its database open before the first save:
  // a save that has to start the worker first is the one a closing tab loses
  tableWorker();
  const r = await run<unknown[]>('readonly', [STORE], (tx) => tx.objectStore(STORE).getAll() as IDBRequest<unknown[]>);
  if (!r.ok || !Array.isArray(r.value)) {
    report.storage = openProblem === 'ok' ? 'unavailable' : openProblem;
    if (!only) setReport({ ...report, worker: lastLoadReport.worker });
    return [];
  }
  const out: UserLayer[] = [];
  const migrate: UserLayer[] = [];
  const tabled: StoredLayer[] = [];
  for (const rec of r.value) {
    if (only && recordId(rec) !== only.id) continue;
    const parsed = parseStoredRecord(rec);
    if (parsed.kind === 'invalid') {
      report.setAside.push({ id: recordId(rec), name: recordName(rec), reason: parsed.reason });
      continue;
    }
    if (parsed.kind === 'inline') {
      out.push(parsed.layer); // version 1
      migrate.push(parsed.layer);
      continue;
    }
    const { record } = parsed;
    if (!parsed.complete) {
      // another tab is still saving it (its lock is held): that tab finishes it
      if (only || (await savedElsewhere(record.id))) continue;
      // the page closed while this layer was being written: its data is gone for good
      await deleteUserLayer(record.id);
      report.removedIncomplete.push(record.name);
      continue;
    }
    if (record.layout === 'table') {
      // features unchanged in the other tab: the caller keeps its own
      if (only?.features === false) out.push({ ...metaOf(record), features: [] });
      else tabled.push(record);
      continue;
    }
    const features: ImportedFeature[] = [];
    let problem: string | null = null;
    for (let i = 0; i < (only?.features === false ? 0 : record.featureChunks) && problem === null; i++) {
      const c = await run<unknown>('readonly', [FEATURES], (tx) => tx.objectStore(FEATURES).get([record.id, i]));
      if (!c.ok) problem = `chunk ${i + 1} could not be read`;
      else if (c.value === undefined) problem = `chunk ${i + 1} is missing`;
      else {
        const checked = parseFeatures(c.value);
        if (!checked.ok) problem = `chunk ${i + 1}, ${checked.reason}`;
        else for (const f of checked.features) features.push(f);
      }
    }
    if (problem === null && only?.features !== false && features.length !== record.featureCount) problem = `${features.length} features stored, the record says ${record.featureCount}`;
    if (problem !== null) {
      report.setAside.push({ id: record.id, name: record.name, reason: problem });
      continue;
    }
    const layer = { ...metaOf(record), features };
    out.push(layer);
    migrate.push(layer);
  }
  // version 4: every table in one read transaction
  const tables = await readTables(tabled.map((l) => l.id));
  tabled.forEach((record, k) => {
    const checked = tables[k] ?? { ok: false as const, reason: 'its features could not be read' };
    if (!checked.ok) report.setAside.push({ id: record.id, name: record.name, reason: checked.reason });
    else if (checked.table.count !== record.featureCount) report.setAside.push({ id: record.id, name: record.name, reason: `${checked.table.count} features stored, the record says ${record.featureCount}` });
    else out.push({ ...metaOf(record), features: tableFeatures(checked.table) });
  });
  if (only) return out;
  setReport({ ...report, worker: lastLoadReport.worker });
  // layers of an older version are rewritten as tables (read once more as version 4)
  for (const l of migrate) void saveUserLayer(l, true, { now: true });
  return out.sort((a, b) => a.addedAt - b.addedAt);
}

function metaOf(record: StoredLayer): Omit<UserLayer, 'features'> {
  const { featureChunks: _c, featureCount: _n, schemaVersion: _v, complete: _k, layout: _l, ...meta } = record;
  return meta as Omit<UserLayer, 'features'>;
}

// ---------------------------------------------------------------------------------------------
// Tables are written and read by a worker (./tableStore.worker.ts): the structured clone of tens
// of MB into or out of IndexedDB was a task of a quarter of a second on the page.

type Checked = { ok: true; table: FeatureTable } | { ok: false; reason: string } | null;
let storeWorker: Worker | null | undefined;
const waiting = new Map<number, (a: TableStoreAnswer | null) => void>();
let askSeq = 0;
/** How long the worker may take for a table before the page counts the step as failed. */
const WORKER_TIMEOUT_MS = 60_000;

/**
 * The worker, or null when there is none or it could not start (its script did not load, or it
 * failed). Without it the page reads and writes the tables itself (the same transactions,
 * only on the main thread), and the report says so (`worker: 'failed'`), so it is never silent.
 */
function tableWorker(): Worker | null {
  if (storeWorker !== undefined) return storeWorker;
  try {
    storeWorker = typeof Worker === 'function' ? new Worker(new URL('./tableStore.worker.ts', import.meta.url), { type: 'module', name: 'jjj-table-store' }) : null;
  } catch {
    storeWorker = null;
    workerFailed();
  }
  if (storeWorker) {
    const w = storeWorker;
    w.onmessage = (e: MessageEvent<TableStoreAnswer>) => {
      waiting.get(e.data.seq)?.(e.data);
      waiting.delete(e.data.seq);
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      storeWorker = null;
      // the steps it held are answered `null`; their callers redo them on the page
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
      workerFailed();
    };
  }
  return storeWorker;
}

function workerFailed(): void {
  if (lastLoadReport.worker === 'failed') return;
  console.warn('The table store worker could not start: layers are read and written on the page');
  setReport({ ...lastLoadReport, worker: 'failed' });
}

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
function ask(w: Worker, req: WithoutSeq<TableStoreRequest>, transfer: Transferable[] = []): Promise<TableStoreAnswer | null> {
  const seq = ++askSeq;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(seq);
      resolve(null);
    }, WORKER_TIMEOUT_MS);
    waiting.set(seq, (a) => {
      clearTimeout(timer);
      resolve(a);
    });
    w.postMessage({ ...req, seq } as TableStoreRequest, transfer);
  });
}

/** The stored tables of these layers, checked, in one read transaction. */
async function readTables(ids: string[]): Promise<Checked[]> {
  if (ids.length === 0) return [];
  const w = tableWorker();
  if (w) {
    const a = await ask(w, { op: 'read', ids });
    if (a?.op === 'read') return a.results as Checked[];
    // no answer: a worker that failed is replaced by the page; one that hangs counts as a failed read
    if (storeWorker !== null) return ids.map(() => null);
  }
  const db = await open();
  return new Promise((resolve) => {
    const out: Checked[] = ids.map(() => null);
    if (!db) return resolve(out);
    try {
      const tx = db.transaction([FEATURES], 'readonly');
      const store = tx.objectStore(FEATURES);
      ids.forEach((id, k) => {
        const req = store.get([id, 0]);
        req.onsuccess = () => (out[k] = req.result === undefined ? { ok: false, reason: 'its features are missing' } : checkTable(req.result));
      });
      tx.oncomplete = () => resolve(out);
      tx.onerror = () => resolve(out);
      tx.onabort = () => resolve(out);
    } catch {
      resolve(out);
    }
  });
}

/** Store a layer's table and its record in one transaction (the worker's, when there is one). */
async function writeTable(id: string, record: StoredLayer, table: FeatureTable): Promise<boolean> {
  if (!(await open())) return false;
  const w = tableWorker();
  if (w) {
    const copy = await copyInSlices(table);
    const a = await ask(w, { op: 'write', id, record, table: copy }, tableBuffers(copy));
    if (a?.op === 'write') return a.ok;
    if (storeWorker !== null) return false;
  }
  return (
    await run('readwrite', [STORE, FEATURES], (tx) => {
      const f = tx.objectStore(FEATURES);
      f.delete(chunksOf(id));
      f.put(table, [id, 0]);
      return tx.objectStore(STORE).put(record);
    })
  ).ok;
}

/** After the page has drawn what it was about to draw: two frames, then an idle moment. */
function afterDraw(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
        else setTimeout(resolve, 0);
      }),
    ),
  );
}

/** Layers whose features are about to be written, so that a removal or a newer write stops them. */
const writing = new Map<string, number>();
let writeSeq = 0;
/** A rename/recolour/switch made before a layer's features are written: their record carries it. */
const latestMeta = new Map<string, Omit<UserLayer, 'features'>>();

/**
 * Store a layer. With `features` false (a rename, colour, switch or style change) only the
 * small record is written; the features stored with the layer before are kept. `now` skips
 * the wait for the page's drawing (a migration at start).
 */
export async function saveUserLayer(layer: UserLayer, features = true, { now = false } = {}): Promise<boolean> {
  const { features: list, ...meta } = layer;
  if (!features && writing.has(layer.id)) {
    // writing the record alone now would mark the layer stored before its features are
    latestMeta.set(layer.id, meta);
    return true;
  }
  const record: StoredLayer = { ...meta, schemaVersion: STORED_SCHEMA_VERSION, layout: 'table', complete: true, featureChunks: 1, featureCount: list.length };
  if (!features) {
    return (await run('readwrite', [STORE], (tx) => tx.objectStore(STORE).put(record))).ok;
  }
  const mine = ++writeSeq;
  writing.set(layer.id, mine);
  const release = holdWhileSaving(layer.id);
  const letLeave = askBeforeLeaving();
  try {
    if (!now) {
      // a page closed before the write below leaves this marker; the next start removes it and says so
      await markPending(record);
      await afterDraw();
    }
    if (writing.get(layer.id) !== mine) return true; // removed or written again meanwhile
    const table: FeatureTable = tableOf(list) ?? tableFromFeatures(list, meta.columns);
    writing.delete(layer.id);
    Object.assign(record, latestMeta.get(layer.id) ?? {});
    latestMeta.delete(layer.id);
    // the table and its record in one transaction: both are stored or neither is
    return await writeTable(layer.id, record, table);
  } finally {
    release();
    letLeave();
  }
}

/**
 * A new layer's record, marked unfinished, written at once (small): the features wait for the
 * page's drawing, and a page closed in those seconds would otherwise lose the layer without a
 * word. A layer already stored keeps its complete record until the new one replaces it.
 */
function markPending(record: StoredLayer): Promise<unknown> {
  const pending: StoredLayer = { ...record, complete: false, featureCount: -1 };
  return run('readwrite', [STORE], (tx) => {
    const s = tx.objectStore(STORE);
    const known = s.getKey(record.id);
    known.onsuccess = () => {
      if (known.result === undefined) s.put(pending);
    };
    return known;
  });
}

/** The Web Lock a page holds while it saves a layer: another page starting meanwhile leaves that record alone. */
const SAVING_LOCK = 'jjj-atlas:saving:';

function holdWhileSaving(id: string): () => void {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return () => {};
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  locks.request(SAVING_LOCK + id, () => done).catch(() => {});
  return release;
}

/** Whether another page (a tab still saving it) holds this layer's saving lock. */
async function savedElsewhere(id: string): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return false;
  try {
    const q = await locks.query();
    return [...(q.held ?? []), ...(q.pending ?? [])].some((l) => l.name === SAVING_LOCK + id);
  } catch {
    return false;
  }
}

export async function deleteUserLayer(id: string): Promise<boolean> {
  writing.delete(id);
  latestMeta.delete(id);
  return (
    await run('readwrite', [STORE, FEATURES], (tx) => {
      tx.objectStore(FEATURES).delete(chunksOf(id));
      return tx.objectStore(STORE).delete(id);
    })
  ).ok;
}
