/**
 * Consent before a link contacts a third party: a link (opened, or pasted into the same tab)
 * that names an online base map does not load it. The base map waits as `pendingBaseMap` until
 * the person agrees in the prompt (src/ui/BaseMapConsent.tsx) — unless they already allowed every
 * host it loads from. A host they refused before is not asked again: the link's base map is
 * dropped with a notice. Choosing a base map in the app's own chooser is the person's act, not a
 * link's, and is not gated.
 */
import type { TFunction } from 'i18next';
import type { UrlState } from '../model/state';
import type { UrlProblem } from '../model/url';
import { baseMapHosts } from '../map/basemap/online';
import { choiceForHosts, rememberHostChoice, type HostChoice } from './storage/consent';
import { useAppStore } from './store';

/** The link's state without its online base map unless the person has allowed its hosts. */
export function gateLinkBaseMap(state: UrlState, problems: readonly UrlProblem[], t: TFunction): UrlState {
  const st = useAppStore.getState();
  // an http:// style is refused by the link's decoder; say why, not only "reset"
  for (const p of problems) {
    if (p.param === 'bm' && /^style:http:/i.test(p.value)) st.notify('warning', t('consent.insecure', { url: p.value.slice('style:'.length, 'style:'.length + 100) }));
  }
  const source = state.source;
  st.setPendingBaseMap(null);
  if (!source || source.kind === 'embedded') return state;
  // already shown (the person chose it): a link naming it again asks nothing new
  const shown = st.baseMapSource;
  if (shown.kind === source.kind && (shown.kind !== 'style' || (source.kind === 'style' && shown.url === source.url))) return state;
  const hosts = baseMapHosts(source);
  const choice = choiceForHosts(hosts);
  if (choice === 'allow') return state;
  const { source: _asked, ...rest } = state;
  if (choice === 'deny') st.notify('info', t('consent.denied', { hosts: hosts.join(', ') }));
  else st.setPendingBaseMap(source);
  return rest;
}

/** The person's answer to the prompt: load (or not) the pending base map, remembered per host if asked. */
export function answerBaseMapConsent(choice: HostChoice, remember: boolean): void {
  const st = useAppStore.getState();
  const source = st.pendingBaseMap;
  if (!source) return;
  if (remember) rememberHostChoice(baseMapHosts(source), choice);
  st.setPendingBaseMap(null);
  if (choice === 'allow') st.setBaseMapSource(source);
}
