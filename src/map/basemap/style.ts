/**
 * The embedded base map: a MapLibre style built only from data the app ships.
 * Why one long file: a MapLibre style is one ordered list of layers (draw order is meaning);
 * cut into files, the order would be spread over them.
 *
 * Pure: takes the data URLs, the font faces and the label language, returns a style object.
 * No `glyphs` and no `sprite` URL — every glyph is drawn locally from the bundled Noto Sans SC
 * (`font-faces`, MapLibre 6), so labels render on machines without CJK fonts and no request
 * leaves the page's origin. Design notes: ./README.md.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';

export interface BasemapUrls {
  provinces: string;
  prefectures: string;
  counties: string;
  /** all land of the wide box (lon 100–135, lat 28–50), drawn in the neighbours' grey under the region */
  neighbours: string;
  /** provincial borders outside the region and China's land border, over the wide box */
  borders: string;
  sea: string;
  coastline: string;
  rivers: string;
  riversSupplement: string;
  lakes: string;
  seats: string;
  labels: string;
}

export type FontFaces = Record<string, { url: string; 'unicode-range': string[] }[]>;
export type LabelLanguage = 'zh' | 'en';

/** Which base-map layer groups a person can switch off . */
export interface BasemapOptions {
  lang: LabelLanguage;
  counties: boolean;
  labels: boolean;
  rivers: boolean;
  /**
   * false while an online base map is shown: the embedded ground, water and labels are
   * hidden; the app's own layers on the base style (choropleth, highlights) and the province
   * borders stay. Absent = true.
   */
  embedded?: boolean;
}

/** Base-style layers that stay over an online base map (their sources follow the display datum). */
export function keptOverOnlineBaseMap(layerId: string): boolean {
  return layerId.startsWith('choropleth-') || layerId.startsWith('highlight-') || layerId.startsWith('edge-link-') || layerId === 'province-border';
}

export const DEFAULT_BASEMAP_OPTIONS: BasemapOptions = { lang: 'zh', counties: true, labels: true, rivers: true };

export const FONT_REGULAR = 'Noto Sans SC Regular';
export const FONT_BOLD = 'Noto Sans SC Bold';

/** The id of the lowest label layer: overlays inserted before it stay under every label. */
export const FIRST_LABEL_LAYER = 'water-label-river';

/** Region bounds: the three provinces, and the pan limit around them. [[w, s], [e, n]] */
export const JJJ_BOUNDS: [[number, number], [number, number]] = [[113.45, 36.05], [119.85, 42.62]];
/** The rectangle the land, sea and borders cover (geodata/basemap/wide_*.geojson, SOURCES.md). */
export const DATA_BOUNDS: [[number, number], [number, number]] = [[100.0, 28.0], [135.0, 50.0]];
/**
 * The pan and zoom-out limit: MapLibre keeps every view (and every export or print of it) inside
 * this rectangle, a little inside DATA_BOUNDS, so the end of the data is never on screen. Still wide
 * enough that a 1920-px-wide map, or a phone held upright, shows the whole region.
 */
export const MAX_BOUNDS: [[number, number], [number, number]] = [[100.3, 28.3], [134.7, 49.7]];

/** Base-map palette; the plan's overlay colours are chosen to stand out on it. */
export const BASEMAP_COLORS = {
  background: '#e8ecee',
  sea: '#b7d0e1',
  coast: '#7fa6bf',
  neighbour: '#e6e5e0',
  neighbourBorder: '#c4c2bb',
  land: '#f8f6f0',
  beijing: '#f6f1e6',
  province: '#6e6358',
  provinceCasing: '#e5dccd',
  prefecture: '#a0958a',
  county: '#cfc7ba',
  river: '#86b4d2',
  lake: '#b7d0e1',
  waterText: '#3a7099',
  textDark: '#3b352e',
  textMid: '#5a5249',
  textLight: '#7a7166',
  halo: 'rgba(255,255,255,0.92)',
  highlight: '#d9480f',
} as const;

const c = BASEMAP_COLORS;

/** Primary name in the label language, the other language beneath in smaller type. */
export function bilingualLabel(lang: LabelLanguage, primarySize = 1, secondaryScale = 0.78): ExpressionSpecification {
  const [first, second] = lang === 'zh' ? ['name', 'name_en'] : ['name_en', 'name'];
  return [
    'format',
    ['coalesce', ['get', first], ['get', second]],
    { 'font-scale': primarySize },
    ['case', ['all', ['has', first], ['has', second]], '\n', ''],
    {},
    ['case', ['all', ['has', first], ['has', second]], ['get', second], ''],
    { 'font-scale': secondaryScale },
  ];
}

