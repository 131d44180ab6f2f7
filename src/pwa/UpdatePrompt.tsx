/**
 * "A new version is available": a small card in a corner, announced politely to screen
 * readers, never modal. Hidden while a presentation runs (it comes back when the talk ends);
 * the page reloads only when the person presses the button.
 */
import { useSyncExternalStore } from 'react';
import type { i18n as I18n } from 'i18next';
import type { PresentingSource } from './presenting';
import './pwa.css';

/** The app's i18next instance, handed in rather than imported so this lazy chunk shares no module with the entry. */
export type Translator = Pick<I18n, 't' | 'on' | 'off' | 'language' | 'addResourceBundle'>;

export interface UpdatePromptProps {
  presenting: PresentingSource;
  i18n: Translator;
  onReload: () => void;
  onLater: () => void;
}

function useLanguage(i18n: Translator): string {
  return useSyncExternalStore(
    (onChange) => {
      i18n.on('languageChanged', onChange);
      return () => i18n.off('languageChanged', onChange);
    },
    () => i18n.language,
  );
}

export function UpdatePrompt({ presenting, i18n, onReload, onLater }: UpdatePromptProps) {
  useLanguage(i18n); // re-render in the new language
  // the note's strings are added by this chunk (../i18n/pwa.ts), outside the app's typed strings
  const t = (key: string): string => (i18n.t as unknown as (k: string) => string)(key);
  const isPresenting = useSyncExternalStore(presenting.subscribe, presenting.get);
  if (isPresenting) return null;
  return (
    <div className="pwa-update" role="status" aria-live="polite" data-testid="pwa-update">
      <span className="pwa-update-text">{t('pwa.updateAvailable')}</span>
      <button type="button" className="pwa-update-reload" onClick={onReload} data-testid="pwa-update-reload">
        {t('pwa.reload')}
      </button>
      <button type="button" className="pwa-update-later" onClick={onLater} aria-label={t('pwa.laterLabel')}>
        {t('pwa.later')}
      </button>
    </div>
  );
}
