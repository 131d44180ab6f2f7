/**
 * The plan dataset's schema (geodata/plan/). This file is the contract between the data,
 * the validator (scripts/validate-data.ts), the geo layer and the UI. Documented field by
 * field in geodata/README.md.
 */
import { z } from '../zod';

export const GROUP_IDS = [1, 2, 3, 4, 5] as const;
export type GroupId = (typeof GROUP_IDS)[number];

export const THEME_IDS = ['ecology', 'transport', 'industry', 'public-services'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

/** kind: what sort of thing the record is. site/line/area have a geometry; the rest name regions only. */
export const ITEM_KINDS = ['site', 'line', 'area', 'programme', 'target', 'mechanism'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * How precise a location is, and what kind of source fixes it:
 * - surveyed-site: a point on the real site, from a named public source (within ~1–2 km)
 * - landmark: placed at the best-known landmark (e.g. the campus or the town centre)
 * - admin-area: the area is (the union of) administrative units from the boundary data
 * - schematic-line: a line through real termini/stations, straight or simplified between them
 * - region-only: no geometry; the record names the regions it concerns
 */
export const PRECISIONS = ['surveyed-site', 'landmark', 'admin-area', 'schematic-line', 'region-only'] as const;

const nonEmpty = z.string().trim().min(1);
/** A calendar date, YYYY-MM-DD; the validator also checks that it exists. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export const adcode = z.string().regex(/^\d{6}$/, 'expected a six-digit GB/T 2260 code');

export const quoteSchema = nonEmpty; // verbatim from geodata/plan/source/plan-2019.zh.txt

export const targetSchema = z.object({
  value: z.number().finite(),
  unit_zh: nonEmpty, // e.g. 家, 个, 亩, 所
  unit_en: nonEmpty, // e.g. firms, markets, mu, schools
  label_zh: nonEmpty,
  label_en: nonEmpty,
  quote: quoteSchema,
});

export const milestoneSchema = z.object({
  label_zh: nonEmpty,
  label_en: nonEmpty,
  /** The date the wording implies: "6月底" → 2019-06-30; "年底" → 2019-12-31. */
  date: isoDate,
  /**
   * How the date is given in the plan: a day, the end of a month, the end of the year, or only the
   * year ("2019年…建成投入使用", no month): `date` is then the year's last day and is shown as "2019".
   */
  date_precision: z.enum(['day', 'month-end', 'year-end', 'year']),
  quote: quoteSchema,
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const externalSourceSchema = z.object({
  fact: nonEmpty, // what was taken from it, e.g. "station coordinates of Daxing Airport station"
  source: nonEmpty, // a named public source
});

export const locationSchema = z.object({
  precision: z.enum(PRECISIONS),
  /** Where the geometry comes from, in words (boundary data codes, a landmark, a named source). */
  source: nonEmpty,
  note: z.string().optional(),
  /** The note in Chinese (`note` is English); every note has both so that each language reads its own. */
  note_zh: z.string().optional(),
  /**
   * Whether the release itself names the place: true when it names the site, the route's termini
   * or the area and only the coordinates come from elsewhere; false when the release does not say
   * where the thing is and the place comes from an outside document (which must then be cited in
   * `external_sources`). The validator requires it on every record and link with a place.
   */
  from_release: z.boolean().optional(),
});

export const itemPropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens'),
  name_zh: nonEmpty,
  name_en: nonEmpty,
  group: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  theme: z.enum(THEME_IDS).optional(), // group 3 only
  /**
   * How the group is known: 'stated' when the release lists the item under the group's own
   * heading (section 二, 一是…五是); 'inferred' when the release mentions it elsewhere (e.g. the
   * working mechanisms and the event-linked work in section 一) and the group was assigned by us.
   */
  group_basis: z.enum(['stated', 'inferred']).default('stated'),
  /**
   * Set on a part of a described task (e.g. Shougang Jingtang phase II under the Caofeidian
   * zone): the id of that task's record. Records without `parent` are the described tasks that
   * count against the group's declared total; records with one do not.
   */
  parent: z.string().optional(),
  kind: z.enum(ITEM_KINDS),
  /** Verbatim sentence(s) or clauses from the release that this record comes from. */
  quotes: z.array(quoteSchema).min(1),
  /** One-sentence English rendering of what the plan says about it. */
  summary_en: nonEmpty,
  targets: z.array(targetSchema).default([]),
  milestones: z.array(milestoneSchema).default([]),
  /**
   * Region codes it concerns (province, prefecture, county; sorted by level then code):
   * 'computed' with Turf from the geometry (or, for a task without geometry, from its parts'
   * geometries), or 'named': the regions the text names (no geometry).
   */
  regions: z.array(adcode),
  regions_source: z.enum(['computed', 'named']),
  /**
   * On a record with a geometry: the codes a named source adds that the generalised boundaries
   * do not compute from it (the Daxing airport terminal lies in Daxing but computes into Langfang).
   * They are part of `regions` too; kept apart so the computed ones can still be checked.
   */
  regions_added: z.array(adcode).optional(),
  /** For admin-area items: the county/prefecture codes whose union is the geometry. */
  area_adcodes: z.array(adcode).optional(),
  location: locationSchema,
  external_sources: z.array(externalSourceSchema).default([]),
});

