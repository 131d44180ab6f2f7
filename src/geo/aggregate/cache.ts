/**
 * A small least-recently-used cache (a Map in insertion order, bounded in size) for
 * aggregates keyed by (data version, region set id, filter key).
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();

  constructor(readonly maxEntries = 64) {
    if (!(maxEntries >= 1)) throw new Error('LruCache: maxEntries must be ≥ 1');
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Drop every entry whose key the predicate accepts (e.g. an old data version). */
  deleteWhere(pred: (key: string) => boolean): void {
    for (const k of [...this.map.keys()]) if (pred(k)) this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
  }
}

/** The cache key of an aggregate: (data version, region set id, filter key, extra). */
export function aggregateKey(dataVersion: string, regionSetId: string, filterKey: string, extra = ''): string {
  return JSON.stringify([dataVersion, regionSetId, filterKey, extra]);
}
