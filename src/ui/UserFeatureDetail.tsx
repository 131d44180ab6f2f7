/**
 * The properties of the user-layer feature chosen in the search or clicked on the map
 *, as a small card on the map. Names and values are React text nodes, never markup.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { withBoundary } from './PanelBoundary';

/** Text of a property value: strings as they are, anything else as JSON. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

// a stored property that cannot be shown must not take the page down with it
export const UserFeatureDetail = withBoundary(UserFeatureDetailView, 'featureDetail');

function UserFeatureDetailView() {
  const sel = useAppStore((s) => s.userSelected);
  const layer = useAppStore((s) => (sel ? s.userLayers.find((l) => l.id === sel.layerId) : undefined));
  const close = useAppStore((s) => s.selectUserFeature);
  const feature = sel && layer ? layer.features[sel.index] : undefined;
  if (!sel || !layer || !feature) return null;
  return <FeatureCard testId="user-feature-detail" layer={layer} properties={feature.properties} onClose={() => close(null)} />;
}

/** The card: the layer's swatch and name, a close button, the properties. */
function FeatureCard({ testId, layer, properties, onClose }: { testId: string; layer: { name: string; color: string }; properties: Record<string, unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <aside className="user-feature-detail" data-testid={testId} aria-label={t('userLayers.featureHeading', { name: layer.name })}>
      <header>
        <span className="swatch" aria-hidden="true" style={{ background: layer.color }} />
        <h2>{t('userLayers.featureHeading', { name: layer.name })}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('userLayers.close')}>
          ×
        </button>
      </header>
      <PropertyList properties={properties} />
    </aside>
  );
}

/** A feature's properties as a definition list (text only), or "no properties". */
export function PropertyList({ properties }: { properties: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(properties);
  if (entries.length === 0) return <p className="fine-print">{t('userLayers.noProperties')}</p>;
  return (
    <dl className="tooltip-props">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{text(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The properties of a tile-layer feature clicked on the map. */
export const TileFeatureDetail = withBoundary(TileFeatureDetailView, 'featureDetail');

function TileFeatureDetailView() {
  const picked = useAppStore((s) => s.tileFeature);
  const layer = useAppStore((s) => (picked ? s.tileLayers.find((l) => l.id === picked.layerId) : undefined));
  const close = useAppStore((s) => s.setTileFeature);
  if (!picked || !layer) return null;
  return <FeatureCard testId="tile-feature-detail" layer={layer} properties={picked.properties} onClose={() => close(null)} />;
}
