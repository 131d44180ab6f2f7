/** Import core (issue 7): see ./types.ts for the result, ./client.ts for the worker-backed entry. */
export { importFile, type ImportJob, type WorkerFactory } from './client';
export { importData, layerNameOf } from './importData';
export { detectFormat, type DetectedFormat } from './detect';
export { decodeBytes } from './encoding';
export * from './types';
