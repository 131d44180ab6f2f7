/**
 * Builds geodata/plan/items.geojson and links.geojson from the hand-authored
 * geodata/plan/items.src.json and the boundary data in geodata/basemap/:
 *  - admin-area geometries: the Turf union of the units listed in `area_adcodes`;
 *  - basemap lines (rivers) copied from the named basemap layer;
 *  - every geometry rounded to 5 decimals (~1 m);
 *  - `regions` computed with Turf for every record with a geometry (province + prefecture +
 *    county codes it lies in / passes through / overlaps), plus any `named_regions` a source adds
 *    where the generalised boundaries put a site on the wrong side; for a task without geometry whose
 *    parts have geometry, the union of its parts' regions; otherwise the regions the text names,
 *    each expanded with its prefecture and province;
 *  - links: two-point lines between government seats, area centres or given points.
 * Run: `npm run build:data` (tsx scripts/build-plan-data.ts). A unit test checks that the
 * committed output equals what this script produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { centerOfMass, feature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { z } from 'zod';
import { adcode, itemPropertiesSchema, locationSchema, quoteSchema } from '../src/data/plan/schema.ts';
import { regionsOf, sortRegionCodes, type CountyUnit } from '../src/geo/regionsOf.ts';
import { roundCoordinates } from '../src/geo/roundCoordinates.ts';
import { unionOf } from '../src/geo/unionOf.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------- the hand-authored source

const geometryFromSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('point'), coordinates: z.tuple([z.number(), z.number()]) }),
  z.object({ type: z.literal('line'), coordinates: z.array(z.tuple([z.number(), z.number()])).min(2) }),
  z.object({ type: z.literal('admin-union') }),
  z.object({ type: z.literal('basemap-line'), file: z.string(), name: z.string() }),
]);

const sourceItemSchema = itemPropertiesSchema
  .omit({ regions: true, regions_source: true })
  .extend({
    /** regions the text names (records without geometry); expanded with their parents */
    named_regions: z.array(adcode).optional(),
    geometry_from: geometryFromSchema.optional(),
  })
  .strict();
type SourceItem = z.infer<typeof sourceItemSchema>;

const endpointSchema = z.union([
  z.object({ seat: adcode, label_zh: z.string().optional(), label_en: z.string().optional() }).strict(),
  z.object({ centroid_of: z.array(adcode).min(1), label_zh: z.string(), label_en: z.string() }).strict(),
  z
    .object({
      point: z.tuple([z.number(), z.number()]),
      region: adcode.optional(),
      label_zh: z.string(),
      label_en: z.string(),
      source: z.string(),
    })
    .strict(),
]);
type Endpoint = z.infer<typeof endpointSchema>;

const sourceLinkSchema = z
  .object({
    id: z.string(),
    item: z.string(),
    from: endpointSchema,
    to: endpointSchema,
    quote: quoteSchema,
    outside_region: z.boolean().optional(),
    location: locationSchema.optional(),
    /** false when an endpoint is a place the release does not name (e.g. a partner hospital) */
    from_release: z.boolean().optional(),
  })
  .strict();

const sourceSchema = z.object({
  $comment: z.string().optional(),
  items: z.array(sourceItemSchema),
  links: z.array(sourceLinkSchema),
});

// ---------- boundary data

interface AdminProps {
  adcode: string;
  name: string;
  name_en: string;
  city_adcode?: string;
  province_adcode?: string;
}

interface Basemap {
  counties: CountyUnit[];
  polygons: Map<string, Polygon | MultiPolygon>;
  parents: Map<string, string[]>;
  seats: Map<string, { name: string; name_en: string; coordinates: Position }>;
  readLayer: (file: string) => FeatureCollection;
}

