/** The app's IndexedDB database: its name, version and stores, for the page and the table store worker alike. */
export const DB_NAME = 'jjj-atlas';
export const DB_VERSION = 2;
/** each layer without its features, keyed by id */
export const STORE = 'userLayers';
/** a layer's features: its table at [id, 0] (or, before version 4 of the record, chunks [id, n]) */
export const FEATURES = 'userLayerFeatures';

export function upgrade(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(FEATURES)) db.createObjectStore(FEATURES);
}

export const chunksOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/** Messages to the table store worker (./tableStore.worker.ts) and its answers. */
export type TableStoreRequest =
  | { seq: number; op: 'write'; id: string; record: unknown; table: unknown }
  | { seq: number; op: 'read'; ids: string[] };
export type TableStoreAnswer =
  | { seq: number; op: 'write'; ok: boolean }
  /** per id: the checked table, why it is not usable, or null when it could not be read */
  | { seq: number; op: 'read'; results: ({ ok: true; table: unknown } | { ok: false; reason: string } | null)[] };
