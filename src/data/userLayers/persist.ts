/**
 * User layers (issue 7) kept in IndexedDB across reloads, with the raw IndexedDB API (no
 * dependency): one object store, one record per layer keyed by its id. Records are structured
 * clones of the layer (features included); the app writes a layer when it is added or
 * changed and deletes it when it is removed (src/app/useUserLayers.ts).
 *
 * Every function resolves even when IndexedDB is missing or refuses (private mode, quota):
 * the layers then live for the session only and the caller gets `false` / `[]`.
 */
import type { UserLayer } from '../../app/store';

const DB_NAME = 'jjj-atlas';
const DB_VERSION = 1;
const STORE = 'userLayers';

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
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<{ ok: boolean; value?: T }> {
  return open().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) return resolve({ ok: false });
        try {
          const tx = db.transaction(STORE, mode);
          const req = body(tx.objectStore(STORE));
          tx.oncomplete = () => resolve({ ok: true, value: req ? req.result : undefined });
          tx.onerror = () => resolve({ ok: false });
          tx.onabort = () => resolve({ ok: false });
        } catch {
          resolve({ ok: false });
        }
      }),
  );
}

/** Every stored layer, oldest first. */
export async function loadUserLayers(): Promise<UserLayer[]> {
  const r = await run<unknown[]>('readonly', (s) => s.getAll() as IDBRequest<unknown[]>);
  if (!r.ok || !Array.isArray(r.value)) return [];
  return r.value.filter(isUserLayer).sort((a, b) => a.addedAt - b.addedAt);
}

export async function saveUserLayer(layer: UserLayer): Promise<boolean> {
  return (await run('readwrite', (s) => s.put(layer))).ok;
}

export async function deleteUserLayer(id: string): Promise<boolean> {
  return (await run('readwrite', (s) => s.delete(id))).ok;
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
