/**
 * The plan dataset's validator: pure (no fs, no DOM), so the app could reuse it; the CLI
 * (scripts/validate-data.ts) reads the files and prints. Every issue names the file, the record
 * id and the field. What counts as "described" (the per-group count checked against the
 * declared count): item records without a `parent` (see schema.ts and geodata/README.md).
 * Why one long file: every rule reads the same indexes of items, links and meta built once at
 * the top; split by rule, each part would rebuild or export them.
 */
import type { z } from '../zod';
import {
  GROUP_IDS,
  itemFeatureSchema,
  linkFeatureSchema,
  planMetaSchema,
  type PlanItem,
  type PlanLink,
  type PlanMeta,
} from './schema';

export interface ValidationIssue {
  file: string;
  /** record id (or '(file)' / '#<index>' when no id can be read) */
  id: string;
  /** dotted path of the field, e.g. properties.quotes.0 */
  field: string;
  message: string;
}

export interface GroupSummary {
  group: number;
  declared: number;
  /** task-level records (no parent) */
  described: number;
  /** records that are parts of a described task */
  parts: number;
  withGeometry: number;
}

/** How much of the plan is on the map: records with a place, by precision and by source kind. */
export interface LocatedSummary {
  /** records with a geometry */
  located: number;
  /** all records */
  of: number;
  byPrecision: Record<string, number>;
  /** 'release': the release names the place; 'outside': the place comes from an outside source */
  bySource: { release: number; outside: number };
}

export interface ValidationResult {
  ok: boolean;
  issues: ValidationIssue[];
  summary: GroupSummary[];
  counts: { items: number; links: number };
  located: LocatedSummary;
}

export interface ValidateInput {
  plan: unknown;
  items: unknown;
  links: unknown;
  /** the authoritative release text (geodata/plan/source/plan-2019.zh.txt) */
  planText: string;
  /** every adcode in the boundary data (provinces, prefectures, counties) */
  regionCodes: ReadonlySet<string>;
  /** file names used in messages */
  files?: { plan: string; items: string; links: string };
}

/** The map area: every geometry must lie in it (links that leave the region excepted). */
export const REGION_BBOX = { minLon: 112.5, maxLon: 120.5, minLat: 35.5, maxLat: 43.0 } as const;

export function formatIssue(i: ValidationIssue): string {
  return `${i.file} · ${i.id} · ${i.field}: ${i.message}`;
}

/** True when s is YYYY-MM-DD and that day exists in the Gregorian calendar. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function zodIssues(file: string, id: string, error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((i) => ({
    file,
    id,
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(record)',
    message: `schema: ${i.message}`,
  }));
}

type Report = (field: string, message: string) => void;

function fmt(p: unknown): string {
  return Array.isArray(p) ? `[${p.map((x) => (typeof x === 'number' ? String(x) : JSON.stringify(x))).join(', ')}]` : JSON.stringify(p);
}

/** RFC 7946 checks on one position; returns false if it is unusable. */
function checkPosition(p: unknown, field: string, report: Report, inRegion: boolean): boolean {
  if (!Array.isArray(p) || p.length < 2) {
    report(field, `position ${fmt(p)} is not an array of [longitude, latitude]`);
    return false;
  }
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    report(field, `position ${fmt(p)} has a coordinate that is not a finite number`);
    return false;
  }
  let ok = true;
  const swapHint =
    lat >= REGION_BBOX.minLon && lat <= REGION_BBOX.maxLon && lon >= REGION_BBOX.minLat && lon <= REGION_BBOX.maxLat
      ? ' (lon/lat swapped? RFC 7946 order is [longitude, latitude])'
      : '';
  if (lon < -180 || lon > 180) {
    report(field, `position ${fmt(p)}: longitude ${lon} is outside −180…180${swapHint}`);
    ok = false;
  }
  if (lat < -90 || lat > 90) {
    report(field, `position ${fmt(p)}: latitude ${lat} is outside −90…90${swapHint}`);
    ok = false;
  }
  if (ok && inRegion) {
    const b = REGION_BBOX;
    if (lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) {
      report(
        field,
        `position ${fmt(p)} lies outside the region (lon ${b.minLon}–${b.maxLon}, lat ${b.minLat}–${b.maxLat})${swapHint}`,
      );
      ok = false;
    }
  }
  return ok;
}

