/**
 * Tile layers: data too large to import is added by URL — a PMTiles archive, a TileJSON
 * or an {z}/{x}/{y} template — or as a local .pmtiles file, and listed with a switch, colour,
 * "zoom to" and remove. How to make and host PMTiles is in the README.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { addTileLayerFromFile, addTileLayerFromUrl, type AddTileResult } from '../app/tileLayerController';
import { boundedMessage } from '../i18n/bounded';
import { PanelSection } from './PanelSection';

/** TILE_STEP_TIMEOUT_MS of src/map/tileLayers.ts in seconds (not imported: that module loads on first use). */
const TILE_STEP_TIMEOUT_S = 15;

export function TileLayerPanel() {
  const { t } = useTranslation();
  const id = useId();
  const layers = useAppStore((s) => s.tileLayers);
  const update = useAppStore((s) => s.updateTileLayer);
  const remove = useAppStore((s) => s.removeTileLayer);
  const flyToBbox = useAppStore((s) => s.flyToBbox);
  const gcj = useAppStore((s) => s.baseMapStatus.state === 'ready' && s.baseMapStatus.kind === 'amap');
  const [url, setUrl] = useState('');
  const [sourceLayer, setSourceLayer] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Extract<AddTileResult, { ok: false }> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // the running inspection's Cancel
  const [running, setRunning] = useState<AbortController | null>(null);
  const needsSourceLayer = /\{z\}/.test(url) && /\.(pbf|mvt)(\?|$)/i.test(url);

  const finish = (r: AddTileResult) => {
    setRunning(null);
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setUrl('');
      setSourceLayer('');
    } else setProblem(r);
  };

  return (
    <PanelSection id={id} heading={t('tiles.heading')} hint={t('tiles.hint')} testId="tile-layers">
      <form
        className="basemap-input tile-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!url.trim() || busy) return;
          setBusy(true);
          const controller = new AbortController();
          setRunning(controller);
          void addTileLayerFromUrl(url, needsSourceLayer ? sourceLayer : undefined, controller.signal).then(finish);
        }}
      >
        <label htmlFor={`${id}-url`} className="fine-print">
          {t('tiles.url')}
        </label>
        <input id={`${id}-url`} type="url" value={url} placeholder="https://…/data.pmtiles" onChange={(e) => setUrl(e.target.value)} data-testid="tile-url" />
        {needsSourceLayer && (
          <>
            <label htmlFor={`${id}-sl`} className="fine-print">
              {t('tiles.sourceLayer')}
            </label>
            <input id={`${id}-sl`} type="text" value={sourceLayer} onChange={(e) => setSourceLayer(e.target.value)} data-testid="tile-source-layer" />
          </>
        )}
        <button type="submit" className="button" disabled={busy || !url.trim()} data-testid="tile-add">
          {busy ? t('tiles.adding') : t('tiles.add')}
        </button>
        {busy && running && (
          <button type="button" className="button" onClick={() => running.abort()} data-testid="tile-cancel">
            {t('tiles.cancel')}
          </button>
        )}
        <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy}>
          {t('tiles.openFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".pmtiles"
          hidden
          data-testid="tile-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setBusy(true);
            void addTileLayerFromFile(file).then(finish);
          }}
        />
      </form>
      {problem && (
        <p className="fine-print field-error" role="alert" data-testid="tile-problem" data-code={problem.code}>
          {t(`tiles.problems.${problem.code}`, { s: TILE_STEP_TIMEOUT_S })} <span className="problem-detail">({boundedMessage(problem.message, 300)})</span>
        </p>
      )}
      {gcj && layers.length > 0 && <p className="fine-print">{t('tiles.gcjShift')}</p>}
      {layers.length > 0 && (
        <ul className="layer-list">
          {layers.map((l) => (
            <li key={l.id} className="layer-row tile-layer" data-testid="tile-layer" data-layer-id={l.id} data-status={l.status}>
              <input type="checkbox" id={`${id}-${l.id}`} checked={l.visible} onChange={(e) => update(l.id, { visible: e.target.checked })} disabled={l.status === 'failed'} />
              <input type="color" value={l.color} aria-label={t('tiles.color', { name: l.name })} onChange={(e) => update(l.id, { color: e.target.value })} disabled={l.kind.endsWith('raster')} />
              <label htmlFor={`${id}-${l.id}`} className="layer-name" title={l.url.startsWith('file:') ? l.url.slice(5) : l.url}>
                {l.name}
                <span className="fine-print">
                  {' · '}
                  {t(`tiles.kinds.${l.kind}`)}
                  {l.status === 'failed' ? ` · ${t('tiles.statusFailed')}` : l.status === 'loading' ? ` · ${t('tiles.statusLoading')}` : ''}
                  {l.url.startsWith('file:') ? ` · ${t('tiles.sessionOnly')}` : ''}
                </span>
              </label>
              {l.bounds && (
                <button type="button" className="link-button" onClick={() => flyToBbox(l.bounds!)} aria-label={t('tiles.zoomTo', { name: l.name })} title={t('tiles.zoomTo', { name: l.name })}>
                  {t('tiles.zoom')}
                </button>
              )}
              <button type="button" className="icon-button" onClick={() => remove(l.id)} aria-label={t('tiles.remove', { name: l.name })} title={t('tiles.remove', { name: l.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </PanelSection>
  );
}
