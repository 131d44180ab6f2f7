import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-sc/400.css';
import './ui/app.css';
import './ui/themes.css';
import './ui/print.css';
import { initI18n } from './i18n';
import { useAppStore } from './app/store';
import { App } from './app/App';
import { decodeUrlState } from './app/url';
import { whenFirstViewSettled } from './pwa/schedule';

// The map's starting view and the language come from the link before anything draws; the
// rest of the URL (filters, selection) is checked against the data once it has loaded
// (app/useUrlSync.ts), which also reports what was broken.
{
  const early = decodeUrlState(window.location.hash, { itemIds: new Set(), regionCodes: new Set(), defaultLang: useAppStore.getState().lang });
  const story = /(?:^#|&)story=([^&]*)/.exec(window.location.hash)?.[1] ?? null;
  useAppStore.setState({ view: early.state.view, lang: early.state.lang, basemap: early.state.basemap, storyLinkParam: story });
}
const i18n = initI18n(useAppStore.getState().lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline and installable (src/pwa/): registered from a chunk of its own once the base map has
// drawn, so neither its code nor its precache download slows the first view. The update offer
// must not interrupt a talk, so it is told whether a presentation is on screen.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  whenFirstViewSettled(
    () => useAppStore.getState().baseMapDrawn || useAppStore.getState().mapStatus.state === 'failed',
    (onChange) => useAppStore.subscribe(onChange),
    () =>
      void import('./pwa/register').then(({ registerServiceWorker }) =>
        registerServiceWorker({
          i18n,
          presenting: {
            get: () => useAppStore.getState().presenting,
            subscribe: (onChange) => useAppStore.subscribe((s, prev) => s.presenting !== prev.presenting && onChange()),
          },
        }),
      ),
  );
}
