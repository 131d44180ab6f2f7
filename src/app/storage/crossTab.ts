/**
 * Tabs of the app in one browser stay in step over a BroadcastChannel (same origin only). A tab
 * that has stored a user layer, or deleted one, says so — `{ kind, id }`, never the data — and
 * the other tabs read that layer back from IndexedDB (./userLayers.ts). Reading storage rather
 * than taking data from the message means a tab only ever shows what is stored now, so it
 * cannot bring back an older copy over a newer one; and a tab does not write back what it
 * read (`fromOtherTab`), so a change is not echoed from tab to tab.
 *
 * The story the person edits lives in localStorage, whose own `storage` event reaches the other
 * tabs (./storyStore.ts); it needs no message here.
 *
 * Without BroadcastChannel (old browsers) every function does nothing: tabs then see each
 * other's changes on reload, as before.
 */

export type CrossTabMessage =
  /** stored completely; `features` false when only the name, colour, switch or style changed */
  | { kind: 'layer-saved'; id: string; features: boolean }
  | { kind: 'layer-deleted'; id: string };

const CHANNEL = 'jjj-atlas:user-layers';

let channel: BroadcastChannel | null | undefined;
function theChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    try {
      channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    } catch {
      channel = null;
    }
  }
  return channel;
}

/** A message from another tab, checked (it is only ever ours, but a shape we do not know is ignored). */
function asMessage(data: unknown): CrossTabMessage | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (typeof m.id !== 'string' || m.id.length === 0 || m.id.length > 200) return null;
  if (m.kind === 'layer-deleted') return { kind: 'layer-deleted', id: m.id };
  if (m.kind === 'layer-saved' && typeof m.features === 'boolean') return { kind: 'layer-saved', id: m.id, features: m.features };
  return null;
}

/** Tell the other tabs (after the change is in storage). */
export function tellOtherTabs(message: CrossTabMessage): void {
  try {
    theChannel()?.postMessage(message);
  } catch {
    // the channel is closed (the page is going away): the other tabs read storage on reload
  }
}

/**
 * Be told of the other tabs' changes, one at a time in the order they were sent (a deletion
 * that follows a save is applied after the save's read, so the read cannot bring the layer
 * back). Returns the unsubscribe.
 */
export function followOtherTabs(apply: (message: CrossTabMessage) => Promise<void>): () => void {
  const c = theChannel();
  if (!c) return () => {};
  let queue = Promise.resolve();
  const onMessage = (e: MessageEvent) => {
    const m = asMessage(e.data);
    if (m) queue = queue.then(() => apply(m)).catch(() => {});
  };
  c.addEventListener('message', onMessage);
  return () => c.removeEventListener('message', onMessage);
}

/** Layers as read after another tab's change: the same object is not stored again by this tab. */
const readFromOtherTab = new WeakSet<object>();
/** Layers another tab deleted: this tab has nothing to delete in storage. */
const deletedByOtherTab = new Set<string>();

export function markFromOtherTab(layer: object): void {
  readFromOtherTab.add(layer);
}
export function fromOtherTab(layer: object): boolean {
  return readFromOtherTab.has(layer);
}
export function markDeletedByOtherTab(id: string): void {
  deletedByOtherTab.add(id);
}
/** True once for a layer another tab deleted (then forgotten: an id is not reused). */
export function takeDeletedByOtherTab(id: string): boolean {
  return deletedByOtherTab.delete(id);
}
