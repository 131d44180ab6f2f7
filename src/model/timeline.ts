/**
 * The timeline of 2019: the plan's dated milestones in order, and the railway lines
 * drawn as they come into service. Pure functions over the plan's items; no DOM, no deck.gl.
 *
 * Time axis. `t` is a continuous month number in PLAN_YEAR: 0 = the start of January, m = the end
 * of month m, 12 = the end of the year. A date D of month m is at t = (m − 1) + day/daysIn(m), so
 * "the end of June" (2019-06-30) is t = 6 and "the year end" (2019-12-31) is t = 12. A month
 * slider at value m (1–12) therefore shows everything up to the end of that month; an animation
 * may pass fractional values.
 *
 * Only dates the data gives are used: a milestone outside PLAN_YEAR is left out, and an item
 * without a dated milestone is never revealed by the timeline. A milestone the plan gives with a
 * year only (date_precision 'year', e.g. the Jing-Xiong intercity "建成投入使用" in 2019) has no
 * place on the month axis: it is listed apart as "2019" (`yearOnlyMilestones`), never as December.
 *
 * Drawing time. Every item whose work the plan dates in PLAN_YEAR (its last milestone in the year;
 * a year-only "2019" counts from the year's end, the latest it can mean) is drawn as planned —
 * dashed and faded — before that date and as built from it (`timelineStages`). Railway lines under
 * construction in the year are drawn growing along their route (`railTrips`): each vertex is given
 * a time proportional to the distance along the line, from the start of the year to the line's
 * completion, so the drawn part reaches the end on the day the line opens. The pace is even: it
 * shows that the line is being built in 2019, not how far the works really were in a given month.
 * The map draws `drawnPath` with a PathLayer over the planned route (src/map/planLayers.ts).
 */
import { distance } from '@turf/turf';
import type { ItemGeometry, Milestone, PlanItem } from '../data/plan/schema';
import { PLAN_YEAR } from './filters';

export const TIMELINE_START = 0;
export const TIMELINE_END = 12;

export type LonLat = [number, number];

export interface TimelineEntry {
  itemId: string;
  name_zh: string;
  name_en: string;
  /** The milestone's index within its item's `milestones`. */
  index: number;
  label_zh: string;
  label_en: string;
  /** YYYY-MM-DD, as in the data. */
  date: string;
  date_precision: Milestone['date_precision'];
  quote: string;
  /** Month 1–12. */
  month: number;
  /** Position on the time axis (see the top of this file): (month − 1) + day / days in month. */
  time: number;
}

export interface RailTrip {
  itemId: string;
  name_zh: string;
  name_en: string;
  /** The line's vertices (a MultiLineString's parts are separate trips with the same item id). */
  path: LonLat[];
  /** When the drawing starts: the start of the year. */
  start: number;
  /** The completion's time (`completionTime`). */
  end: number;
  /** The part drawn at the requested time: the first vertices plus an interpolated end point. */
  drawnPath: LonLat[];
  /** 0–1: how much of the line is drawn at the requested time. */
  progress: number;
}

export interface RailTrips {
  trips: RailTrip[];
  /** The requested time, clamped to [TIMELINE_START, TIMELINE_END] (TripsLayer's currentTime). */
  currentTime: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The time (see the top of this file) of a YYYY-MM-DD date in PLAN_YEAR; null for other years or invalid dates. */
export function timeOfDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year !== PLAN_YEAR || month < 1 || month > 12) return null;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return null;
  return month - 1 + day / days;
}

/** Every milestone dated in PLAN_YEAR, sorted by date, then item id, then position in the item. */
export function milestoneTimeline(items: readonly PlanItem[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const item of items) {
    const p = item.properties;
    p.milestones.forEach((ms, index) => {
      const time = timeOfDate(ms.date);
      if (time === null || ms.date_precision === 'year') return;
      entries.push({
        itemId: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        index,
        label_zh: ms.label_zh,
        label_en: ms.label_en,
        date: ms.date,
        date_precision: ms.date_precision,
        quote: ms.quote,
        month: Number(ms.date.slice(5, 7)),
        time,
      });
    });
  }
  return entries.sort((a, b) => a.time - b.time || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0) || a.index - b.index);
}

/** Milestones the plan dates to PLAN_YEAR without a month ("2019"), by item id then position. */
export function yearOnlyMilestones(items: readonly PlanItem[]): { itemId: string; index: number; year: string; label_zh: string; label_en: string; quote: string }[] {
  const out: { itemId: string; index: number; year: string; label_zh: string; label_en: string; quote: string }[] = [];
  for (const item of items) {
    item.properties.milestones.forEach((ms, index) => {
      if (ms.date_precision !== 'year' || timeOfDate(ms.date) === null) return;
      out.push({ itemId: item.properties.id, index, year: ms.date.slice(0, 4), label_zh: ms.label_zh, label_en: ms.label_en, quote: ms.quote });
    });
  }
  return out.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.index - b.index));
}

