/**
 * Regional analysis: the regions a person clicked (one → its numbers; several →
 * side by side), the choropleth controls and legend, and the drawn areas with their numbers.
 * All numbers come from the aggregation engine for the current filters.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { ensureLanguages } from '../app/i18n';
import type { RegionAnalysis } from '../app/useRegionAnalysis';
import { CHOROPLETH_MEASURES, choroplethLevelFor, resolveLevel, type ChoroplethMeasure, type RegionLevelChoice } from '../model/analysis';
import type { ChoroplethLegend } from '../app/useChoropleth';
import { DrawPanel } from './DrawPanel';
import { itemLookup, RegionNumbers, UserRegionNumbers } from './RegionNumbers';
import { userFiguresOf } from '../model/userFigures';
import type { Translate } from '../model/regionCsv';
import { localized } from '../i18n/language';
import { usePlan } from '../app/planContext';

/** "0", "1–4", "5–13" for whole numbers; "0.0–2.5", "2.5–7.0" otherwise (a value belongs to the first class whose upper bound is not below it). */
export function legendLabel(classes: readonly { from: number; to: number }[], i: number): string {
  const c = classes[i]!;
  const whole = classes.every((k) => Number.isInteger(k.from) && Number.isInteger(k.to));
  const from = i === 0 ? c.from : whole ? classes[i - 1]!.to + 1 : classes[i - 1]!.to;
  if (whole) return from === c.to ? String(c.to) : `${from}–${c.to}`;
  return `${fmt(from)}–${fmt(c.to)}`;
}

const fmt = (v: number, digits = 1) => (Math.round(v * 10 ** digits) / 10 ** digits).toLocaleString();

