/** What a format parser hands to the common validation step (./importData.ts). */
import type { FeatureProblem, ImportIssue, LayerStats } from './types';

export interface RawFeature {
  /** 0-based index in the file's features (CSV: data record) */
  index: number;
  /** CSV/TSV: 1-based row with the header as row 1 */
  row?: number;
  geometry?: unknown;
  properties: unknown;
  /** set by a parser when the record is already known to be unusable */
  error?: FeatureProblem;
}

export interface RawSource {
  /**
   * Hands every feature to `take`, in file order, and returns how many there were; `share` is told
   * now and then how far through the file it is (0–1). A parser keeps its own parsed objects or reads
   * its rows as it goes, and makes each feature when it hands it over: a second object graph of every
   * feature kept to the end (for a million CSV rows, four million objects, on top of papaparse's
   * million rows) made garbage collection most of the worker's time.
   */
  each(take: (raw: RawFeature) => void, share?: (done: number) => void): number;
  columns?: string[];
  coordinateColumns?: LayerStats['coordinateColumns'];
  /** file-level warnings (the file is still imported); complete once `each` has run */
  fileIssues: ImportIssue[];
}

/** `each` over a list the parser holds (GeoJSON's features, KML's placemarks). */
export function eachOf<T>(list: readonly T[], make: (item: T, index: number) => RawFeature): RawSource['each'] {
  return (take, share) => {
    for (let i = 0; i < list.length; i++) {
      if (share && i % 4096 === 0) share(i / list.length);
      take(make(list[i]!, i));
    }
    return list.length;
  };
}
