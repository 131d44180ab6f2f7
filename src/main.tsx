import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-sc/400.css';
import './ui/app.css';
import { initI18n } from './i18n';
import { useAppStore } from './app/store';
import { App } from './app/App';

initI18n(useAppStore.getState().lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
