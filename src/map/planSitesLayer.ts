/**
 * The plan's sites and lines, with the sites' dots kept apart at every zoom (../geo/declutter.ts):
 * at the regional scale the sites around Beijing would sit on one another, so overlapping dots are
 * spread on a small ring, each with a thin leader line to a small anchor at its true place. The
 * layout follows the camera (recomputed per quarter zoom step, on the visible sites only), so
 * zooming in brings every dot back to its place. Picking and filtering are the inner
 * GeoJsonLayer's, under this layer's id, so a picked dot reads as before.
 */
import { CompositeLayer, type Layer, type UpdateParameters } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, ScatterplotLayer, type GeoJsonLayerProps } from '@deck.gl/layers';
import { declutter } from '../geo/declutter';
import { PATH_EXTENSIONS } from './layerExtensions';

/** What this layer needs of a plan feature (planLayers.ts DrawnItem has it). */
interface DrawnItem {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: { index: number };
}

export interface PlanSitesLayerProps {
  data: DrawnItem[];
  /** per item in the full list (DrawnItem.properties.index): passes the filters */
  shown: boolean[];
  filterVersion: string;
  /** dot radius in pixels (the inner layer's getPointRadius) */
  radius: number;
  /** colour of an item's anchor dot */
  anchorColor: (d: DrawnItem) => [number, number, number, number];
  /** everything else the inner GeoJsonLayer is given */
  inner: Record<string, unknown>;
}

interface Leader {
  from: [number, number];
  to: [number, number];
  item: DrawnItem;
}

interface State {
  step: number;
  placed: DrawnItem[];
  leaders: Leader[];
  [key: string]: unknown;
}

/** The clear space kept between two dots, pixels. */
const GAP = 4;

export class PlanSitesLayer extends CompositeLayer<PlanSitesLayerProps> {
  static override layerName = 'PlanSitesLayer';
  declare state: State;

  override shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    return changeFlags.somethingChanged;
  }

  override updateState({ props, oldProps, changeFlags }: UpdateParameters<this>): void {
    const step = Math.round(this.context.viewport.zoom * 4) / 4;
    if (!changeFlags.dataChanged && props.filterVersion === oldProps.filterVersion && step === this.state?.step) return;
    const sites = props.data.filter((d) => d.geometry.type === 'Point' && props.shown[d.properties.index]);
    const moved = declutter(
      sites.map((d) => d.geometry.coordinates as [number, number]),
      step,
      { radius: props.radius, gap: GAP },
    );
    const at = new Map<DrawnItem, [number, number]>();
    const leaders: Leader[] = [];
    sites.forEach((d, i) => {
      const to = moved[i];
      if (!to) return;
      at.set(d, to);
      leaders.push({ from: d.geometry.coordinates as [number, number], to, item: d });
    });
    const placed = at.size === 0 ? props.data : props.data.map((d) => {
      const to = at.get(d);
      return to ? { ...d, geometry: { type: 'Point' as const, coordinates: to } } : d;
    });
    this.setState({ step, placed, leaders });
  }

  override renderLayers(): Layer[] {
    const { leaders, placed } = this.state;
    return [
      new PathLayer<Leader>(
        this.getSubLayerProps({
          id: 'leaders',
          data: leaders,
          pickable: false,
          getPath: (l: Leader) => [l.from, l.to],
          getColor: [60, 60, 60, 200],
          getWidth: 1.2,
          widthUnits: 'pixels',
          extensions: PATH_EXTENSIONS,
        }),
      ),
      new ScatterplotLayer<Leader>(
        this.getSubLayerProps({
          id: 'anchors',
          data: leaders,
          pickable: false,
          getPosition: (l: Leader) => l.from,
          getFillColor: (l: Leader) => this.props.anchorColor(l.item),
          getLineColor: [255, 255, 255, 255],
          stroked: true,
          getRadius: 2.5,
          getLineWidth: 1,
          radiusUnits: 'pixels',
          lineWidthUnits: 'pixels',
          // the items' dots' program, not one of its own: their GeoJsonLayer hands its path extensions
          // to its dots too (./layerExtensions.ts); every anchor passes, solid
          extensions: PATH_EXTENSIONS,
        }),
      ),
      new GeoJsonLayer(
        this.getSubLayerProps({
          ...this.props.inner,
          id: 'items',
          data: placed,
        }) as unknown as GeoJsonLayerProps,
      ),
    ];
  }
}