export function RegionPanel({ analysis, legend }: { analysis: RegionAnalysis; legend: ChoroplethLegend | null }) {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const level = useAppStore((s) => s.regionLevel);
  const setLevel = useAppStore((s) => s.setRegionLevel);
  const selection = useAppStore((s) => s.regionSelection);
  const setSelection = useAppStore((s) => s.setRegionSelection);
  const choropleth = useAppStore((s) => s.choropleth);
  const setChoropleth = useAppStore((s) => s.setChoropleth);
  const zoom = useAppStore((s) => s.view?.zoom ?? 6);
  const clickLevel = resolveLevel(level, zoom);
  const regionHover = useAppStore((s) => s.regionHover);
  const hovered = legend && regionHover && regionHover.level === legend.level ? legend.values.get(regionHover.code) : undefined;
  const name = (code: string) => {
    const r = plan.regions.get(code);
    return r ? localized(r, 'name', lang) : code;
  };

  return (
    <>
      <section className="panel-section" aria-labelledby="regions-heading">
        <h2 id="regions-heading" className="section-heading">
          {t('regions.heading')}
        </h2>
        <fieldset className="filter-field">
          <legend>{t('regions.level')}</legend>
          <div className="chip-toggles" role="radiogroup" aria-label={t('regions.level')}>
            {(['auto', 'province', 'prefecture', 'county'] as RegionLevelChoice[]).map((l) => (
              <label key={l} className="chip-toggle">
                <input type="radio" name="region-level" value={l} checked={level === l} onChange={() => setLevel(l)} />
                <span>{t(`regions.levels.${l}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="click-level" data-testid="click-level" data-level={clickLevel} aria-live="polite">
          {t('planner.clickLevel', { level: t(`regions.levels.${clickLevel}`) })}
          {level === 'auto' && <span className="fine-print"> {t('planner.clickLevelAuto')}</span>}
        </p>
        <p className="fine-print">{t('regions.hint')}</p>
        {analysis.error && <p className="error-text">{analysis.error}</p>}
        {selection.length === 0 ? (
          <p className="fine-print">{t('regions.none')}</p>
        ) : (
          <>
            <div className="region-columns" data-testid="region-panel">
              {selection.map((code) => (
                <RegionColumn key={code} code={code} name={name(code)} analysis={analysis} onRemove={() => setSelection(selection.filter((c) => c !== code))} />
              ))}
            </div>
            <button type="button" className="link-button" onClick={() => setSelection([])}>
              {t('regions.clear')}
            </button>
          </>
        )}
      </section>
      <section className="panel-section" aria-labelledby="choropleth-heading">
        <h2 id="choropleth-heading" className="section-heading">
          {t('regions.choropleth')}
        </h2>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={choropleth !== null}
            data-testid="choropleth-toggle"
            onChange={(e) => setChoropleth(e.target.checked ? { level: choroplethLevelFor(level), measure: 'items', method: 'quantile', classes: 5 } : null)}
          />
          {t('regions.choroplethOn')}
        </label>
        {choropleth && (
          <div className="choropleth-controls">
            <p className="fine-print" data-testid="choropleth-level" data-level={choropleth.level}>
              {t('planner.choroplethLevel', { level: t(`regions.levels.${choropleth.level}`) })}
            </p>
            <label>
              {t('regions.measure')}{' '}
              <select value={choropleth.measure} onChange={(e) => setChoropleth({ ...choropleth, measure: e.target.value as ChoroplethMeasure })} data-testid="choropleth-measure">
                {CHOROPLETH_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(`regions.measures.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('regions.method')}{' '}
              <select value={choropleth.method} onChange={(e) => setChoropleth({ ...choropleth, method: e.target.value as 'quantile' | 'natural' })} data-testid="choropleth-method">
                <option value="quantile">{t('regions.methods.quantile')}</option>
                <option value="natural">{t('regions.methods.natural')}</option>
              </select>
            </label>
            <label>
              {t('regions.classes')}{' '}
              <select value={choropleth.classes} onChange={(e) => setChoropleth({ ...choropleth, classes: Number(e.target.value) })}>
                {[3, 4, 5, 6, 7].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            {legend && (
              <p className="legend-hover" data-testid="legend-hover" aria-live="polite">
                {hovered && regionHover ? t('planner.hoverValue', { name: name(regionHover.code), value: fmt(hovered.value) }) : '\u00a0'}
              </p>
            )}
            {legend && (
              <ul className="choropleth-legend" data-testid="choropleth-legend">
                {legend.classes.map((c, i) => (
                  <li key={i} data-color={c.color} className={hovered?.color === c.color ? 'legend-hovered' : undefined}>
                    <span className="swatch" aria-hidden="true" style={{ background: c.color }} />
                    {legendLabel(legend.classes, i)} <span className="fine-print">({c.count})</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
      <DrawPanel analysis={analysis} />
    </>
  );
}

function RegionColumn({ code, name, analysis, onRemove }: { code: string; name: string; analysis: RegionAnalysis; onRemove: () => void }) {
  const plan = usePlan();
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const region0 = plan.regions.get(code);
  const summary = region0 ? analysis.byLevel[region0.level]?.get(code) : undefined;
  const userSummary = region0 ? analysis.userByLevel[region0.level]?.get(code) : undefined;
  const users = userFiguresOf(plan, userSummary);
  const data = useAppStore((s) => s.data);
  // Only where the plan gives the share: Tianjin (31/90) and Hebei (50/90), not their parts.
  const figures =
    data.state === 'ready' ? data.meta.figures.filter((f) => f.plan === 'beijing' && f.of && f.involves.includes(code)) : [];
  const links = plan.links.filter((l) => {
    const inRegion = (c: string | undefined) => !!c && (c === code || plan.regions.get(c)?.parent === code || plan.regions.get(plan.regions.get(c)?.parent ?? '')?.parent === code);
    return inRegion(l.properties.from_region) || inRegion(l.properties.to_region);
  });
  return (
    <div className="region-column" data-region={code}>
      <h3>
        {name}
        <button type="button" className="icon-button" onClick={onRemove} aria-label={t('regions.remove', { name })}>
          ×
        </button>
      </h3>
      {!summary ? (
        <p className="fine-print" role="status">
          {t('regions.computing')}
        </p>
      ) : (
        <RegionNumbers summary={summary} />
      )}
      {figures.map((f) => (
        <p key={f.id} className="region-share" data-testid="region-share">
          {t('regions.share', { name })}: <strong>{t('regions.shareValue', { value: f.value, of: f.of })}</strong>
        </p>
      ))}
      {figures.length > 0 && (
        <p className="count-note" data-testid="region-share-note">
          {t('planner.shareExplain')}
        </p>
      )}
      {summary && users.length > 0 && <UserRegionNumbers users={users} />}
      {/* Filtering is the person's explicit choice, never a side effect of opening a region. */}
      <button
        type="button"
        className="button"
        data-testid="region-only"
        aria-label={t('planner.onlyThisRegionLabel', { name })}
        onClick={() => {
          const st = useAppStore.getState();
          st.setFilters({ regions: [code] });
          st.setSidebarTab('list');
        }}
      >
        {t('planner.onlyThisRegion')}
      </button>
      {summary && (
        <button
          type="button"
          className="button"
          data-testid="region-export-csv"
          aria-label={t('userLayers.exportCsvLabel', { name })}
          onClick={() => {
            const r = region0!;
            const lookup = itemLookup(plan);
            const item = (id: string) => {
              const it = lookup.item(id);
              return { zh: it?.properties.name_zh ?? id, en: it?.properties.name_en ?? id };
            };
            // The CSV code loads on the first export.
            // The CSV is bilingual: both languages' strings are loaded first.
            void Promise.all([import('../model/regionCsv'), import('../app/download'), import('../data/export'), ensureLanguages(['zh', 'en'])]).then(
              ([{ REGION_CSV_HEADER, regionCsvFileName, regionCsvRows }, { downloadBlob }, { tableToCSV }]) => {
                const rows = regionCsvRows({
                  code,
                  name: { zh: r.name_zh, en: r.name_en },
                  summary,
                  itemName: item,
                  lineKindOf: lookup.kindOf,
                  shares: figures.map((f) => ({ value: f.value, of: f.of! })),
                  users: users.map((u) => ({ name: u.name, figures: u.figures })),
                  t: { zh: i18n.getFixedT('zh') as Translate, en: i18n.getFixedT('en') as Translate },
                });
                downloadBlob(new Blob([tableToCSV([[...REGION_CSV_HEADER], ...rows])], { type: 'text/csv;charset=utf-8' }), regionCsvFileName(r.name_zh, code));
              },
            );
          }}
        >
          {t('userLayers.exportCsv')}
        </button>
      )}
      <h4>{t('regions.links')}</h4>
      {links.length === 0 ? (
        <p className="fine-print">{t('regions.noLinks')}</p>
      ) : (
        <ul className="fine-print">
          {links.map((l) => (
            <li key={l.id}>
              {localized(l.properties, 'from', lang)} → {localized(l.properties, 'to', lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
