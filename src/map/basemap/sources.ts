/**
 * URLs of the base-map GeoJSON files shipped with the app (geodata/basemap/, copied from
 * ../shared/geodata-sources with provenance in geodata/README.md). Vite emits each as a
 * hashed asset on the app's own origin; MapLibre fetches and tiles them in its worker.
 */
import provinces from '../../../geodata/basemap/jjj_provinces.geojson?url';
import prefectures from '../../../geodata/basemap/jjj_prefectures.geojson?url';
import counties from '../../../geodata/basemap/jjj_counties.geojson?url';
import neighbours from '../../../geodata/basemap/wide_land.geojson?url';
import borders from '../../../geodata/basemap/wide_borders.geojson?url';
import sea from '../../../geodata/basemap/wide_ocean.geojson?url';
import coastline from '../../../geodata/basemap/wide_coastline.geojson?url';
import rivers from '../../../geodata/basemap/rivers_naturalearth.geojson?url';
import riversSupplement from '../../../geodata/basemap/rivers_ngcc4m_supplement.geojson?url';
import lakes from '../../../geodata/basemap/lakes_naturalearth.geojson?url';
import seats from '../../../geodata/basemap/jjj_admin_seats.geojson?url';
import labels from '../../../geodata/basemap/jjj_admin_labels.geojson?url';
import type { BasemapUrls } from './style';

export const basemapUrls: BasemapUrls = {
  provinces,
  prefectures,
  counties,
  neighbours,
  borders,
  sea,
  coastline,
  rivers,
  riversSupplement,
  lakes,
  seats,
  labels,
};
