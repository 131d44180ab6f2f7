/**
 * The data tab: import a file (picker, drop zone, or a drop anywhere on the map),
 * watch its progress and cancel it, read what was kept and dropped and where, apply the
 * suggested fix or another coordinate system / columns; the person's layers (colour,
 * visibility, name, zoom to, remove); export the filtered plan and the shown layers.
 * Loaded lazily (Sidebar). Everything from a file is rendered as React text, never as markup.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type ImportStatus } from '../app/store';
import type { UserLayer } from '../model/userLayer';
import { cancelImport, prepareImport, startImport } from '../app/importController';
import type { ImportIssue, ImportOptions, ImportProgress, SourceCrs } from '../data/import/types';
import type { ExportFormat } from '../model/dataExport';
import { exportFeatures } from '../app/download';
import { SaveHtmlSection } from './SaveHtmlSection';
import type { FilteredUserLayers, UserLayerFilter } from '../model/userFilters';
import { UserLayerStyleControls } from './UserLayerStyle';
import { issueText, type Translator } from '../i18n/importIssueText';
import { swapRowsFix, swappedFeatures } from '../i18n/importIssuesSwap';
import { TileLayerPanel } from './TileLayerPanel';
import { i18next } from '../app/i18n';
import { addImportIssueTexts } from '../i18n/importIssues';
// a column name is shown cleaned of bidi overrides and cut; its option value stays exact
import { echo } from '../i18n/bounded';
import { DamagedLayers } from './DamagedLayers';
import { PanelSection } from './PanelSection';
import { usePlan, usePlanOrNull } from '../app/planContext';
import { groupedDigits } from '../i18n/groupedDigits';

// The import messages' texts come with this panel (not with the first page).
addImportIssueTexts(i18next);

const CRS: SourceCrs[] = ['wgs84', 'gcj02', 'bd09'];

export function DataPanel() {
  const plan = usePlanOrNull();
  return (
    <>
      <ImportSection />
      <UserLayerList filtered={plan?.users.filtered ?? null} />
      <DamagedLayers />
      <TileLayerPanel />
      {plan && <ExportSection />}
      {plan && <SaveHtmlSection />}
    </>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.importStatus);
  const [crs, setCrs] = useState<SourceCrs>('wgs84');
  const [over, setOver] = useState(false);
  // a worker waits for the next file while this tab is open (an import takes it)
  const running = status.state === 'running';
  useEffect(() => {
    if (!running) prepareImport();
  }, [running]);
  const pick = (file: File | undefined | null) => {
    if (file) startImport(file, { crs });
  };
  return (
    <PanelSection id="import" heading={t('data.importHeading')} hint={t('data.importHint')}>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          e.stopPropagation();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          pick(e.dataTransfer.files[0]);
        }}
      >
        <label className="button file-button">
          {t('data.chooseFile')}
          <input
            type="file"
            className="visually-hidden"
            accept=".geojson,.json,.csv,.tsv,.txt,.kml,.gpx,application/geo+json,text/csv"
            data-testid="import-input"
            onChange={(e) => {
              pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <span className="fine-print">{t('data.dropHere')}</span>
      </div>
      <label className="crs-choice">
        {t('data.crs')}{' '}
        <select value={crs} onChange={(e) => setCrs(e.target.value as SourceCrs)} data-testid="import-crs">
          {CRS.map((c) => (
            <option key={c} value={c}>
              {t(`data.crsOptions.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <ImportStatusView status={status} crs={crs} />
    </PanelSection>
  );
}

function progressValue(p: ImportProgress | null): { value: number; max: number } | null {
  if (!p) return null;
  if (p.phase === 'read') return { value: p.bytesRead, max: Math.max(1, p.bytesTotal) };
  if (p.phase === 'validate') return { value: p.done, max: 1 };
  if (p.phase === 'transfer') return { value: p.featuresSent, max: Math.max(1, p.featuresTotal) };
  return null; // parsing: indeterminate
}

/** i18next's t and exists in the current language, for the import messages (../i18n/importIssueText.ts). */
function useIssueTranslator(): Translator {
  const { t, i18n } = useTranslation();
  // the import messages' keys are built from the issue's code at run time, so they are not typed
  const tAny = t as unknown as Translator['t'];
  return { t: (key, options) => tAny(key, options), exists: (key, options) => i18n.exists(key, options) };
}

