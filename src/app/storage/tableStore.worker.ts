/// <reference lib="webworker" />
/**
 * Writes and reads layers' tables off the page (see ./userLayers.ts). Structured-cloning tens
 * of MB into IndexedDB, or out of it, is a task of a few hundred ms wherever it runs; here it
 * does not hold the page. A read is checked (`checkTable`) here too and the checked table goes to
 * the page by transfer.
 */
import { checkTable, tableBuffers } from '../../data/import/table';
import { chunksOf, DB_NAME, DB_VERSION, FEATURES, STORE, upgrade, type TableStoreAnswer, type TableStoreRequest } from './idb';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let db: Promise<IDBDatabase | null> | null = null;
function open(): Promise<IDBDatabase | null> {
  db ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return db;
}

async function write(m: Extract<TableStoreRequest, { op: 'write' }>): Promise<boolean> {
  const d = await open();
  if (!d) return false;
  return new Promise((resolve) => {
    try {
      // the table and its record in one transaction: both are stored or neither is; 'strict' so that
      // a layer reported saved is on disk, even if the browser is closed the moment after
      const tx = d.transaction([STORE, FEATURES], 'readwrite', { durability: 'strict' });
      const f = tx.objectStore(FEATURES);
      f.delete(chunksOf(m.id));
      f.put(m.table, [m.id, 0]);
      tx.objectStore(STORE).put(m.record);
      tx.oncomplete = () => resolve(true);
      tx.onerror = () => resolve(false);
      tx.onabort = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}

async function read(ids: string[]): Promise<{ answer: TableStoreAnswer & { op: 'read' }; transfer: ArrayBuffer[] }> {
  const results: (TableStoreAnswer & { op: 'read' })['results'] = ids.map(() => null);
  const transfer: ArrayBuffer[] = [];
  const d = await open();
  if (d) {
    const raw = await new Promise<unknown[]>((resolve) => {
      const out = new Array<unknown>(ids.length);
      try {
        const tx = d.transaction([FEATURES], 'readonly');
        const store = tx.objectStore(FEATURES);
        ids.forEach((id, k) => {
          const r = store.get([id, 0]);
          r.onsuccess = () => (out[k] = r.result);
        });
        tx.oncomplete = () => resolve(out);
        tx.onerror = () => resolve(out);
        tx.onabort = () => resolve(out);
      } catch {
        resolve(out);
      }
    });
    raw.forEach((value, k) => {
      if (value === undefined) return void (results[k] = { ok: false, reason: 'its features are missing' });
      const c = checkTable(value);
      if (!c.ok) return void (results[k] = c);
      results[k] = { ok: true, table: c.table };
      transfer.push(...tableBuffers(c.table));
    });
  }
  return { answer: { seq: 0, op: 'read', results }, transfer };
}

// the database opens while the page starts, not at the first save
void open();

scope.onmessage = (e: MessageEvent<TableStoreRequest>) => {
  const m = e.data;
  if (m.op === 'write') void write(m).then((ok) => scope.postMessage({ seq: m.seq, op: 'write', ok } satisfies TableStoreAnswer));
  else
    void read(m.ids).then(({ answer, transfer }) => {
      try {
        scope.postMessage({ ...answer, seq: m.seq }, [...new Set(transfer)]);
      } catch {
        scope.postMessage({ seq: m.seq, op: 'read', results: m.ids.map(() => null) } satisfies TableStoreAnswer);
      }
    });
};
