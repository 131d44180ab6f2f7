/**
 * The app's languages. Each language's strings are a file of their own (./locales/), loaded on
 * demand, so that the first frame carries only the language it shows.
 */
import type { Strings } from './locales/zh';

export type Language = 'zh' | 'en';
export const LANGUAGES: Language[] = ['zh', 'en'];

/** The browser's preferred language among ours (zh for any Chinese variant, otherwise en). */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** One language's strings (a separate chunk each). */
export async function loadStrings(lang: Language): Promise<Strings> {
  return lang === 'zh' ? (await import('./locales/zh')).zh : (await import('./locales/en')).en;
}

/** A record's text in a language: `name_zh` / `name_en`, `title_zh` / `title_en` and the like. */
export function localized<K extends string, R extends Record<`${K}_zh` | `${K}_en`, string>>(record: R, key: K, lang: Language): string {
  return record[`${key}_${lang}`];
}