function checkPath(path: unknown, field: string, report: Report, inRegion: boolean, minLength: number): void {
  if (!Array.isArray(path)) {
    report(field, 'expected an array of positions');
    return;
  }
  path.forEach((p, i) => checkPosition(p, `${field}.${i}`, report, inRegion));
  if (path.length < minLength) report(field, `needs at least ${minLength} positions, has ${path.length}`);
}

function checkRing(ring: unknown, field: string, report: Report, inRegion: boolean): void {
  checkPath(ring, field, report, inRegion, 4);
  if (!Array.isArray(ring) || ring.length === 0) return;
  const first = ring[0] as unknown;
  const last = ring[ring.length - 1] as unknown;
  if (!Array.isArray(first) || !Array.isArray(last) || first[0] !== last[0] || first[1] !== last[1]) {
    report(field, `ring is not closed: first position ${fmt(first)} differs from last ${fmt(last)}`);
  }
}

/** RFC 7946 geometry checks on raw (unparsed) input, so the messages can be precise. */
export function checkGeometry(geometry: unknown, field: string, report: Report, inRegion = true): void {
  if (geometry === null) return;
  if (!isRecord(geometry)) {
    report(field, 'geometry must be an object or null');
    return;
  }
  const c = geometry.coordinates;
  const cf = `${field}.coordinates`;
  const each = (f: (x: unknown, i: number) => void): void => {
    if (Array.isArray(c)) c.forEach(f);
    else report(cf, 'expected an array');
  };
  switch (geometry.type) {
    case 'Point':
      checkPosition(c, cf, report, inRegion);
      break;
    case 'LineString':
      checkPath(c, cf, report, inRegion, 2);
      break;
    case 'MultiLineString':
      each((l, i) => checkPath(l, `${cf}.${i}`, report, inRegion, 2));
      break;
    case 'Polygon':
      each((r, i) => checkRing(r, `${cf}.${i}`, report, inRegion));
      break;
    case 'MultiPolygon':
      each((poly, i) => {
        if (Array.isArray(poly)) poly.forEach((r, j) => checkRing(r, `${cf}.${i}.${j}`, report, inRegion));
        else report(`${cf}.${i}`, 'expected an array of rings');
      });
      break;
    default:
      report(`${field}.type`, `unsupported geometry type ${JSON.stringify(geometry.type)}`);
  }
}

const GEOMETRY_FOR_KIND: Record<string, readonly string[]> = {
  site: ['Point'],
  line: ['LineString', 'MultiLineString'],
  area: ['Polygon', 'MultiPolygon'],
};

function rawFeatures(file: string, data: unknown, issues: ValidationIssue[]): unknown[] {
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    issues.push({ file, id: '(file)', field: '(root)', message: 'expected a GeoJSON FeatureCollection with a features array' });
    return [];
  }
  return data.features;
}

function rawId(f: unknown, index: number): string {
  if (isRecord(f)) {
    const p = f.properties;
    if (isRecord(p) && typeof p.id === 'string' && p.id) return p.id;
    if (typeof f.id === 'string' && f.id) return f.id;
  }
  return `#${index}`;
}

