/**
 * Filters: kind, region involved, milestone months (a range on a 2019 timeline that shows
 * where the dated milestones fall), text; and the active filters as chips, each clearable,
 * with "clear all".
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { FILTER_KINDS, type FilterKind, type PlanLayerKey } from '../model/state';
import type { ThemeId } from '../data/plan/schema';
import { capText, cleanText } from '../i18n/bounded';
import { activeFilterChips, clearFilter, milestoneMonthsHistogram } from '../model/filters';
import { localized } from '../i18n/language';
import { usePlan } from '../app/planContext';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export function FilterPanel() {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const histogram = useMemo(() => milestoneMonthsHistogram(plan.items), [plan.items]);
  const maxCount = Math.max(1, ...histogram);

  const regionOptions = useMemo(() => {
    const list = [...plan.regions.values()].filter((r) => r.level !== 'county');
    const provinces = list.filter((r) => r.level === 'province');
    return provinces.flatMap((p) => [p, ...list.filter((r) => r.level === 'prefecture' && r.parent === p.code)]);
  }, [plan.regions]);

  const toggleKind = (k: FilterKind, on: boolean) =>
    setFilters({ kinds: FILTER_KINDS.filter((x) => (x === k ? on : filters.kinds.includes(x))) });
  const months = filters.months;

  return (
    <section className="panel-section" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="section-heading">
        {t('filters.heading')}
      </h2>
      <ActiveFilters />
      <fieldset className="filter-field">
        <legend>{t('filters.kind')}</legend>
        <div className="chip-toggles">
          {FILTER_KINDS.map((k) => (
            <label key={k} className="chip-toggle">
              <input type="checkbox" checked={filters.kinds.includes(k)} onChange={(e) => toggleKind(k, e.target.checked)} />
              <span>{t(`kinds.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filter-field">
        <label htmlFor="filter-region">{t('filters.region')}</label>
        <select
          id="filter-region"
          value={filters.regions[0] ?? ''}
          onChange={(e) => setFilters({ regions: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('filters.allRegions')}</option>
          {regionOptions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.level === 'prefecture' ? '\u2003' : ''}
              {localized(r, 'name', lang)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="filter-field">
        <legend>{t('filters.months')}</legend>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={months !== null}
            onChange={(e) => setFilters({ months: e.target.checked ? [1, 12] : null })}
          />
          {t('filters.monthsOn')}
        </label>
        <div className="month-timeline" aria-hidden="true">
          {MONTHS.map((m) => {
            const n = histogram[m - 1] ?? 0;
            const inRange = months ? m >= months[0] && m <= months[1] : true;
            return (
              <div key={m} className={`month-bar${inRange ? ' in-range' : ''}`} title={t('filters.milestonesInMonth', { m, n })}>
                <div className="month-bar-fill" style={{ height: `${(n / maxCount) * 100}%` }} />
                <span className="month-label">{m}</span>
              </div>
            );
          })}
        </div>
        <div className="month-range">
          <label>
            {t('filters.from')}{' '}
            <select
              aria-label={`${t('filters.months')}: ${t('filters.from')}`}
              disabled={months === null}
              value={months?.[0] ?? 1}
              onChange={(e) => {
                const from = Number(e.target.value);
                setFilters({ months: [from, Math.max(from, months?.[1] ?? 12)] });
              }}
            >
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {t('filters.month', { m })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filters.to')}{' '}
            <select
              aria-label={`${t('filters.months')}: ${t('filters.to')}`}
              disabled={months === null}
              value={months?.[1] ?? 12}
              onChange={(e) => {
                const to = Number(e.target.value);
                setFilters({ months: [Math.min(to, months?.[0] ?? 1), to] });
              }}
            >
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {t('filters.month', { m })}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <div className="filter-field">
        <label htmlFor="filter-text">{t('filters.text')}</label>
        <input
          id="filter-text"
          type="search"
          value={filters.text}
          placeholder={t('filters.textPlaceholder')}
          onChange={(e) => setFilters({ text: e.target.value })}
        />
      </div>
    </section>
  );
}

export function ActiveFilters() {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const resetFilters = useAppStore((s) => s.resetFilters);
  const chips = activeFilterChips(filters);
  const sep = t('filters.chipValue.sep');
  const monthName = (m: number) => t('filters.chipValue.monthNames').split(',')[m - 1] ?? String(m);
  const layerName = (k: PlanLayerKey) => (k.startsWith('g3-') ? t(`themes.${k.slice(3) as ThemeId}`) : t(`groups.${k as `g${1 | 2 | 4 | 5}`}`));
  // the shorter of "what is shown" and "what is hidden"
  const shownOrHidden = (on: string[], off: string[]) => (on.length <= off.length ? on.join(sep) : t('filters.chipValue.hiding', { list: off.join(sep) }));
  // one button per active filter (per region when several), each clearing only what it names
  const buttons: { key: string; what: string; value: string; clear: () => void }[] = [];
  for (const c of chips) {
    const what = t(`filters.chip.${c.kind}`);
    switch (c.kind) {
      case 'layers':
        buttons.push({ key: c.key, what, value: shownOrHidden(c.on.map(layerName), c.off.map(layerName)), clear: () => setFilters(clearFilter(filters, c.kind)) });
        break;
      case 'kinds':
        buttons.push({ key: c.key, what, value: shownOrHidden(c.on.map((k) => t(`kinds.${k}`)), c.off.map((k) => t(`kinds.${k}`))), clear: () => setFilters(clearFilter(filters, c.kind)) });
        break;
      case 'regions':
        for (const code of c.codes) {
          const region = plan.regions.get(code);
          buttons.push({
            key: `${c.key}-${code}`,
            what,
            value: region ? localized(region, 'name', lang) : code,
            clear: () => setFilters({ regions: filters.regions.filter((r) => r !== code) }),
          });
        }
        break;
      case 'months':
        buttons.push({
          key: c.key,
          what,
          value: c.from === c.to ? t('filters.chipValue.month', { m: monthName(c.from) }) : t('filters.chipValue.monthRange', { from: monthName(c.from), to: monthName(c.to) }),
          clear: () => setFilters(clearFilter(filters, c.kind)),
        });
        break;
      case 'text':
        buttons.push({ key: c.key, what, value: t('filters.chipValue.text', { text: capText(cleanText(c.text), 30) }), clear: () => setFilters(clearFilter(filters, c.kind)) });
        break;
    }
  }
  return (
    <div className="active-filters" aria-live="polite" data-testid="active-filters">
      <span className="active-label">{t('filters.active')}:</span>
      {buttons.length === 0 && <span className="no-filters">{t('filters.none')}</span>}
      {buttons.map((b) => {
        const label = t('filters.chipValue.label', { what: b.what, value: b.value });
        return (
          <button key={b.key} type="button" className="filter-chip" data-testid="filter-chip" onClick={b.clear} aria-label={t('filters.clear', { what: label })}>
            {label} ×
          </button>
        );
      })}
      {buttons.length > 0 && (
        <button type="button" className="link-button" onClick={resetFilters} data-testid="clear-all">
          {t('filters.clearAll')}
        </button>
      )}
    </div>
  );
}
