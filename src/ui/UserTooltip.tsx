import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { withBoundary } from './PanelBoundary';

const MAX_ROWS = 12;

/** Text of a property value: strings as they are, anything else as JSON. Never markup. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * The properties of the user-layer feature under the pointer. Names and values are
 * React text nodes: a value `<img src=x onerror=alert(1)>` shows as those characters.
 */
// a stored property that cannot be shown must not take the page down with it
export const UserTooltip = withBoundary(UserTooltipView, 'tooltip');

function UserTooltipView() {
  const { t } = useTranslation();
  const hover = useAppStore((s) => s.userHover);
  const layer = useAppStore((s) => (hover ? s.userLayers.find((l) => l.id === hover.layerId) : undefined));
  if (!hover || !layer) return null;
  const entries = Object.entries(hover.feature.properties);
  return (
    <div className="map-tooltip user-tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} data-testid="user-tooltip">
      <span className="tooltip-group">
        <span className="swatch" style={{ background: layer.color }} aria-hidden="true" /> {layer.name}
      </span>
      {entries.length > 0 && (
        <dl className="tooltip-props">
          {entries.slice(0, MAX_ROWS).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{text(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {entries.length > MAX_ROWS && <span className="fine-print">{t('data.tooltipMore', { n: entries.length - MAX_ROWS })}</span>}
    </div>
  );
}
