/**
 * deck.gl layers for the plan: sites, lines and areas (one GeoJsonLayer), cooperation links
 * (raised arcs drawn as paths, ./planLinksLayer.ts), and the selection on top. Filtering uses
 * DataFilterExtension: a filter change updates one float attribute per feature (via
 * updateTriggers), never the geometry buffers. All layers sit below the base map's labels
 * (beforeId = FIRST_LABEL_LAYER).
 */
import type { Layer, LayersList } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, type GeoJsonLayerProps, type PathLayerProps } from '@deck.gl/layers';
import type { PlanItem, PlanLink } from '../data/plan/schema';
import { FIRST_LABEL_LAYER } from './basemap/style';
import { PLAN_LAYER_COLORS } from '../model/planColors';
import type { RGB } from '../model/color';
import type { PlanLayerKey } from '../model/state';
import type { ImportedFeature } from '../data/import/types';
import { GEOM, tableOf } from '../data/import/table';
import type { UserLayerStyle } from '../model/userLayerStyle';
import { UserFeaturesLayer, userPointsWarmup, type UserFeaturesLayerProps } from './userFeaturesLayer';
import { isSchematicLine } from '../model/placeSymbols';
import { PlanSitesLayer, type PlanSitesLayerProps } from './planSitesLayer';
import { PlanLinksLayer } from './planLinksLayer';
import type { DisplayCrs } from '../geo/displayCrs';
import { SELECTION_LAYER } from './picking';
import { PATH_EXTENSIONS } from './layerExtensions';
import { selectionInk } from '../model/legend';

/** A plan item with geometry, plus its index in the full item list and its layer. */
export interface DrawnItem {
  type: 'Feature';
  geometry: NonNullable<PlanItem['geometry']>;
  properties: PlanItem['properties'] & { index: number; layer: PlanLayerKey };
}

export interface PlanLayerInput {
  drawn: DrawnItem[];
  links: PlanLink[];
  linkItemIndex: number[]; // per link: index of its item in the full list (-1 if unknown)
  linkLayers: PlanLayerKey[]; // per item in the full list: its layer (for link colours)
  visible: boolean[]; // per item in the full list
  filterVersion: string; // changes whenever `visible` changes
  selectedId: string | null;
  /** Areas the person drew, drawn as dashed outlines. */
  drawnAreas?: { id: string; geometry: { type: 'Polygon'; coordinates: number[][][] } }[];
  /** The 2019 timeline: the part of each railway under construction drawn so far, in its layer's colour. */
  timelinePaths?: { id: string; layer: PlanLayerKey; path: [number, number][] }[];
  /**
   * The 2019 timeline: ids of the items drawn as planned (dashed and faded) at the month shown,
   * instead of as built; `timelineVersion` changes whenever the set does.
   */
  timelinePlanned?: ReadonlySet<string>;
  timelineVersion?: string;
  /** The person's own layers that are switched on, bottom first; deck id `user-layer-<id>`. */
  userLayers?: UserLayerInput[];
  /**
   * A file may be imported soon (the data tab is open) or is being imported: the user point
   * layer's shaders are made meanwhile (userPointsWarmup), not in the frame that shows the layer.
   */
  warmUserPoints?: boolean;
  /** The user-layer feature chosen in the search or on the map, outlined on top. */
  userSelected?: ImportedFeature | null;
  /** The plan item under the pointer (the preferred pick, ./picking.ts), outlined. */
  hoveredId?: string | null;
  /** The map's theme: the selection and hover outlines take its ink (model/legend.ts selectionInk). */
  theme?: 'light' | 'dark';
}

/** A user layer as deck draws it: its colour and style (./userLayerStyle.ts), and the filter mask. */
export interface UserLayerInput {
  id: string;
  features: readonly ImportedFeature[];
  /** '#rrggbb' */
  color: string;
  style?: UserLayerStyle;
  /** Per feature: 1 = passes the filters (src/model/userFilters.ts). */
  shown: Uint8Array;
  /** Changes whenever `shown` does. */
  filterVersion: string;
  /** The base map's datum (GCJ-02 over AMap): the layer shifts its features into it (in slices). */
  displayCrs?: DisplayCrs;
}

/** The deck.gl layer id of a user layer, and back. */
export const USER_LAYER_PREFIX = 'user-layer-';

