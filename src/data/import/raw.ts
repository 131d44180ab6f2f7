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
  features: RawFeature[];
  columns?: string[];
  coordinateColumns?: LayerStats['coordinateColumns'];
  /** file-level warnings (the file is still imported) */
  fileIssues: ImportIssue[];
}
