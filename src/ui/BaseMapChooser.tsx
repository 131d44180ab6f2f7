/**
 * Choose the base map: the embedded offline map (default), OpenStreetMap, Tianditu
 * (with the person's key), AMap (GCJ-02) or any MapLibre style URL. Online choices are opt-in
 * and say so; the app switches back to the embedded map with a notice if one fails
 * (src/app/useBaseMap.ts).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { BASEMAP_KINDS, type BaseMapKind } from '../model/state';
import { isHttpsUrl } from '../model/remoteUrl';

export function BaseMapChooser() {
  const { t } = useTranslation();
  const id = useId();
  const source = useAppStore((s) => s.baseMapSource);
  const status = useAppStore((s) => s.baseMapStatus);
  const storedKey = useAppStore((s) => s.tiandituKey);
  const setSource = useAppStore((s) => s.setBaseMapSource);
  const setKey = useAppStore((s) => s.setTiandituKey);
  // Tianditu and a style URL need an input first: the radio opens it, "Use" switches.
  const [pending, setPending] = useState<BaseMapKind | null>(null);
  const [keyDraft, setKeyDraft] = useState(storedKey);
  const [urlDraft, setUrlDraft] = useState(source.kind === 'style' ? source.url : '');
  const [urlError, setUrlError] = useState(false);
  const checked = pending ?? source.kind;

  const choose = (kind: BaseMapKind) => {
    if (kind === 'tianditu' && !storedKey) return setPending(kind);
    if (kind === 'style') return setPending(kind);
    setPending(null);
    setSource({ kind });
  };
  const applyKey = () => {
    const key = keyDraft.trim();
    if (!key) return;
    setKey(key);
    setPending(null);
    setSource({ kind: 'tianditu' });
  };
  const applyUrl = () => {
    const url = urlDraft.trim();
    if (!isHttpsUrl(url)) return setUrlError(true);
    setUrlError(false);
    setPending(null);
    setSource({ kind: 'style', url });
  };
  const name = (kind: BaseMapKind) => t(`basemap.kinds.${kind}`);

  return (
    <fieldset className="basemap-chooser" data-testid="basemap-chooser">
      <legend className="section-subheading">{t('basemap.heading')}</legend>
      {BASEMAP_KINDS.map((kind) => (
        <div key={kind} className="basemap-option">
          <div className="layer-row">
            <input
              type="radio"
              name={`${id}-basemap`}
              id={`${id}-${kind}`}
              value={kind}
              checked={checked === kind}
              onChange={() => choose(kind)}
              data-testid={`basemap-${kind}`}
            />
            <label htmlFor={`${id}-${kind}`} className="layer-name">
              {name(kind)}
              <span className="fine-print basemap-hint"> · {t(`basemap.hints.${kind}`)}</span>
            </label>
          </div>
          {kind === 'tianditu' && checked === 'tianditu' && (
            <form
              className="basemap-input"
              onSubmit={(e) => {
                e.preventDefault();
                applyKey();
              }}
            >
              <label htmlFor={`${id}-key`} className="fine-print">
                {t('basemap.key')}
              </label>
              <input id={`${id}-key`} type="password" autoComplete="off" value={keyDraft} placeholder={t('basemap.keyPlaceholder')} onChange={(e) => setKeyDraft(e.target.value)} data-testid="basemap-key" />
              <button type="submit" className="button" disabled={!keyDraft.trim()}>
                {t('basemap.use')}
              </button>
              <p className="fine-print">{t('basemap.keySaved')}</p>
            </form>
          )}
          {kind === 'style' && checked === 'style' && (
            <form
              className="basemap-input"
              onSubmit={(e) => {
                e.preventDefault();
                applyUrl();
              }}
            >
              <label htmlFor={`${id}-url`} className="fine-print">
                {t('basemap.styleUrl')}
              </label>
              <input
                id={`${id}-url`}
                type="url"
                inputMode="url"
                value={urlDraft}
                placeholder="https://…/style.json"
                onChange={(e) => setUrlDraft(e.target.value)}
                aria-invalid={urlError}
                aria-describedby={urlError ? `${id}-url-error` : undefined}
                data-testid="basemap-style-url"
              />
              <button type="submit" className="button">
                {t('basemap.use')}
              </button>
              {urlError && (
                <p id={`${id}-url-error`} className="fine-print field-error" role="alert">
                  {t('basemap.invalidUrl')}
                </p>
              )}
            </form>
          )}
        </div>
      ))}
      <p className="fine-print" role="status" data-testid="basemap-status">
        {status.state === 'loading' && t('basemap.loading', { name: name(status.kind) })}
        {status.state === 'ready' && t('basemap.ready', { name: name(status.kind) })}
        {status.state === 'ready' && status.kind === 'amap' && ` ${t('basemap.gcj')}`}
      </p>
      {source.kind !== 'embedded' && <p className="fine-print">{t('basemap.privacy')}</p>}
    </fieldset>
  );
}
