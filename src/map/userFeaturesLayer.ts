/**
 * A user layer on the map: one deck.gl layer `user-layer-<id>` that draws
 *
 * - a layer of points as a ScatterplotLayer over binary data (./userLayerBuffers.ts): positions,
 *   colours, radii and the filter mask are typed arrays, so deck runs no accessor per feature,
 *   and a big layer's positions are built in time slices before it is drawn (nothing is drawn
 *   for it meanwhile: a fraction of a second after an import of 800,000 points);
 * - any other layer (lines, areas, mixed) from binary shapes built in time slices too: areas as a
 *   SolidPolygonLayer with their earcut triangles (deck skips its own tessellation, which took
 *   1.2 s in one frame for 50,000 areas), lines and area outlines as a PathLayer, points as a
 *   ScatterplotLayer; colours and the filter come from accessors run once per shape.
 *
 * Picking returns the feature itself (`info.object`, `info.index` = its index in the layer, found
 * through each shape's `featureOf`), so
 * tooltips, clicks and the search's selection work the same for both.
 */
import { CompositeLayer, type CompositeLayerProps, type DefaultProps, type GetPickingInfoParams, type Layer, type LayerContext, type LayersList, type PickingInfo } from '@deck.gl/core';
import { Buffer } from '@luma.gl/core';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer, type PathLayerProps, type ScatterplotLayerProps, type SolidPolygonLayerProps } from '@deck.gl/layers';
import type { ImportedFeature } from '../data/import/types';
import { geometryTypeAt, tableOf } from '../data/import/table';
import type { DisplayCrs } from '../geo/displayCrs';
import { POINT_RADIUS, styleKey, styledUserLayer, type UserLayerStyle } from '../model/userLayerStyle';
import { hexToRgb } from '../model/color';
import { classAttributes, filterValues, userLayerGeometry, type UserGeometry } from './userLayerBuffers';
import { PointListScatterplotLayer } from './pointListScatterplotLayer';
import { isSoftwareRenderer } from './webgl';
import { filterExt, PATH_EXTENSIONS } from './layerExtensions';
import type { RGB } from '../model/color';

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
  /** Draw nothing, but make the point layer's shaders and pipeline (see `userPointsWarmup`). */
  warmup: boolean;
}
export type UserFeaturesLayerProps = OwnProps & CompositeLayerProps;

const POINT_ALPHA = 220;
const EMPTY_POSITIONS = new Float64Array(0);

type Descriptor = { value: Float64Array | Float32Array | Uint8Array; size: number; buffer?: Buffer };
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

/**
 * One data object per shape arrays: a new object at every render (a hover, a filter change)
 * would count as new data for deck, which would then rebuild and upload every attribute again.
 */
const binaryData = new WeakMap<object, object>();
function binaryOnce<T extends object>(arrays: object, make: () => T): T {
  let d = binaryData.get(arrays) as T | undefined;
  if (!d) {
    d = make();
    binaryData.set(arrays, d);
  }
  return d;
}

/**
 * While the data tab is open or a file is imported: an empty point layer made like a user
 * layer's points (it has no points, so it draws nothing), so that its shaders are compiled and
 * its pipelines linked — the one made with the layer and the one its first draw makes with the
 * frame's parameters — before an import's result arrives. luma.gl keeps pipelines, and the layer
 * added with the result finds them made. On SwiftShader that was a 140–175 ms task in the frame
 * that first showed a 100 MB import, mostly synchronous reads of the linked program waiting for
 * the GPU process; it is now one task of ~105 ms when the data tab first opens.
 */
