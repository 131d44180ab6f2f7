/**
 * The datum the map is drawn in, as the app uses it: how deck inputs, positions and
 * boxes go to the screen and back. WGS-84 is the identity and costs nothing; the GCJ-02 one
 * (./gcjDatum.ts, with gcoord) loads only when an AMap base map is chosen.
 */
import type { Position } from 'geojson';
import type { DisplayCrs } from '../geo/displayCrs';
import type { PlanLayerInput } from './planLayers';

export interface DisplayDatum {
  crs: DisplayCrs;
  /** deck inputs in the display datum */
  layerInput: (input: PlanLayerInput) => PlanLayerInput;
  /** a WGS-84 position on the display */
  toDisplay: <P extends Position>(p: P) => P;
  /** a position read off the display, in WGS-84 */
  fromDisplay: <P extends Position>(p: P) => P;
  /** a WGS-84 bbox [w, s, e, n] on the display */
  bbox: (b: readonly [number, number, number, number]) => [number, number, number, number];
}

export const WGS84_DATUM: DisplayDatum = {
  crs: 'wgs84',
  layerInput: (input) => input,
  toDisplay: (p) => p,
  fromDisplay: (p) => p,
  bbox: (b) => [b[0], b[1], b[2], b[3]],
};
