/**
 * What a region or a drawn area holds: items by group and theme, km of line, km² of area, the
 * item list, and each shown user layer's share. Shared by the region panel and the draw panel.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import type { AreaSummary } from '../geo/aggregate/features';
import { PLAN_LAYER_COLORS } from '../model/planColors';
import { cssColor } from '../model/color';
import type { UserLayerFigures } from '../model/userFilters';
import { localized } from '../i18n/language';
import { usePlan } from '../app/planContext';
import { groupLines, lineKindOf, totalAreaKm2, type LineKind } from '../model/lineKinds';
import type { FilteredPlan } from '../model/filteredPlan';
import type { PlanItem } from '../data/plan/schema';

const fmt = (v: number, digits = 1) => (Math.round(v * 10 ** digits) / 10 ** digits).toLocaleString();

/** Per shown user layer: its features in the region, points, km of lines, km² of areas. */
export function UserRegionNumbers({ users }: { users: { name: string; color: string; figures: UserLayerFigures }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h4>{t('userLayers.regionHeading')}</h4>
      <ul className="fine-print user-region-numbers">
        {users.map(({ name, color, figures: f }) => (
          <li
            key={f.layerId}
            data-testid="region-user-layer"
            data-layer-id={f.layerId}
            data-features={f.features}
            data-points={f.points}
            data-line-km={Math.round(f.lineKm * 10) / 10}
            data-area-km2={Math.round(f.areaKm2 * 10) / 10}
          >
            <span className="swatch" aria-hidden="true" style={{ background: color }} /> {name}: {t('userLayers.regionFeatures', { n: f.features })}
            {f.points > 0 && <> · {t('userLayers.regionPoints', { n: f.points })}</>}
            {f.lines > 0 && <> · {t('userLayers.regionLines', { km: fmt(f.lineKm) })}</>}
            {f.areas > 0 && <> · {t('userLayers.regionAreas', { km2: fmt(f.areaKm2) })}</>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The plan's record of an id and the kind of line it is: for the region's numbers and its CSV. */
export function itemLookup(plan: FilteredPlan): { item: (id: string) => PlanItem | undefined; kindOf: (id: string) => LineKind } {
  const byId = new Map(plan.items.map((it) => [it.properties.id, it]));
  return {
    item: (id) => byId.get(id),
    kindOf: (id) => {
      const it = byId.get(id);
      return it ? lineKindOf(it.properties) : 'other';
    },
  };
}

/** A total under a list of lines or areas, its figure also as a data attribute for readers of the page. */
function Total({ testId, data, text }: { testId: string; data: Record<`data-${string}`, number>; text: string }) {
  return (
    <p className="line-kind" data-testid={testId} {...data}>
      {text}
    </p>
  );
}

export function RegionNumbers({ summary }: { summary: AreaSummary }) {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const select = useAppStore((s) => s.select);
  const { item, kindOf } = itemLookup(plan);
  const itemName = (id: string) => {
    const it = item(id);
    return it ? localized(it.properties, 'name', lang) : id;
  };
  const lines = groupLines(summary.lines, kindOf);
  return (
    <>
      <p className="region-total">
        {t('regions.items')}: <strong data-testid="region-items">{summary.items}</strong>
      </p>
      <p className="count-note" data-testid="region-items-note">
        {t('planner.itemsExplain')}
      </p>
      <table className="mini-table">
        <caption className="visually-hidden">{t('regions.byGroup')}</caption>
        <tbody>
          {([1, 2, 3, 4, 5] as const).map((g) => (
            <tr key={g}>
              <th scope="row">
                <span className="group-number">{g}</span> {t(`groups.g${g}`)}
              </th>
              <td data-testid={`region-group-${g}`}>{summary.byGroup[String(g)] ?? 0}</td>
            </tr>
          ))}
          {(['ecology', 'transport', 'industry', 'public-services'] as const).map((th) => (
            <tr key={th} className="theme-row">
              <th scope="row">
                <span className="swatch" aria-hidden="true" style={{ background: cssColor(PLAN_LAYER_COLORS[`g3-${th}`]) }} /> {t(`themes.${th}`)}
              </th>
              <td>{summary.byTheme[th] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.groups.length > 0 && (
        <>
          <h4>{t('regions.lines')}</h4>
          {lines.groups.map((g) => (
            <div key={g.kind} data-testid="region-line-kind" data-kind={g.kind} data-km={g.km}>
              <p className="line-kind">{t('planner.kindTotal', { kind: t(`planner.lineKinds.${g.kind}`), v: fmt(g.km) })}</p>
              <ul className="fine-print">
                {g.lines.map((l) => (
                  <li key={l.id} data-testid="region-line">
                    {itemName(l.id)}: {t('regions.km', { v: fmt(l.km) })}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {lines.groups.length > 1 && <Total testId="region-lines-total" data={{ 'data-km': lines.km }} text={t('planner.linesTotal', { v: fmt(lines.km) })} />}
        </>
      )}
      {summary.areas.length > 0 && (
        <>
          <h4>{t('regions.areas')}</h4>
          <ul className="fine-print">
            {summary.areas.map((a) => (
              <li key={a.id}>
                {itemName(a.id)}: {t('regions.km2', { v: fmt(a.km2) })}
                {t('regions.mu', { v: Math.round(a.km2 * 1500).toLocaleString() })}
              </li>
            ))}
          </ul>
          {summary.areas.length > 1 && <Total testId="region-areas-total" data={{ 'data-km2': totalAreaKm2(summary.areas) }} text={t('planner.areasTotal', { v: fmt(totalAreaKm2(summary.areas)) })} />}
        </>
      )}
      <details>
        <summary>
          {t('regions.itemList')} ({summary.itemIds.length})
        </summary>
        <ul className="region-items">
          {summary.itemIds.map((id) => (
            <li key={id}>
              <button type="button" className="link-button" onClick={() => select(id, { fly: true })}>
                {itemName(id)}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
