/**
 * "Save as HTML" (另存为 HTML): the map as it is now, as one file that opens anywhere. The export
 * code and the viewer template load on the click (../app/savedHtml.ts), not with the app.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { usePlan } from '../app/planContext';
import { PanelSection } from './PanelSection';

type Status = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; name: string; size: string } | { state: 'failed'; reason: string };

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function SaveHtmlSection() {
  const plan = usePlan();
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const save = () => {
    setStatus({ state: 'saving' });
    import('../app/savedHtml')
      .then(({ saveMapAsHtml }) => saveMapAsHtml(plan, useAppStore.getState(), t))
      .then(({ name, bytes }) => setStatus({ state: 'saved', name, size: sizeText(bytes) }))
      .catch((e: unknown) => setStatus({ state: 'failed', reason: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <PanelSection id="save-html" heading={t('savedHtml.heading')} hint={t('savedHtml.hint')}>
      <div className="tool-buttons">
        <button type="button" className="button" onClick={save} disabled={status.state === 'saving'} data-testid="save-html">
          {status.state === 'saving' ? t('savedHtml.saving') : t('savedHtml.save')}
        </button>
      </div>
      <p className="fine-print" role="status" data-testid="save-html-status">
        {status.state === 'saved' && t('savedHtml.saved', { name: status.name, size: status.size })}
        {status.state === 'failed' && t('savedHtml.failed', { reason: status.reason })}
      </p>
    </PanelSection>
  );
}
