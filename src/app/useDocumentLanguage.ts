import { useEffect } from 'react';
import { useAppStore } from './store';
import { switchLanguage } from './i18n';

/** The page follows the chosen language: its texts, `<html lang>` (for screen readers and fonts) and its title. */
export function useDocumentLanguage(): void {
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    void switchLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '京津冀协同发展地图 · JJJ Atlas' : 'JJJ Atlas · 京津冀协同发展地图';
  }, [lang]);
}
