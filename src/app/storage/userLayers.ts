/**
 * User layers kept in IndexedDB across reloads, with the raw IndexedDB API (no
 * dependency). Two object stores: `userLayers` holds each layer without its features (keyed by
 * its id; small), `userLayerFeatures` its features in chunks of FEATURE_CHUNK (keyed
 * `[id, chunk]`). A chunk is written and read in a transaction of its own, so that no single
 * structured clone holds the page for long: a 100 MB layer in one `put` took the main thread for
 * five seconds. A change of name, colour, visibility or style rewrites only the small record.
 * Version-1 records (features inline) are still read.
 *
 * Every function resolves even when IndexedDB is missing or refuses (private mode, quota):
 * the layers then live for the session only and the caller gets `false` / `[]`.
 */
import type { UserLayer } from '../../model/userLayer';

const DB_NAME = 'jjj-atlas';
const DB_VERSION = 2;
const STORE = 'userLayers';
const FEATURES = 'userLayerFeatures';
/** features per stored chunk: a few tens of ms to clone on a slow machine */
export const FEATURE_CHUNK = 4000;

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      return resolve(null);
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(FEATURES)) db.createObjectStore(FEATURES);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
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

/** The stored record of a layer: the layer without features, and how many chunks hold them. */
type StoredLayer = Omit<UserLayer, 'features'> & { featureChunks: number; featureCount: number };

const chunksOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/** Every stored layer, oldest first (features read chunk by chunk). */
export async function loadUserLayers(): Promise<UserLayer[]> {
  const r = await run<unknown[]>('readonly', [STORE], (tx) => tx.objectStore(STORE).getAll() as IDBRequest<unknown[]>);
  if (!r.ok || !Array.isArray(r.value)) return [];
  const out: UserLayer[] = [];
  for (const rec of r.value) {
    if (isUserLayer(rec)) {
      out.push(rec); // version 1: features inline
      continue;
    }
    if (!isStoredLayer(rec)) continue;
    const features: UserLayer['features'] = [];
    let complete = true;
    for (let i = 0; i < rec.featureChunks && complete; i++) {
      const c = await run<unknown>('readonly', [FEATURES], (tx) => tx.objectStore(FEATURES).get([rec.id, i]));
      if (!c.ok || !Array.isArray(c.value)) complete = false;
      else for (const f of c.value as UserLayer['features']) features.push(f);
    }
    // a layer whose chunks were not all written (the page closed while saving) is left out
    if (!complete || features.length !== rec.featureCount) continue;
    const { featureChunks: _c, featureCount: _n, ...meta } = rec;
    out.push({ ...meta, features });
  }
  return out.sort((a, b) => a.addedAt - b.addedAt);
}

/** Layers being written, so that a removal stops their chunks. */
const writing = new Map<string, number>();
let writeSeq = 0;

/**
 * Store a layer. With `features` false (a rename, colour, switch or style change) only the
 * small record is written; the features stored with the layer before are kept.
 */
export async function saveUserLayer(layer: UserLayer, features = true): Promise<boolean> {
  const { features: list, ...meta } = layer;
  const featureChunks = Math.ceil(list.length / FEATURE_CHUNK);
  const record: StoredLayer = { ...meta, featureChunks, featureCount: list.length };
  if (features) {
    const mine = ++writeSeq;
    writing.set(layer.id, mine);
    // the record goes first without chunks (not loadable until the last chunk is written) ...
    const first = await run('readwrite', [STORE, FEATURES], (tx) => {
      tx.objectStore(FEATURES).delete(chunksOf(layer.id));
      return tx.objectStore(STORE).put({ ...record, featureChunks: 0, featureCount: -1 });
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
  }
  // ... and then the record that says how many chunks there are
  return (await run('readwrite', [STORE], (tx) => tx.objectStore(STORE).put(record))).ok;
}

export async function deleteUserLayer(id: string): Promise<boolean> {
  writing.delete(id);
  return (
    await run('readwrite', [STORE, FEATURES], (tx) => {
      tx.objectStore(FEATURES).delete(chunksOf(id));
      return tx.objectStore(STORE).delete(id);
    })
  ).ok;
}

function isStoredLayer(v: unknown): v is StoredLayer {
  if (!v || typeof v !== 'object') return false;
  const l = v as Partial<StoredLayer>;
  return isUserLayer({ ...l, features: [] }) && typeof l.featureChunks === 'number' && typeof l.featureCount === 'number';
}

function isUserLayer(v: unknown): v is UserLayer {
  if (!v || typeof v !== 'object') return false;
  const l = v as Partial<UserLayer>;
  return (
    typeof l.id === 'string' &&
    typeof l.name === 'string' &&
    typeof l.color === 'string' &&
    /^#[0-9a-f]{6}$/i.test(l.color) &&
    typeof l.visible === 'boolean' &&
    Array.isArray(l.features) &&
    Array.isArray(l.columns) &&
    !!l.stats &&
    typeof l.addedAt === 'number'
  );
}
