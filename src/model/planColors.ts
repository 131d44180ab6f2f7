/**
 * Colours of the plan's layers. Based on the Okabe–Ito palette, which stays distinguishable
 * for the common colour-vision deficiencies, and checked against the base map's paper tones.
 */
import type { PlanLayerKey } from './state';
import type { RGB } from './color';


export const PLAN_LAYER_COLORS: Record<PlanLayerKey, RGB> = {
  g1: [230, 159, 0], // orange — relieving non-capital functions
  g2: [0, 114, 178], // blue — Xiong'an and the Sub-center
  'g3-ecology': [0, 158, 115], // bluish green
  'g3-transport': [213, 94, 0], // vermilion
  'g3-industry': [120, 80, 40], // brown
  'g3-public-services': [204, 121, 167], // reddish purple
  g4: [80, 40, 130], // violet — reform and innovation (darker than [86, 70, 160]: apart from g2 under deuteranopia)
  g5: [110, 110, 110], // grey — working mechanisms
};
