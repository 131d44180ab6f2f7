/**
 * The region sources (provinces, prefectures, counties) in the display datum. Over a
 * GCJ-02 base map the choropleth, the region highlights and the province borders must shift
 * with the other overlays, so their GeoJSON is fetched (from the app's origin), converted and set
 * as data; back on a WGS-84 map the sources get their URLs again.
 */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { toDisplayFeatures, type DisplayCrs } from '../../geo/displayCrs';
import { REGION_SOURCES, type RegionSource } from './style';

export type RegionSourceUrls = Record<RegionSource, string>;

const converted = new Map<string, Promise<FeatureCollection>>();
const current = new WeakMap<MaplibreMap, DisplayCrs>();

function gcjCollection(url: string): Promise<FeatureCollection> {
  let p = converted.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => r.json() as Promise<FeatureCollection>)
      .then((fc) => ({ ...fc, features: [...toDisplayFeatures(fc.features, 'gcj02')] }));
    p.catch(() => converted.delete(url)); // try again next time
    converted.set(url, p);
  }
  return p;
}

export async function setRegionSourcesDatum(map: MaplibreMap, crs: DisplayCrs, urls: RegionSourceUrls): Promise<void> {
  if ((current.get(map) ?? 'wgs84') === crs) return;
  current.set(map, crs);
  await Promise.all(
    REGION_SOURCES.map(async (id) => {
      const data = crs === 'gcj02' ? await gcjCollection(urls[id]) : urls[id];
      if (current.get(map) !== crs) return; // switched again meanwhile
      map.getSource<GeoJSONSource>(id)?.setData(data);
    }),
  );
}
