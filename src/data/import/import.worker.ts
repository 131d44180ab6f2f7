/// <reference lib="webworker" />
/** The import worker: see ./protocol.ts and ./worker-core.ts. */
import { handleImport } from './worker-core';
import type { ImportRequest, WorkerMessage } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<ImportRequest>) => {
  void handleImport(e.data, (m: WorkerMessage, transfer?: Transferable[]) => scope.postMessage(m, transfer ?? []));
};
