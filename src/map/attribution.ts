import { plainAttribution } from '../model/attributionText';

/** The data sources, as named on the map (full provenance: geodata/README.md). */
export const BASEMAP_ATTRIBUTION = [
  '规划 Plan: 北京市发展和改革委员会 2019',
  '行政区划 Boundaries: 天地图 Tianditu',
  '驻地 Seats: DataV.GeoAtlas',
  '水系 Water: Natural Earth, NGCC 1:400万',
];

/**
 * Keep the map's attribution line plain text, whatever a source brings: MapLibre fills it with
 * each source's attribution HTML, including ones it fetched itself (a TileJSON named by a style
 * or a tile layer), after any cleaning the app did. Whenever an element appears in it, the line
 * is replaced by its plain text (links as "words (host)", images dropped). Returns a stop function.
 */
export function keepAttributionPlain(mapContainer: HTMLElement): () => void {
  const inner = mapContainer.querySelector('.maplibregl-ctrl-attrib-inner');
  if (!inner) return () => undefined;
  const flatten = () => {
    if (inner.firstElementChild === null) return;
    inner.textContent = plainAttribution(inner.innerHTML);
  };
  flatten();
  const observer = new MutationObserver(flatten);
  observer.observe(inner, { childList: true, subtree: true });
  return () => observer.disconnect();
}
