/**
 * A user layer (issue 7) on the map: one deck.gl layer `user-layer-<id>` that draws
 *
 * - a layer of points as a ScatterplotLayer over binary data (./userLayerBuffers.ts): positions,
 *   colours, radii and the filter mask are typed arrays, so deck runs no accessor per feature,
 *   and a big layer's positions are built in time slices before it is drawn (nothing is drawn
 *   for it meanwhile: a fraction of a second after an import of 800,000 points);
 * - any other layer (lines, areas, mixed) as a GeoJsonLayer, as before.
 *
 * Picking returns the feature itself (`info.object`, `info.index` = its index in the layer), so
 * tooltips, clicks and the search's selection work the same for both.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps, type GetPickingInfoParams, type Layer, type LayersList, type PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer, type GeoJsonLayerProps, type ScatterplotLayerProps } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { ImportedFeature } from '../data/import/types';
import type { DisplayCrs } from '../geo/displayCrs';
import { POINT_RADIUS, hexToRgb, styleKey, styledUserLayer, type UserLayerStyle } from './userLayerStyle';
import { classAttributes, filterValues, userLayerGeometry } from './userLayerBuffers';
import type { RGB } from './planColors';

interface OwnProps {
  features: readonly ImportedFeature[];
  /** '#rrggbb' */
  color: string;
  style: UserLayerStyle | undefined;
  /** Per feature: 1 = passes the filters. */
  shown: Uint8Array;
  filterVersion: string;
  /** The datum the base map is drawn in; features are shifted into it for display. */
  displayCrs: DisplayCrs;
}
export type UserFeaturesLayerProps = OwnProps & CompositeLayerProps;

const POINT_ALPHA = 220;
const EMPTY_POSITIONS = new Float64Array(0);
const filterExt = new DataFilterExtension({ filterSize: 1 });

type Descriptor = { value: Float64Array | Float32Array | Uint8Array; size: number };
interface BinaryData {
  length: number;
  attributes: Record<string, Descriptor>;
}

/** One descriptor object per typed array: deck skips re-uploading an attribute it has seen. */
const descriptors = new WeakMap<ArrayBufferView, Descriptor>();
function describe(value: Float64Array | Float32Array | Uint8Array, size: number): Descriptor {
  let d = descriptors.get(value);
  if (!d) {
    d = { value, size };
    descriptors.set(value, d);
  }
  return d;
}

export class UserFeaturesLayer extends CompositeLayer<Required<OwnProps>> {
  static override layerName = 'UserFeaturesLayer';
  static override defaultProps: DefaultProps<OwnProps> = {
    features: { type: 'object', value: [], ignore: false },
    color: '#3b3b98',
    style: { type: 'object', value: undefined, optional: true },
    shown: { type: 'object', value: new Uint8Array(0) },
    filterVersion: '',
    displayCrs: 'wgs84',
  };

  declare state: { binary?: { deps: readonly unknown[]; data: BinaryData } };

  override renderLayers(): Layer | LayersList | null {
    const { features, displayCrs } = this.props;
    // a big layer's geometry is built in slices; when it is in, this layer renders again
    const geometry = userLayerGeometry(features, displayCrs, () => this.getCurrentLayer()?.setNeedsUpdate());
    if (!geometry) {
      // While a big layer of points is built, an empty point layer with the same attributes stands
      // in: its render pipeline is created now, while the GPU is idle. Created later, luma.gl's
      // synchronous program read-back would wait for the upload of all the points (0.4–1.1 s on
      // SwiftShader).
      const first = features[0]?.geometry.type;
      return first === 'Point' ? this.renderPoints(EMPTY_POSITIONS, 0, styledUserLayer({ features, style: this.props.style, color: this.props.color })) : null;
    }
    const styled = styledUserLayer({ features, style: this.props.style, color: this.props.color });
    if (geometry.kind === 'points') return this.renderPoints(geometry.positions, geometry.count, styled);
    return this.renderFeatures(geometry.features, styled);
  }

  private renderPoints(positions: Float64Array, count: number, styled: ReturnType<typeof styledUserLayer>): Layer {
    const { fill, radius } = classAttributes(styled, POINT_ALPHA);
    const filter = filterValues(this.props.shown, count);
    const deps = [positions, fill, radius, filter];
    let binary = this.state.binary;
    if (!binary || binary.deps.some((d, i) => d !== deps[i])) {
      const attributes: Record<string, Descriptor> = { getPosition: describe(positions, 2), getFilterValue: describe(filter, 1) };
      if (fill) attributes.getFillColor = describe(fill, 4);
      if (radius) attributes.getRadius = describe(radius, 1);
      binary = { deps, data: { length: count, attributes } };
      this.setState({ binary });
    }
    const [r, g, b] = hexToRgb(styled.classes[0]?.color ?? this.props.color);
    const props = this.getSubLayerProps({
      id: 'points',
      data: binary.data,
      stroked: true,
      filled: true,
      getFillColor: [r, g, b, POINT_ALPHA],
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 1.5,
      lineWidthUnits: 'pixels',
      getRadius: styled.classes[0]?.radius ?? POINT_RADIUS,
      radiusUnits: 'pixels',
      extensions: [filterExt],
      filterRange: [1, 1],
    }) as ScatterplotLayerProps;
    return new ScatterplotLayer(props);
  }

  private renderFeatures(data: readonly ImportedFeature[], styled: ReturnType<typeof styledUserLayer>): Layer {
    type UserFeature = { geometry: { type: string } };
    type Info = { index: number };
    const isArea = (f: UserFeature) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
    const isPoint = (f: UserFeature) => f.geometry.type === 'Point' || f.geometry.type === 'MultiPoint';
    const classColors = styled.classes.map((c) => hexToRgb(c.color));
    const rgb = (index: number): RGB => classColors[styled.classOf[index] ?? 0] ?? [128, 128, 128];
    const key = styleKey(this.props.style, this.props.color);
    const shown = this.props.shown;
    const props = this.getSubLayerProps({
      id: 'features',
      data,
      stroked: true,
      filled: true,
      pointType: 'circle',
      // areas: a light fill and a strong outline; points: white rims
      getFillColor: (f: UserFeature, { index }: Info) => {
        const [r, g, b] = rgb(index);
        return [r, g, b, isArea(f) ? 60 : POINT_ALPHA];
      },
      getLineColor: (f: UserFeature, { index }: Info) => {
        if (isPoint(f)) return [255, 255, 255, 255];
        const [r, g, b] = rgb(index);
        return [r, g, b, 235];
      },
      getLineWidth: (f: UserFeature) => (isPoint(f) ? 1.5 : 2.5),
      lineWidthUnits: 'pixels',
      lineCapRounded: true,
      lineJointRounded: true,
      getPointRadius: (_f: UserFeature, { index }: Info) => styled.classes[styled.classOf[index] ?? 0]?.radius ?? POINT_RADIUS,
      pointRadiusUnits: 'pixels',
      extensions: [filterExt],
      getFilterValue: (_f: UserFeature, { index }: Info) => shown[index] ?? 0,
      filterRange: [1, 1],
      updateTriggers: { getFillColor: key, getLineColor: key, getPointRadius: key, getFilterValue: this.props.filterVersion },
    }) as GeoJsonLayerProps;
    return new GeoJsonLayer(props);
  }

  /** The feature itself, for the points too (binary data has no objects). */
  override getPickingInfo({ info, sourceLayer }: GetPickingInfoParams): PickingInfo {
    if (sourceLayer instanceof ScatterplotLayer && sourceLayer.parent === this && info.index >= 0) info.object = this.props.features[info.index];
    return info;
  }
}