function loadBasemap(root: string): Basemap {
  const read = (file: string): FeatureCollection =>
    JSON.parse(readFileSync(join(root, 'geodata/basemap', file), 'utf8')) as FeatureCollection;
  const counties: CountyUnit[] = [];
  const polygons = new Map<string, Polygon | MultiPolygon>();
  const parents = new Map<string, string[]>();
  for (const file of ['jjj_provinces.geojson', 'jjj_prefectures.geojson', 'jjj_counties.geojson']) {
    for (const f of read(file).features as Feature<Polygon | MultiPolygon, AdminProps>[]) {
      const p = f.properties;
      polygons.set(p.adcode, f.geometry);
      const up = [p.city_adcode, p.province_adcode].filter((c): c is string => !!c && c !== p.adcode);
      parents.set(p.adcode, [...new Set(up)]);
      if (file === 'jjj_counties.geojson') {
        counties.push({ adcode: p.adcode, city_adcode: p.city_adcode!, province_adcode: p.province_adcode!, geometry: f.geometry });
      }
    }
  }
  const seats = new Map<string, { name: string; name_en: string; coordinates: Position }>();
  for (const f of read('jjj_admin_seats.geojson').features as Feature<Point, AdminProps>[]) {
    seats.set(f.properties.adcode, { name: f.properties.name, name_en: f.properties.name_en, coordinates: f.geometry.coordinates });
  }
  return { counties, polygons, parents, seats, readLayer: read };
}

// ---------- building

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(what);
  return value;
}

function buildGeometry(item: SourceItem, bm: Basemap): Geometry | null {
  const g = item.geometry_from;
  if (!g) return null;
  switch (g.type) {
    case 'point':
      return { type: 'Point', coordinates: g.coordinates };
    case 'line':
      return { type: 'LineString', coordinates: g.coordinates };
    case 'admin-union': {
      const codes = need(item.area_adcodes, `${item.id}: admin-union needs area_adcodes`);
      return unionOf(codes.map((c) => need(bm.polygons.get(c), `${item.id}: no boundary for ${c}`)));
    }
    case 'basemap-line': {
      const lines = bm
        .readLayer(g.file)
        .features.filter((f) => (f.properties as { name?: string } | null)?.name === g.name)
        .map((f) => f.geometry as LineString | MultiLineString);
      if (lines.length === 0) throw new Error(`${item.id}: no feature named ${g.name} in ${g.file}`);
      const parts = lines.flatMap((l) => (l.type === 'LineString' ? [l.coordinates] : l.coordinates));
      return parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
    }
  }
}

function expandNamed(codes: readonly string[], bm: Basemap, id: string): string[] {
  return sortRegionCodes(codes.flatMap((c) => [c, ...need(bm.parents.get(c), `${id}: unknown region ${c}`)]));
}

const round5 = (n: number): number => Math.round(n * 1e5) / 1e5;

function resolveEndpoint(e: Endpoint, bm: Basemap, linkId: string) {
  if ('seat' in e) {
    const seat = need(bm.seats.get(e.seat), `${linkId}: no seat for ${e.seat}`);
    return {
      zh: e.label_zh ?? seat.name,
      en: e.label_en ?? seat.name_en,
      region: e.seat as string | undefined,
      coordinates: seat.coordinates.map(round5),
      source: `government seat of ${seat.name} ${e.seat} (geodata/basemap/jjj_admin_seats.geojson, DataV)`,
    };
  }
  if ('centroid_of' in e) {
    const area = unionOf(e.centroid_of.map((c) => need(bm.polygons.get(c), `${linkId}: no boundary for ${c}`)));
    return {
      zh: e.label_zh,
      en: e.label_en,
      region: undefined,
      coordinates: centerOfMass(feature(area)).geometry.coordinates.map(round5),
      source: `centre of mass of the union of ${e.centroid_of.join(' + ')} (geodata/basemap/jjj_counties.geojson)`,
    };
  }
  return { zh: e.label_zh, en: e.label_en, region: e.region, coordinates: e.point.map(round5), source: e.source };
}

