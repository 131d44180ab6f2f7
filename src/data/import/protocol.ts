/**
 * Messages between the import client (main thread) and the import worker.
 *
 * The worker reads the file in 4 MiB slices (progress: bytes read), parses and checks it in one
 * go (JSON.parse / papaparse / xmldom — the page does not wait: it all runs in the worker), then
 * sends the kept features in batches of FEATURE_BATCH so that no single message takes the main
 * thread long to deserialize, and finally the result without features. The worker sends the
 * next batch only when the page has taken the last one and had an idle moment ('ack'): sent
 * back to back, a million features kept the main thread busy with no gap for the garbage
 * collector, which then stopped the page for 300 ms at a time. Cancel = the client terminates
 * the worker.
 */
import type { ImportIssue, ImportOptions, ImportProgress, ImportResult, ImportedFeature } from './types';

export const READ_CHUNK = 4 * 1024 * 1024;
export const FEATURE_BATCH = 2000;

export interface ImportRequest {
  type: 'import';
  file: Blob;
  name: string;
  opts: ImportOptions;
}

/** main thread → worker: the last 'features' batch is taken, send the next */
export interface AckMessage {
  type: 'ack';
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'features'; features: ImportedFeature[] }
  /** the result; when ok, `layer.features` is empty and the features came in 'features' messages */
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; error: ImportIssue };
