/**
 * The key to the plan's symbols that are not a layer colour (dashed = schematic line, hollow =
 * place from outside the release), listed only for what is drawn (model/legend.ts legendSymbols).
 * Shown under the presentation's legend and on the printed sheet.
 */
import { useTranslation } from 'react-i18next';
import { legendSymbols } from '../model/legend';
import type { FilteredPlan } from '../model/filteredPlan';

export function SymbolKey({ plan }: { plan: Pick<FilteredPlan, 'items' | 'visible'> }) {
  const { t } = useTranslation();
  const symbols = legendSymbols(plan);
  if (symbols.length === 0) return null;
  return (
    // paragraphs, not list items: the legend's rows (li) stay one per layer, as their readers expect
    <div className="symbol-key" role="group" aria-label={t('symbolKey.label')} data-testid="symbol-key">
      {symbols.map((s) => (
        <p key={s} data-symbol={s}>
          <span className={s === 'schematic-line' ? 'swatch swatch-dashed' : 'swatch swatch-hollow'} aria-hidden="true" /> {t(s === 'schematic-line' ? 'symbolKey.schematicLine' : 'symbolKey.outsideRelease')}
        </p>
      ))}
    </div>
  );
}