/** One feature per line, so diffs of the generated files stay readable. */
function featureCollectionText(features: unknown[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

export interface BuiltPlanData {
  items: string;
  links: string;
  stats: { items: number; withGeometry: number; links: number };
}

export function buildPlanData(root: string = ROOT): BuiltPlanData {
  const source = sourceSchema.parse(JSON.parse(readFileSync(join(root, 'geodata/plan/items.src.json'), 'utf8')));
  const bm = loadBasemap(root);

  // 1. geometries and their regions
  const built = source.items.map((item) => {
    const raw = buildGeometry(item, bm);
    const geometry = raw ? roundCoordinates(raw, 5) : null;
    let regions: string[] = [];
    let added: string[] = [];
    if (geometry) {
      regions = regionsOf(geometry, bm.counties);
      if (regions.length === 0) throw new Error(`${item.id}: its geometry lies in no county of the boundary data`);
      // The boundaries are generalised (~1.5 km between vertices), so a site within a kilometre of
      // a border can be computed into the neighbour only (the Daxing airport terminal falls in
      // Langfang, Beijing North station in Haidian). named_regions on a record with a geometry adds
      // the units a named source puts it in; the computed ones stay.
      if (item.named_regions) {
        const computed = new Set(regions);
        added = expandNamed(item.named_regions, bm, item.id).filter((c) => !computed.has(c));
        if (added.length === 0) throw new Error(`${item.id}: named_regions adds nothing its geometry does not already give; drop it`);
        regions = sortRegionCodes([...regions, ...added]);
      }
    }
    return { item, geometry, regions, added };
  });

  // 2. regions of records without geometry: from their parts' geometries, or as named
  const byId = new Map(built.map((b) => [b.item.id, b]));
  for (const b of built) {
    if (b.geometry) continue;
    const named = expandNamed(b.item.named_regions ?? [], bm, b.item.id);
    const parts = built.filter((c) => c.item.parent === b.item.id);
    const partRegions = parts.flatMap((c) => (c.geometry ? c.regions : expandNamed(c.item.named_regions ?? [], bm, c.item.id)));
    b.regions = sortRegionCodes([...named, ...partRegions]);
    if (b.regions.length === 0) throw new Error(`${b.item.id}: no geometry and no named_regions`);
  }

  const features = built.map(({ item, geometry, regions, added }) => {
    const hasGeometricParts = built.some((c) => c.item.parent === item.id && c.geometry);
    if (item.parent && !byId.has(item.parent)) throw new Error(`${item.id}: unknown parent ${item.parent}`);
    const properties = {
      id: item.id,
      name_zh: item.name_zh,
      name_en: item.name_en,
      group: item.group,
      ...(item.theme ? { theme: item.theme } : {}),
      group_basis: item.group_basis,
      ...(item.parent ? { parent: item.parent } : {}),
      kind: item.kind,
      quotes: item.quotes,
      summary_en: item.summary_en,
      targets: item.targets,
      milestones: item.milestones,
      regions,
      regions_source: geometry || hasGeometricParts ? 'computed' : 'named',
      ...(added.length > 0 ? { regions_added: sortRegionCodes(added) } : {}),
      ...(item.area_adcodes ? { area_adcodes: item.area_adcodes } : {}),
      location: item.location,
      external_sources: item.external_sources,
    };
    return { type: 'Feature', id: item.id, properties, geometry };
  });

  // 3. links
  const links = source.links.map((l) => {
    const from = resolveEndpoint(l.from, bm, l.id);
    const to = resolveEndpoint(l.to, bm, l.id);
    const properties = {
      id: l.id,
      item: l.item,
      from_zh: from.zh,
      from_en: from.en,
      to_zh: to.zh,
      to_en: to.en,
      ...(from.region ? { from_region: from.region } : {}),
      ...(to.region ? { to_region: to.region } : {}),
      outside_region: l.outside_region ?? false,
      quote: l.quote,
      location: l.location ?? {
        precision: 'landmark',
        source: `from: ${from.source}; to: ${to.source}`,
        note: 'An arc between two representative places, not a route.',
        note_zh: '两个代表性地点之间的弧线，不是实际路线。',
        from_release: l.from_release ?? true,
      },
    };
    return { type: 'Feature', id: l.id, properties, geometry: { type: 'LineString', coordinates: [from.coordinates, to.coordinates] } };
  });

  return {
    items: featureCollectionText(features),
    links: featureCollectionText(links),
    stats: { items: features.length, withGeometry: features.filter((f) => f.geometry).length, links: links.length },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = buildPlanData();
  writeFileSync(join(ROOT, 'geodata/plan/items.geojson'), out.items);
  writeFileSync(join(ROOT, 'geodata/plan/links.geojson'), out.links);
  console.log(
    `wrote geodata/plan/items.geojson (${out.stats.items} records, ${out.stats.withGeometry} with geometry, ${(out.items.length / 1024).toFixed(0)} KiB) and links.geojson (${out.stats.links} links)`,
  );
}
