/**
 * Run a task once the page has loaded and the first view is on screen, when the browser has a
 * moment: the service worker's install downloads the whole precache (megabytes) and must not
 * compete with the base map's own data, fonts and worker for the network and the two cores of
 * a presenter's laptop. Tiny on purpose: it is part of the first frame's JavaScript.
 */
export function whenFirstViewSettled(settled: () => boolean, subscribe: (onChange: () => void) => () => void, task: () => void): void {
  let started = false;
  let unsubscribe: () => void = () => {};
  const check = () => {
    if (started || document.readyState !== 'complete' || !settled()) return;
    started = true;
    unsubscribe();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5000 });
    else setTimeout(task, 500);
  };
  unsubscribe = subscribe(check);
  window.addEventListener('load', check, { once: true });
  check();
}
