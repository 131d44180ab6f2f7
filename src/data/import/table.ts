/**
 * A layer's features as columns (see ./README.md): the geometry as flat typed arrays (the
 * positions deck.gl draws, nested start indices, the polygons' earcut triangles) and every
 * property as a column of typed arrays with its strings packed as UTF-8. Everything is an
 * ArrayBuffer, so the worker hands the page a whole layer by transfer (no copy, no feature
 * object) and IndexedDB stores and reads it as a few memory copies.
 *
 * The page reads features by index (`featureAt`, or `tableFeatures` for code that wants an
 * array): a feature object is made when something asks for it and is not kept.
 */
import type { Geometry, Position } from 'geojson';
import type { ImportedFeature } from './types';
import { displayGeometry } from './displayGeometry';
import { triangulateParts } from './triangulate';
import { CELL, GEOM, type DisplayGeometry, type FeatureTable, type PackedStrings, type TableColumn, type TableNesting } from './tableTypes';

export { GEOM, type FeatureTable } from './tableTypes';
const GEOM_NAME = ['', 'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'] as const;

/** The ArrayBuffers of a table, to transfer it to another thread. */
export function tableBuffers(t: FeatureTable): ArrayBuffer[] {
  const views: ArrayBufferView[] = [t.geomType, t.xy];
  if (t.z) views.push(t.z);
  if (t.nesting) views.push(t.nesting.partStart, t.nesting.ringStart, t.nesting.vertexStart, t.nesting.triangleStart, t.nesting.triangles);
  if (t.display) views.push(t.display.xy, t.display.vertexStart, t.display.triangleStart, t.display.triangles);
  for (const c of t.columns) {
    if (c.tags) views.push(c.tags);
    views.push(c.values, c.text.bytes, c.text.offsets);
  }
  const out = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Building (the import worker)

class Grow<T extends Float64Array | Uint32Array | Uint8Array> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (n: number) => T,
  ) {}
  reserve(n: number): void {
    if (n <= this.array.length) return;
    const next = this.make(Math.max(n, this.array.length * 2, 64));
    next.set(this.array);
    this.array = next;
  }
  push(v: number): void {
    if (this.length === this.array.length) this.reserve(this.length + 1);
    this.array[this.length++] = v;
  }
  /** exactly `length` long, in its own buffer (a transfer takes the whole buffer) */
  done(): T {
    return this.array.length === this.length ? this.array : (this.array.slice(0, this.length) as T);
  }
}
const f64 = (n = 1024) => new Grow(new Float64Array(n), (k) => new Float64Array(k));
const u32 = (n = 256) => new Grow(new Uint32Array(n), (k) => new Uint32Array(k));
const u8 = (n = 256) => new Grow(new Uint8Array(n), (k) => new Uint8Array(k));

/**
 * Text cells a column reads before it decides whether a dictionary pays: a column of categories
 * keeps one (each distinct text stored once), a column where more than half of them differ
 * (names, ids) stores each cell's text as it comes — looking up and growing a Map of 800,000
 * distinct names cost more than the strings it would save. Readers never compare text indices.
 */
const DICT_TRIAL = 8192;

class ColumnBuilder {
  tags = u8();
  values = f64();
  allNumbers = true;
  /** text → its index; dropped when the column's text hardly repeats (names, ids) */
  private dict: Map<string, number> | null = new Map();
  private texts = 0;
  private strings: string[] = [];
  constructor(readonly name: string) {}
  set(row: number, v: unknown): void {
    let tag: number;
    let value = 0;
    if (v === undefined) return;
    if (v === null) tag = CELL.null;
    else if (typeof v === 'number') {
      tag = CELL.number;
      value = v;
    } else if (typeof v === 'string') {
      tag = CELL.string;
      value = this.intern(v);
    } else if (typeof v === 'boolean') tag = v ? CELL.true : CELL.false;
    else {
      tag = CELL.json;
      value = this.intern(JSON.stringify(v) ?? 'null');
    }
    this.tags.reserve(row + 1);
    this.values.reserve(row + 1);
    this.tags.array[row] = tag;
    this.values.array[row] = value;
    if (tag !== CELL.number) this.allNumbers = false;
  }
  private intern(s: string): number {
    const dict = this.dict;
    if (dict) {
      if (++this.texts === DICT_TRIAL && dict.size > DICT_TRIAL / 2) this.dict = null;
      const k = dict.get(s);
      if (k !== undefined) return k;
      dict.set(s, this.strings.length);
    }
    this.strings.push(s);
    return this.strings.length - 1;
  }
  done(count: number): TableColumn {
    this.tags.reserve(count);
    this.values.reserve(count);
    this.tags.length = count;
    this.values.length = count;
    const tags = this.tags.done();
    // a row that never set this column is absent (tag 0), so "all numbers" needs every row set
    const numbers = this.allNumbers && tags.every((t) => t === CELL.number);
    return { name: this.name, tags: numbers ? null : tags, values: this.values.done(), text: packStrings(this.strings) };
  }
}

