import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapLegend } from './MapLegend';
import { localized } from '../i18n/language';
import { milestoneDateLabel } from '../model/timeline';
import { usePlan } from '../app/planContext';

/** What a printed page adds to the map (print.css): the legend and the list of visible items. */
export function PrintSheet() {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { items, visible } = plan;
  // Made again only when the plan's items or their filter change: the plan is a new object
  // whenever a user layer changes, and the list has one row per visible item.
  const list = useMemo(() => {
    const shown = items.filter((_, i) => visible[i]);
    return (
      <section className="print-only print-items" aria-hidden="true">
        <h2>
          {t('story.printItems')} ({shown.length})
        </h2>
        <ol>
          {shown.map((it) => (
            <li key={it.properties.id}>
              {localized(it.properties, 'name', lang)} — {t(`groups.g${it.properties.group}`)}
              {it.properties.milestones[0] ? ` · ${it.properties.milestones.map(milestoneDateLabel).join(', ')}` : ''}
            </li>
          ))}
        </ol>
      </section>
    );
  }, [items, visible, lang, t]);
  return (
    <>
      <section className="print-only print-legend" aria-hidden="true">
        <h2>{t('story.legend')}</h2>
        <MapLegend plan={plan} withCounts />
        <p>{t('story.printed', { date: new Date().toISOString().slice(0, 10) })}</p>
      </section>
      {list}
    </>
  );
}
