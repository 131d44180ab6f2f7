/**
 * The layer list / legend: the five task groups (group 3 split into its four themes), each
 * with its colour, a switch, and the counts "shown / described / declared". Clicking a legend
 * entry's name shows only that layer (as in other map tools); the checkbox toggles it.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { PLAN_LAYER_KEYS, type PlanLayerKey } from '../model/state';
import { PLAN_LAYER_COLORS } from '../model/planColors';
import { cssColor } from '../model/color';
import type { GroupId, ThemeId } from '../data/plan/schema';
import { countsByGroup, declaredByGroup, planTotals } from '../model/filters';
import { usePlan } from '../app/planContext';

// Online base maps are opt-in: their chooser loads after the first frame (it is not needed for it).
const BaseMapChooser = lazy(() => import('./BaseMapChooser').then((m) => ({ default: m.BaseMapChooser })));

const GROUP_LAYERS: Record<GroupId, PlanLayerKey[]> = {
  1: ['g1'],
  2: ['g2'],
  3: ['g3-ecology', 'g3-transport', 'g3-industry', 'g3-public-services'],
  4: ['g4'],
  5: ['g5'],
};

export function LayerPanel() {
  const plan = usePlan();
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.filters.layers);
  const setFilters = useAppStore((s) => s.setFilters);
  const data = useAppStore((s) => s.data);
  // the one count function every panel uses: the layers' counts summed per group, with the release's declared totals
  const groups = countsByGroup(plan.countsByLayer, data.state === 'ready' ? declaredByGroup(data.meta) : new Map<GroupId, number>());
  const on = new Set(layers);

  const setLayers = (next: Set<PlanLayerKey>) => setFilters({ layers: PLAN_LAYER_KEYS.filter((k) => next.has(k)) });
  const toggle = (keys: PlanLayerKey[], value: boolean) => {
    const next = new Set(on);
    for (const k of keys) if (value) next.add(k); else next.delete(k);
    setLayers(next);
  };
  const only = (keys: PlanLayerKey[]) => setLayers(new Set(keys));

  const { shown: totalShown, described: totalDescribed } = planTotals(plan.countsByLayer);

  return (
    <section className="panel-section" aria-labelledby="layers-heading">
      <h2 id="layers-heading" className="section-heading">
        {t('layers.heading')}
        <span className="counts-help">{t('layers.countsHelp')}</span>
      </h2>
      <ul className="layer-list">
        {([1, 2, 3, 4, 5] as GroupId[]).map((g) => {
          const keys = GROUP_LAYERS[g];
          const { shown, described, declared: decl } = groups[g];
          const allOn = keys.every((k) => on.has(k));
          const someOn = keys.some((k) => on.has(k));
          const groupName = t(`groups.g${g}`);
          return (
            <li key={g} className="layer-group" data-testid={`layer-group-${g}`}>
              <div className="layer-row">
                <input
                  type="checkbox"
                  id={`layer-g${g}`}
                  checked={allOn}
                  ref={(el) => {
                    if (el) el.indeterminate = someOn && !allOn;
                  }}
                  onChange={(e) => toggle(keys, e.target.checked)}
                  aria-describedby={`layer-g${g}-counts`}
                />
                {keys.length === 1 && <Swatch layer={keys[0]!} />}
                <label htmlFor={`layer-g${g}`} className="layer-name">
                  <span className="group-number">{g}</span> {groupName}
                </label>
                <button type="button" className="link-button only-button" onClick={() => only(keys)} aria-label={`${t('layers.onlyThis')}: ${groupName}`}>
                  {t('layers.onlyThis')}
                </button>
                <span className="layer-counts" id={`layer-g${g}-counts`} aria-label={t('layers.countsAria', { shown, described, declared: decl })} data-testid={`counts-g${g}`}>
                  {shown} / {described} / {decl}
                </span>
              </div>
              {keys.length > 1 && (
                <ul className="theme-list">
                  {keys.map((k) => {
                    const c = plan.countsByLayer[k];
                    const theme = k.replace('g3-', '') as ThemeId;
                    const name = t(`themes.${theme}`);
                    return (
                      <li key={k} className="layer-row" data-testid={`layer-${k}`}>
                        <input type="checkbox" id={`layer-${k}`} checked={on.has(k)} onChange={(e) => toggle([k], e.target.checked)} />
                        <Swatch layer={k} />
                        <label htmlFor={`layer-${k}`} className="layer-name">
                          {name}
                        </label>
                        <button type="button" className="link-button only-button" onClick={() => only([k])} aria-label={`${t('layers.onlyThis')}: ${name}`}>
                          {t('layers.onlyThis')}
                        </button>
                        <span className="layer-counts" aria-label={t('layers.themeCountsAria', { shown: c.shown, described: c.described })} data-testid={`counts-${k}`}>
                          {c.shown} / {c.described}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
        <li className="layer-row layer-total">
          <span className="layer-name">{t('layers.total')}</span>
          <span className="layer-counts" data-testid="counts-total">
            {totalShown} / {totalDescribed} / {data.state === 'ready' ? data.meta.total_tasks : 90}
          </span>
        </li>
      </ul>
      <p className="fine-print">{t('layers.described')}</p>
      <p className="fine-print" data-testid="legend-outside-places">
        <span className="swatch swatch-hollow" aria-hidden="true" /> {t('layers.outsidePlaces')}
      </p>
      <p className="fine-print" data-testid="legend-schematic-lines">
        <span className="swatch swatch-dashed" aria-hidden="true" /> {t('symbolKey.schematicLine')}
      </p>
      <p className="fine-print" data-testid="legend-leader-lines">
        <span className="swatch swatch-leader" aria-hidden="true" /> {t('symbolKey.displaced')}
      </p>
    </section>
  );
}

export function Swatch({ layer }: { layer: PlanLayerKey }) {
  return <span className="swatch" aria-hidden="true" style={{ background: cssColor(PLAN_LAYER_COLORS[layer]) }} />;
}

export function BasemapPanel() {
  const { t } = useTranslation();
  const basemap = useAppStore((s) => s.basemap);
  const setBasemapLayer = useAppStore((s) => s.setBasemapLayer);
  const embedded = useAppStore((s) => s.baseMapSource.kind === 'embedded');
  return (
    <section className="panel-section" aria-labelledby="basemap-heading">
      <h2 id="basemap-heading" className="section-heading">
        {t('layers.basemap')}
      </h2>
      <Suspense fallback={null}>
        <BaseMapChooser />
      </Suspense>
      {!embedded && <p className="fine-print">{t('basemap.embeddedOnly')}</p>}
      {(['counties', 'labels', 'rivers'] as const).map((k) => (
        <div className="layer-row" key={k}>
          <input type="checkbox" id={`basemap-${k}`} checked={basemap[k]} onChange={(e) => setBasemapLayer(k, e.target.checked)} />
          <label htmlFor={`basemap-${k}`} className="layer-name">
            {t(`layers.${k}`)}
          </label>
        </div>
      ))}
    </section>
  );
}