const position = z.tuple([z.number().finite(), z.number().finite()]);
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)).min(1) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position).min(4)).min(1)).min(1) }),
]);
export type ItemGeometry = z.infer<typeof geometrySchema>;

export const itemFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: itemPropertiesSchema,
  geometry: geometrySchema.nullable(),
});
export type PlanItem = z.infer<typeof itemFeatureSchema>;

export const itemsSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(itemFeatureSchema),
});

export const groupSchema = z.object({
  id: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  name_zh: nonEmpty,
  name_en: nonEmpty,
  short_zh: nonEmpty,
  short_en: nonEmpty,
  declared: z.number().int().positive(), // task count the release declares
  quote: quoteSchema,
  /**
   * The group's guiding principles as the release states them under its heading (verbatim): the
   * frame of its tasks, not tasks themselves, so they are not item records and not counted.
   */
  context: z.array(z.object({ quote: quoteSchema, summary_en: nonEmpty })).optional(),
});

export const themeSchema = z.object({
  id: z.enum(THEME_IDS),
  group: z.literal(3),
  name_zh: nonEmpty,
  name_en: nonEmpty,
  quote: quoteSchema,
});

export const figureSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label_zh: nonEmpty,
  label_en: nonEmpty,
  value: z.number().int().nonnegative(),
  /** e.g. 90 for "31 of Beijing's 90 tasks" */
  of: z.number().int().positive().optional(),
  /** whose plan the count belongs to, and which region it involves (adcodes, or 'national') */
  plan: z.enum(['beijing', 'tianjin', 'hebei', 'national']),
  involves: z.array(adcode).default([]),
  quote: quoteSchema,
});

/**
 * The major 2019 events the release says the work plan was arranged around (section 一, 三是).
 * They are context, not tasks: `items` lists the records the release ties to each event.
 */
export const eventSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name_zh: nonEmpty,
  name_en: nonEmpty,
  quote: quoteSchema,
  items: z.array(z.string()).default([]),
  /** When it took place (not in the release), with its source. */
  date: z.string().optional(),
  date_source: z.string().optional(),
});

export const planMetaSchema = z.object({
  title_zh: nonEmpty,
  title_en: nonEmpty,
  publisher_zh: nonEmpty,
  publisher_en: nonEmpty,
  published: isoDate,
  total_tasks: z.number().int().positive(),
  groups: z.array(groupSchema).length(5),
  themes: z.array(themeSchema).length(4),
  figures: z.array(figureSchema),
  events: z.array(eventSchema).default([]),
});
export type PlanMeta = z.infer<typeof planMetaSchema>;

export const linkPropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  item: z.string(), // the item id the link belongs to
  from_zh: nonEmpty,
  from_en: nonEmpty,
  to_zh: nonEmpty,
  to_en: nonEmpty,
  from_region: adcode.optional(),
  to_region: adcode.optional(),
  /** Links that leave the map area (YRD, GBA) are drawn to the map edge in their direction. */
  outside_region: z.boolean().default(false),
  quote: quoteSchema,
  location: locationSchema,
});
export const linkFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: linkPropertiesSchema,
  geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(position).length(2) }),
});
export type PlanLink = z.infer<typeof linkFeatureSchema>;
export const linksSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(linkFeatureSchema) });
