import { useTranslation } from 'react-i18next';
import { planLayerLabel } from '../i18n/labels';
import { useAppStore } from '../app/store';
import { PLAN_LAYER_KEYS } from '../app/state';
import type { FilteredPlan } from '../app/useFilteredPlan';
import { Swatch } from './LayerPanel';
import { userLegendEntries } from './userLegend';
import { milestoneDateLabel } from '../app/timeline';

/** What a printed page adds to the map (print.css): the legend and the list of visible items. */
export function PrintSheet({ plan }: { plan: FilteredPlan }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const layers = useAppStore((s) => s.filters.layers);
  const visible = plan.items.filter((_, i) => plan.visible[i]);
  return (
    <>
      <section className="print-only print-legend" aria-hidden="true">
        <h2>{t('story.legend')}</h2>
        <ul>
          {PLAN_LAYER_KEYS.filter((k) => layers.includes(k)).map((k) => (
            <li key={k}>
              <Swatch layer={k} /> {planLayerLabel(k, t)} ({plan.countsByLayer[k].shownRecords})
            </li>
          ))}
          {userLegendEntries(plan.users, t).map((e) => (
            <li key={e.key}>
              <span className="swatch" aria-hidden="true" style={{ background: e.color }} /> {e.label} ({e.count})
            </li>
          ))}
        </ul>
        <p>{t('story.printed', { date: new Date().toISOString().slice(0, 10) })}</p>
      </section>
      <section className="print-only print-items" aria-hidden="true">
        <h2>
          {t('story.printItems')} ({visible.length})
        </h2>
        <ol>
          {visible.map((it) => (
            <li key={it.properties.id}>
              {zh ? it.properties.name_zh : it.properties.name_en} — {t(`groups.g${it.properties.group}`)}
              {it.properties.milestones[0] ? ` · ${it.properties.milestones.map(milestoneDateLabel).join(', ')}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
