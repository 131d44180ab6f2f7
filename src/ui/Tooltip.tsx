import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { Swatch } from './LayerPanel';
import { localized } from '../i18n/language';
import { withBoundary } from './PanelBoundary';
import { usePlan } from '../app/planContext';

/** Name and group of the item under the pointer. Text only: data is never rendered as markup. */
export const Tooltip = withBoundary(TooltipView, 'tooltip');

function TooltipView() {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const hover = useAppStore((s) => s.hover);
  if (!hover) return null;
  const item = plan.items.find((i) => i.properties.id === hover.id);
  if (!item) return null;
  const p = item.properties;
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const zh = lang === 'zh';
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} data-testid="tooltip">
      <strong>{localized(p, 'name', lang)}</strong>
      <span className="tooltip-secondary">{zh ? p.name_en : p.name_zh}</span>
      <span className="tooltip-group">
        <Swatch layer={plan.layerOf(item)} /> {t(`groups.g${p.group}`)}
        {p.theme ? ` · ${t(`themes.${p.theme}`)}` : ''}
      </span>
    </div>
  );
}