/**
 * A column's strings as UTF-8 bytes with offsets. ASCII text (most cells: names, codes) is copied
 * char by char; only a string with other characters goes through `encodeInto`, whose per-call
 * cost (a view, a crossing into the encoder) was 200 ms of the worker's 600 for a column of
 * 100,000 names.
 */
export function packStrings(strings: readonly string[]): PackedStrings {
  const enc = new TextEncoder();
  let bytes = new Uint8Array(Math.max(64, strings.reduce((n, s) => n + s.length, 0)));
  const offsets = new Uint32Array(strings.length + 1);
  let at = 0;
  const room = (n: number) => {
    if (bytes.length - at >= n) return;
    const next = new Uint8Array(Math.max(bytes.length * 2, at + n));
    next.set(bytes.subarray(0, at));
    bytes = next;
  };
  for (let k = 0; k < strings.length; k++) {
    const s = strings[k]!;
    const n = s.length;
    room(n);
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[at + i] = c;
    }
    if (i === n) at += n;
    else {
      room(n * 3);
      at += enc.encodeInto(s, bytes.subarray(at)).written;
    }
    offsets[k + 1] = at;
  }
  return { bytes: bytes.slice(0, at), offsets };
}

/** Collects checked features into a table, column by column. */
export class TableBuilder {
  private count = 0;
  private geomType = u8();
  private xy = f64();
  private z: Grow<Float64Array> | null = null;
  private partStart = u32();
  private ringStart = u32();
  private vertexStart = u32();
  /** per part: 1 when it is an area (triangulated when the table is done) */
  private areaPart = u8();
  private onlyPoints = true;
  private collections: Record<number, Geometry> = {};
  private columns = new Map<string, ColumnBuilder>();

  constructor(columns: readonly string[] = []) {
    for (const c of columns) this.columns.set(c, new ColumnBuilder(c));
  }

  /** Add a feature with a checked geometry; its properties fill the columns (new ones added). */
  add(geometry: Geometry, properties: Record<string, unknown>): void {
    const i = this.count++;
    this.geomType.push(GEOM[geometry.type]);
    if (geometry.type !== 'Point' && this.onlyPoints) this.startNesting();
    if (this.onlyPoints) this.vertex((geometry as { coordinates: Position }).coordinates);
    else {
      this.partStart.push(this.ringStart.length);
      this.parts(geometry, i);
    }
    for (const k in properties) {
      let col = this.columns.get(k);
      if (!col) {
        col = new ColumnBuilder(k);
        this.columns.set(k, col);
      }
      col.set(i, properties[k]);
    }
  }

  /** The first feature that is not a Point: every feature before it was one part, ring and vertex. */
  private startNesting(): void {
    this.onlyPoints = false;
    const n = this.count - 1;
    for (let k = 0; k < n; k++) {
      this.partStart.push(k);
      this.ringStart.push(k);
      this.vertexStart.push(k);
      this.areaPart.push(0);
    }
  }

  private vertex(p: Position): void {
    this.xy.push(p[0]!);
    this.xy.push(p[1]!);
    if (p.length > 2 || this.z) {
      if (!this.z) {
        this.z = f64(this.xy.array.length / 2);
        this.z.reserve(this.xy.length / 2 - 1);
        this.z.array.fill(NaN, 0, this.xy.length / 2 - 1);
        this.z.length = this.xy.length / 2 - 1;
      }
      this.z.push(p.length > 2 ? p[2]! : NaN);
    }
  }

  private ring(ps: readonly Position[]): void {
    this.vertexStart.push(this.xy.length / 2);
    for (const p of ps) this.vertex(p);
  }

