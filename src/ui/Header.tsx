import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { SearchBox } from './SearchBox';

export function Header() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const sidebarOpen = useAppStore((s) => s.sidebarOpen);
  const setSidebarOpen = useAppStore((s) => s.setSidebarOpen);
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <header className="app-header">
      <button
        type="button"
        className="icon-button sidebar-toggle"
        aria-expanded={sidebarOpen}
        aria-label={t('app.toggleSidebar')}
        onClick={() => setSidebarOpen(!sidebarOpen)}
        data-testid="sidebar-toggle"
      >
        ☰
      </button>
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      <SearchBox />
      <button type="button" className="lang-switch" lang={other === 'zh' ? 'zh-CN' : 'en'} aria-label={`${t('app.switchLanguage')} — ${t('app.switchLanguageLabel')}`} onClick={() => setLang(other)} data-testid="lang-switch">
        {t('app.switchLanguage')}
      </button>
    </header>
  );
}
