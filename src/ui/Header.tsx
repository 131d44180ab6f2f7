import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';

export function Header() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <button type="button" className="lang-switch" lang={other === 'zh' ? 'zh-CN' : 'en'} aria-label={t('app.switchLanguageLabel')} onClick={() => setLang(other)}>
        {t('app.switchLanguage')}
      </button>
    </header>
  );
}
