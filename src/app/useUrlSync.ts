/**
 * Mirror the shareable state in the URL hash (`#map=zoom/lat/lon&…`, see ../model/url.ts).
 * The link the page opens with is decoded once, before anything draws (readOpeningLink: the
 * view, language and base map are needed for the first frame, and the side panel opens on the
 * link's tab); once the data has loaded, its
 * selection and regions are checked against the data and the whole state goes into the store;
 * broken parts fall back to defaults with a notice. After that every
 * change of the state replaces the hash (no history entry per pan), and a hash edited by hand
 * or a link opened in the same tab (hashchange) is applied again.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAgainstData, decodeUrlState, encodeUrlState, isUrlParam, type UrlProblem } from '../model/url';
import type { UrlState } from '../model/state';
import type { Language } from '../i18n/language';
import { urlStateChanged, urlStateOf, useAppStore } from './store';
import { boundedList, echo } from '../i18n/bounded';
import { gateLinkBaseMap } from './baseMapConsent';

let opening: { state: UrlState; problems: UrlProblem[] } | null = null;

/** Decode the link the page was opened with (once); its ids and regions are checked when the data has loaded. */
export function readOpeningLink(defaultLang: Language): UrlState {
  opening = decodeUrlState(window.location.hash, { itemIds: null, regionCodes: null, defaultLang });
  return opening.state;
}

export function useUrlSync(): void {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const started = useRef(false);
  // read through a ref: a change of language must not tear down the sync (the effect runs once)
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);

  useEffect(() => {
    if (data.state !== 'ready' || started.current) return;
    started.current = true;
    const ctx = {
      itemIds: new Set(data.items.map((i) => i.properties.id)),
      regionCodes: new Set(data.regions.keys()),
      defaultLang: useAppStore.getState().lang,
    };
    const show = (state: UrlState, problems: UrlProblem[]) => {
      const t = tRef.current;
      // an online base map named by the link waits for the person's consent
      useAppStore.getState().applyUrlState(gateLinkBaseMap(state, problems, t));
      if (state.selected) useAppStore.setState({ sidebarOpen: useAppStore.getState().sidebarOpen });
      if (problems.length > 0) {
        // each broken parameter once, named as a person knows it, with the value that broke it
        const first = new Map<string, UrlProblem>();
        for (const p of problems) if (!first.has(p.param)) first.set(p.param, p);
        const named = [...first.values()].map((p) => (isUrlParam(p.param) ? t('url.part', { label: t(`url.parts.${p.param}`), param: p.param, value: echo(p.value, 40) }) : p.param));
        const parts = boundedList(named, (n) => t('app.andMore', { n }));
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
    const first = opening ?? decodeUrlState(window.location.hash, { ...ctx, itemIds: null, regionCodes: null });
    opening = null;
    const checked = checkAgainstData(first.state, ctx);
    show(checked.state, [...first.problems, ...checked.problems]);
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (urlStateChanged(s, prev)) writeHash();
    });
    // a link opened in the same tab is a new link: decoded once, with the data at hand
    const onHashChange = () => {
      const { state, problems } = decodeUrlState(window.location.hash, ctx);
      show(state, problems);
      // the map took the opening link's view when it was made; a later link moves it
      if (state.view) useAppStore.getState().jumpToView(state.view);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [data]);
}
