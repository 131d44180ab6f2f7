/**
 * User layers across reloads: restore them from IndexedDB when the app starts, then
 * write each layer that is added or changed and delete each one removed. The IndexedDB module
 * loads after the first render (dynamic import). A layer another tab of the app stored or
 * deleted is taken over here (without writing it back), so open tabs stay in step.
 */
import { useEffect } from 'react';
import { useAppStore } from './store';
import type { UserLayer } from '../model/userLayer';
import { validStyle } from '../model/userLayerStyle';
import { tByKey } from './i18n';
import { storageNotices } from '../i18n/storageMessages';

export function useUserLayerPersistence(): void {
  useEffect(() => {
    let stopped = false;
    let unsubscribe = () => {};
    void import('./storage/userLayers').then(async ({ loadUserLayers, saveUserLayer, deleteUserLayer, loadReport, onLoadReport, onOtherTab, OPEN_TIMEOUT_MS }) => {
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
      // Layers stored before styles existed have none (one colour); a damaged style is dropped,
      // and with it the legend classes switched off.
      if (stored.length > 0)
        useAppStore.getState().restoreUserLayers(
          stored.map(({ style, hiddenClasses, ...l }) => {
            const valid = validStyle(style);
            const hidden = valid && Array.isArray(hiddenClasses) ? hiddenClasses.filter((k): k is string => typeof k === 'string') : [];
            return { ...l, ...(valid ? { style: valid } : {}), ...(hidden.length > 0 ? { hiddenClasses: hidden } : {}) };
          }),
        );
      let warned = false;
      // features: false when only the name, colour, switch or style changed (the small record)
      const save = (l: UserLayer, features = true) =>
        void saveUserLayer(l, features).then((ok) => {
          if (ok || warned) return;
          warned = true;
          const st = useAppStore.getState();
          st.notify('warning', tByKey('storage.unavailable'));
        });
      // layers imported before the stored ones were read
      const storedIds = new Set(stored.map((l) => l.id));
      let prev = useAppStore.getState().userLayers;
      for (const l of prev) if (!storedIds.has(l.id)) save(l);
      let fromOtherTab = false;
      const stopStore = useAppStore.subscribe((s) => {
        if (s.userLayers === prev) return;
        if (fromOtherTab) {
          prev = s.userLayers; // stored already, by the other tab
          return;
        }
        const before = new Map(prev.map((l) => [l.id, l]));
        for (const l of s.userLayers) {
          const was = before.get(l.id);
          if (was !== l) save(l, was?.features !== l.features);
          before.delete(l.id);
        }
        for (const id of before.keys()) void deleteUserLayer(id);
        prev = s.userLayers;
      });
      const stopTabs = onOtherTab((id, layer) => {
        if (stopped) return;
        fromOtherTab = true;
        try {
          useAppStore.getState().takeOtherTabLayer(id, layer);
        } finally {
          fromOtherTab = false;
        }
      });
      unsubscribe = () => {
        stopStore();
        stopTabs();
        stopReport();
      };
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, []);
}
