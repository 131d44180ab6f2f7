/**
 * User layers across reloads: restore them from IndexedDB when the app starts, then
 * write each layer that is added or changed and delete each one removed. The IndexedDB module
 * loads after the first render (dynamic import).
 */
import { useEffect } from 'react';
import { useAppStore } from './store';
import type { UserLayer } from '../model/userLayer';
import { tByKey } from './i18n';
import { storageNotices } from '../i18n/storageMessages';

export function useUserLayerPersistence(): void {
  useEffect(() => {
    let stopped = false;
    let unsubscribe = () => {};
    void Promise.all([import('./storage/userLayers'), import('./storage/crossTab'), import('./userLayerSync')]).then(async ([storage, crossTab, sync]) => {
      const { loadUserLayers, saveUserLayer, deleteUserLayer, loadReport, onLoadReport, OPEN_TIMEOUT_MS } = storage;
      const { tellOtherTabs, followOtherTabs, fromOtherTab, takeDeletedByOtherTab } = crossTab;
      const stored = await loadUserLayers();
      if (stopped) return;
      // damaged, half-written or unreadable stored layers are said once, at start
      for (const n of storageNotices(loadReport(), tByKey, OPEN_TIMEOUT_MS)) useAppStore.getState().notify(n.kind, n.text);
      // a storage worker that fails later (its script gone from the cache) is said when it happens
      let workerToldOf = loadReport().worker === 'failed';
      const stopReport = onLoadReport(() => {
        if (workerToldOf || loadReport().worker !== 'failed') return;
        workerToldOf = true;
        useAppStore.getState().notify('warning', tByKey('storage.workerFailed'));
      });
      if (stored.length > 0) useAppStore.getState().restoreUserLayers(stored.map(sync.fromStorage));
      let warned = false;
      // features: false when only the name, colour, switch or style changed (the small record)
      const save = (l: UserLayer, features = true) =>
        void saveUserLayer(l, features).then((ok) => {
          if (ok) tellOtherTabs({ kind: 'layer-saved', id: l.id, features });
          if (ok || warned) return;
          warned = true;
          const st = useAppStore.getState();
          st.notify('warning', tByKey('storage.unavailable'));
        });
      // layers imported before the stored ones were read
      const storedIds = new Set(stored.map((l) => l.id));
      let prev = useAppStore.getState().userLayers;
      for (const l of prev) if (!storedIds.has(l.id)) save(l);
      unsubscribe = useAppStore.subscribe((s) => {
        if (s.userLayers === prev) return;
        const before = new Map(prev.map((l) => [l.id, l]));
        for (const l of s.userLayers) {
          const was = before.get(l.id);
          // a layer as another tab stored it is not stored (and announced) again
          if (was !== l && !fromOtherTab(l)) save(l, was?.features !== l.features);
          before.delete(l.id);
        }
        for (const id of before.keys())
          if (!takeDeletedByOtherTab(id)) void deleteUserLayer(id).then((ok) => ok && tellOtherTabs({ kind: 'layer-deleted', id }));
        prev = s.userLayers;
      });
      const stopFollowing = followOtherTabs((m) => sync.applyOtherTabChange(m, loadUserLayers));
      const stopSaving = unsubscribe;
      unsubscribe = () => {
        stopSaving();
        stopFollowing();
        stopReport();
      };
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, []);
}
