/// <reference lib="webworker" />
/** The import worker: see ./protocol.ts and ./worker-core.ts. */
import { handleImport } from './worker-core';
import type { AckMessage, ImportRequest, WorkerMessage } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let release: (() => void) | null = null;
scope.onmessage = (e: MessageEvent<ImportRequest | AckMessage>) => {
  if (e.data.type === 'ack') {
    release?.();
    release = null;
    return;
  }
  void handleImport(
    e.data,
    (m: WorkerMessage) => scope.postMessage(m),
    () => new Promise<void>((resolve) => (release = resolve)),
  );
};