  private part(rings: readonly (readonly Position[])[], area: boolean): void {
    this.ringStart.push(this.vertexStart.length);
    this.areaPart.push(area ? 1 : 0);
    for (const r of rings) this.ring(r);
  }

  private parts(g: Geometry, i: number): void {
    switch (g.type) {
      case 'Point':
        return this.part([[g.coordinates]], false);
      case 'MultiPoint':
      case 'LineString':
        return this.part([g.coordinates], false);
      case 'MultiLineString':
        return this.part(g.coordinates, false);
      case 'Polygon':
        return this.part(g.coordinates, true);
      case 'MultiPolygon':
        for (const p of g.coordinates) this.part(p, true);
        return;
      case 'GeometryCollection':
        this.collections[i] = g;
        return;
    }
  }

  done(): FeatureTable {
    const count = this.count;
    let nesting: TableNesting | null = null;
    if (!this.onlyPoints) {
      this.partStart.push(this.ringStart.length);
      this.ringStart.push(this.vertexStart.length);
      this.vertexStart.push(this.xy.length / 2);
      const parts = this.ringStart.length - 1;
      // triangles come last: a layer drawn from a simplified copy is never triangulated at full detail
      nesting = {
        partStart: this.partStart.done(),
        ringStart: this.ringStart.done(),
        vertexStart: this.vertexStart.done(),
        triangleStart: new Uint32Array(parts + 1),
        triangles: new Uint32Array(0),
      };
    }
    const table: FeatureTable = {
      count,
      geomType: this.geomType.done(),
      xy: this.xy.done(),
      z: this.z ? this.z.done() : null,
      nesting,
      collections: this.collections,
      columns: [...this.columns.values()].map((c) => c.done(count)),
    };
    // made here, in the worker, so that neither the import nor a later reload draws every vertex on the page
    const display = displayGeometry(table);
    if (display) table.display = display;
    else if (nesting) {
      const area = this.areaPart.done();
      Object.assign(nesting, triangulateParts(table.xy, nesting.ringStart, nesting.vertexStart, (p) => area[p] === 1));
    }
    return table;
  }
}

/** A table of ready-made features (layers stored before tables, tests). */
export function tableFromFeatures(features: readonly ImportedFeature[], columns: readonly string[] = []): FeatureTable {
  const b = new TableBuilder(columns);
  for (const f of features) b.add(f.geometry, f.properties ?? {});
  return b.done();
}

// ---------------------------------------------------------------------------------------------
// Reading (the page)

const decoder = new TextDecoder();
const decoded = new WeakMap<PackedStrings, (string | undefined)[]>();

/** String k of a packed list (decoded once, when first asked for). */
export function stringAt(p: PackedStrings, k: number): string {
  let cache = decoded.get(p);
  if (!cache) {
    cache = new Array<string | undefined>(p.offsets.length - 1);
    decoded.set(p, cache);
  }
  return (cache[k] ??= decodeString(p.bytes, p.offsets[k]!, p.offsets[k + 1]!));
}

/**
 * UTF-8 bytes [start, end) as a string. Most cells are short ASCII (names, codes, numbers kept as
 * text): building those from char codes costs far less than a TextDecoder call per cell, which
 * dominated reading a sample of a big layer's column on the page.
 */
