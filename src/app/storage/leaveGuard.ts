/**
 * While a layer is being saved, leaving the page asks first. A new layer's features are written
 * after the page has drawn it (seconds for a big file); a person who closes or reloads the tab
 * in that time would lose the layer, and the next start could only say so. The browser's own
 * "leave this site?" prompt lets them stay until the save is done. Browsers show it only after
 * the person has used the page, which every import requires.
 */
let saving = 0;

function askFirst(e: BeforeUnloadEvent): void {
  e.preventDefault();
}

/** Hold the prompt until the returned release is called (once per save; extra calls do nothing). */
export function askBeforeLeaving(): () => void {
  if (typeof window === 'undefined') return () => {};
  if (saving++ === 0) window.addEventListener('beforeunload', askFirst);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--saving === 0) window.removeEventListener('beforeunload', askFirst);
  };
}
