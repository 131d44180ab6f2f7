/**
 * Style by attribute for one user layer: one colour, categories of a property, or
 * graduated classes of a numeric property (with an optional point radius), and the layer's
 * legend — each class's swatch, its value or range, and how many of its features are shown;
 * a class switched off there is filtered out (src/model/userFilters.ts).
 * The classes are the ones the map draws (styledUserLayer); values are React text, never markup.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import type { UserLayer } from '../model/userLayer';
import type { UserLayerFilter } from '../model/userFilters';
import {
  GRADUATED_METHODS,
  classCounts,
  classKey,
  propertyInfo,
  styledUserLayer,
  type GraduatedMethod,
  type UserLayerStyle,
} from '../model/userLayerStyle';
import { classLabel } from '../model/userLegend';

type StyleKind = UserLayerStyle['kind'];


export function UserLayerStyleControls({ layer, filter }: { layer: UserLayer; filter: UserLayerFilter | undefined }) {
  const { t } = useTranslation();
  const restyle = useAppStore((s) => s.restyleUserLayer);
  const props = useMemo(() => propertyInfo(layer.features, layer.columns).filter((p) => p.values > 0), [layer.features, layer.columns]);
  const numeric = props.filter((p) => p.numeric);
  const style: UserLayerStyle = layer.style ?? { kind: 'single' };
  const styled = styledUserLayer(layer);
  const counts = classCounts(styled, filter?.shown);
  const toggleClass = useAppStore((s) => s.toggleUserLayerClass);
  const hidden = new Set(layer.hiddenClasses ?? []);

  const setKind = (kind: StyleKind) => {
    if (kind === 'single') restyle(layer.id, { kind: 'single' });
    else if (kind === 'category') {
      // a property with few distinct values reads best as categories
      const p = 'property' in style && props.some((x) => x.name === style.property) ? style.property : ([...props].sort((a, b) => a.distinct - b.distinct)[0]?.name ?? '');
      if (p) restyle(layer.id, { kind: 'category', property: p });
    } else {
      const p = 'property' in style && numeric.some((x) => x.name === style.property) ? style.property : (numeric[0]?.name ?? '');
      if (p) restyle(layer.id, { kind: 'graduated', property: p, method: 'quantile', classes: 5, radius: false });
    }
  };

  return (
    <div className="user-layer-style" data-testid="user-layer-style">
      <div className="style-controls">
        <label>
          {t('userLayers.style')}{' '}
          <select value={style.kind} onChange={(e) => setKind(e.target.value as StyleKind)} data-testid="style-kind">
            <option value="single">{t('userLayers.styleKinds.single')}</option>
            <option value="category" disabled={props.length === 0}>
              {t('userLayers.styleKinds.category')}
            </option>
            <option value="graduated" disabled={numeric.length === 0}>
              {t('userLayers.styleKinds.graduated')}
            </option>
          </select>
        </label>
        {style.kind !== 'single' && (
          <label>
            {t('userLayers.property')}{' '}
            <select value={style.property} onChange={(e) => restyle(layer.id, { ...style, property: e.target.value })} data-testid="style-property">
              {(style.kind === 'graduated' ? numeric : props).map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {style.kind === 'graduated' && (
          <>
            <label>
              {t('userLayers.method')}{' '}
              <select value={style.method} onChange={(e) => restyle(layer.id, { ...style, method: e.target.value as GraduatedMethod })} data-testid="style-method">
                {GRADUATED_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`userLayers.methods.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('userLayers.classes')}{' '}
              <select value={style.classes} onChange={(e) => restyle(layer.id, { ...style, classes: Number(e.target.value) })} data-testid="style-classes">
                {[3, 4, 5, 6, 7].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-check">
              <input type="checkbox" checked={style.radius} onChange={(e) => restyle(layer.id, { ...style, radius: e.target.checked })} data-testid="style-radius" />
              {t('userLayers.radius')}
            </label>
          </>
        )}
      </div>
      {style.kind !== 'single' && (
        <>
          <ul className="user-legend" data-testid="user-legend" aria-label={t('userLayers.legend', { name: layer.name })}>
            {styled.classes.map((c, i) => {
              const key = classKey(c, i);
              const off = hidden.has(key);
              return (
                <li key={key} className={off ? 'off' : undefined} data-color={c.color} data-count={counts[i]} data-label={classLabel(c, t)} data-shown={off ? 'false' : 'true'}>
                  <label>
                    <input type="checkbox" checked={!off} onChange={() => toggleClass(layer.id, key)} data-testid="legend-class-toggle" />
                    <span className="swatch" aria-hidden="true" style={{ background: c.color }} />
                    <span className="legend-label">{classLabel(c, t)}</span> <span className="fine-print">({counts[i]})</span>
                  </label>
                </li>
              );
            })}
          </ul>
          {hidden.size > 0 && (
            <p className="fine-print">
              {t('userLayers.classesOff', { n: hidden.size })}{' '}
              <button type="button" className="link-button" onClick={() => toggleClass(layer.id, null)} data-testid="legend-show-all">
                {t('userLayers.showAllClasses')}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
