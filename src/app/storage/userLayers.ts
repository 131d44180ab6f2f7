/**
 * User layers kept in IndexedDB across reloads, with the raw IndexedDB API (no
 * dependency). Two object stores: `userLayers` holds each layer without its features (keyed by
 * its id; small), `userLayerFeatures` its features in chunks of FEATURE_CHUNK (keyed
 * `[id, chunk]`). A chunk is written and read in a transaction of its own, so that no single
 * structured clone holds the page for long: a 100 MB layer in one `put` took the main thread for
 * five seconds. A change of name, colour, visibility or style rewrites only the small record.
 * Every record read goes through ./schema.ts (zod; versions 1 and 2 are migrated): a record or
 * chunk that does not pass is set aside (kept in storage, not shown, listed in `lastLoadReport`
 * so the person can delete it). Saves are atomic in effect: a layer's record says `complete`
 * only after its last chunk is written; one found incomplete at start (the page closed while
 * saving) is deleted with its chunks and reported once.
 *
 * Every function resolves even when IndexedDB is missing, refuses (private mode, quota) or does
 * not answer within OPEN_TIMEOUT_MS: the layers then live for the session only, the caller gets
 * `false` / `[]`, and `lastLoadReport.storage` says why.
 */
import type { UserLayer } from '../../model/userLayer';
import { featureSchema, parseFeatures, parseStoredRecord, recordId, recordName, STORED_SCHEMA_VERSION, type StoredLayer } from './schema';
import type { ImportedFeature } from '../../data/import/types';

const DB_NAME = 'jjj-atlas';
const DB_VERSION = 2;
const STORE = 'userLayers';
const FEATURES = 'userLayerFeatures';
/** features per stored chunk: a few tens of ms to clone on a slow machine */
export const FEATURE_CHUNK = 4000;

/** How long an IndexedDB `open` may stay unanswered before storage counts as unavailable. */
export const OPEN_TIMEOUT_MS = 5000;

/** What the last load found, for the page to tell the person (src/i18n/storageMessages.ts). */
export interface LoadReport {
  /** 'timeout': `open` never answered; 'unavailable': no IndexedDB or it refused */
  storage: 'ok' | 'unavailable' | 'timeout';
  /** layers whose record or features did not pass the schema: kept in storage, not shown */
  setAside: { id: string | null; name: string; reason: string }[];
  /** layers left half-written by an earlier page, now deleted */
  removedIncomplete: string[];
}
let lastLoadReport: LoadReport = { storage: 'ok', setAside: [], removedIncomplete: [] };
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
    for (const c of chunks.value ?? []) if (Array.isArray(c)) list.push(...(c as unknown[]));
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
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(FEATURES)) db.createObjectStore(FEATURES);
    };
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

const chunksOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/**
 * Every stored layer that passes the schema, oldest first (features read chunk by chunk). With
 * `only` (another tab saved that layer, ./crossTab.ts): that layer alone, without its features
 * when they did not change; a record another tab is still writing is left to it, and the start
 * report is kept.
 */
export async function loadUserLayers(only?: { id: string; features: boolean }): Promise<UserLayer[]> {
  const report: LoadReport = { storage: 'ok', setAside: [], removedIncomplete: [] };
  const r = await run<unknown[]>('readonly', [STORE], (tx) => tx.objectStore(STORE).getAll() as IDBRequest<unknown[]>);
  if (!r.ok || !Array.isArray(r.value)) {
    report.storage = openProblem === 'ok' ? 'unavailable' : openProblem;
    if (!only) setReport(report);
    return [];
  }
  const out: UserLayer[] = [];
  for (const rec of r.value) {
    if (only && recordId(rec) !== only.id) continue;
    const parsed = parseStoredRecord(rec);
    if (parsed.kind === 'invalid') {
      report.setAside.push({ id: recordId(rec), name: recordName(rec), reason: parsed.reason });
      continue;
    }
    if (parsed.kind === 'inline') {
      out.push(parsed.layer); // version 1
      continue;
    }
    const { record } = parsed;
    if (!parsed.complete) {
      if (only) continue;
      // the page closed while this layer was being written: its data is gone for good
      await deleteUserLayer(record.id);
      report.removedIncomplete.push(record.name);
      continue;
    }
    const features: UserLayer['features'] = [];
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
    const { featureChunks: _c, featureCount: _n, schemaVersion: _v, complete: _k, ...meta } = record;
    out.push({ ...(meta as Omit<UserLayer, 'features'>), features });
  }
  if (!only) setReport(report);
  return out.sort((a, b) => a.addedAt - b.addedAt);
}

/** Layers being written, so that a removal stops their chunks. */
const writing = new Map<string, number>();
let writeSeq = 0;
/** A rename/recolour/switch made while a layer's chunks are written: the final record carries it. */
const latestMeta = new Map<string, Omit<UserLayer, 'features'>>();

/**
 * Store a layer. With `features` false (a rename, colour, switch or style change) only the
 * small record is written; the features stored with the layer before are kept.
 */
export async function saveUserLayer(layer: UserLayer, features = true): Promise<boolean> {
  const { features: list, ...meta } = layer;
  const featureChunks = Math.ceil(list.length / FEATURE_CHUNK);
  const record: StoredLayer = { ...meta, schemaVersion: STORED_SCHEMA_VERSION, complete: true, featureChunks, featureCount: list.length };
  if (!features && writing.has(layer.id)) {
    // writing the complete record now would mark the layer complete before its last chunk
    latestMeta.set(layer.id, meta);
    return true;
  }
  if (features) {
    const mine = ++writeSeq;
    writing.set(layer.id, mine);
    // the record goes first without chunks (not loadable until the last chunk is written) ...
    const first = await run('readwrite', [STORE, FEATURES], (tx) => {
      tx.objectStore(FEATURES).delete(chunksOf(layer.id));
      return tx.objectStore(STORE).put({ ...record, complete: false, featureChunks: 0, featureCount: -1 });
    });
    if (!first.ok) return false;
    for (let i = 0; i < featureChunks; i++) {
      if (writing.get(layer.id) !== mine) return true; // removed or written again meanwhile
      const chunk = list.slice(i * FEATURE_CHUNK, (i + 1) * FEATURE_CHUNK);
      const w = await run('readwrite', [FEATURES], (tx) => tx.objectStore(FEATURES).put(chunk, [layer.id, i]));
      if (!w.ok) return false;
    }
    if (writing.get(layer.id) !== mine) return true;
    writing.delete(layer.id);
    Object.assign(record, latestMeta.get(layer.id) ?? {});
    latestMeta.delete(layer.id);
  }
  // ... and then the record that says how many chunks there are
  return (await run('readwrite', [STORE], (tx) => tx.objectStore(STORE).put(record))).ok;
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
