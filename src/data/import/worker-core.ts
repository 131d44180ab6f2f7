/**
 * What the import worker does, as a plain function (so tests can run it in Node without a
 * Worker): read the Blob once, import, post the result with the table's buffers transferred.
 */
import { importData } from './importData';
import { isDepthError } from './limits';
import { tableBuffers } from './table';
import type { ImportRequest, WorkerMessage } from './protocol';

export async function handleImport(req: ImportRequest, post: (m: WorkerMessage, transfer?: Transferable[]) => void): Promise<void> {
  try {
    const total = req.file.size;
    post({ type: 'progress', progress: { phase: 'read', bytesRead: 0, bytesTotal: total } });
    // one read: slices of 4 MiB cost 2–6× the time of a single arrayBuffer() for 100 MB
    const bytes = new Uint8Array(await req.file.arrayBuffer());
    post({ type: 'progress', progress: { phase: 'read', bytesRead: bytes.length, bytesTotal: total } });
    const result = importData(bytes, req.name, req.opts, (progress) => post({ type: 'progress', progress }));
    if (!result.ok) return post({ type: 'done', result });
    const { features: _view, ...layer } = result.layer;
    const n = layer.table.count;
    post({ type: 'progress', progress: { phase: 'transfer', featuresSent: n, featuresTotal: n } });
    post({ type: 'done', result: { ...result, layer } }, tableBuffers(layer.table));
  } catch (e) {
    // a structure too deep to walk or to clone to the page: say so plainly, not in engine words
    if (isDepthError(e) || (e instanceof Error && e.name === 'DataCloneError')) {
      return post({ type: 'failed', error: { code: 'too-large', message: `The imported data of "${req.name}" is too complex to pass to the page.`, params: { variant: 'transfer', file: req.name } } });
    }
    const detail = e instanceof Error ? e.message : String(e);
    post({ type: 'failed', error: { code: 'internal', message: `The import failed: ${detail.slice(0, 200)}`, params: { variant: 'failed', detail: detail.slice(0, 200) } } });
  }
}
