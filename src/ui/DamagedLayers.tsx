/**
 * Stored layers that did not pass the schema (src/app/storage/schema.ts): named here, never
 * drawn, with a button to delete each for good. Nothing of their content is shown but the name,
 * cleaned and cut.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteSetAside, loadReport, onLoadReport, readableFeatures } from '../app/storage/userLayers';
import { downloadBlob } from '../app/download';
import { safeFileName } from '../model/drawnArea';

/** Save the features of a damaged layer that are still readable, as GeoJSON. */
async function exportReadable(id: string, name: string): Promise<void> {
  const [features, { toGeoJSON }] = await Promise.all([readableFeatures(id), import('../data/export')]);
  downloadBlob(new Blob([toGeoJSON(features)], { type: 'application/geo+json' }), `${safeFileName(name).replace(/\s+/g, '_') || 'layer'}-readable.geojson`);
}
import { echo } from '../i18n/bounded';

export function DamagedLayers() {
  const { t } = useTranslation();
  const report = useSyncExternalStore(onLoadReport, loadReport);
  const damaged = report.setAside;
  if (damaged.length === 0) return null;
  return (
    <section className="panel-section" aria-labelledby="damaged-layers-heading" data-testid="damaged-layers">
      <h2 id="damaged-layers-heading" className="section-heading">
        {t('storage.damagedHeading')}
      </h2>
      <p className="fine-print">{t('storage.damagedHint')}</p>
      <ul className="layer-list">
        {damaged.map((l, i) => (
          <li key={`${l.id ?? ''}:${i}`} data-testid="damaged-layer" title={echo(l.reason, 200)}>
            <span>{echo(l.name)}</span>{' '}
            {l.id !== null && (
              <>
                <button type="button" className="link-button" onClick={() => void exportReadable(l.id!, echo(l.name))} data-testid="damaged-layer-export">
                  {t('storage.exportReadable')}
                </button>{' '}
                <button type="button" className="link-button" onClick={() => void deleteSetAside(l.id!)} aria-label={t('storage.deleteLabel', { name: echo(l.name) })} data-testid="damaged-layer-delete">
                  {t('storage.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
