/**
 * Messages between the import client (main thread) and the import worker.
 *
 * The worker reads the file in one `arrayBuffer()`, parses and checks it (JSON.parse /
 * papaparse / xmldom — the page does not wait: it all runs in the worker) and builds the layer's
 * columnar table (./table.ts). The result goes to the page in one message whose table's
 * ArrayBuffers are transferred, not copied: the page gets the whole layer in a fraction of a
 * millisecond and deserialises no feature object. (Sending batches of feature objects instead,
 * each after an idle moment of the page, took 69 % of an 800,000-point import.) Cancel = the
 * client terminates the worker.
 */
import type { ImportIssue, ImportOptions, ImportProgress, ImportedLayer } from './types';

export interface ImportRequest {
  type: 'import';
  file: Blob;
  name: string;
  opts: ImportOptions;
}

/** The layer as it crosses: its table, not the feature view made from it on the page. */
export type WireLayer = Omit<ImportedLayer, 'features'>;

export type WireResult = { ok: true; layer: WireLayer; warnings: ImportIssue[] } | { ok: false; error: ImportIssue; warnings: ImportIssue[] };

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: WireResult }
  | { type: 'failed'; error: ImportIssue };
