/** A layer drawn from tiles (a PMTiles archive, TileJSON or a template) as the model sees it. */

export type TileLayerKind = 'pmtiles-vector' | 'pmtiles-raster' | 'tilejson-vector' | 'tilejson-raster' | 'xyz-vector' | 'xyz-raster';

/** A TileJSON's tiles as the app read them (./tileJson.ts): absolute https templates. */
export interface TileJsonTiles {
  tiles: string[];
  minzoom?: number;
  maxzoom?: number;
  scheme?: 'xyz' | 'tms';
  bounds?: [number, number, number, number];
}

/** What the map needs to draw a tile layer (a subset of the app's TileLayer). */
export interface TileLayerDraw {
  id: string;
  /** https URL, or `file:<name>` for a local PMTiles archive registered with `addPmtilesFile` */
  url: string;
  kind: TileLayerKind;
  sourceLayers: string[];
  color: string;
  visible: boolean;
  attribution?: string;
  /**
   * A TileJSON layer's tiles as the app read them (not stored: after a reload the app reads the
   * TileJSON at `url` again before the layer is drawn, src/app/useTileLayers.ts).
   */
  tileJson?: TileJsonTiles;
}

/** A layer drawn from tiles (a PMTiles archive, TileJSON or a template); URL ones persist in localStorage. */
export interface TileLayer extends TileLayerDraw {
  name: string;
  bounds?: [number, number, number, number];
  /** 'failed' once its tiles could not be loaded (it stays listed, drawn nothing). */
  status: 'loading' | 'ready' | 'failed';
}