export function validatePlanData(input: ValidateInput): ValidationResult {
  const files = input.files ?? { plan: 'plan.json', items: 'items.geojson', links: 'links.geojson' };
  const issues: ValidationIssue[] = [];
  const push = (file: string, id: string, field: string, message: string): void => {
    issues.push({ file, id, field, message });
  };
  const text = input.planText;
  const checkQuote = (file: string, id: string, field: string, q: string): void => {
    if (!text.includes(q)) push(file, id, field, `quote not found verbatim in the release text: “${q}”`);
  };
  const checkRegion = (file: string, id: string, field: string, code: string): void => {
    if (!input.regionCodes.has(code)) push(file, id, field, `region code ${code} is not in the boundary data`);
  };

  // ---- plan.json
  let plan: PlanMeta | undefined;
  const planParsed = planMetaSchema.safeParse(input.plan);
  if (!planParsed.success) issues.push(...zodIssues(files.plan, 'plan', planParsed.error));
  else {
    plan = planParsed.data;
    const f = files.plan;
    if (!isRealDate(plan.published)) push(f, 'plan', 'published', `${plan.published} is not a real calendar date`);
    const groupIds = plan.groups.map((g) => g.id);
    for (const gid of GROUP_IDS) if (!groupIds.includes(gid)) push(f, 'plan', 'groups', `group ${gid} is missing`);
    plan.groups.forEach((g, i) => checkQuote(f, `group-${g.id}`, `groups.${i}.quote`, g.quote));
    const sum = plan.groups.reduce((a, g) => a + g.declared, 0);
    if (sum !== plan.total_tasks) push(f, 'plan', 'groups', `declared counts sum to ${sum}, total_tasks is ${plan.total_tasks}`);
    const themeIds = new Set<string>();
    plan.themes.forEach((t, i) => {
      if (themeIds.has(t.id)) push(f, t.id, `themes.${i}.id`, `theme ${t.id} repeats`);
      themeIds.add(t.id);
      checkQuote(f, t.id, `themes.${i}.quote`, t.quote);
    });
    plan.groups.forEach((g, i) =>
      (g.context ?? []).forEach((c, j) => checkQuote(f, `group-${g.id}`, `groups.${i}.context.${j}.quote`, c.quote)),
    );
    const figureIds = new Set<string>();
    plan.figures.forEach((fig, i) => {
      if (figureIds.has(fig.id)) push(f, fig.id, `figures.${i}.id`, `figure id ${fig.id} repeats`);
      figureIds.add(fig.id);
      checkQuote(f, fig.id, `figures.${i}.quote`, fig.quote);
      fig.involves.forEach((c, j) => checkRegion(f, fig.id, `figures.${i}.involves.${j}`, c));
      if (fig.of !== undefined && fig.value > fig.of) push(f, fig.id, `figures.${i}.value`, `${fig.value} is more than ${fig.of}`);
    });
  }

  // ---- items.geojson (events are checked against the item ids further down)
  const items: PlanItem[] = [];
  rawFeatures(files.items, input.items, issues).forEach((raw, index) => {
    const id = rawId(raw, index);
    if (isRecord(raw)) checkGeometry(raw.geometry, 'geometry', (field, m) => push(files.items, id, field, m));
    const parsed = itemFeatureSchema.safeParse(raw);
    if (!parsed.success) issues.push(...zodIssues(files.items, id, parsed.error));
    else items.push(parsed.data);
  });

  // ---- links.geojson
  const links: PlanLink[] = [];
  rawFeatures(files.links, input.links, issues).forEach((raw, index) => {
    const id = rawId(raw, index);
    const outside = isRecord(raw) && isRecord(raw.properties) && raw.properties.outside_region === true;
    if (isRecord(raw)) checkGeometry(raw.geometry, 'geometry', (field, m) => push(files.links, id, field, m), !outside);
    const parsed = linkFeatureSchema.safeParse(raw);
    if (!parsed.success) issues.push(...zodIssues(files.links, id, parsed.error));
    else links.push(parsed.data);
  });

  // ---- ids: unique across items and links; Feature.id equals properties.id
  const seen = new Map<string, string>();
  const claim = (file: string, id: string, featureId: string): void => {
    if (featureId !== id) push(file, id, 'id', `Feature id ${JSON.stringify(featureId)} differs from properties.id`);
    const prev = seen.get(id);
    if (prev) push(file, id, 'properties.id', `id repeats (also in ${prev})`);
    else seen.set(id, file);
  };
  items.forEach((f) => claim(files.items, f.properties.id, f.id));
  links.forEach((f) => claim(files.links, f.properties.id, f.id));

  // ---- item cross-checks
  const byId = new Map(items.map((f) => [f.properties.id, f]));
  const childrenWithGeometry = new Set(
    items.filter((f) => f.properties.parent && f.geometry).map((f) => f.properties.parent as string),
  );
  for (const f of items) {
    const p = f.properties;
    const file = files.items;
    const id = p.id;
    p.quotes.forEach((q, i) => checkQuote(file, id, `properties.quotes.${i}`, q));
    p.targets.forEach((t, i) => checkQuote(file, id, `properties.targets.${i}.quote`, t.quote));
    p.milestones.forEach((m, i) => {
      checkQuote(file, id, `properties.milestones.${i}.quote`, m.quote);
      if (!isRealDate(m.date)) push(file, id, `properties.milestones.${i}.date`, `${m.date} is not a real calendar date`);
    });
    p.regions.forEach((c, i) => checkRegion(file, id, `properties.regions.${i}`, c));
    p.area_adcodes?.forEach((c, i) => checkRegion(file, id, `properties.area_adcodes.${i}`, c));
    p.regions_added?.forEach((c, i) => {
      if (!p.regions.includes(c)) push(file, id, `properties.regions_added.${i}`, `${c} is added but missing from regions`);
      if (!f.geometry) push(file, id, `properties.regions_added.${i}`, 'only a record with a geometry has added regions (the others name all theirs)');
    });
    if (p.regions.length === 0) push(file, id, 'properties.regions', 'no regions: every record must name the regions it concerns');
    if (p.group === 3 && !p.theme) push(file, id, 'properties.theme', 'group 3 records need a theme');
    if (p.group !== 3 && p.theme) push(file, id, 'properties.theme', 'only group 3 records have a theme');

    if (p.parent !== undefined) {
      const parent = byId.get(p.parent);
      if (!parent) push(file, id, 'properties.parent', `unknown parent id ${p.parent}`);
      else if (parent.properties.id === id) push(file, id, 'properties.parent', 'a record cannot be its own parent');
      else {
        if (parent.properties.group !== p.group) push(file, id, 'properties.parent', `parent ${p.parent} is in group ${parent.properties.group}, this record in group ${p.group}`);
        if (parent.properties.parent !== undefined) push(file, id, 'properties.parent', `parent ${p.parent} is itself a part; only one level is allowed`);
      }
    }

    const g = f.geometry;
    const precision = p.location.precision;
    if (g) {
      const allowed = GEOMETRY_FOR_KIND[p.kind];
      if (!allowed) push(file, id, 'geometry', `kind ${p.kind} has no geometry of its own (use site, line or area)`);
      else if (!allowed.includes(g.type)) push(file, id, 'geometry.type', `kind ${p.kind} needs ${allowed.join(' or ')}, got ${g.type}`);
      if (precision === 'region-only') push(file, id, 'properties.location.precision', 'region-only records have no geometry');
      if (p.regions_source !== 'computed') push(file, id, 'properties.regions_source', 'records with a geometry have computed regions');
    } else {
      if (precision !== 'region-only') push(file, id, 'properties.location.precision', `no geometry, so precision must be region-only (is ${precision})`);
      if (p.regions_source === 'computed' && !childrenWithGeometry.has(id)) {
        push(file, id, 'properties.regions_source', 'computed regions need a geometry (or parts with geometry)');
      }
    }
    if (precision === 'admin-area' && (!p.area_adcodes || p.area_adcodes.length === 0)) {
      push(file, id, 'properties.area_adcodes', 'admin-area geometry needs the area_adcodes it is built from');
    }
    if (g) checkPlaceSource(p.location, p.external_sources.length, (field, m) => push(file, id, field, m));
    const report: Report = (field, m) => push(file, id, field, m);
    checkNoGuess('properties.location', p.location, report);
    p.external_sources.forEach((e, i) => checkNoGuess(`properties.external_sources.${i}`, { source: e.source }, report));
    if (g && precision === 'schematic-line') {
      const n = distinctPositions(g);
      if (n < 3) {
        push(file, id, 'geometry.coordinates', `a schematic line runs through real termini and intermediate points: needs at least 3 distinct positions, has ${n} (draw it through its stations, or make it region-only)`);
      }
    }
  }

  // ---- link cross-checks
  for (const l of links) {
    const p = l.properties;
    const file = files.links;
    if (!byId.has(p.item)) push(file, p.id, 'properties.item', `unknown item id ${p.item}`);
    checkQuote(file, p.id, 'properties.quote', p.quote);
    if (p.from_region) checkRegion(file, p.id, 'properties.from_region', p.from_region);
    if (p.to_region) checkRegion(file, p.id, 'properties.to_region', p.to_region);
    checkNoGuess('properties.location', p.location, (field, m) => push(file, p.id, field, m));
  }

  // ---- events: their quotes and the records they name
  plan?.events.forEach((e, i) => {
    checkQuote(files.plan, e.id, `events.${i}.quote`, e.quote);
    e.items.forEach((it, j) => {
      if (!byId.has(it)) push(files.plan, e.id, `events.${i}.items.${j}`, `unknown item id ${it}`);
    });
  });

  // ---- counts per group
  const summary: GroupSummary[] = GROUP_IDS.map((gid) => {
    const inGroup = items.filter((f) => f.properties.group === gid);
    return {
      group: gid,
      declared: plan?.groups.find((g) => g.id === gid)?.declared ?? 0,
      described: inGroup.filter((f) => f.properties.parent === undefined).length,
      parts: inGroup.filter((f) => f.properties.parent !== undefined).length,
      withGeometry: inGroup.filter((f) => f.geometry !== null).length,
    };
  });
  if (plan) {
    for (const s of summary) {
      if (s.described > s.declared) {
        push(files.items, `group-${s.group}`, 'properties.group', `${s.described} described tasks in group ${s.group} exceed the ${s.declared} the release declares`);
      }
    }
  }

  return { ok: issues.length === 0, issues, summary, counts: { items: items.length, links: links.length }, located: locatedSummary(items) };
}

