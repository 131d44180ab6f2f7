/** The GCJ-02 display datum (./displayDatum.ts): loaded with gcoord when an AMap base map is chosen. */
import { fromDisplayPosition, toDisplayBbox, toDisplayPosition } from '../geo/displayCrs';
import { planLayerInputForDisplay } from './displayInput';
import type { DisplayDatum } from './displayDatum';

export const GCJ02_DATUM: DisplayDatum = {
  crs: 'gcj02',
  layerInput: (input) => planLayerInputForDisplay(input, 'gcj02'),
  toDisplay: (p) => toDisplayPosition(p, 'gcj02'),
  fromDisplay: (p) => fromDisplayPosition(p, 'gcj02'),
  bbox: (b) => toDisplayBbox(b, 'gcj02'),
};