/** The deck.gl layer of the areas whose place comes from outside the release (dashed outlines). */
// Not prefixed 'plan-areas': deck matches picking layerIds by prefix, and picks meant for the
// release's areas must not catch these outlines.
export const OUTSIDE_AREAS_LAYER = 'plan-outside-areas';
/** Dash and gap, in line widths (PathStyleExtension); the round caps eat into the gap, so it is the longer. [0, 0] is solid. */
const SCHEMATIC_DASH: [number, number] = [2, 3.5];
const SOLID: [number, number] = [0, 0];
/** A site's dot radius, pixels. */
const SITE_RADIUS = 6;

// deck 9.4's layer prop types lack interleaved-mode `beforeId` (STACK.md): add it here.
type WithBeforeId = { beforeId?: string };

/**
 * GeoJsonLayer over our own feature type. deck's GeoJSON generics are typed for its own Feature
 * type with `properties: unknown`-like defaults; our features have the same shape, so the props
 * are built with our accessor types and handed over through one cast here.
 */
function geoJsonLayer(props: Record<string, unknown> & { id: string; data: DrawnItem[] } & WithBeforeId): GeoJsonLayer {
  return new GeoJsonLayer(props as unknown as GeoJsonLayerProps);
}

function color(layer: PlanLayerKey, alpha: number): [number, number, number, number] {
  const c: RGB = PLAN_LAYER_COLORS[layer];
  return [c[0], c[1], c[2], alpha];
}

/**
 * A place the release does not give (location.from_release false: e.g. the 'three cities' drawn
 * as their districts, the Expo site) looks different from one the release names: a hollow dot, a
 * thinner line, a dashed outline with no fill, so the map never passes an outside source off as
 * the plan.
 */
export function isOutsidePlace(f: DrawnItem): boolean {
  return f.properties.location.from_release === false;
}

function allPoints(geomType: Uint8Array): boolean {
  for (let i = 0; i < geomType.length; i++) if (geomType[i] !== GEOM.Point && geomType[i] !== GEOM.MultiPoint) return false;
  return true;
}

const onlyPointsCache = new WeakMap<readonly ImportedFeature[], boolean>();
/** Every feature is a point (or multipoint): computed once per layer's feature array. */
function onlyPoints(features: readonly ImportedFeature[]): boolean {
  let v = onlyPointsCache.get(features);
  if (v === undefined) {
    // a table's geometry types are one byte array: walking its features instead would make (and
    // decode the properties of) every feature, 0.7 s on the page for 800,000 points. A table
    // without nesting holds only points (src/data/import/table.ts); else a plain loop (a callback
    // per feature was 10 ms of the React task that lists 800,000 points)
    const table = tableOf(features);
    v = table ? table.count > 0 && (!table.nesting || allPoints(table.geomType)) : features.length > 0 && features.every((f) => f.geometry.type === 'Point' || f.geometry.type === 'MultiPoint');
    onlyPointsCache.set(features, v);
  }
  return v;
}

