/**
 * Mirror the shareable state in the URL hash (`#map=zoom/lat/lon&…`, see ../model/url.ts).
 * On start (once the data is loaded, so ids and region codes can be checked) the hash is
 * decoded into the store; broken parts fall back to defaults with a notice. After that every
 * change of the state replaces the hash (no history entry per pan), and a hash edited by hand
 * or a link opened in the same tab (hashchange) is applied again.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeUrlState, encodeUrlState } from '../model/url';
import { urlStateOf, useAppStore } from './store';
import { boundedList } from '../i18n/bounded';

export function useUrlSync(): void {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const started = useRef(false);

  useEffect(() => {
    if (data.state !== 'ready' || started.current) return;
    started.current = true;
    const ctx = {
      itemIds: new Set(data.items.map((i) => i.properties.id)),
      regionCodes: new Set(data.regions.keys()),
      defaultLang: useAppStore.getState().lang,
    };
    const apply = () => {
      const { state, problems } = decodeUrlState(window.location.hash, ctx);
      useAppStore.getState().applyUrlState(state);
      if (state.selected) useAppStore.setState({ sidebarOpen: useAppStore.getState().sidebarOpen });
      if (problems.length > 0) {
        const parts = boundedList([...new Set(problems.map((p) => p.param))], (n) => t('app.andMore', { n }));
        useAppStore.getState().notify('warning', t('url.fallback', { parts }));
        writeHash();
      }
    };
    const writeHash = () => {
      const hash = encodeUrlState(urlStateOf(useAppStore.getState()));
      const next = hash ? `#${hash}` : ' ';
      if (window.location.hash !== (hash ? `#${hash}` : '')) {
        window.history.replaceState(window.history.state, '', next === ' ' ? window.location.pathname + window.location.search : next);
      }
    };
    apply();
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.view !== prev.view || s.filters !== prev.filters || s.basemap !== prev.basemap || s.selected !== prev.selected || s.lang !== prev.lang || s.drawnAreas !== prev.drawnAreas || s.baseMapSource !== prev.baseMapSource) {
        writeHash();
      }
    });
    const onHashChange = () => apply();
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [data, t]);
}
