/**
 * The list of items that pass the filters — the same filtered set the map draws. Sortable by
 * group, name or milestone date; choosing a row selects the item on the map, and selecting on
 * the map highlights the row. Works without the map (no WebGL, screen readers).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import type { ListSort } from '../model/state';
import type { FilteredPlan } from '../model/filteredPlan';
import type { PlanItem } from '../data/plan/schema';
import { PLAN_LAYER_KEYS } from '../model/state';
import { Swatch } from './LayerPanel';
import { localized } from '../i18n/language';
import { usePlan } from '../app/planContext';
import { planTotals } from '../model/filters';

function firstDate(i: PlanItem): string {
  return i.properties.milestones.map((m) => m.date).sort()[0] ?? '';
}

/** One collator per language: making the Chinese one loads pinyin collation data (~15 ms) each time. */
const collators = new Map<'zh' | 'en', Intl.Collator>();
function collatorFor(lang: 'zh' | 'en'): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
    collators.set(lang, c);
  }
  return c;
}

export function sortItems(items: PlanItem[], sort: ListSort, lang: 'zh' | 'en', layerOf: FilteredPlan['layerOf']): PlanItem[] {
  const name = (i: PlanItem) => localized(i.properties, 'name', lang);
  const collator = collatorFor(lang);
  const byGroup = (a: PlanItem, b: PlanItem) => PLAN_LAYER_KEYS.indexOf(layerOf(a)) - PLAN_LAYER_KEYS.indexOf(layerOf(b));
  const list = [...items];
  if (sort === 'name') list.sort((a, b) => collator.compare(name(a), name(b)));
  else if (sort === 'date')
    list.sort((a, b) => {
      const da = firstDate(a);
      const db = firstDate(b);
      if (da && db && da !== db) return da < db ? -1 : 1;
      if (da !== db) return da ? -1 : 1; // dated first
      return byGroup(a, b) || collator.compare(name(a), name(b));
    });
  else list.sort((a, b) => byGroup(a, b));
  return list;
}

export function ItemList() {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const sort = useAppStore((s) => s.listSort);
  const setSort = useAppStore((s) => s.setListSort);
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const totals = planTotals(plan.countsByLayer);

  const rows = useMemo(() => {
    const visible = plan.items.filter((_, i) => plan.visible[i]);
    return sortItems(visible, sort, lang, plan.layerOf);
  }, [plan, sort, lang]);

  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <section className="panel-section item-list" aria-labelledby="list-heading" id="item-list">
      <div className="list-toolbar">
        <h2 id="list-heading" className="section-heading">
          {t('list.caption')} <span className="fine-print" data-testid="list-count">{t('list.count', { n: rows.length })}</span>
        </h2>
        <label>
          {t('list.sortBy')}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as ListSort)} data-testid="list-sort">
            {(['group', 'name', 'date'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`list.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* the list has a row per record; the layer panel counts tasks: say why they differ */}
      {totals.shownRecords > totals.shown && (
        <p className="count-note" data-testid="list-count-note" data-tasks={totals.shown} data-parts={totals.shownRecords - totals.shown}>
          {t('planner.listExplain', { tasks: totals.shown, parts: totals.shownRecords - totals.shown })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="fine-print">{t('list.empty')}</p>
      ) : (
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.group')}</th>
              <th scope="col">{t('list.date')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => {
              const p = item.properties;
              const isSel = p.id === selected;
              return (
                <tr key={p.id} ref={isSel ? selectedRow : undefined} className={isSel ? 'selected' : undefined} aria-selected={isSel} data-item-id={p.id}>
                  <td>
                    <button type="button" className="row-button" onClick={() => select(p.id, { fly: true })} aria-current={isSel ? 'true' : undefined}>
                      <Swatch layer={plan.layerOf(item)} />
                      <span>{localized(p, 'name', lang)}</span>
                    </button>
                  </td>
                  <td>
                    {p.group}
                    {p.theme ? ` · ${t(`themes.${p.theme}`)}` : ''}
                  </td>
                  <td>{firstDate(item)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
