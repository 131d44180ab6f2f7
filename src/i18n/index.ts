import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, type Language } from './resources';

/** The browser's preferred language among ours (zh for any Chinese variant, otherwise en). */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function initI18n(lng: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export { i18next };