/** Records with a place, by precision and by whether the release names the place. */
export function locatedSummary(items: readonly PlanItem[]): LocatedSummary {
  const located = items.filter((f) => f.geometry !== null);
  const byPrecision: Record<string, number> = {};
  for (const f of located) byPrecision[f.properties.location.precision] = (byPrecision[f.properties.location.precision] ?? 0) + 1;
  const outside = located.filter((f) => f.properties.location.from_release === false).length;
  return { located: located.length, of: items.length, byPrecision, bySource: { release: located.length - outside, outside } };
}

/**
 * A place must say where it comes from: a named source in `location.source`, and whether the
 * release names the place. One taken from outside the release (from_release: false) must cite
 * the outside document in `external_sources` too, so the detail panel can show it.
 */
function checkPlaceSource(location: PlanItem['properties']['location'], citations: number, report: Report): void {
  if (!/\S/.test(location.source)) report('properties.location.source', 'a record with a place needs a location.source naming where the place comes from');
  if (location.from_release === undefined) {
    report('properties.location.from_release', 'a record with a place must say whether the release names the place (from_release: true) or an outside source does (false)');
  } else if (location.from_release === false && citations === 0) {
    report('properties.external_sources', 'a place from outside the release (from_release: false) needs a citation in external_sources: the document or page and what it says');
  }
}

