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
  const visible = plan.items.filter((_, i) => plan.visible[i]);
  return (
    <>
      <section className="print-only print-legend" aria-hidden="true">
        <h2>{t('story.legend')}</h2>
        <MapLegend plan={plan} withCounts />
        <p>{t('story.printed', { date: new Date().toISOString().slice(0, 10) })}</p>
      </section>
      <section className="print-only print-items" aria-hidden="true">
        <h2>
          {t('story.printItems')} ({visible.length})
        </h2>
        <ol>
          {visible.map((it) => (
            <li key={it.properties.id}>
              {localized(it.properties, 'name', lang)} — {t(`groups.g${it.properties.group}`)}
              {it.properties.milestones[0] ? ` · ${it.properties.milestones.map(milestoneDateLabel).join(', ')}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
