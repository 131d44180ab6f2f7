import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { boundedMessage } from '../i18n/bounded';

/** Short messages (a link that could not be fully restored, data that failed to load, …). */
export function Notices() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          {/* a notice can echo a link's text: cleaned of bidi overrides and cut, whatever made it */}
          <span>
            {boundedMessage(n.text)}
            {n.detail && (
              <details className="notice-detail">
                <summary>{t('map.technical')}</summary>
                <code>{boundedMessage(n.detail, 400)}</code>
              </details>
            )}
          </span>
          <button type="button" className="icon-button" onClick={() => dismiss(n.id)} aria-label={t('app.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
