/** The data sources, as named on the map (full provenance: geodata/README.md). */
export const BASEMAP_ATTRIBUTION = [
  '规划 Plan: 北京市发展和改革委员会 2019',
  '行政区划 Boundaries: 天地图 Tianditu',
  '驻地 Seats: DataV.GeoAtlas',
  '水系 Water: Natural Earth, NGCC 1:400万',
];
