/**
 * Draw an area (polygon, rectangle, circle of a radius around a clicked point or the selected
 * item) and measure a path; each drawn area gets a name, its aggregates, a GeoJSON export.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore, type AppState } from '../app/store';
import type { RegionAnalysis } from '../app/useRegionAnalysis';
import { newAreaId, type DrawnArea } from '../model/drawnArea';
import { exportDrawnArea } from '../app/download';
import { geometryBbox } from '../geo/bbox';
import { RegionNumbers, UserRegionNumbers } from './RegionNumbers';
import { userFiguresOf } from '../model/userFigures';
import { localized } from '../i18n/language';
import { usePlan } from '../app/planContext';

type Tool = NonNullable<AppState['drawTool']>;
const TOOLS: Tool[] = ['polygon', 'rectangle', 'circle', 'measure'];

export function DrawPanel({ analysis }: { analysis: RegionAnalysis }) {
  const plan = usePlan();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const tool = useAppStore((s) => s.drawTool);
  const setTool = useAppStore((s) => s.setDrawTool);
  const ready = useAppStore((s) => s.drawToolReady);
  const radius = useAppStore((s) => s.circleRadiusKm);
  const setRadius = useAppStore((s) => s.setCircleRadiusKm);
  const measureKm = useAppStore((s) => s.measureKm);
  const areas = useAppStore((s) => s.drawnAreas);
  const addArea = useAppStore((s) => s.addDrawnArea);
  const rename = useAppStore((s) => s.renameDrawnArea);
  const remove = useAppStore((s) => s.removeDrawnArea);
  const selected = useAppStore((s) => s.selected);
  const selectedItem = selected ? plan.items.find((i) => i.properties.id === selected) : undefined;
  const centreOfSelected = (): [number, number] | null => {
    if (!selectedItem) return null;
    const b = geometryBbox(selectedItem.geometry);
    if (!b) return null;
    return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  };

  return (
    <section className="panel-section" aria-labelledby="draw-heading">
      <h2 id="draw-heading" className="section-heading">
        {t('regions.draw')}
      </h2>
      <div className="tool-buttons" role="toolbar" aria-label={t('regions.draw')}>
        {TOOLS.map((k) => (
          <button
            key={k}
            type="button"
            className="button"
            aria-pressed={tool === k}
            // on until its editor has loaded (first use): a click on the map before that would be lost
            aria-busy={tool === k && ready !== k}
            data-ready={tool === k && ready === k}
            onClick={() => setTool(tool === k ? null : k)}
            data-testid={`tool-${k}`}
          >
            {t(`regions.tools.${k}`)}
          </button>
        ))}
      </div>
      <label className="radius-input">
        {t('regions.radius')}{' '}
        <input type="number" min={1} max={500} step={1} value={radius} onChange={(e) => setRadius(Math.max(1, Math.min(500, Number(e.target.value) || 1)))} data-testid="circle-radius" />
      </label>
      <button
        type="button"
        className="button"
        disabled={!centreOfSelected()}
        onClick={() => {
          const c = centreOfSelected();
          if (!c || !selectedItem) return;
          const label = localized(selectedItem.properties, 'name', lang);
          addArea({ id: newAreaId(), name: `${label} ${radius} km`, shape: { kind: 'circle', center: c, radiusKm: radius } });
        }}
      >
        {t('regions.circleAroundItem')}
      </button>
      {tool && (
        <p className="fine-print" role="status">
          {tool === 'measure' ? t('regions.measureHint') : tool === 'circle' ? t('regions.circleHint') : t('regions.drawHint')}
        </p>
      )}
      {tool === 'measure' && measureKm !== null && (
        <p data-testid="measure-km">
          <strong>{t('regions.distance', { km: measureKm.toFixed(1) })}</strong>
        </p>
      )}
      {areas.length > 0 && (
        <>
          <h3 className="subheading">{t('regions.drawnAreas')}</h3>
          <ul className="drawn-areas">
            {areas.map((a) => (
              <DrawnAreaItem key={a.id} area={a} analysis={analysis} onRename={(n) => rename(a.id, n)} onRemove={() => remove(a.id)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DrawnAreaItem({ area, analysis, onRename, onRemove }: { area: DrawnArea; analysis: RegionAnalysis; onRename: (n: string) => void; onRemove: () => void }) {
  const plan = usePlan();
  const { t } = useTranslation();
  const summary = analysis.areas.get(area.id);
  const users = userFiguresOf(plan, analysis.userAreas.get(area.id));
  const exportGeoJSON = () => void exportDrawnArea(area);

  return (
    <li className="drawn-area" data-testid="drawn-area">
      <label>
        <span className="visually-hidden">{t('regions.areaName')}</span>
        <input type="text" value={area.name} onChange={(e) => onRename(e.target.value)} aria-label={t('regions.areaName')} />
      </label>
      {summary ? (
        <>
          <RegionNumbers summary={summary} />
          {users.length > 0 && <UserRegionNumbers users={users} />}
          {summary.withoutGeometry > 0 && <p className="fine-print">{t('regions.withoutGeometry', { n: summary.withoutGeometry })}</p>}
        </>
      ) : (
        <p className="fine-print" role="status">
          {t('regions.computing')}
        </p>
      )}
      <div className="detail-actions">
        <button type="button" className="button" onClick={exportGeoJSON}>
          {t('regions.exportArea')}
        </button>
        <button type="button" className="button" onClick={onRemove}>
          {t('regions.removeArea')}
        </button>
      </div>
    </li>
  );
}