function ImportStatusView({ status, crs }: { status: ImportStatus; crs: SourceCrs }) {
  const { t } = useTranslation();
  const tr = useIssueTranslator();
  const userLayers = useAppStore((s) => s.userLayers);
  const clear = () => useAppStore.getState().setImportStatus({ state: 'idle' });
  if (status.state === 'idle') return null;
  if (status.state === 'running') {
    const v = progressValue(status.progress);
    return (
      <div className="import-progress" data-testid="import-progress" role="status">
        <span>{t('data.importing', { name: status.fileName })}</span>
        {status.progress && <span className="fine-print"> {t(`data.phases.${status.progress.phase}`)}</span>}
        <div className="progress-row">
          {v ? <progress value={v.value} max={v.max} aria-label={t('data.importing', { name: status.fileName })} /> : <progress aria-label={t('data.importing', { name: status.fileName })} />}
          <button type="button" className="button" onClick={cancelImport} data-testid="import-cancel">
            {t('data.cancel')}
          </button>
        </div>
      </div>
    );
  }
  const { result, fileName, file, opts } = status;
  const again = (more: Partial<ImportOptions>) => startImport(file, { ...opts, ...more });
  const name = result.ok ? (userLayers.find((l) => l.id === result.layerId)?.name ?? fileName) : fileName;
  const issues: ImportIssue[] = result.ok ? result.warnings : [result.error, ...result.warnings];
  const cancelled = !result.ok && result.error.code === 'cancelled';
  return (
    <div className={`import-result ${result.ok ? 'ok' : 'failed'}`} data-testid="import-result" data-file={fileName} data-ok={String(result.ok)} role={result.ok ? 'status' : 'alert'}>
      <p className="import-headline">
        <strong>
          {result.ok
            ? result.kept < result.total
              ? t('data.importedDropped', { name, kept: groupedDigits(result.kept), total: groupedDigits(result.total), dropped: groupedDigits(result.total - result.kept) })
              : t('data.imported', { name, kept: groupedDigits(result.kept), total: groupedDigits(result.total) })
            : cancelled
              ? t('data.cancelled', { name: fileName })
              : t('data.failed', { name: fileName })}
        </strong>
      </p>
      {!cancelled && issues.length > 0 && (
        <ul className="import-issues">
          {issues.map((issue, i) => {
            // dropped rows that look written latitude first: offer to swap just those
            const swapRows = !issue.fix && (issue.code === 'features-dropped' || issue.code === 'no-valid-features') ? swapRowsFix(issue.details ?? [], opts) : null;
            return (
              <li key={i} data-code={issue.code}>
                {issueText(issue, tr, { listed: true })}
                {issue.fix && (
                  <>
                    {' '}
                    <button type="button" className="button" onClick={() => again(issue.fix!)} data-testid="import-fix">
                      {issue.fix.swapLonLat ? t('data.fixes.swapLonLat') : t('data.fixes.other')}
                    </button>
                  </>
                )}
                {swapRows && (
                  <>
                    {' '}
                    <button type="button" className="button" onClick={() => again(swapRows)} data-testid="import-fix">
                      {t('data.swapRows', { count: swappedFeatures(issue.details ?? []).length })}
                    </button>
                  </>
                )}
                {issue.details && issue.details.length > 0 && <IssueDetails details={issue.details} total={typeof issue.params?.dropped === 'number' ? issue.params.dropped : typeof issue.params?.count === 'number' ? issue.params.count : issue.details.length} />}
              </li>
            );
          })}
        </ul>
      )}
      {!result.ok && (result.error.code === 'no-coordinate-columns' || result.error.code === 'column-not-found') && (
        <ColumnChoice columns={columnsOf(result.error, opts)} onImport={(lon, lat) => again({ lonColumn: lon, latColumn: lat })} />
      )}
      <div className="import-actions">
        {!cancelled && (opts.crs ?? 'wgs84') !== crs && (
          <button type="button" className="button" onClick={() => again({ crs })} data-testid="import-again-crs">
            {t('data.importAgain')}
          </button>
        )}
        <button type="button" className="link-button" onClick={clear}>
          {t('data.dismiss')}
        </button>
      </div>
    </div>
  );
}

function IssueDetails({ details, total }: { details: ImportIssue[]; total: number }) {
  const { t } = useTranslation();
  const tr = useIssueTranslator();
  return (
    // open: the summary line above gives the counts only, the rows are read here
    <details className="issue-details" open={details.length <= 20}>
      <summary>{total > details.length ? t('data.detailsFirst', { n: details.length, total }) : t('data.details', { n: details.length })}</summary>
      <ol>
        {details.map((d, i) => (
          <li key={i}>{issueText(d, tr)}</li>
        ))}
      </ol>
    </details>
  );
}

function columnsOf(error: ImportIssue, opts: ImportOptions): string[] {
  const list = typeof error.params?.columns === 'string' ? error.params.columns.split(', ').filter(Boolean) : [];
  for (const c of [opts.lonColumn, opts.latColumn]) if (c && !list.includes(c)) list.push(c);
  return list;
}

