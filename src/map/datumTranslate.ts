/**
 * How far a tile layer is moved on screen so it lines up with a base map drawn in another datum
 *. Tile layers are drawn by MapLibre from tiles, so their vertices cannot be converted
 * one by one the way deck.gl inputs are (./displayInput.ts). Instead each fill, line and circle
 * layer gets a `*-translate` of the datum's offset at the centre of the view, in pixels:
 *
 *   offset(z) = (display − WGS-84 position, in Web-Mercator world fractions) × 512 × 2^z
 *
 * An `interpolate` with base 2 between zoom 0 and 24 is exactly that function of the zoom, so
 * the translate stays right while zooming; on `moveend` the offset is taken again at the new
 * centre. The GCJ-02 offset changes slowly but not evenly (its sine terms move it by up to
 * ~20 m over 0.1°), so towards the edges of a view the error is a few pixels at most: at
 * zoom 13 a 1280-pixel view spans ~0.1° at ~7 m a pixel. Raster tile layers have no translate
 * property and are drawn where their tiles put them.
 */
import type { Position } from 'geojson';

/** A `*-translate` value: [x, y] pixels as a function of the zoom. */
export type TranslateExpression = ['interpolate', ['exponential', 2], ['zoom'], 0, ['literal', [number, number]], 24, ['literal', [number, number]]];

const TILE_SIZE = 512;

/** Web-Mercator x and y as fractions of the world (y grows southwards), as MapLibre uses them. */
function mercator([lon, lat]: Position): [number, number] {
  const phi = (lat! * Math.PI) / 180;
  return [(lon! + 180) / 360, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}

/**
 * The translate that moves WGS-84 tile data to where `toDisplay` draws the view's centre
 * (`centre`, WGS-84); null when the display is WGS-84 (nothing moves).
 */
export function datumTranslate(centre: Position, toDisplay: (p: Position) => Position): TranslateExpression | null {
  const shown = toDisplay(centre);
  if (shown[0] === centre[0] && shown[1] === centre[1]) return null;
  const [x0, y0] = mercator(centre);
  const [x1, y1] = mercator(shown);
  const at0: [number, number] = [(x1 - x0) * TILE_SIZE, (y1 - y0) * TILE_SIZE];
  const scale = 2 ** 24;
  return ['interpolate', ['exponential', 2], ['zoom'], 0, ['literal', at0], 24, ['literal', [at0[0] * scale, at0[1] * scale]]];
}