function decodeString(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 32) {
    let s = '';
    for (let j = start; j < end; j++) {
      const b = bytes[j]!;
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** Feature i's value in a column (undefined: the feature does not have the property). */
export function cellAt(c: TableColumn, i: number): unknown {
  const tag = c.tags ? c.tags[i] : CELL.number;
  switch (tag) {
    case CELL.number:
      return c.values[i];
    case CELL.string:
      return stringAt(c.text, c.values[i]!);
    case CELL.null:
      return null;
    case CELL.true:
      return true;
    case CELL.false:
      return false;
    case CELL.json: {
      const text = stringAt(c.text, c.values[i]!);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text; // a stored table changed by hand: the text rather than a broken page
      }
    }
    default:
      return undefined;
  }
}

function position(t: FeatureTable, v: number): Position {
  const p = [t.xy[2 * v]!, t.xy[2 * v + 1]!];
  const z = t.z?.[v];
  if (z !== undefined && !Number.isNaN(z)) p.push(z);
  return p;
}

function ringAt(t: FeatureTable, r: number): Position[] {
  const { vertexStart } = t.nesting!;
  const out: Position[] = [];
  for (let v = vertexStart[r]!; v < vertexStart[r + 1]!; v++) out.push(position(t, v));
  return out;
}

function partRings(t: FeatureTable, p: number): Position[][] {
  const { ringStart } = t.nesting!;
  const out: Position[][] = [];
  for (let r = ringStart[p]!; r < ringStart[p + 1]!; r++) out.push(ringAt(t, r));
  return out;
}

/** Feature i's geometry type, read from its column (nothing made or decoded). */
export function geometryTypeAt(t: FeatureTable, i: number): Geometry['type'] | undefined {
  return GEOM_NAME[t.geomType[i]!] || undefined;
}

/** Feature i's geometry as GeoJSON. */
export function geometryAt(t: FeatureTable, i: number): Geometry {
  const type = GEOM_NAME[t.geomType[i]!];
  if (!t.nesting) return { type: 'Point', coordinates: position(t, i) };
  if (type === 'GeometryCollection') return t.collections[i]!;
  const p0 = t.nesting.partStart[i]!;
  switch (type) {
    case 'Point':
      return { type, coordinates: partRings(t, p0)[0]![0]! };
    case 'MultiPoint':
    case 'LineString':
      return { type, coordinates: partRings(t, p0)[0]! };
    case 'MultiLineString':
    case 'Polygon':
      return { type, coordinates: partRings(t, p0) };
    default: {
      const polys: Position[][][] = [];
      for (let p = p0; p < t.nesting.partStart[i + 1]!; p++) polys.push(partRings(t, p));
      return { type: 'MultiPolygon', coordinates: polys };
    }
  }
}

/** Feature i's properties, in column order. */
export function propertiesAt(t: FeatureTable, i: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of t.columns) {
    const v = cellAt(c, i);
    if (v !== undefined) out[c.name] = v;
  }
  return out;
}

export function featureAt(t: FeatureTable, i: number): ImportedFeature {
  return { type: 'Feature', geometry: geometryAt(t, i), properties: propertiesAt(t, i) };
}

const views = new WeakMap<FeatureTable, readonly ImportedFeature[]>();

/**
 * The table as a read-only array of features, each made when it is read (for code that walks
 * features: exports, the text search, the details panel). The same array for the same table,
 * so caches keyed by a layer's features keep working. It cannot be posted or stored: send the
 * table instead.
 */
