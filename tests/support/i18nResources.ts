/** Both languages' strings as one i18next resource set, for tests that word messages in either. */
import { zh } from '../../src/i18n/locales/zh';
import { en } from '../../src/i18n/locales/en';

export const resources = { zh: { translation: zh }, en: { translation: en } } as const;
