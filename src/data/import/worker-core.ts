/**
 * What the import worker does, as a plain function (so tests can run it in Node without a
 * Worker): read the Blob in slices with progress, import, post the features in batches, each
 * after the page has `taken` the one before.
 */
import { importData } from './importData';
import { isDepthError } from './limits';
import { FEATURE_BATCH, READ_CHUNK, type ImportRequest, type WorkerMessage } from './protocol';

export async function handleImport(req: ImportRequest, post: (m: WorkerMessage) => void, taken: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  try {
    const total = req.file.size;
    const bytes = new Uint8Array(total);
    let read = 0;
    post({ type: 'progress', progress: { phase: 'read', bytesRead: 0, bytesTotal: total } });
    while (read < total) {
      const chunk = new Uint8Array(await req.file.slice(read, Math.min(total, read + READ_CHUNK)).arrayBuffer());
      bytes.set(chunk, read);
      read += chunk.length;
      if (chunk.length === 0) break;
      post({ type: 'progress', progress: { phase: 'read', bytesRead: read, bytesTotal: total } });
    }
    const result = importData(bytes.subarray(0, read), req.name, req.opts, (progress) => post({ type: 'progress', progress }));
    if (!result.ok) return post({ type: 'done', result });
    const { features } = result.layer;
    for (let i = 0; i < features.length; i += FEATURE_BATCH) {
      post({ type: 'progress', progress: { phase: 'transfer', featuresSent: Math.min(features.length, i + FEATURE_BATCH), featuresTotal: features.length } });
      post({ type: 'features', features: features.slice(i, i + FEATURE_BATCH) });
      await taken();
    }
    post({ type: 'done', result: { ...result, layer: { ...result.layer, features: [] } } });
  } catch (e) {
    // a structure too deep to walk or to clone to the page: say so plainly, not in engine words
    if (isDepthError(e) || (e instanceof Error && e.name === 'DataCloneError')) {
      return post({ type: 'failed', error: { code: 'too-large', message: `The imported data of "${req.name}" is too complex to pass to the page.`, params: { variant: 'transfer', file: req.name } } });
    }
    const detail = e instanceof Error ? e.message : String(e);
    post({ type: 'failed', error: { code: 'internal', message: `The import failed: ${detail.slice(0, 200)}`, params: { variant: 'failed', detail: detail.slice(0, 200) } } });
  }
}
