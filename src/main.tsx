import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-sc/400.css';
import './ui/app.css';
import './ui/themes.css';
import './ui/print.css';
import { initI18n, tByKey } from './app/i18n';
import { linkPanel, useAppStore } from './app/store';
import { App } from './App';
import { readOpeningLink } from './app/useUrlSync';
import { whenFirstViewSettled } from './pwa/schedule';
import { checkStoredTileLayers } from './app/storage/schema';
import { tileLayerNotice } from './i18n/storageMessages';

// The map's starting view, the language and the side panel's tab come from the link before
// anything draws; the rest of the URL (filters, selection) is checked against the data once it
// has loaded (app/useUrlSync.ts), which also reports what was broken. Opened on the layers tab
// until then, a link to the data tab switched tabs 2–3 s into the start, and the person's
// restored layers were listed only then.
{
  const link = readOpeningLink(useAppStore.getState().lang);
  const s = useAppStore.getState();
  useAppStore.setState({ view: link.view, lang: link.lang, basemap: link.basemap, storyLinkParam: link.story ?? null, ...linkPanel(link, s.sidebarOpen) });
}
// Only the language the page opens in is loaded before the first frame.
const ready = initI18n(useAppStore.getState().lang);

// Tile layers restored from localStorage pass a schema (a text name, an https URL, a known kind,
// ...) before anything renders or fetches them; the others are removed and named once.
{
  const restored = useAppStore.getState().tileLayers;
  const { valid, setAside } = checkStoredTileLayers(restored);
  if (setAside.length > 0) {
    const ok = new Set(valid.map((l) => l.id));
    for (const l of restored) if (!ok.has(l.id)) useAppStore.getState().removeTileLayer(l.id);
    void ready.then(() => {
      const n = tileLayerNotice(setAside, tByKey);
      if (n) useAppStore.getState().notify(n.kind, n.text);
    });
  }
}

void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

// Offline and installable (src/pwa/): registered from a chunk of its own once the base map has
// drawn, so neither its code nor its precache download slows the first view. The update offer
// must not interrupt a talk, so it is told whether a presentation is on screen.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  whenFirstViewSettled(
    () => useAppStore.getState().baseMapDrawn || useAppStore.getState().mapStatus.state === 'failed',
    (onChange) => useAppStore.subscribe(onChange),
    () =>
      void Promise.all([import('./pwa/register'), ready]).then(([{ registerServiceWorker }, i18n]) =>
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