/** The boundary sources, province to county, that the highlight and hover layers draw from. */
export const REGION_SOURCES = ['provinces', 'prefectures', 'counties'] as const;
export type RegionSource = (typeof REGION_SOURCES)[number];

/*
 * The highlight and hover layers are in the style from the start, with the filters the app sets
 * when nothing is highlighted or hovered. MapLibre re-lays out every loaded tile of a source when
 * one of its layers is added or its filter changes, so a layer added at run time, or a first
 * filter that differs from the style's, cost the app's start a re-parse of the three boundary
 * sources and the frames that follow it.
 */

/** Regions of the selected item, by code. Beijing and Tianjin share one code at province and prefecture level: drawn once, as provinces. */
export function regionHighlightFilter(src: RegionSource, codes: readonly string[]): ExpressionSpecification {
  const filter: ExpressionSpecification = ['in', ['get', 'adcode'], ['literal', [...codes]]];
  return src === 'prefectures' ? ['all', filter, ['!', ['in', ['get', 'adcode'], ['literal', ['110000', '120000']]]]] : filter;
}

/** The region under the pointer, or none. */
export function regionHoverFilter(code: string | null): ExpressionSpecification {
  return code === null ? ['in', ['get', 'adcode'], ['literal', []]] : ['==', ['get', 'adcode'], code];
}

/** River pieces not drawn by the plain river layers: those fading out at the old clip box. */
const NOT_FADING: ExpressionSpecification = ['!=', ['get', 'fade_to_edge'], true];
const RIVER_FADED = 'rgba(134,180,210,0)';

function visibility(on: boolean): 'visible' | 'none' {
  return on ? 'visible' : 'none';
}

