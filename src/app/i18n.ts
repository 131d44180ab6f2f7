/**
 * i18next for the app: started with the one language the page opens in (its strings are a chunk
 * of their own, ../i18n/locales/), the other loaded when the person switches or when a bilingual
 * export needs both.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadStrings, type Language } from '../i18n/language';

const loaded = new Set<Language>();

/** Make sure these languages' strings are in i18next (merged under any texts added earlier). */
export async function ensureLanguages(langs: readonly Language[]): Promise<void> {
  await Promise.all(
    langs
      .filter((l) => !loaded.has(l))
      .map(async (l) => {
        const strings = await loadStrings(l);
        // deep, no overwrite: texts a panel added before (the import messages) stay
        i18next.addResourceBundle(l, 'translation', strings, true, false);
        loaded.add(l);
      }),
  );
}

export async function initI18n(lng: Language): Promise<typeof i18next> {
  const strings = await loadStrings(lng);
  loaded.add(lng);
  await i18next.use(initReactI18next).init({
    resources: { [lng]: { translation: strings } },
    lng,
    fallbackLng: false,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

let wanted: Language | null = null;

/** Show the app in a language, loading its strings first. */
export async function switchLanguage(lng: Language): Promise<void> {
  wanted = lng;
  await ensureLanguages([lng]);
  // a switch made while these strings were loading is the one the person wants (links opened
  // one after another, a quick double click): a late load must not turn the app back
  if (wanted !== lng) return;
  if (i18next.language !== lng) await i18next.changeLanguage(lng);
}

export { i18next };

/**
 * t() for keys built at run time (an import issue's code, a storage problem's kind): they are
 * checked by the tests that word every code, not by the type of `t`.
 */
export function tByKey(key: string, options?: Record<string, unknown>): string {
  return (i18next.t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}
