/**
 * Web Worker entry of the aggregation engine: every request is handled here, off the main
 * thread (see protocol.ts for the messages, client.ts for the caller's side).
 */
import { serveAggregates, type AggregateResponse } from './protocol';

// The project's TypeScript lib is DOM, not WebWorker: `self` is typed as a Window here. In a
// dedicated worker, postMessage(message, { transfer }) and 'message' events are the same shape.
serveAggregates({
  addEventListener: (type, listener) => self.addEventListener(type, listener as (ev: MessageEvent) => void),
  postMessage: (message: AggregateResponse, transfer: Transferable[]) => self.postMessage(message, { transfer }),
});