function ColumnChoice({ columns, onImport }: { columns: string[]; onImport: (lon: string, lat: string) => void }) {
  const { t } = useTranslation();
  const [lon, setLon] = useState(columns[0] ?? '');
  const [lat, setLat] = useState(columns[1] ?? columns[0] ?? '');
  if (columns.length === 0) return null;
  return (
    <fieldset className="column-choice" data-testid="column-choice">
      <legend>{t('data.chooseColumns')}</legend>
      <label>
        {t('data.lonColumn')}{' '}
        <select value={lon} onChange={(e) => setLon(e.target.value)} data-testid="lon-column">
          {columns.map((c) => (
            <option key={c} value={c}>
              {echo(c)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('data.latColumn')}{' '}
        <select value={lat} onChange={(e) => setLat(e.target.value)} data-testid="lat-column">
          {columns.map((c) => (
            <option key={c} value={c}>
              {echo(c)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="button" disabled={!lon || !lat || lon === lat} onClick={() => onImport(lon, lat)}>
        {t('data.importWithColumns')}
      </button>
    </fieldset>
  );
}

function UserLayerList({ filtered }: { filtered: FilteredUserLayers | null }) {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.userLayers);
  return (
    <section className="panel-section" aria-labelledby="user-layers-heading">
      <h2 id="user-layers-heading" className="section-heading">
        {t('data.layersHeading')}
      </h2>
      {layers.length === 0 ? (
        <p className="fine-print">{t('data.noLayers')}</p>
      ) : (
        <ul className="layer-list user-layers" data-testid="user-layers">
          {layers.map((l) => (
            <UserLayerRow key={l.id} layer={l} filter={filtered?.byLayer.get(l.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UserLayerRow({ layer, filter }: { layer: UserLayer; filter: UserLayerFilter | undefined }) {
  const { t } = useTranslation();
  const st = useAppStore.getState;
  const [name, setName] = useState(layer.name);
  // Renamed elsewhere (another tab of the app): show the new name, unless a name is being typed
  // here; that one is kept and, once committed, is the layer's name in every tab.
  const [nameShown, setNameShown] = useState(layer.name);
  if (nameShown !== layer.name) {
    setNameShown(layer.name);
    if (name === nameShown) setName(layer.name);
  }
  const commit = () => {
    const n = name.trim();
    if (n && n !== layer.name) st().renameUserLayer(layer.id, n);
    else setName(layer.name);
  };
  return (
    <li className="user-layer" data-testid="user-layer" data-layer-id={layer.id} data-count={layer.features.length} data-shown={filter ? filter.count : layer.features.length}>
      <div className="layer-row">
        <input type="checkbox" id={`user-layer-${layer.id}`} checked={layer.visible} onChange={(e) => st().toggleUserLayer(layer.id, e.target.checked)} aria-label={t('data.show', { name: layer.name })} />
        <input type="color" className="color-swatch" value={layer.color} onChange={(e) => st().recolorUserLayer(layer.id, e.target.value)} aria-label={t('data.color', { name: layer.name })} />
        <input
          type="text"
          className="layer-name-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            else if (e.key === 'Escape') setName(layer.name);
          }}
          aria-label={t('data.rename')}
          data-testid="user-layer-name"
        />
      </div>
      <div className="layer-row user-layer-meta">
        <span className="layer-counts" data-testid="user-layer-count">
          {filter?.pending
            ? t('userLayers.pending')
            : filter && filter.count < layer.features.length
              ? t('userLayers.shownOf', { shown: filter.count, total: layer.features.length })
              : t('data.features', { n: groupedDigits(layer.features.length), count: layer.features.length })}
        </span>
        <button type="button" className="link-button" disabled={!layer.bbox} onClick={() => layer.bbox && st().flyToBbox(layer.bbox)}>
          {t('data.zoomTo')}
        </button>
        <button type="button" className="link-button" onClick={() => st().removeUserLayer(layer.id)} aria-label={t('data.removeLabel', { name: layer.name })} data-testid="user-layer-remove">
          {t('data.remove')}
        </button>
      </div>
      <UserLayerStyleControls layer={layer} filter={filter} />
    </li>
  );
}

function ExportSection() {
  const plan = usePlan();
  const { t } = useTranslation();
  const userLayers = useAppStore((s) => s.userLayers);
  let located = 0;
  let unlocated = 0;
  plan.items.forEach((item, i) => {
    if (!plan.visible[i]) return;
    if (item.geometry) located += 1;
    else unlocated += 1;
  });
  const userCount = userLayers.reduce((n, l) => n + (l.visible ? (plan.users.filtered.byLayer.get(l.id)?.count ?? l.features.length) : 0), 0);
  const run = (format: ExportFormat) => void exportFeatures(plan, userLayers, format);
  return (
    <section className="panel-section" aria-labelledby="export-heading">
      <h2 id="export-heading" className="section-heading">
        {t('data.exportHeading')}
      </h2>
      <p className="fine-print" data-testid="export-hint">
        {t('data.exportHint', { plan: located, user: userCount })}
        {unlocated > 0 && ` ${t('data.exportNoLocation', { n: unlocated })}`}
      </p>
      <div className="tool-buttons">
        <button type="button" className="button" onClick={() => run('geojson')} data-testid="export-geojson">
          {t('data.exportGeoJSON')}
        </button>
        <button type="button" className="button" onClick={() => run('csv')} data-testid="export-csv">
          {t('data.exportCSV')}
        </button>
      </div>
    </section>
  );
}
