import { describe, expect, it } from 'vitest';
import { i18next, initI18n, switchLanguage } from '../../../src/app/i18n';

describe('switchLanguage', () => {
  it('ends in the language asked for last, even when an earlier one was still loading', async () => {
    await initI18n('zh');
    // English is not loaded yet: its strings arrive after the switch back to Chinese was made
    const toEnglish = switchLanguage('en');
    const backToChinese = switchLanguage('zh');
    await Promise.all([toEnglish, backToChinese]);
    expect(i18next.language).toBe('zh');
    expect(i18next.t('app.switchLanguage')).toBe('English');
    // and once loaded, switching works as before
    await switchLanguage('en');
    expect(i18next.language).toBe('en');
    expect(i18next.t('app.switchLanguage')).toBe('中文');
  });
});
