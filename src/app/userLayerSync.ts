/**
 * Applying another tab's change to a user layer (./storage/crossTab.ts says which): the layer is
 * read back from IndexedDB and put in the store as it is stored, or dropped when it was deleted.
 * What is read this way is marked, so the persistence in ./useUserLayers.ts does not store it
 * again and tell the other tabs once more.
 */
import { useAppStore } from './store';
import type { UserLayer } from '../model/userLayer';
import { validStyle } from '../model/userLayerStyle';
import { markDeletedByOtherTab, markFromOtherTab, type CrossTabMessage } from './storage/crossTab';

/**
 * A stored layer as the app shows it: layers stored before styles existed have none (one
 * colour); a damaged style is dropped, and with it the legend classes switched off.
 */
export function fromStorage({ style, hiddenClasses, ...l }: UserLayer): UserLayer {
  const valid = validStyle(style);
  const hidden = valid && Array.isArray(hiddenClasses) ? hiddenClasses.filter((k): k is string => typeof k === 'string') : [];
  return { ...l, ...(valid ? { style: valid } : {}), ...(hidden.length > 0 ? { hiddenClasses: hidden } : {}) };
}

type LoadOne = (only: { id: string; features: boolean }) => Promise<UserLayer[]>;

export async function applyOtherTabChange(m: CrossTabMessage, load: LoadOne): Promise<void> {
  const local = () => useAppStore.getState().userLayers.find((l) => l.id === m.id);
  if (m.kind === 'layer-deleted') {
    if (!local()) return;
    markDeletedByOtherTab(m.id);
    useAppStore.getState().removeUserLayer(m.id);
    return;
  }
  // features unchanged and already here: only the small record is read, the features are kept
  const features = m.features || !local();
  const [stored] = await load({ id: m.id, features });
  if (!stored) return; // deleted or being written again meanwhile: a later message follows
  const now = local();
  if (!features && !now) return; // deleted here meanwhile
  const layer = fromStorage(!m.features && now ? { ...stored, features: now.features } : stored);
  markFromOtherTab(layer);
  useAppStore.getState().syncUserLayer(layer);
}
