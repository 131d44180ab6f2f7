/**
 * Import a file into a user layer, from the data tab's picker / drop zone or a file
 * dropped on the map. The import client and its worker load on first use (dynamic import).
 * One import at a time: a new one cancels the one running. A failed import never touches the
 * layers already there; a successful one adds a layer and nothing else.
 */
import type { ImportOptions, ImportProgress, ImportResult } from '../data/import/types';
import { useAppStore } from './store';
import type { UserLayer } from '../model/userLayer';
import { USER_LAYER_PALETTE } from '../model/userLayerStyle';

let current: { cancel: () => void } | null = null;
let seq = 0;
let layerSeq = 0;

export function newUserLayerId(): string {
  layerSeq += 1;
  return `u${Date.now().toString(36)}${layerSeq}`;
}

/**
 * Have the import client and a worker ready before a file is chosen (the data tab is open), at
 * an idle moment so that it never competes with a layer's first frame. A client that cannot
 * load is left to the import, which reports it.
 */
export function prepareImport(): void {
  const go = () => void import('../data/import/client').then(({ prepareImportWorker }) => prepareImportWorker(), () => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 1000 });
  else setTimeout(go, 0);
}

export function startImport(file: File, opts: ImportOptions = {}): void {
  const st = useAppStore.getState();
  current?.cancel();
  current = null;
  const mine = ++seq;
  st.setImportStatus({ state: 'running', fileName: file.name, progress: null });
  let lastAt = 0;
  let lastPhase = '';
  const onProgress = (p: ImportProgress) => {
    const now = performance.now();
    if (mine !== seq || (p.phase === lastPhase && now - lastAt < 100)) return;
    lastAt = now;
    lastPhase = p.phase;
    useAppStore.getState().setImportStatus({ state: 'running', fileName: file.name, progress: p });
  };
  const finish = (r: ImportResult) => {
    if (mine !== seq) return;
    current = null;
    const s = useAppStore.getState();
    if (!r.ok) {
      s.setImportStatus({ state: 'done', fileName: file.name, file, opts, result: { ok: false, error: r.error, warnings: r.warnings } });
      return;
    }
    const layer: UserLayer = {
      id: newUserLayerId(),
      name: r.layer.name,
      color: USER_LAYER_PALETTE[s.userLayers.length % USER_LAYER_PALETTE.length]!,
      visible: true,
      features: r.layer.features,
      columns: r.layer.columns,
      stats: r.layer.stats,
      bbox: r.layer.bbox,
      addedAt: Date.now(),
    };
    s.addUserLayer(layer);
    s.setImportStatus({
      state: 'done',
      fileName: file.name,
      file,
      opts,
      result: { ok: true, layerId: layer.id, kept: r.layer.stats.kept, total: r.layer.stats.total, warnings: r.warnings },
    });
  };
  let cancelledEarly = false;
  current = { cancel: () => (cancelledEarly = true) };
  import('../data/import/client')
    .then(({ importFile }) => {
      if (mine !== seq) return;
      if (cancelledEarly) {
        finish({ ok: false, error: { code: 'cancelled', message: `Import of "${file.name}" cancelled.`, params: { file: file.name } }, warnings: [] });
        return;
      }
      const job = importFile(file, opts, onProgress);
      current = job;
      return job.promise.then(finish);
    })
    .catch((e: unknown) => {
      const detail = e instanceof Error ? e.message : String(e);
      finish({ ok: false, error: { code: 'internal', message: `The importer could not load: ${detail}`, params: { variant: 'load', detail } }, warnings: [] });
    });
}

export function cancelImport(): void {
  current?.cancel();
}
