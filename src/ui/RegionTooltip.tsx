/**
 * The region under the pointer: its name, and its choropleth value when the choropleth colours
 * that level (the value the legend places it by). Text only.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import type { ChoroplethLegend } from '../app/useChoropleth';
import { localized } from '../i18n/language';
import { usePlan } from '../app/planContext';

const fmt = (v: number) => (Math.round(v * 10) / 10).toLocaleString();

export function RegionTooltip({ legend }: { legend: ChoroplethLegend | null }) {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const hover = useAppStore((s) => s.regionHover);
  const measure = useAppStore((s) => s.choropleth?.measure);
  if (!hover) return null;
  const region = plan.regions.get(hover.code);
  if (!region) return null;
  const name = localized(region, 'name', i18n.language === 'en' ? 'en' : 'zh');
  const v = legend && legend.level === hover.level ? legend.values.get(hover.code) : undefined;
  return (
    <div className="map-tooltip region-tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} data-testid="region-tooltip" data-region={hover.code} data-value={v?.value}>
      <strong>{v ? t('planner.hoverValue', { name, value: fmt(v.value) }) : name}</strong>
      {v && measure && (
        <span className="tooltip-secondary">
          <span className="swatch" aria-hidden="true" style={{ background: v.color }} /> {t(`regions.measures.${measure}`)}
        </span>
      )}
    </div>
  );
}
