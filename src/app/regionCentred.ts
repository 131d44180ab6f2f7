import type { Map as MaplibreMap } from 'maplibre-gl';
import { regionFrame } from '../map/camera';

/**
 * Run `grab` with the camera centred on the region when the whole region is in view (an
 * overview: the exported image then has the region in its middle, not where the screen's panels
 * left it), and put the camera back after. A closer view is grabbed as it is.
 */
export async function withRegionCentred<T>(map: MaplibreMap, grab: () => Promise<T>): Promise<T> {
  const frame = regionFrame(map);
  if (!frame) return grab();
  const before = { center: map.getCenter(), zoom: map.getZoom() };
  const [[w, s], [e, n]] = frame;
  try {
    map.jumpTo({ center: [(w + e) / 2, (s + n) / 2] });
    return await grab();
  } finally {
    map.jumpTo(before);
  }
}