export function buildBasemapStyle(urls: BasemapUrls, fontFaces: FontFaces, options: BasemapOptions = DEFAULT_BASEMAP_OPTIONS): StyleSpecification {
  const { lang } = options;
  const rivers = visibility(options.rivers);
  const labels = visibility(options.labels);
  const geo = (data: string) => ({ type: 'geojson' as const, data });

  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': c.background } },
    { id: 'sea', type: 'fill', source: 'sea', paint: { 'fill-color': c.sea } },
    { id: 'neighbour-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': c.neighbour } },
    {
      id: 'province-fill',
      type: 'fill',
      source: 'provinces',
      paint: { 'fill-color': ['match', ['get', 'adcode'], '110000', c.beijing, '120000', c.beijing, c.land] },
    },
    // Choropleth fills, one per level, hidden until a person turns one on
    // (../choropleth.ts sets their colours).
    ...REGION_SOURCES.map(
      (src): LayerSpecification => ({
        id: `choropleth-${src}`,
        type: 'fill',
        source: src,
        layout: { visibility: 'none' },
        paint: { 'fill-color': 'rgba(0,0,0,0)', 'fill-opacity': 0.85 },
      }),
    ),
    {
      id: 'county-border',
      type: 'line',
      source: 'counties',
      minzoom: 6.5,
      layout: { visibility: visibility(options.counties), 'line-join': 'round' },
      paint: {
        'line-color': c.county,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6.5, 0.3, 9, 0.8, 12, 1.2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 6.5, 0, 7.2, 1],
      },
    },
    {
      id: 'lake',
      type: 'fill',
      source: 'lakes',
      layout: { visibility: rivers },
      paint: { 'fill-color': c.lake, 'fill-outline-color': c.river },
    },
    {
      id: 'river',
      type: 'line',
      source: 'rivers',
      filter: NOT_FADING,
      layout: { visibility: rivers, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': c.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 8, 1.6, 12, 3] },
    },
    {
      id: 'river-supplement',
      type: 'line',
      source: 'riversSupplement',
      filter: NOT_FADING,
      layout: { visibility: rivers, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': c.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 8, 1.3, 12, 2.5] },
    },
    // The river data stops at the old clip box; the last stretch before it fades out along the
    // river (scripts/build-basemap-river-fades.ts), so no row of river ends marks a straight line.
    ...(['rivers', 'riversSupplement'] as const).map(
      (src): LayerSpecification => ({
        id: src === 'rivers' ? 'river-fade' : 'river-supplement-fade',
        type: 'line',
        source: src,
        filter: ['==', ['get', 'fade_to_edge'], true],
        layout: { visibility: rivers, 'line-join': 'round', 'line-cap': 'butt' },
        paint: {
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, src === 'rivers' ? 0.8 : 0.6, 8, src === 'rivers' ? 1.6 : 1.3, 12, src === 'rivers' ? 3 : 2.5],
          'line-gradient': ['interpolate', ['linear'], ['line-progress'], 0, c.river, 1, RIVER_FADED],
        },
      }),
    ),
    { id: 'neighbour-border', type: 'line', source: 'borders', layout: { 'line-join': 'round' }, paint: { 'line-color': c.neighbourBorder, 'line-width': 0.8 } },
    {
      id: 'prefecture-border',
      type: 'line',
      source: 'prefectures',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.prefecture,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 8, 1.2, 12, 2],
        'line-dasharray': [4, 1.5, 1, 1.5],
      },
    },
    {
      id: 'province-border-casing',
      type: 'line',
      source: 'provinces',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': c.provinceCasing, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 8, 6, 12, 9], 'line-opacity': 0.8 },
    },
    {
      id: 'province-border',
      type: 'line',
      source: 'provinces',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': c.province, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.1, 8, 1.8, 12, 2.6] },
    },
    { id: 'coastline', type: 'line', source: 'coastline', paint: { 'line-color': c.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.7, 10, 1.4] } },
    // Regions of the selected item (set at run time by ../regionHighlight.ts), under the labels.
    ...REGION_SOURCES.flatMap((src): LayerSpecification[] => [
      {
        id: `highlight-${src}-fill`,
        type: 'fill',
        source: src,
        filter: regionHighlightFilter(src, []),
        paint: { 'fill-color': c.highlight, 'fill-opacity': 0.16 },
      },
      {
        id: `highlight-${src}-line`,
        type: 'line',
        source: src,
        filter: regionHighlightFilter(src, []),
        paint: { 'line-color': c.highlight, 'line-width': 2.5, 'line-opacity': 0.9 },
      },
    ]),
    // The region under the pointer (set at run time by ../regionHover.ts): a white casing and a
    // dark dashed line, legible on either theme and over any choropleth colour, so not recoloured.
    ...REGION_SOURCES.flatMap((src): LayerSpecification[] => [
      { id: `highlight-hover-${src}-casing`, type: 'line', source: src, filter: regionHoverFilter(null), paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.9 } },
      { id: `highlight-hover-${src}`, type: 'line', source: src, filter: regionHoverFilter(null), paint: { 'line-color': '#1a1a1a', 'line-width': 2.2, 'line-dasharray': [2, 1] } },
    ]),
    // ---- labels: everything below is above the plan's overlays (FIRST_LABEL_LAYER) ----
    {
      id: FIRST_LABEL_LAYER,
      type: 'symbol',
      source: 'rivers',
      filter: NOT_FADING,
      minzoom: 6.3,
      layout: {
        visibility: rivers === 'visible' && labels === 'visible' ? 'visible' : 'none',
        'symbol-placement': 'line',
        'symbol-spacing': 320,
        'text-field': lang === 'zh' ? ['coalesce', ['get', 'name'], ['get', 'name_en']] : ['coalesce', ['get', 'name_en'], ['get', 'name']],
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 10.5, 10, 13],
        'text-letter-spacing': lang === 'zh' ? 0.3 : 0.05,
        'text-max-angle': 30,
      },
      paint: { 'text-color': c.waterText, 'text-halo-color': c.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'water-label-river-supplement',
      type: 'symbol',
      source: 'riversSupplement',
      filter: NOT_FADING,
      minzoom: 7,
      layout: {
        visibility: rivers === 'visible' && labels === 'visible' ? 'visible' : 'none',
        'symbol-placement': 'line',
        'symbol-spacing': 320,
        'text-field': lang === 'zh' ? ['coalesce', ['get', 'name'], ['get', 'name_en']] : ['coalesce', ['get', 'name_en'], ['get', 'name']],
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 10.5, 10, 13],
        'text-letter-spacing': lang === 'zh' ? 0.3 : 0.05,
        'text-max-angle': 30,
      },
      paint: { 'text-color': c.waterText, 'text-halo-color': c.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'water-label-lake',
      type: 'symbol',
      source: 'lakes',
      minzoom: 7,
      layout: { visibility: rivers === 'visible' && labels === 'visible' ? 'visible' : 'none', 'text-field': bilingualLabel(lang), 'text-font': [FONT_REGULAR], 'text-size': 11 },
      paint: { 'text-color': c.waterText, 'text-halo-color': c.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'water-label-sea',
      type: 'symbol',
      source: 'labels',
      filter: ['==', ['get', 'kind'], 'sea'],
      layout: {
        visibility: labels,
        'text-field': bilingualLabel(lang, 1, 0.7),
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 14, 9, 20],
        'text-letter-spacing': lang === 'zh' ? 0.5 : 0.15,
      },
      paint: { 'text-color': c.waterText, 'text-halo-color': 'rgba(183,208,225,0.6)', 'text-halo-width': 1 },
    },
    {
      id: 'county-seat',
      type: 'circle',
      source: 'seats',
      minzoom: 7.5,
      filter: ['==', ['get', 'rank'], 3],
      layout: { visibility: labels },
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 7.5, 1.6, 11, 3], 'circle-color': c.textLight, 'circle-stroke-color': '#fff', 'circle-stroke-width': 0.8 },
    },
    {
      id: 'label-county',
      type: 'symbol',
      source: 'seats',
      minzoom: 7.5,
      filter: ['==', ['get', 'rank'], 3],
      layout: {
        visibility: labels,
        'text-field': bilingualLabel(lang, 1, 0.8),
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7.5, 10.5, 11, 13],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.5,
        'text-justify': 'auto',
        'symbol-sort-key': 3,
      },
      paint: { 'text-color': c.textMid, 'text-halo-color': c.halo, 'text-halo-width': 1.3 },
    },
    {
      id: 'prefecture-seat',
      type: 'circle',
      source: 'seats',
      filter: ['==', ['get', 'rank'], 2],
      layout: { visibility: labels },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.6, 10, 4.5],
        'circle-color': '#fff',
        'circle-stroke-color': c.textDark,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 1.8],
      },
    },
    {
      id: 'label-prefecture',
      type: 'symbol',
      source: 'seats',
      filter: ['==', ['get', 'rank'], 2],
      layout: {
        visibility: labels,
        'text-field': bilingualLabel(lang, 1, 0.78),
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 12, 8, 14, 11, 16],
        'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
        'text-radial-offset': 0.55,
        'text-justify': 'auto',
        'symbol-sort-key': 2,
      },
      paint: { 'text-color': c.textDark, 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'capital-seat',
      type: 'circle',
      source: 'seats',
      filter: ['all', ['==', ['get', 'rank'], 1], ['!=', ['get', 'adcode'], '130000']],
      layout: { visibility: labels },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 3.6, 10, 6],
        'circle-color': c.textDark,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.6,
      },
    },
    {
      id: 'label-province',
      type: 'symbol',
      source: 'labels',
      filter: ['==', ['get', 'kind'], 'province'],
      maxzoom: 9,
      layout: {
        visibility: labels,
        'text-field': bilingualLabel(lang, 1, 0.62),
        'text-font': [FONT_BOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 16, 8, 22],
        'text-letter-spacing': lang === 'zh' ? 0.2 : 0.08,
        'text-transform': 'none',
        'symbol-sort-key': 1,
        'text-allow-overlap': false,
        'text-padding': 4,
      },
      paint: { 'text-color': c.textDark, 'text-opacity': 0.82, 'text-halo-color': c.halo, 'text-halo-width': 1.8 },
    },
    // Links to places off the map end at the region's frame in an arrowhead (a glyph turned to
    // the link's direction) and the place's name; data set at run time by ../edgeLinks.ts.
    {
      id: 'edge-link-arrow',
      type: 'symbol',
      source: 'edgeLinks',
      layout: {
        'text-field': '▲',
        'text-font': [FONT_REGULAR],
        'text-size': 16,
        'text-rotate': ['get', 'bearing'],
        'text-rotation-alignment': 'map',
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': ['get', 'color'], 'text-halo-color': c.halo, 'text-halo-width': 1 },
    },
    {
      id: 'edge-link-label',
      type: 'symbol',
      source: 'edgeLinks',
      layout: {
        'text-field': ['concat', '→ ', ['get', lang === 'zh' ? 'to_zh' : 'to_en']],
        'text-font': [FONT_BOLD],
        'text-size': 12.5,
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 9,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': c.textDark, 'text-halo-color': c.halo, 'text-halo-width': 1.6 },
    },
  ];
  if (options.embedded === false) {
    for (const layer of layers) {
      if (!keptOverOnlineBaseMap(layer.id)) layer.layout = { ...layer.layout, visibility: 'none' } as never; // every layer type has `visibility`
    }
  }
  // Every layer states its visibility, so that applyBasemapOptions can also turn one back on.
  for (const layer of layers) {
    if (!layer.layout?.visibility) layer.layout = { ...layer.layout, visibility: 'visible' } as never;
  }

  return {
    version: 8,
    name: 'JJJ Atlas embedded base map',
    metadata: { 'jjj:lang': lang },
    'font-faces': fontFaces,
    sources: {
      provinces: geo(urls.provinces),
      prefectures: geo(urls.prefectures),
      counties: geo(urls.counties),
      neighbours: geo(urls.neighbours),
      borders: geo(urls.borders),
      sea: geo(urls.sea),
      coastline: geo(urls.coastline),
      // lineMetrics: the pieces that run into the old clip box fade out along their length (river-fade)
      rivers: { ...geo(urls.rivers), lineMetrics: true },
      riversSupplement: { ...geo(urls.riversSupplement), lineMetrics: true },
      lakes: geo(urls.lakes),
      seats: geo(urls.seats),
      labels: geo(urls.labels),
      edgeLinks: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers,
  } as StyleSpecification;
}
