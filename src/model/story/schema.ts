/**
 * The story model ("Present"): a story is a sequence of chapters, each a camera view,
 * optional filters, an optional highlight and a bilingual caption that can quote the plan.
 *
 * This file holds the zod schemas and the types inferred from them; ./io.ts parses, serialises
 * and link-encodes stories, ./defaultStory.ts loads the plan's own story (geodata/story/default.json).
 *
 * Format (version 1), as written by `serializeStory`:
 *
 *   {
 *     "version": 1,
 *     "title_zh": "…", "title_en": "…",
 *     "chapters": [
 *       {
 *         "id": "daxing-airport",                      lower-case words joined by hyphens, unique
 *         "title_zh": "…", "title_en": "…",            ≤ 200 characters each
 *         "caption_zh": "…", "caption_en": "…",        ≤ 2000 characters each (may be empty)
 *         "quote": "…",                                optional; verbatim from plan-2019.zh.txt
 *         "camera": { "center": [116.41, 39.51], "zoom": 9.5, "bearing": 0, "pitch": 0 },
 *         "filters": { "layers": ["g3-transport"] },    optional, any subset of Filters
 *         "highlight": { "item": "g3-daxing-airport" }  optional: an item id and/or a region code
 *       }
 *     ]
 *   }
 *
 * Ranges: zoom within the map's [MIN_ZOOM, MAX_ZOOM] (5–13), bearing −180…360 (degrees clockwise
 * from north; the lead may normalise), pitch 0–60 (maplibre's default maxPitch), centre within
 * ±180/±90 (whether it lies inside the region is checked by the tests of the default story, not
 * here: a presenter may look at a neighbour). Unknown fields are rejected, so a typo ("zom") is
 * reported rather than silently ignored.
 *
 * Checks that need the data (that a highlighted item or region exists, that a quote is verbatim
 * in the plan) are not in the schema; `parseStory(json, ctx)` in ./io.ts runs them when given a
 * StoryContext.
 */
import { z } from '../../data/zod';
import { MAX_ZOOM, MIN_ZOOM } from '../zoomRange';
import { FILTER_KINDS, PLAN_LAYER_KEYS } from '../state';

export const STORY_VERSION = 1;

export const CAMERA_LIMITS = {
  zoom: [MIN_ZOOM, MAX_ZOOM],
  bearing: [-180, 360],
  pitch: [0, 60],
  lon: [-180, 180],
  lat: [-90, 90],
} as const;

export const MAX_TITLE_LENGTH = 200;
export const MAX_CAPTION_LENGTH = 2000;
export const MAX_CHAPTERS = 200;

const between = (name: string, [lo, hi]: readonly [number, number]) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `${name} is missing` : `${name} must be a number`) })
    .refine(Number.isFinite, { message: `${name} must be a finite number` })
    .refine((v) => v >= lo && v <= hi, { message: `${name} must be between ${lo} and ${hi}` });

const text = (name: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${name} is missing` : `${name} must be a string`) })
    .max(max, { message: `${name} is longer than ${max} characters` });

const nonBlank = (name: string, max: number) => text(name, max).refine((s) => s.trim() !== '', { message: `${name} is empty` });

export const cameraSchema = z.strictObject(
  {
    center: z.tuple([between('longitude', CAMERA_LIMITS.lon), between('latitude', CAMERA_LIMITS.lat)], {
      error: 'center must be [longitude, latitude]',
    }),
    zoom: between('zoom', CAMERA_LIMITS.zoom),
    bearing: between('bearing', CAMERA_LIMITS.bearing),
    pitch: between('pitch', CAMERA_LIMITS.pitch),
  },
  { error: (iss) => (iss.input === undefined ? 'camera is missing' : 'camera must be an object {center, zoom, bearing, pitch}') },
);
export type StoryCamera = z.infer<typeof cameraSchema>;

const month = z.number().int({ message: 'a month must be a whole number 1–12' }).min(1, { message: 'a month must be 1–12' }).max(12, { message: 'a month must be 1–12' });

/** A subset of the app's Filters (src/model/state.ts); a missing field keeps the app's default. */
export const storyFiltersSchema = z.strictObject({
  layers: z.array(z.enum(PLAN_LAYER_KEYS, { message: `a layer must be one of ${PLAN_LAYER_KEYS.join(', ')}` })).optional(),
  kinds: z.array(z.enum(FILTER_KINDS, { message: `a kind must be one of ${FILTER_KINDS.join(', ')}` })).optional(),
  regions: z.array(z.string().regex(/^\d{6}$/, { message: 'a region must be a six-digit code' })).optional(),
  months: z
    .tuple([month, month])
    .refine(([a, b]) => a <= b, { message: 'months must be [from, to] with from ≤ to' })
    .nullable()
    .optional(),
  text: z.string().max(200, { message: 'text is longer than 200 characters' }).optional(),
});

export const highlightSchema = z
  .strictObject({
    item: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'highlight.item must be an item id' }).optional(),
    region: z.string().regex(/^\d{6}$/, { message: 'highlight.region must be a six-digit region code' }).optional(),
  })
  .refine((h) => h.item !== undefined || h.region !== undefined, { message: 'highlight needs an item or a region' });

export const chapterSchema = z.strictObject({
  id: z
    .string({ error: (iss) => (iss.input === undefined ? 'id is missing' : 'id must be a string') })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'id must be lower-case words joined by hyphens' })
    .max(80, { message: 'id is longer than 80 characters' }),
  title_zh: nonBlank('title_zh', MAX_TITLE_LENGTH),
  title_en: nonBlank('title_en', MAX_TITLE_LENGTH),
  caption_zh: text('caption_zh', MAX_CAPTION_LENGTH),
  caption_en: text('caption_en', MAX_CAPTION_LENGTH),
  quote: nonBlank('quote', MAX_CAPTION_LENGTH).optional(),
  camera: cameraSchema,
  filters: storyFiltersSchema.optional(),
  highlight: highlightSchema.optional(),
});
export type Chapter = z.infer<typeof chapterSchema>;

export const storySchema = z
  .strictObject({
    version: z.literal(STORY_VERSION, {
      error: (iss) =>
        iss.input === undefined
          ? 'version is missing (expected 1)'
          : `unsupported story version ${JSON.stringify(iss.input)?.slice(0, 20)} (this app reads version ${STORY_VERSION})`,
    }),
    title_zh: nonBlank('title_zh', MAX_TITLE_LENGTH),
    title_en: nonBlank('title_en', MAX_TITLE_LENGTH),
    chapters: z
      .array(chapterSchema, { error: (iss) => (iss.input === undefined ? 'chapters is missing' : 'chapters must be a list') })
      .min(1, { message: 'a story needs at least one chapter' })
      .max(MAX_CHAPTERS, { message: `a story has at most ${MAX_CHAPTERS} chapters` }),
  })
  .superRefine((story, ctx) => {
    const seen = new Map<string, number>();
    story.chapters.forEach((c, i) => {
      const first = seen.get(c.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['chapters', i, 'id'], message: `id "${c.id}" is already used by chapter ${first + 1}` });
      } else seen.set(c.id, i);
    });
  });
export type Story = z.infer<typeof storySchema>;