/** How a milestone's date is shown: the year alone when the plan gives no month. */
export function milestoneDateLabel(m: Pick<Milestone, 'date' | 'date_precision'>): string {
  return m.date_precision === 'year' ? m.date.slice(0, 4) : m.date;
}

/**
 * The milestones revealed at `month`: those dated up to the end of that month (time ≤ month), in
 * timeline order. `month` may be fractional (animation); 0 or less reveals none, 12 all.
 */
export function milestonesUpTo(items: readonly PlanItem[], month: number): TimelineEntry[] {
  if (!Number.isFinite(month)) return [];
  return milestoneTimeline(items).filter((e) => e.time <= month);
}

/** Railway lines: line items whose name says railway (铁路, 城际, 高铁). Rivers and expressways are not. */
export function isRailLine(item: PlanItem): boolean {
  const p = item.properties;
  return p.kind === 'line' && /铁路|城际|高铁/.test(p.name_zh);
}

/** Great-circle distance in km (Turf's haversine, the distance every other number in the app uses). */
export function haversineKm(a: LonLat, b: LonLat): number {
  return distance(a, b, { units: 'kilometers' });
}

function lineParts(g: ItemGeometry | null): LonLat[][] {
  if (g === null) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/** The part of `path` drawn at `time`, given per-vertex timestamps (increasing). */
export function pathUpTo(path: readonly LonLat[], timestamps: readonly number[], time: number): LonLat[] {
  const out: LonLat[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    const ti = timestamps[i]!;
    if (ti <= time) {
      out.push([p[0], p[1]]);
      continue;
    }
    if (i > 0) {
      const prev = path[i - 1]!;
      const tp = timestamps[i - 1]!;
      const f = ti > tp ? (time - tp) / (ti - tp) : 0;
      if (f > 0) out.push([prev[0] + (p[0] - prev[0]) * f, prev[1] + (p[1] - prev[1]) * f]);
    }
    break;
  }
  return out.length === 1 ? [] : out;
}

/**
 * When the plan has an item's work done in PLAN_YEAR: the time of its last milestone dated in the
 * year; a milestone dated to the year only counts from the year's end. null: no milestone in the year.
 */
export function completionTime(item: PlanItem): number | null {
  let done: number | null = null;
  for (const ms of item.properties.milestones) {
    const time = timeOfDate(ms.date);
    if (time === null) continue;
    const t = ms.date_precision === 'year' ? TIMELINE_END : time;
    done = done === null ? t : Math.max(done, t);
  }
  return done;
}

export type TimelineStage = 'planned' | 'built';

/**
 * How each item dated in PLAN_YEAR is drawn at time `month`: planned before its completion, built
 * from it. Items without a date in the year are absent (drawn as always).
 */
export function timelineStages(items: readonly PlanItem[], month: number): Map<string, TimelineStage> {
  const out = new Map<string, TimelineStage>();
  for (const item of items) {
    const done = completionTime(item);
    if (done === null) continue;
    out.set(item.properties.id, month >= done ? 'built' : 'planned');
  }
  return out;
}

/**
 * The railway lines under construction in PLAN_YEAR (completed in it), with timestamps for the
 * growing drawing (see the top of this file), at time `month`. Only lines still being built are
 * returned (0 < month < completion): before the year starts nothing is drawn, from the completion
 * on the line is drawn as built by the plan's own layer. Lines without a date in the year are never
 * returned (no date is made up).
 */
export function railTrips(items: readonly PlanItem[], month: number): RailTrips {
  const currentTime = Number.isFinite(month) ? Math.min(TIMELINE_END, Math.max(TIMELINE_START, month)) : TIMELINE_START;
  const trips: RailTrip[] = [];
  for (const item of items) {
    if (!isRailLine(item)) continue;
    const end = completionTime(item);
    const start = TIMELINE_START;
    if (end === null || !(currentTime > start) || currentTime >= end) continue;
    const parts = lineParts(item.geometry).filter((part) => part.length >= 2);
    const total = parts.reduce((sum, part) => sum + part.slice(1).reduce((s, p, i) => s + haversineKm(part[i]!, p), 0), 0);
    let walked = 0;
    for (const part of parts) {
      const path = part.map(([x, y]): LonLat => [x, y]);
      const timestamps = path.map((p, i) => {
        if (i > 0) walked += haversineKm(path[i - 1]!, p);
        return total > 0 ? start + ((end - start) * walked) / total : end;
      });
      const drawnPath = pathUpTo(path, timestamps, currentTime);
      const first = timestamps[0]!;
      const last = timestamps[timestamps.length - 1]!;
      const progress = last > first ? Math.min(1, Math.max(0, (currentTime - first) / (last - first))) : currentTime >= last ? 1 : 0;
      trips.push({ itemId: item.properties.id, name_zh: item.properties.name_zh, name_en: item.properties.name_en, path, start, end, drawnPath, progress });
    }
  }
  return { trips, currentTime };
}
