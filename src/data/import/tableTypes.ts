/** The shape of a layer's columnar table; what builds and reads it is in ./table.ts (see ./README.md). */
import type { Geometry } from 'geojson';

/** Geometry type codes (`geomType`). */
export const GEOM = { Point: 1, MultiPoint: 2, LineString: 3, MultiLineString: 4, Polygon: 5, MultiPolygon: 6, GeometryCollection: 7 } as const;

/** Cell tags (`TableColumn.tags`). */
export const CELL = { absent: 0, null: 1, number: 2, string: 3, true: 4, false: 5, json: 6 } as const;

/** Strings one after another as UTF-8; string k is bytes[offsets[k] … offsets[k + 1]). */
export interface PackedStrings {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

export interface TableColumn {
  name: string;
  /** per feature, a CELL code; null when every cell is a number */
  tags: Uint8Array | null;
  /** the number, or for strings and JSON the index of the text in `text` */
  values: Float64Array;
  /** the column's distinct strings (and JSON texts) */
  text: PackedStrings;
}

/**
 * The parts of every feature: a feature has parts (the polygons of a MultiPolygon, else one),
 * a part has rings (a polygon's rings, the lines of a MultiLineString, else one) and a ring has
 * vertices. Null when every feature is one Point (vertex i = feature i).
 */
export interface TableNesting {
  /** per feature + 1: its first part */
  partStart: Uint32Array;
  /** per part + 1: its first ring */
  ringStart: Uint32Array;
  /** per ring + 1: its first vertex */
  vertexStart: Uint32Array;
  /** per part + 1: its first index in `triangles` (parts that are not areas have none) */
  triangleStart: Uint32Array;
  /**
   * earcut triangles of every area part, as vertex indices into `xy`; empty when the layer is
   * drawn from its simplified copy (`FeatureTable.display`), so a huge polygon is never
   * triangulated at full detail
   */
  triangles: Uint32Array;
}

/**
 * The simplified copy the map draws of a layer with more vertices than it can draw at once
 * (./displayGeometry.ts): the same parts and rings as `nesting`, fewer vertices, its own triangles.
 */
export interface DisplayGeometry {
  /** the Douglas–Peucker tolerance it was made with, in degrees */
  tolerance: number;
  /** [x0, y0, x1, y1, …] WGS-84 */
  xy: Float64Array;
  /** per ring + 1: its first vertex in `xy` */
  vertexStart: Uint32Array;
  /** per part + 1: its first index in `triangles` */
  triangleStart: Uint32Array;
  triangles: Uint32Array;
}

export interface FeatureTable {
  count: number;
  geomType: Uint8Array;
  /** [x0, y0, x1, y1, …] WGS-84 */
  xy: Float64Array;
  /** per vertex the third coordinate (NaN: none); null when no vertex has one */
  z: Float64Array | null;
  nesting: TableNesting | null;
  /** GeometryCollections (rare) are kept whole, by feature index */
  collections: Record<number, Geometry>;
  columns: TableColumn[];
  /** what the map draws instead of the exact geometry, when the layer has too many vertices */
  display?: DisplayGeometry;
  /** what each column holds, per column in order (./columnInfo.ts); absent in tables stored before it */
  columnInfo?: ColumnInfo[];
}

/** What a column holds, from a sample of the layer (./columnInfo.ts). */
export interface ColumnInfo {
  name: string;
  /** Features with a value. */
  values: number;
  /** Distinct values (up to DISTINCT_COUNTED counted). */
  distinct: number;
  /** Every value is a number (and there is at least one): can be graduated. */
  numeric: boolean;
}

