/**
 * Register the service worker (built by vite-plugin-pwa, see scripts/pwa.ts) and, when a new
 * version has been deployed and installed, offer to switch to it.
 *
 * Loaded with a dynamic import once the base map has drawn (./schedule.ts), so neither
 * workbox-window nor the prompt weighs on the first map frame. The new worker waits until the person asks: it takes
 * over (SKIP_WAITING) and the page reloads only on their click, and the offer stays hidden
 * while a presentation runs, so a talk is never interrupted.
 */
import { Workbox } from 'workbox-window';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { UpdatePrompt, type Translator } from './UpdatePrompt';
import type { PresentingSource } from './presenting';
import { pwaStrings } from '../i18n/pwa';

export interface RegisterOptions {
  presenting: PresentingSource;
  i18n: Translator;
}

export function registerServiceWorker({ presenting, i18n }: RegisterOptions): Workbox {
  // The worker sits at the app's root (next to index.html), wherever that is on the host.
  const base = new URL(import.meta.env.BASE_URL, document.baseURI);
  const wb = new Workbox(new URL('sw.js', base).href, { scope: base.pathname });

  for (const [lng, strings] of Object.entries(pwaStrings)) i18n.addResourceBundle(lng, 'translation', { pwa: strings }, true, false);

  let mounted = false;
  const offer = () => {
    if (mounted) return;
    mounted = true;
    const host = document.createElement('div');
    host.className = 'pwa-update-host';
    document.body.append(host);
    const root = createRoot(host);
    const dismiss = () => {
      root.unmount();
      host.remove();
      mounted = false;
    };
    const accept = async () => {
      // Reload once the new worker controls the page, so the new shell comes from it. If
      // another tab has switched already, nothing is waiting any more: just reload.
      const registration = await navigator.serviceWorker.getRegistration(base.href);
      if (!registration?.waiting) return window.location.reload();
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    };
    root.render(createElement(UpdatePrompt, { presenting, i18n, onReload: () => void accept(), onLater: dismiss }));
  };
  wb.addEventListener('waiting', offer);
  void wb.register().catch((e: unknown) => {
    // Without a worker the app still works online; there is nothing a person can do about it.
    console.warn('Service worker registration failed', e);
  });
  return wb;
}
