/**
 * The plan's cooperation links ("A works with B"), drawn as raised arcs that fade where they leave
 * and are strong where they arrive.
 *
 * The arcs are paths (../geo/arcPath.ts gives ArcLayer's own curve), not an ArcLayer: deck compiles
 * a shader program per layer type in the first frame that draws it, and where WebGL is drawn in
 * software the ArcLayer's took 0.3–0.7 s of the map's first frame. As a path with the shared
 * extensions (./layerExtensions.ts) it uses the program the plan's lines already compiled.
 * Colours are per vertex, blended along the arc as ArcLayer blends its two ends' colours.
 * A picked arc reads as its link, under this layer's id ('plan-links').
 */
import { CompositeLayer, type GetPickingInfoParams, type Layer, type PickingInfo, type UpdateParameters } from '@deck.gl/core';
import { PathLayer } from '@deck.gl/layers';
import type { PlanLink } from '../data/plan/schema';
import { arcPath, ARC_SEGMENTS } from '../geo/arcPath';
import { frameExit } from '../model/edgeLinks';
import { PLAN_LAYER_COLORS } from '../model/planColors';
import type { PlanLayerKey } from '../model/state';
import { PATH_EXTENSIONS } from './layerExtensions';

export interface PlanLinksLayerProps {
  data: PlanLink[];
  /** per link: index of its item in the full item list (-1 if unknown) */
  linkItemIndex: number[];
  /** per item in the full list: its layer, whose colour the link takes */
  linkLayers: PlanLayerKey[];
  /** per item in the full list: passes the filters */
  shown: boolean[];
  filterVersion: string;
}

/** The arcs as a PathLayer's binary data: positions (lon, lat, metres) and colours per vertex. */
interface Arcs {
  length: number;
  startIndices: Uint32Array;
  attributes: {
    getPath: { value: Float64Array; size: 3 };
    getColor: { value: Uint8Array; size: 4; normalized: true };
  };
}

/** Alpha where a link leaves (a dozen share the Beijing end: strong there, they made a dark knot) and where it arrives. */
const ALPHA_FROM = 60;
const ALPHA_TO = 200;
/** Arc height as a share of the ends' distance (ArcLayer's getHeight). */
const HEIGHT = 0.4;
const NO_LAYER: [number, number, number] = [90, 90, 90];
/** MapLibre's camera distance in viewport heights (its default 36.87° field of view), which deck takes as the viewport's focal distance. */
const CAMERA_ALTITUDE = 1.5;

function arcsOf({ data, linkItemIndex, linkLayers }: PlanLinksLayerProps): Arcs {
  const n = data.length * ARC_SEGMENTS;
  const positions = new Float64Array(n * 3);
  const colors = new Uint8Array(n * 4);
  const startIndices = new Uint32Array(data.length + 1);
  data.forEach((l, i) => {
    const [a, b] = l.geometry.coordinates as [[number, number], [number, number]];
    // Links to the YRD and the GBA end, straight, where they leave the region's frame; the base
    // map draws the arrowhead and the label there (./edgeLinks.ts).
    const outside = l.properties.outside_region;
    const { positions: p, ratios } = arcPath(a, outside ? frameExit(a, b) : b, outside ? 0 : HEIGHT);
    const layer = linkLayers[linkItemIndex[i] ?? -1];
    const rgb = layer ? PLAN_LAYER_COLORS[layer] : NO_LAYER;
    const start = i * ARC_SEGMENTS;
    startIndices[i] = start;
    positions.set(p, start * 3);
    ratios.forEach((t, k) => colors.set([rgb[0], rgb[1], rgb[2], Math.round(ALPHA_FROM + (ALPHA_TO - ALPHA_FROM) * t)], (start + k) * 4));
  });
  startIndices[data.length] = n;
  return {
    length: data.length,
    startIndices,
    attributes: { getPath: { value: positions, size: 3 }, getColor: { value: colors, size: 4, normalized: true } },
  };
}

export class PlanLinksLayer extends CompositeLayer<PlanLinksLayerProps> {
  static override layerName = 'PlanLinksLayer';
  declare state: { arcs: Arcs };

  override updateState({ props, oldProps, changeFlags }: UpdateParameters<this>): void {
    if (changeFlags.dataChanged || props.linkItemIndex !== oldProps.linkItemIndex || props.linkLayers !== oldProps.linkLayers) {
      this.setState({ arcs: arcsOf(props) });
    }
  }

  override getPickingInfo({ info }: GetPickingInfoParams): PickingInfo {
    return { ...info, object: info.index >= 0 ? this.props.data[info.index] : undefined };
  }

  override renderLayers(): Layer[] {
    const { linkItemIndex, shown, filterVersion } = this.props;
    return [
      new PathLayer(
        this.getSubLayerProps({
          id: 'arcs',
          data: this.state.arcs,
          _pathType: 'open',
          positionFormat: 'XYZ',
          // 1.6 px facing the camera, as ArcLayer draws it, also where a tilted view looks along the
          // arc. deck widens a billboard path by the camera's altitude (its shader's focalDistance:
          // 1.5 viewport heights for MapLibre's camera), hence the division.
          getWidth: 1.6 / CAMERA_ALTITUDE,
          widthUnits: 'pixels',
          billboard: true,
          extensions: PATH_EXTENSIONS,
          getFilterValue: (_: unknown, { index }: { index: number }) => {
            const i = linkItemIndex[index] ?? -1;
            return i >= 0 && shown[i] ? 1 : 0;
          },
          filterRange: [1, 1],
          updateTriggers: { getFilterValue: filterVersion },
        }),
      ),
    ];
  }
}