export function userPointsWarmup(): UserFeaturesLayer {
  const props: Partial<UserFeaturesLayerProps> = { id: 'user-points-warmup', features: [], warmup: true, pickable: false };
  return new UserFeaturesLayer(props);
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
    warmup: false,
  };

  declare state: {
    binary?: { deps: readonly unknown[]; data: BinaryData };
    /** The points' positions on the GPU, uploaded from their split copy (owned here, destroyed with the layer). */
    gpuPositions?: { split: Float32Array; descriptor: Descriptor & { buffer: Buffer } };
  };

  override finalizeState(context: LayerContext): void {
    this.state.gpuPositions?.descriptor.buffer.destroy();
    super.finalizeState(context);
  }

  /**
   * Points as instanced quads on a GPU, as one point list where WebGL is drawn in software: there
   * an instanced draw runs one instance at a time (./pointListScatterplotLayer.ts).
   */
  private pointLayer(): new (props: ScatterplotLayerProps) => ScatterplotLayer {
    return isSoftwareRenderer(this.context.device.info.renderer) ? PointListScatterplotLayer : ScatterplotLayer;
  }

  override renderLayers(): Layer | LayersList | null {
    const { features, displayCrs } = this.props;
    if (this.props.warmup) return this.renderPoints(EMPTY_POSITIONS, null, 0, styledUserLayer({ features, style: undefined, color: this.props.color }));
    // a big layer's geometry is built in slices; when it is in, this layer renders again
    const geometry = userLayerGeometry(features, displayCrs, () => this.getCurrentLayer()?.setNeedsUpdate());
    if (!geometry) {
      // While a big layer of points is built, an empty point layer with the same attributes stands
      // in: its render pipeline is created now, while the GPU is idle. Created later, luma.gl's
      // synchronous program read-back would wait for the upload of all the points (0.4–1.1 s on
      // SwiftShader).
      // a table's first type is read from its column: reading features[0] made the feature, and
      // its properties' first read decoded a text column (10 ms at 800,000 names)
      const table = tableOf(features);
      const first = table ? geometryTypeAt(table, 0) : features[0]?.geometry.type;
      return first === 'Point' ? this.renderPoints(EMPTY_POSITIONS, null, 0, styledUserLayer({ features, style: this.props.style, color: this.props.color })) : null;
    }
    const styled = styledUserLayer({ features, style: this.props.style, color: this.props.color });
    if (geometry.kind === 'points') return this.renderPoints(geometry.positions, geometry.split, geometry.count, styled);
    return this.renderShapes(geometry, styled);
  }

  /**
   * The positions as deck's binary attribute: a buffer made here from the split copy, with the
   * Float64 values beside it (deck then neither splits nor copies them; it keeps its own buffer
   * only for arrays it split itself).
   */
  private positionsAttribute(positions: Float64Array, split: Float32Array | null): Descriptor {
    if (!split || positions.length === 0) return describe(positions, 2);
    const held = this.state.gpuPositions;
    if (held?.split === split) return held.descriptor;
    held?.descriptor.buffer.destroy();
    const buffer = this.context.device.createBuffer({ data: split, usage: Buffer.VERTEX | Buffer.COPY_DST });
    const descriptor = { value: positions, size: 2, buffer };
    this.setState({ gpuPositions: { split, descriptor } });
    return descriptor;
  }

  private renderPoints(positions: Float64Array, split: Float32Array | null, count: number, styled: ReturnType<typeof styledUserLayer>): Layer {
    const { fill, radius } = classAttributes(styled, POINT_ALPHA);
    const filter = filterValues(this.props.shown, count);
    const position = this.positionsAttribute(positions, split);
    const deps = [position, fill, radius, filter];
    let binary = this.state.binary;
    if (!binary || binary.deps.some((d, i) => d !== deps[i])) {
      const attributes: Record<string, Descriptor> = { getPosition: position, getFilterValue: describe(filter, 1) };
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
    return new (this.pointLayer())(props);
  }

  private renderShapes(geometry: Extract<UserGeometry, { kind: 'shapes' }>, styled: ReturnType<typeof styledUserLayer>): Layer[] {
    type Info = { index: number };
    const { areas, paths, points } = geometry;
    const classColors = styled.classes.map((c) => hexToRgb(c.color));
    const rgb = (feature: number): RGB => classColors[styled.classOf[feature] ?? 0] ?? [128, 128, 128];
    const key = styleKey(this.props.style, this.props.color);
    const shown = this.props.shown;
    const updateTriggers = (colour: string) => ({ [colour]: key, getFilterValue: this.props.filterVersion });
    const out: Layer[] = [];
    // areas: a light fill (their triangles come with them: deck does not tessellate), …
    if (areas.count > 0) {
      const props = this.getSubLayerProps({
        id: 'areas',
        data: binaryOnce(areas, () => ({ length: areas.count, startIndices: areas.startIndices, attributes: { getPolygon: describe(areas.positions, 2), indices: areas.indices } })),
        _normalize: false,
        filled: true,
        getFillColor: (_: unknown, { index }: Info) => {
          const [r, g, b] = rgb(areas.featureOf[index]!);
          return [r, g, b, 60];
        },
        extensions: [filterExt],
        getFilterValue: (_: unknown, { index }: Info) => shown[areas.featureOf[index]!] ?? 0,
        filterRange: [1, 1],
        updateTriggers: updateTriggers('getFillColor'),
      }) as SolidPolygonLayerProps;
      out.push(new SolidPolygonLayer(props));
    }
    // … lines and the areas' outlines strong, …
    if (paths.count > 0) {
      const props = this.getSubLayerProps({
        id: 'paths',
        data: binaryOnce(paths, () => ({ length: paths.count, startIndices: paths.startIndices, attributes: { getPath: describe(paths.positions, 2) } })),
        _pathType: 'open',
        getColor: (_: unknown, { index }: Info) => {
          const [r, g, b] = rgb(paths.featureOf[index]!);
          return [r, g, b, 235];
        },
        getWidth: 2.5,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        extensions: PATH_EXTENSIONS,
        getFilterValue: (_: unknown, { index }: Info) => shown[paths.featureOf[index]!] ?? 0,
        filterRange: [1, 1],
        updateTriggers: updateTriggers('getColor'),
      }) as PathLayerProps;
      out.push(new PathLayer(props));
    }
    // … and points with white rims, on top.
    if (points.count > 0) {
      const props = this.getSubLayerProps({
        id: 'mixed-points',
        data: binaryOnce(points, () => ({ length: points.count, attributes: { getPosition: describe(points.positions, 2) } })),
        stroked: true,
        filled: true,
        getFillColor: (_: unknown, { index }: Info) => {
          const [r, g, b] = rgb(points.featureOf[index]!);
          return [r, g, b, POINT_ALPHA];
        },
        getLineColor: [255, 255, 255, 255],
        getLineWidth: 1.5,
        lineWidthUnits: 'pixels',
        getRadius: (_: unknown, { index }: Info) => styled.classes[styled.classOf[points.featureOf[index]!] ?? 0]?.radius ?? POINT_RADIUS,
        radiusUnits: 'pixels',
        extensions: [filterExt],
        getFilterValue: (_: unknown, { index }: Info) => shown[points.featureOf[index]!] ?? 0,
        filterRange: [1, 1],
        updateTriggers: { ...updateTriggers('getFillColor'), getRadius: key },
      }) as ScatterplotLayerProps;
      out.push(new (this.pointLayer())(props));
    }
    return out;
  }

  /** The feature itself, for the points too (binary data has no objects). */
  override getPickingInfo({ info, sourceLayer }: GetPickingInfoParams): PickingInfo {
    if (!sourceLayer || sourceLayer.parent !== this || info.index < 0) return info;
    // shapes: the index of the area, path or point → the index of its feature (the geometry is
    // cached per features and datum, so this is a lookup)
    const geometry = userLayerGeometry(this.props.features, this.props.displayCrs);
    const featureOf = geometry?.kind === 'shapes' && (sourceLayer.id.endsWith('-areas') ? geometry.areas.featureOf : sourceLayer.id.endsWith('-paths') ? geometry.paths.featureOf : sourceLayer.id.endsWith('-mixed-points') ? geometry.points.featureOf : null);
    if (featureOf) info.index = featureOf[info.index] ?? -1;
    info.object = info.index >= 0 ? this.props.features[info.index] : undefined;
    return info;
  }
}
