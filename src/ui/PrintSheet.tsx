import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { Swatch } from './LayerPanel';
import { buildLegend, legendMarks } from '../model/legend';
import { SymbolKey } from './SymbolKey';
import { cssColor } from '../model/color';
import { localized } from '../i18n/language';
import { milestoneDateLabel } from '../model/timeline';
import { usePlan } from '../app/planContext';

/** What a printed page adds to the map (print.css): the legend and the list of visible items. */
export function PrintSheet() {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const layers = useAppStore((s) => s.filters.layers);
  const selected = useAppStore((s) => s.selected);
  const userSelected = useAppStore((s) => s.userSelected);
  const timelineMonth = useAppStore((s) => s.timelineMonth);
  const marks = legendMarks({ selected, userSelected, timelineMonth }, plan);
  const visible = plan.items.filter((_, i) => plan.visible[i]);
  return (
    <>
      <section className="print-only print-legend" aria-hidden="true">
        <h2>{t('story.legend')}</h2>
        <ul>
          {buildLegend(plan, layers, t, marks).map((e) => (
            <li key={e.key} data-legend={e.key}>
              {e.kind === 'plan' && e.layer ? (
                <Swatch layer={e.layer} />
              ) : e.mark ? (
                <span className={`swatch swatch-mark swatch-mark-${e.mark}`} aria-hidden="true" style={{ borderColor: cssColor(e.color) }} />
              ) : (
                <span className="swatch" aria-hidden="true" style={{ background: cssColor(e.color) }} />
              )}{' '}
              {e.label}
              {e.count !== undefined ? ` (${e.count})` : ''}
            </li>
          ))}
        </ul>
        <SymbolKey plan={plan} />
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
