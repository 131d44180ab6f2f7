import { useTranslation } from 'react-i18next';
import type { MapStatus } from '../app/store';

/** What the page says when the map cannot draw: never a blank screen. */
export function MapMessage({ status }: { status: MapStatus }) {
  const { t } = useTranslation();
  if (status.state === 'ready') return null;
  if (status.state === 'loading') {
    return (
      <div className="map-message map-message--loading" role="status" aria-live="polite">
        {t('map.loading')}
      </div>
    );
  }
  const noWebgl = status.kind === 'no-webgl';
  return (
    <div className="map-message map-message--failed" role="alert" data-testid="map-failure">
      <h2>{noWebgl ? t('map.noWebglTitle') : t('map.failedTitle')}</h2>
      <p>{noWebgl ? t('map.noWebglBody') : t('map.failedBody', { reason: status.reason })}</p>
      <details>
        <summary>{t('map.technical')}</summary>
        <code>{status.reason}</code>
      </details>
    </div>
  );
}
