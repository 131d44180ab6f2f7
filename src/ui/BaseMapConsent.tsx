/**
 * The question a link's online base map waits on (src/app/baseMapConsent.ts): what it would load
 * and from which servers, with "load" and "don't load". Nothing is requested from those servers
 * before the person answers "load". Host names are shown as text.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { answerBaseMapConsent } from '../app/baseMapConsent';
import { baseMapHosts } from '../map/basemap/online';
import { boundedMessage } from '../i18n/bounded';
import './consent.css';

export function BaseMapConsent() {
  const { t } = useTranslation();
  const pending = useAppStore((s) => s.pendingBaseMap);
  const [remember, setRemember] = useState(true);
  if (!pending || pending.kind === 'embedded') return null;
  const hosts = baseMapHosts(pending);
  return (
    <section className="consent-card" role="dialog" aria-modal="false" aria-labelledby="consent-heading" data-testid="basemap-consent">
      <h2 id="consent-heading">{t('consent.heading')}</h2>
      <p>{t('consent.what', { name: t(`basemap.kinds.${pending.kind}`) })}</p>
      <ul className="consent-hosts" data-testid="consent-hosts">
        {hosts.map((h) => (
          <li key={h}>
            <code>{boundedMessage(h, 120)}</code>
          </li>
        ))}
      </ul>
      {pending.kind === 'style' && (
        <p className="fine-print">
          <code className="consent-url">{boundedMessage(pending.url, 200)}</code>
          <br />
          {t('consent.styleHosts')}
        </p>
      )}
      <label className="inline-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="consent-remember" />
        {t('consent.remember')}
      </label>
      <div className="detail-actions">
        <button type="button" className="button button-primary" onClick={() => answerBaseMapConsent('allow', remember)} data-testid="consent-allow">
          {t('consent.allow')}
        </button>
        <button type="button" className="button" onClick={() => answerBaseMapConsent('deny', remember)} data-testid="consent-deny">
          {t('consent.deny')}
        </button>
      </div>
    </section>
  );
}