/**
 * Words that confess a place was guessed rather than taken from a source: "general public
 * knowledge", "not surveyed", "approximate (±3 km)", "from memory" and their Chinese forms. A
 * place is either fixed by a named source (and its precision says how well) or the record stays
 * region-only; a hedge in the wording means neither holds, so it fails rather than being drawn.
 */
const GUESS_HEDGES: readonly RegExp[] = [
  /general(?:ly)?\s+(?:public\s+)?knowledge/i,
  /common\s+knowledge/i,
  /\bnot\s+surveyed\b/i,
  /\bunsurveyed\b/i,
  /\bapprox(?:imate|imately|\.)?\s*[,(]?\s*±/i,
  /\bposition\s+approximate\b/i,
  /\bfrom\s+memory\b/i,
  /\bguess(?:ed|work)?\b/i,
  /常识|凭记忆|位置(?:为|是)?近似|大致位置|估计位置|未经核实/,
];

/** The hedge a location's wording uses, if any (see GUESS_HEDGES). */
function guessHedge(text: string | undefined): string | null {
  if (!text) return null;
  for (const re of GUESS_HEDGES) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

function checkNoGuess(at: string, texts: { source: string; note?: string | undefined; note_zh?: string | undefined }, report: Report): void {
  for (const field of ['source', 'note', 'note_zh'] as const) {
    const hedge = guessHedge(texts[field]);
    if (hedge) {
      report(
        `${at}.${field}`,
        `“${hedge}”: a place must come from a named source that fixes it, never from a guess; cite the source (and give the precision it supports) or make the record region-only`,
      );
    }
  }
}

/** Distinct positions of a line geometry (a schematic line needs termini and at least one point between). */
function distinctPositions(g: NonNullable<PlanItem['geometry']>): number {
  const paths = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return new Set(paths.flat().map((c) => `${c[0]},${c[1]}`)).size;
}
