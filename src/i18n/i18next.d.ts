/**
 * t() keys are typed: a key that is not in the strings (./locales/zh.ts, which every language
 * matches) is a type error. Keys built at run time from data (import messages, a theme id)
 * say so where they are built.
 */
import type { Strings } from './locales/zh';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Strings };
  }
}
