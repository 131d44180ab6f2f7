/**
 * Details of the selected item: names, group and theme, targets, milestones, regions, the exact
 * source sentence(s) from the plan, how precise its location is and where that comes from.
 * Actions: zoom to it, copy a link to it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { PLAN_LAYER_COLORS } from '../model/planColors';
import { cssColor } from '../model/color';
import { localized } from '../i18n/language';
import { withBoundary } from './PanelBoundary';
import { milestoneDateLabel } from '../model/timeline';
import { usePlan } from '../app/planContext';

export const DetailPanel = withBoundary(DetailPanelView, 'detail');

function DetailPanelView() {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  // The copy result belongs to the item it was made for; selecting another item resets it.
  const [copy, setCopy] = useState<{ id: string | null; state: 'copied' | 'failed' } | null>(null);
  const copyState = copy && copy.id === selected ? copy.state : 'idle';
  const heading = useRef<HTMLHeadingElement>(null);
  const item = selected ? plan.items.find((i) => i.properties.id === selected) : undefined;

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [selected]);

  // Distance from Tiananmen (Turf, loaded on first use).
  const [distance, setDistance] = useState<{ id: string; km: number } | null>(null);
  const geometry = selected ? plan.items.find((i) => i.properties.id === selected)?.geometry : null;
  useEffect(() => {
    if (!selected || !geometry) return;
    let cancelled = false;
    void Promise.all([import('../geo/distanceFromCentreKm'), import('../model/analysis')]).then(([{ distanceFromCentreKm }, { TIANANMEN }]) => {
      if (!cancelled) setDistance({ id: selected, km: distanceFromCentreKm(TIANANMEN, geometry) });
    });
    return () => {
      cancelled = true;
    };
  }, [selected, geometry]);

  if (!item) return null;
  const p = item.properties;
  const layer = plan.layerOf(item);
  // A described task drawn through its parts (the three cities and one zone, the three rivers):
  // list them, so the task's panel leads to the places on the map.
  const parts = plan.items.filter((i) => i.properties.parent === p.id);
  const parentItem = p.parent ? plan.items.find((i) => i.properties.id === p.parent) : undefined;
  const primary = localized(p, 'name', lang);
  const secondary = lang === 'zh' ? p.name_en : p.name_zh;
  const regionLabel = (code: string) => {
    const r = plan.regions.get(code);
    return r ? localized(r, 'name', lang) : code;
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopy({ id: selected, state: 'copied' });
    } catch {
      setCopy({ id: selected, state: 'failed' });
    }
  };

  return (
    <aside className="detail-panel" aria-labelledby="detail-title" data-testid="detail-panel">
      <div className="detail-header" style={{ borderColor: cssColor(PLAN_LAYER_COLORS[layer]) }}>
        <h2 id="detail-title" ref={heading} tabIndex={-1}>
          {primary}
        </h2>
        <p className="detail-secondary" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
          {secondary}
        </p>
        <button type="button" className="icon-button detail-close" onClick={() => select(null)} aria-label={t('detail.close')}>
          ×
        </button>
      </div>
      <div className="detail-body">
        <dl className="detail-facts">
          <dt>{t('detail.group')}</dt>
          <dd>
            <span className="swatch" aria-hidden="true" style={{ background: cssColor(PLAN_LAYER_COLORS[layer]) }} /> {p.group} · {t(`groups.g${p.group}`)}
            {p.theme && ` · ${t(`themes.${p.theme}`)}`}
          </dd>
          <dt>{t('detail.kind')}</dt>
          <dd>{t(`kinds.${p.kind}`)}</dd>
          {p.targets.length > 0 && (
            <>
              <dt>{t('detail.targets')}</dt>
              <dd>
                <ul>
                  {p.targets.map((x, i) => (
                    <li key={i}>
                      <strong>{x.value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</strong> {localized(x, 'unit', lang)} — {localized(x, 'label', lang)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {p.milestones.length > 0 && (
            <>
              <dt>{t('detail.milestones')}</dt>
              <dd>
                <ul>
                  {p.milestones.map((m, i) => (
                    <li key={i}>
                      <time dateTime={milestoneDateLabel(m)}>{milestoneDateLabel(m)}</time> — {localized(m, 'label', lang)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {parts.length > 0 && (
            <>
              <dt>{t('detail.parts')}</dt>
              <dd>
                <ul data-testid="detail-parts">
                  {parts.map((x) => (
                    <li key={x.properties.id} data-part={x.properties.id} data-located={String(x.geometry !== null)}>
                      <button type="button" className="link-button" onClick={() => select(x.properties.id, { fly: true })}>
                        {lang === 'zh' ? x.properties.name_zh : x.properties.name_en}
                      </button>
                      {x.geometry === null && <span className="fine-print"> ({t('precision.region-only')})</span>}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {parentItem && (
            <>
              <dt>{t('detail.partOf')}</dt>
              <dd>
                <button type="button" className="link-button" onClick={() => select(parentItem.properties.id)}>
                  {lang === 'zh' ? parentItem.properties.name_zh : parentItem.properties.name_en}
                </button>
              </dd>
            </>
          )}
          <dt>{t('detail.regions')}</dt>
          <dd>{p.regions.map(regionLabel).join('、 ')}</dd>
          {distance && distance.id === p.id && item.geometry && (
            <>
              <dt>{t('detail.distance')}</dt>
              <dd data-testid="distance-tiananmen">{t('detail.distanceValue', { km: distance.km.toFixed(1) })}</dd>
            </>
          )}
          <dt>{t('detail.location')}</dt>
          <dd>
            {t(`precision.${p.location.precision}`)}
            {p.location.note && <span className="fine-print" data-testid="location-note"> — {lang === 'zh' ? (p.location.note_zh ?? p.location.note) : p.location.note}</span>}
          </dd>
          <dt>{t('detail.locationSource')}</dt>
          <dd className="fine-print">
            {p.location.source}
            {item.geometry && p.location.from_release !== undefined && (
              <span className="place-origin" data-testid="place-origin" data-from-release={String(p.location.from_release)}>
                {' '}
                {t(p.location.from_release ? 'detail.fromRelease' : 'detail.fromOutside')}
              </span>
            )}
          </dd>
        </dl>
        {!item.geometry && <p className="fine-print">{t('detail.noGeometry')}</p>}
        <h3>{t('detail.source')}</h3>
        {p.quotes.map((q, i) => (
          <blockquote key={i} lang="zh-CN" className="source-quote">
            {q}
          </blockquote>
        ))}
        <p className="fine-print">{t('detail.sourceNote')}</p>
        {lang === 'en' || (
          <>
            <h3>{t('detail.summary')}</h3>
            <p lang="en">{p.summary_en}</p>
          </>
        )}
        {lang === 'en' && <p>{p.summary_en}</p>}
        {p.external_sources.length > 0 && (
          <>
            <h3>{t('detail.external')}</h3>
            <ul className="fine-print">
              {p.external_sources.map((s, i) => (
                <li key={i}>
                  {s.fact}: {s.source}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="detail-actions">
          <button type="button" className="button" onClick={() => select(p.id, { fly: true })}>
            {t('detail.zoomTo')}
          </button>
          <button type="button" className="button" onClick={() => void copyLink()}>
            {t('detail.copyLink')}
          </button>
          <span role="status" className="fine-print">
            {copyState === 'copied' ? t('detail.copied') : copyState === 'failed' ? t('detail.copyFailed') : ''}
          </span>
        </div>
      </div>
    </aside>
  );
}
