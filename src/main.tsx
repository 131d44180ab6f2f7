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
import { checkStoredTileLayers } from './data/userLayers/schema';
import { tileLayerNotice } from './i18n/storageMessages';

// The map's starting view and the language come from the link before anything draws; the
// rest of the URL (filters, selection) is checked against the data once it has loaded
// (app/useUrlSync.ts), which also reports what was broken.
{
  const early = decodeUrlState(window.location.hash, { itemIds: new Set(), regionCodes: new Set(), defaultLang: useAppStore.getState().lang });
  const story = /(?:^#|&)story=([^&]*)/.exec(window.location.hash)?.[1] ?? null;
  useAppStore.setState({ view: early.state.view, lang: early.state.lang, basemap: early.state.basemap, storyLinkParam: story });
}
const i18n = initI18n(useAppStore.getState().lang);

// Tile layers restored from localStorage pass a schema (a text name, an https URL, a known kind,
// ...) before anything renders or fetches them; the others are removed and named once.
{
  const restored = useAppStore.getState().tileLayers;
  const { valid, setAside } = checkStoredTileLayers(restored);
  if (setAside.length > 0) {
    const ok = new Set(valid.map((l) => l.id));
    for (const l of restored) if (!ok.has(l.id)) useAppStore.getState().removeTileLayer(l.id);
    const tell = () => {
      const n = tileLayerNotice(setAside, (k, o) => i18n.t(k, o));
      if (n) useAppStore.getState().notify(n.kind, n.text);
    };
    if (i18n.isInitialized) tell();
    else i18n.on('initialized', tell);
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