export function buildPlanLayers(input: PlanLayerInput): LayersList {
  const { drawn, links, visible, filterVersion, selectedId } = input;
  const ink = selectionInk(input.theme);
  const allAreas = drawn.filter((d) => d.geometry.type === 'Polygon' || d.geometry.type === 'MultiPolygon');
  const areas = allAreas.filter((d) => !isOutsidePlace(d));
  // Areas from outside the release (the 'three cities' drawn as their host districts) are outlines
  // only, in a layer of their own: unfilled, so they never hide or catch clicks meant for what lies
  // inside a whole district; picked on their edge.
  const outsideAreas = allAreas.filter(isOutsidePlace);
  const linesAndSites = drawn.filter((d) => d.geometry.type !== 'Polygon' && d.geometry.type !== 'MultiPolygon');
  // On the timeline, an item not yet done is drawn by the planned layer below, not as built.
  const planned = input.timelinePlanned ?? new Set<string>();
  // Filtered, and drawn with the dash extension too: every path shares one shader program (./layerExtensions.ts).
  const filterProps = (getIndex: (d: DrawnItem) => number) => ({
    extensions: PATH_EXTENSIONS,
    getFilterValue: (d: DrawnItem) => (visible[getIndex(d)] && !planned.has(d.properties.id) ? 1 : 0),
    filterRange: [1, 1] as [number, number],
    updateTriggers: { getFilterValue: `${filterVersion}|${input.timelineVersion ?? ''}` },
  });

  const layers: Layer[] = [
    geoJsonLayer({
      id: 'plan-areas',
      data: areas,
      pickable: true,
      stroked: true,
      filled: true,
      getFillColor: (f: DrawnItem) => color(f.properties.layer, 46),
      getLineColor: (f: DrawnItem) => color(f.properties.layer, 220),
      getLineWidth: 1.6,
      lineWidthUnits: 'pixels',
      ...filterProps((d) => d.properties.index),
      beforeId: FIRST_LABEL_LAYER,
    }),
    geoJsonLayer({
      id: OUTSIDE_AREAS_LAYER,
      data: outsideAreas,
      pickable: true,
      stroked: true,
      filled: false,
      getLineColor: (f: DrawnItem) => color(f.properties.layer, 230),
      getLineWidth: 2.4,
      lineWidthUnits: 'pixels',
      getDashArray: [5, 3],
      dashJustified: true,
      ...filterProps((d) => d.properties.index),
      beforeId: FIRST_LABEL_LAYER,
    }),
    new PlanLinksLayer({
      ...({ beforeId: FIRST_LABEL_LAYER } as WithBeforeId),
      id: 'plan-links',
      data: links,
      pickable: true,
      linkItemIndex: input.linkItemIndex,
      linkLayers: input.linkLayers,
      shown: visible,
      filterVersion,
    }),
    // Sites and lines; the sites' dots are kept apart at regional zooms (./planSitesLayer.ts).
    new PlanSitesLayer({
      ...({ beforeId: FIRST_LABEL_LAYER } as WithBeforeId),
      id: 'plan-lines-sites',
      data: linesAndSites,
      shown: visible,
      filterVersion,
      radius: SITE_RADIUS,
      anchorColor: (f) => color((f as DrawnItem).properties.layer, 255),
      inner: {
        pickable: true,
        stroked: true,
        filled: true,
        pointType: 'circle',
        getFillColor: (f: DrawnItem) => (isOutsidePlace(f) ? [255, 255, 255, 235] : color(f.properties.layer, 235)),
        getLineColor: (f: DrawnItem) =>
          f.geometry.type === 'Point' ? (isOutsidePlace(f) ? color(f.properties.layer, 255) : [255, 255, 255, 255]) : color(f.properties.layer, 235),
        getLineWidth: (f: DrawnItem) => (f.geometry.type === 'Point' ? (isOutsidePlace(f) ? 3 : 1.5) : isOutsidePlace(f) ? 2 : 4),
        lineWidthUnits: 'pixels',
        lineCapRounded: true,
        lineJointRounded: true,
        getPointRadius: SITE_RADIUS,
        pointRadiusUnits: 'pixels',
        ...filterProps((d) => d.properties.index),
        // A schematic line (straight between real stations, or a generalised river) is dashed, so it
        // never passes for a surveyed route; the legend's key says so (model/legend.ts legendSymbols).
        getDashArray: (f: DrawnItem) => (isSchematicLine(f) ? SCHEMATIC_DASH : SOLID),
        // not justified: that fits the pattern to each segment, and a river's short segments came out solid
      },
    } as PlanSitesLayerProps),
  ];

  // User layers above the plan's, under the labels; coloured by their style (one colour, or by
  // attribute), filtered by the text and region filters. Points go to deck as typed arrays built
  // in slices (./userFeaturesLayer.ts): an import of 800,000 points draws without a long task.
  if (input.warmUserPoints) layers.push(userPointsWarmup());
  for (const u of input.userLayers ?? []) {
    layers.push(
      new UserFeaturesLayer({
        // A layer of points goes above the base map's labels: small imported dots vanished under
        // the city names' halos. Lines and areas stay under the labels, which they would cover.
        ...((onlyPoints(u.features) ? {} : { beforeId: FIRST_LABEL_LAYER }) as WithBeforeId),
        id: USER_LAYER_PREFIX + u.id,
        features: u.features,
        color: u.color,
        style: u.style,
        shown: u.shown,
        filterVersion: u.filterVersion,
        displayCrs: u.displayCrs ?? 'wgs84',
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90],
      } as UserFeaturesLayerProps),
    );
  }

  if (input.drawnAreas && input.drawnAreas.length > 0) {
    layers.push(
      geoJsonLayer({
        id: 'drawn-areas',
        data: input.drawnAreas.map((a) => ({ type: 'Feature', geometry: a.geometry, properties: { id: a.id } })) as unknown as DrawnItem[],
        pickable: false,
        stroked: true,
        filled: true,
        getFillColor: [217, 72, 15, 28],
        getLineColor: [217, 72, 15, 230],
        getLineWidth: 2.5,
        lineWidthUnits: 'pixels',
        extensions: PATH_EXTENSIONS,
        beforeId: FIRST_LABEL_LAYER,
      }),
    );
  }

  // The timeline: what is not done yet at the month shown, as planned — dashed, faded, hollow —
  // and the railways being built, growing along their route in their own colour over it.
  const plannedItems = planned.size > 0 ? drawn.filter((d) => planned.has(d.properties.id) && visible[d.properties.index]) : [];
  if (plannedItems.length > 0) {
    layers.push(
      geoJsonLayer({
        id: 'timeline-planned',
        data: plannedItems,
        pickable: true,
        stroked: true,
        filled: true,
        pointType: 'circle',
        getFillColor: (f: DrawnItem) => (f.geometry.type === 'Point' ? [255, 255, 255, 150] : color(f.properties.layer, 18)),
        getLineColor: (f: DrawnItem) => color(f.properties.layer, 150),
        getLineWidth: (f: DrawnItem) => (f.geometry.type === 'Point' ? 2 : 3),
        lineWidthUnits: 'pixels',
        getDashArray: [3, 2.5],
        dashJustified: true,
        getPointRadius: 6,
        pointRadiusUnits: 'pixels',
        extensions: PATH_EXTENSIONS,
        updateTriggers: { getFillColor: input.timelineVersion },
        beforeId: FIRST_LABEL_LAYER,
      }),
    );
  }
  if (input.timelinePaths && input.timelinePaths.length > 0) {
    type Growing = NonNullable<PlanLayerInput['timelinePaths']>[number];
    layers.push(
      new PathLayer<Growing>({
        ...({ beforeId: FIRST_LABEL_LAYER } as WithBeforeId),
        id: 'timeline-rail',
        data: input.timelinePaths,
        getPath: (d) => d.path,
        getColor: (d) => color(d.layer, 245),
        getWidth: 4,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        extensions: PATH_EXTENSIONS,
        updateTriggers: { getPath: input.timelinePaths.map((p) => p.path.length).join(',') + ':' + String(input.timelinePaths[0]?.path.at(-1)) },
      } as PathLayerProps<Growing>),
    );
  }

  if (input.userSelected) {
    const point = input.userSelected.geometry.type === 'Point' || input.userSelected.geometry.type === 'MultiPoint';
    layers.push(
      geoJsonLayer({
        id: 'user-selection',
        data: [input.userSelected] as unknown as DrawnItem[],
        pickable: false,
        stroked: true,
        filled: false,
        pointType: 'circle',
        getLineColor: [...ink, 255],
        getLineWidth: point ? 3 : 5,
        lineWidthUnits: 'pixels',
        getPointRadius: 10,
        pointRadiusUnits: 'pixels',
        extensions: PATH_EXTENSIONS,
        beforeId: FIRST_LABEL_LAYER,
      }),
    );
  }

  // The hovered item outlined (deck's autoHighlight would follow deck's own topmost pick, which
  // can be a link crossing the item the person points at).
  const hovered = input.hoveredId && input.hoveredId !== selectedId ? drawn.find((d) => d.properties.id === input.hoveredId) : undefined;
  if (hovered) {
    const point = hovered.geometry.type === 'Point';
    const line = hovered.geometry.type === 'LineString' || hovered.geometry.type === 'MultiLineString';
    layers.push(
      geoJsonLayer({
        id: 'plan-hover',
        data: [hovered],
        pickable: false,
        stroked: true,
        filled: false,
        pointType: 'circle',
        // a line gets a translucent halo, so its own colour still shows through
        getLineColor: line ? [...ink, 80] : [...ink, 210],
        getLineWidth: point ? 2 : line ? 10 : 3,
        lineCapRounded: true,
        lineJointRounded: true,
        lineWidthUnits: 'pixels',
        getPointRadius: 9,
        pointRadiusUnits: 'pixels',
        extensions: PATH_EXTENSIONS,
        beforeId: FIRST_LABEL_LAYER,
      }),
    );
  }

  const selected = selectedId ? drawn.find((d) => d.properties.id === selectedId) : undefined;
  if (selected) {
    layers.push(
      geoJsonLayer({
        id: SELECTION_LAYER,
        data: [selected],
        // Pickable: drawn on top, it is what a person points at there (ranked in ./picking.ts).
        pickable: true,
        stroked: true,
        filled: selected.geometry.type === 'Point',
        pointType: 'circle',
        getFillColor: color(selected.properties.layer, 255),
        getLineColor: [...ink, 255],
        getLineWidth: selected.geometry.type === 'Point' ? 3 : 6,
        lineWidthUnits: 'pixels',
        getPointRadius: 10,
        pointRadiusUnits: 'pixels',
        extensions: PATH_EXTENSIONS,
        beforeId: FIRST_LABEL_LAYER,
      }),
    );
  }
  return layers;
}