export function tableFeatures(t: FeatureTable): readonly ImportedFeature[] {
  const hit = views.get(t);
  if (hit) return hit;
  // An empty array: its length is answered by the traps. Given the table's length, V8 allocated
  // a slot per feature (6–8 ms at 800,000 features, in the task that lists a new layer).
  const target: ImportedFeature[] = [];
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const n = Number(key);
    return Number.isInteger(n) && n >= 0 && n < t.count && String(n) === key ? n : -1;
  };
  const view = new Proxy(target, {
    get(obj, key, receiver) {
      if (key === 'length') return t.count;
      const i = index(key);
      return i >= 0 ? featureAt(t, i) : (Reflect.get(obj, key, receiver) as unknown);
    },
    has(obj, key) {
      return index(key) >= 0 || Reflect.has(obj, key);
    },
    set() {
      return false;
    },
    deleteProperty() {
      return false;
    },
    getOwnPropertyDescriptor(obj, key) {
      if (key === 'length') return { value: t.count, writable: true, enumerable: false, configurable: false };
      const i = index(key);
      return i >= 0 ? { value: featureAt(t, i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(obj, key);
    },
    ownKeys(obj) {
      return [...Array.from({ length: t.count }, (_, i) => String(i)), ...Reflect.ownKeys(obj)];
    },
  });
  views.set(t, view);
  tables.set(view, t);
  return view;
}

const tables = new WeakMap<object, FeatureTable>();
/** The table behind an array made by `tableFeatures`, if it is one. */
export function tableOf(features: readonly unknown[]): FeatureTable | undefined {
  return tables.get(features);
}

/**
 * Reads one property of a layer's features by index: from its column when the features are a
 * table's (no feature object made), else from each feature.
 */
export function propertyReader(features: readonly { properties: Record<string, unknown> | null }[], name: string): (i: number) => unknown {
  const t = tableOf(features);
  if (!t) return (i) => features[i]?.properties?.[name];
  const col = t.columns.find((c) => c.name === name);
  return col ? (i) => cellAt(col, i) : () => undefined;
}

// ---------------------------------------------------------------------------------------------
// Checking a stored table (IndexedDB holds whatever another version or a person put there)

type Check = { ok: true; table: FeatureTable } | { ok: false; reason: string };

class BadTable extends Error {}
function need(cond: boolean, what: string): asserts cond {
  if (!cond) throw new BadTable(what);
}
function isView<T>(v: unknown, ctor: new (n: number) => T, length: number | null, what: string): T {
  need(v instanceof ctor, `${what} is not a ${ctor.name}`);
  if (length !== null) need((v as unknown as ArrayLike<number>).length === length, `${what} has the wrong length`);
  return v as T;
}
function ascending(a: Uint32Array, last: number, what: string): void {
  need(a.length > 0 && a[0] === 0 && a[a.length - 1] === last, `${what} does not span its list`);
  for (let i = 1; i < a.length; i++) need(a[i]! >= a[i - 1]!, `${what} goes backwards`);
}

/** A stored column summary that matches the columns (one entry each, in order) and the feature count. */
function columnInfoFits(info: unknown, columns: readonly TableColumn[], count: number): boolean {
  if (!Array.isArray(info) || info.length !== columns.length) return false;
  const counted = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= count;
  return info.every((c: unknown, k) => {
    if (!c || typeof c !== 'object') return false;
    const x = c as Record<string, unknown>;
    return x.name === columns[k]!.name && counted(x.values) && counted(x.distinct) && typeof x.numeric === 'boolean';
  });
}

/** The simplified copy the map draws: the same parts and rings as the exact geometry, in range. */
function checkDisplay(d: DisplayGeometry, nest: TableNesting | null, exactVertices: number): void {
  need(!!d && typeof d === 'object' && nest !== null, 'the simplified geometry has no parts');
  const xy = isView(d.xy, Float64Array, null, 'the simplified coordinates');
  need(xy.length % 2 === 0, 'the simplified coordinates are not pairs');
  const vertices = xy.length / 2;
  need(vertices <= exactVertices, 'the simplified geometry has more vertices than the exact one');
  for (let v = 0; v < vertices; v++) {
    const lon = xy[2 * v]!;
    const lat = xy[2 * v + 1]!;
    need(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, `simplified vertex ${v + 1} is not a longitude/latitude`);
  }
  const parts = nest!.ringStart.length - 1;
  const rings = nest!.vertexStart.length - 1;
  const vertexStart = isView(d.vertexStart, Uint32Array, rings + 1, 'the simplified vertex starts');
  const triangleStart = isView(d.triangleStart, Uint32Array, parts + 1, 'the simplified triangle starts');
  const triangles = isView(d.triangles, Uint32Array, null, 'the simplified triangles');
  ascending(vertexStart, vertices, 'the simplified vertex starts');
  ascending(triangleStart, triangles.length, 'the simplified triangle starts');
  need(triangles.length % 3 === 0, 'the simplified triangles are not triples');
  for (let k = 0; k < triangles.length; k++) need(triangles[k]! < vertices, 'a simplified triangle points past the vertices');
}

/**
 * A stored table that is whole and consistent (every start index in range and ascending, every
 * coordinate a longitude/latitude, every cell tag and text index valid), or why not. Linear in
 * the size of the arrays and allocation-free: a few ms for a million vertices.
 */
export function checkTable(x: unknown): Check {
  try {
    need(!!x && typeof x === 'object', 'the table is not an object');
    const t = x as FeatureTable;
    const n = t.count;
    need(Number.isInteger(n) && n >= 0, 'the feature count is not a count');
    const geomType = isView(t.geomType, Uint8Array, n, 'the geometry types');
    const xy = isView(t.xy, Float64Array, null, 'the coordinates');
    need(xy.length % 2 === 0, 'the coordinates are not pairs');
    const vertices = xy.length / 2;
    for (let v = 0; v < vertices; v++) {
      const lon = xy[2 * v]!;
      const lat = xy[2 * v + 1]!;
      need(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, `vertex ${v + 1} is not a longitude/latitude`);
    }
    if (t.z !== null) isView(t.z, Float64Array, vertices, 'the heights');
    need(!!t.collections && typeof t.collections === 'object', 'the geometry collections are missing');
    const nest = t.nesting;
    if (nest === null) {
      need(vertices === n, 'a table of points needs one vertex per feature');
      for (let i = 0; i < n; i++) need(geomType[i] === GEOM.Point, `feature ${i + 1} is not a point`);
    } else {
      need(!!nest && typeof nest === 'object', 'the nesting is not an object');
      const partStart = isView(nest.partStart, Uint32Array, n + 1, 'the part starts');
      const parts = partStart[n]!;
      const ringStart = isView(nest.ringStart, Uint32Array, parts + 1, 'the ring starts');
      const rings = ringStart[parts]!;
      const vertexStart = isView(nest.vertexStart, Uint32Array, rings + 1, 'the vertex starts');
      const triangleStart = isView(nest.triangleStart, Uint32Array, parts + 1, 'the triangle starts');
      const triangles = isView(nest.triangles, Uint32Array, null, 'the triangles');
      ascending(partStart, parts, 'the part starts');
      ascending(ringStart, rings, 'the ring starts');
      ascending(vertexStart, vertices, 'the vertex starts');
      ascending(triangleStart, triangles.length, 'the triangle starts');
      need(triangles.length % 3 === 0, 'the triangles are not triples');
      for (let k = 0; k < triangles.length; k++) need(triangles[k]! < vertices, 'a triangle points past the vertices');
      for (let i = 0; i < n; i++) {
        const g = geomType[i]!;
        need(g >= GEOM.Point && g <= GEOM.GeometryCollection, `feature ${i + 1} has no geometry type`);
        const ps = partStart[i + 1]! - partStart[i]!;
        if (g === GEOM.GeometryCollection) {
          need(ps === 0 && !!t.collections[i] && typeof t.collections[i] === 'object', `feature ${i + 1} lost its geometries`);
          continue;
        }
        need(g === GEOM.MultiPolygon ? ps >= 1 : ps === 1, `feature ${i + 1} has ${ps} parts`);
        for (let p = partStart[i]!; p < partStart[i + 1]!; p++) {
          need(ringStart[p + 1]! > ringStart[p]!, `feature ${i + 1} has an empty part`);
          for (let r = ringStart[p]!; r < ringStart[p + 1]!; r++) need(vertexStart[r + 1]! > vertexStart[r]!, `feature ${i + 1} has an empty ring`);
        }
      }
    }
    if (t.display !== undefined) checkDisplay(t.display, nest, vertices);
    need(Array.isArray(t.columns), 'the columns are not a list');
    for (const c of t.columns) {
      need(!!c && typeof c === 'object' && typeof c.name === 'string', 'a column has no name');
      const values = isView(c.values, Float64Array, n, `column "${c.name}"`);
      need(!!c.text && typeof c.text === 'object', `column "${c.name}" has no text`);
      const bytes = isView(c.text.bytes, Uint8Array, null, `the text of column "${c.name}"`);
      const offsets = isView(c.text.offsets, Uint32Array, null, `the text offsets of column "${c.name}"`);
      ascending(offsets, bytes.length, `the text offsets of column "${c.name}"`);
      const strings = offsets.length - 1;
      if (c.tags !== null) {
        const tags = isView(c.tags, Uint8Array, n, `the cell kinds of column "${c.name}"`);
        for (let i = 0; i < n; i++) {
          const tag = tags[i]!;
          need(tag <= CELL.json, `column "${c.name}", feature ${i + 1}: unknown cell kind`);
          if (tag === CELL.string || tag === CELL.json) {
            const k = values[i]!;
            need(Number.isInteger(k) && k >= 0 && k < strings, `column "${c.name}", feature ${i + 1}: text out of range`);
          }
        }
      }
    }
    // what the import said of the columns is a hint: a damaged one is worked out again when needed
    if (t.columnInfo !== undefined && !columnInfoFits(t.columnInfo, t.columns, n)) delete t.columnInfo;
    return { ok: true, table: t };
  } catch (e) {
    if (e instanceof BadTable) return { ok: false, reason: e.message };
    throw e;
  }
}
