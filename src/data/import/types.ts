/**
 * Types of the import core. Everything here is plain data: it crosses the worker
 * boundary by structured clone and the UI renders messages and property values as text.
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { FeatureTable } from './tableTypes';

export type ImportFormat = 'geojson' | 'csv' | 'tsv' | 'kml' | 'gpx';
/** Coordinate system the file's coordinates are in; everything is converted to WGS-84. */
export type SourceCrs = 'wgs84' | 'gcj02' | 'bd09';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type IssueCode =
  | 'empty-file'
  | 'unsupported-format'
  | 'format-mismatch'
  | 'html-not-data'
  | 'binary-file'
  | 'encoding'
  | 'json-syntax'
  | 'json-nan'
  | 'wrong-type'
  | 'xml-syntax'
  | 'no-features'
  | 'no-coordinate-columns'
  | 'column-not-found'
  | 'lonlat-swapped'
  | 'no-valid-features'
  | 'features-dropped'
  | 'feature-invalid'
  | 'ring-closed'
  | 'geometry-wrapped'
  | 'crs-converted'
  | 'display-simplified'
  | 'crs-member'
  | 'properties-invalid'
  | 'csv-row'
  | 'too-large'
  | 'cancelled'
  | 'internal';

/** Every IssueCode, for code that walks them all (the translations' test). */
export const ISSUE_CODES = [
  'empty-file',
  'unsupported-format',
  'format-mismatch',
  'html-not-data',
  'binary-file',
  'encoding',
  'json-syntax',
  'json-nan',
  'wrong-type',
  'xml-syntax',
  'no-features',
  'no-coordinate-columns',
  'column-not-found',
  'lonlat-swapped',
  'no-valid-features',
  'features-dropped',
  'feature-invalid',
  'ring-closed',
  'geometry-wrapped',
  'crs-converted',
  'display-simplified',
  'crs-member',
  'properties-invalid',
  'csv-row',
  'too-large',
  'cancelled',
  'internal',
] as const satisfies readonly IssueCode[];
// (and the other way round: an IssueCode missing from the list fails to compile)
export type MissingIssueCode = Exclude<IssueCode, (typeof ISSUE_CODES)[number]>;
const _allCodesListed: [MissingIssueCode] extends [never] ? true : false = true;
void _allCodesListed;

export type ProblemParams = Record<string, string | number>;

/**
 * Why one feature (or CSV record) cannot be kept: `reason` in English, `code` and `params`
 * for the other language (see src/i18n/importIssues.ts, `issueReasons`).
 */
export interface FeatureProblem {
  reason: string;
  code: string;
  params?: ProblemParams;
}

/**
 * One thing to tell the person. `message` is English and names what and where; `code` and
 * `params` let the UI word it in another language (src/i18n/importIssueText.ts): the text is
 * `issues.<code>` or, when `params.variant` is set, `issues.<code>_<variant>`, interpolated
 * with `params` and the where-fields below. Every value the English names is in `params` or
 * in those fields, so the translation says as much as the English. `featureIndex` is 0-based (the n-th feature
 * in the file's order, counting from 0; messages say "#n" counting from 1); `row` is the line
 * of a CSV/TSV record counting the header as row 1 (as a spreadsheet shows it).
 */
export interface ImportIssue {
  code: IssueCode;
  message: string;
  featureIndex?: number;
  row?: number;
  /** JSON/XML syntax errors: where (1-based line and column; offset in characters) */
  line?: number;
  column?: number;
  offset?: number;
  params?: Record<string, string | number>;
  /** Options with which importing again would fix this (e.g. `{ swapLonLat: true }`). */
  fix?: Partial<ImportOptions>;
  /** Per-feature problems behind a summary issue ('features-dropped'), at most 100 */
  details?: ImportIssue[];
}

export interface ImportOptions {
  /** Force a format instead of detecting it from the name and the first bytes. */
  format?: ImportFormat;
  /** 'auto' (default): BOM, else UTF-8 if valid, else GB18030 (a superset of GBK). */
  encoding?: 'auto' | TextEncodingName | 'gbk';
  /** The file's coordinate system (default WGS-84); GCJ-02 and BD-09 are converted to WGS-84. */
  crs?: SourceCrs;
  /**
   * Swap longitude and latitude. Left undefined, a file whose coordinates look swapped is
   * refused with a 'lonlat-swapped' error whose `fix` is `{ swapLonLat: true }`; false turns
   * the check off.
   */
  swapLonLat?: boolean;
  /**
   * Swap longitude and latitude in these features only (0-based feature indexes): the rows of a
   * mostly good file that were written latitude first (see src/i18n/importIssuesSwap.ts).
   */
  swapFeatures?: number[];
  /** CSV/TSV: the longitude/latitude columns (header names), overriding detection. */
  lonColumn?: string;
  latColumn?: string;
  /** CSV/TSV: the WKT column (header name), overriding detection. */
  wktColumn?: string;
  /** CSV/TSV: field delimiter, overriding detection (',' for .csv, '\t' for .tsv, else sniffed). */
  delimiter?: string;
  /** Layer name (default: the file name without extension). */
  name?: string;
}

export interface LayerStats {
  format: ImportFormat;
  encoding: TextEncodingName;
  bom: boolean;
  crs: SourceCrs;
  bytes: number;
  /** features (or CSV records) found in the file */
  total: number;
  kept: number;
  dropped: number;
  geometryTypes: Partial<Record<Geometry['type'], number>>;
  /** CSV/TSV: the columns the coordinates came from */
  coordinateColumns?: { lon: string; lat: string } | { wkt: string };
}

export type ImportedFeature = Feature<Geometry, NonNullable<GeoJsonProperties>>;

export interface ImportedLayer {
  name: string;
  /** the features as columns (./table.ts): what crosses to the page and what is stored */
  table: FeatureTable;
  /** the same features read by index from `table` (./table.ts tableFeatures) */
  features: readonly ImportedFeature[];
  /** property names in order of first appearance */
  columns: string[];
  /** [west, south, east, north] in WGS-84; null when there are no features */
  bbox: [number, number, number, number] | null;
  stats: LayerStats;
}

export type ImportResult =
  | { ok: true; layer: ImportedLayer; warnings: ImportIssue[] }
  | { ok: false; error: ImportIssue; warnings: ImportIssue[] };

export type ImportProgress =
  | { phase: 'read'; bytesRead: number; bytesTotal: number }
  | { phase: 'parse'; bytesTotal: number }
  /** done: the share of the file's features checked, 0–1 (a CSV's rows are counted as they are read) */
  | { phase: 'validate'; done: number }
  | { phase: 'transfer'; featuresSent: number; featuresTotal: number };

/** Thrown inside the parsers for a file-level failure; turned into `{ ok: false }`. */
export class ImportFailure extends Error {
  readonly issue: ImportIssue;
  constructor(issue: ImportIssue) {
    super(issue.message);
    this.issue = issue;
  }
}
