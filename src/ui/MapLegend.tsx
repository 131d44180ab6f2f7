/**
 * The legend of what the map draws now, as the presentation's sidecar and the printed sheet show
 * it: model/legend.ts buildLegend's rows (plan layers, the person's layers, then the marks drawn
 * over them: selection outline, planned dashes, lines being built) and the symbol key under them.
 * One markup for both, so the two legends cannot drift from each other or from the map.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { buildLegend, legendMarks } from '../model/legend';
import type { FilteredPlan } from '../model/filteredPlan';
import { cssColor } from '../model/color';
import { Swatch } from './LayerPanel';
import { SymbolKey } from './SymbolKey';

export function MapLegend({ plan, withCounts = false }: { plan: FilteredPlan; withCounts?: boolean }) {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.filters.layers);
  const selected = useAppStore((s) => s.selected);
  const userSelected = useAppStore((s) => s.userSelected);
  const timelineMonth = useAppStore((s) => s.timelineMonth);
  const theme = useAppStore((s) => s.theme);
  const entries = buildLegend(plan, layers, t, legendMarks({ selected, userSelected, timelineMonth, theme }, plan));
  return (
    <>
      <ul>
        {entries.map((e) => (
          <li key={e.key} data-legend={e.key} data-kind={e.kind}>
            {e.kind === 'plan' && e.layer ? (
              <Swatch layer={e.layer} />
            ) : e.mark ? (
              <span className={`swatch swatch-mark swatch-mark-${e.mark}`} aria-hidden="true" style={{ borderColor: cssColor(e.color) }} />
            ) : (
              <span className="swatch" aria-hidden="true" style={{ background: cssColor(e.color) }} />
            )}{' '}
            {e.label}
            {withCounts && e.count !== undefined ? ` (${e.count})` : ''}
          </li>
        ))}
      </ul>
      <SymbolKey plan={plan} />
    </>
  );
}
