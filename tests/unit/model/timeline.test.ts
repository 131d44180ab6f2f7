import { describe, expect, it } from 'vitest';
import { itemsSchema, type PlanItem } from '../../../src/data/plan/schema';
import { haversineKm, isRailLine, milestoneDateLabel, milestoneTimeline, milestonesUpTo, pathUpTo, railTrips, timelineStages, completionTime, timeOfDate, TIMELINE_END, yearOnlyMilestones } from '../../../src/model/timeline';
import { buildSearchIndex, milestoneMonthsHistogram } from '../../../src/model/filters';
import { readJson } from '../data/realData';

const items: PlanItem[] = itemsSchema.parse(readJson('geodata/plan/items.geojson')).features;

function line(id: string, name_zh: string, coords: [number, number][], dates: string[]): PlanItem {
  return itemsSchema.parse({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id,
        properties: {
          id,
          name_zh,
          name_en: id,
          group: 3,
          theme: 'transport',
          kind: 'line',
          quotes: ['q'],
          summary_en: 's',
          milestones: dates.map((date) => ({ label_zh: '通车', label_en: 'open', date, date_precision: 'day', quote: 'q' })),
          regions: ['110000'],
          regions_source: 'computed',
          location: { precision: 'schematic-line', source: 'test' },
        },
        geometry: { type: 'LineString', coordinates: coords },
      },
    ],
  }).features[0]!;
}

describe('time axis', () => {
  it('puts month ends on whole numbers', () => {
    expect(timeOfDate('2019-06-30')).toBe(6);
    expect(timeOfDate('2019-12-31')).toBe(12);
    expect(timeOfDate('2019-02-28')).toBe(2);
    expect(timeOfDate('2019-01-01')).toBeCloseTo(1 / 31);
    expect(timeOfDate('2020-01-01')).toBeNull();
    expect(timeOfDate('2019-02-29')).toBeNull();
    expect(timeOfDate('2019-6-30')).toBeNull();
  });
});

describe('milestones of the real data', () => {
  it('lists the dated milestones in order', () => {
    expect(milestoneTimeline(items).map((e) => [e.itemId, e.date, e.label_en])).toEqual([
      ['g3-daxing-airport', '2019-06-30', 'completion acceptance'],
      ['g3-daxing-airport', '2019-09-30', 'open to traffic'],
      ['g3-jingzhang-railway', '2019-12-31', 'completed and open to traffic'],
    ]);
  });

  it('reveals them month by month', () => {
    expect(milestonesUpTo(items, 0)).toEqual([]);
    expect(milestonesUpTo(items, 5)).toEqual([]);
    expect(milestonesUpTo(items, 6).map((e) => e.label_en)).toEqual(['completion acceptance']);
    expect(milestonesUpTo(items, 8.9).map((e) => e.label_en)).toEqual(['completion acceptance']);
    expect(milestonesUpTo(items, 9).map((e) => e.label_en)).toEqual(['completion acceptance', 'open to traffic']);
    expect(milestonesUpTo(items, 11)).toHaveLength(2);
    expect(milestonesUpTo(items, 12)).toHaveLength(3);
    expect(milestonesUpTo(items, Number.NaN)).toEqual([]);
  });

  it('every entry carries its quote from the plan', () => {
    for (const e of milestoneTimeline(items)) expect(e.quote.length).toBeGreaterThan(0);
  });
});

describe('railTrips', () => {
  it('knows railways from rivers and expressways', () => {
    const rail = items.filter(isRailLine).map((i) => i.properties.id);
    expect(rail).toEqual(['g3-jingxiong-intercity', 'g3-jingzhang-railway']);
  });

  // Behaviour changed: a line under construction in 2019 grows over the whole year up to its
  // completion (it used to be drawn during its opening month only), and a year-only completion
  // counts from the year's end, so the Jing-Xiong intercity grows too.
  it('grows the railways under construction from the start of the year to their completion', () => {
    expect(railTrips(items, 0).trips).toEqual([]);
    const mid = railTrips(items, 6);
    expect(mid.trips.map((t) => t.itemId).sort()).toEqual(['g3-jingxiong-intercity', 'g3-jingzhang-railway']);
    const trip = mid.trips.find((t) => t.itemId === 'g3-jingzhang-railway')!;
    expect(trip.start).toBe(0);
    expect(trip.end).toBe(12);
    const early = railTrips(items, 0.12).trips.find((t) => t.itemId === 'g3-jingzhang-railway')!;
    expect(early.drawnPath[0]).toEqual(trip.path[0]);
    expect(early.progress).toBeCloseTo(0.01, 6);
    expect(early.drawnPath.length).toBeLessThanOrEqual(trip.drawnPath.length);
    expect(trip.progress).toBeCloseTo(0.5);
    // Half the time is half the distance.
    const drawnKm = trip.drawnPath.slice(1).reduce((s, p, i) => s + haversineKm(trip.drawnPath[i]!, p), 0);
    const totalKm = trip.path.slice(1).reduce((s, p, i) => s + haversineKm(trip.path[i]!, p), 0);
    expect(drawnKm / totalKm).toBeCloseTo(0.5, 3);
    expect(totalKm).toBeGreaterThan(150); // Beijing North to Zhangjiakou, schematic
    // Done at the year's end: drawn as built by its own layer, no longer growing.
    expect(railTrips(items, 12).trips).toEqual([]);
    expect(railTrips(items, 99).currentTime).toBe(TIMELINE_END);
  });

  it('grows a line with a day date up to that day', () => {
    const l = line('test-rail', '测试铁路', [[116, 40], [116, 40.5], [117, 40.5]], ['2019-03-10', '2019-09-15']);
    const t = railTrips([l], 4.25).trips[0]!;
    expect(t.start).toBe(0);
    expect(t.end).toBeCloseTo(8.5);
    expect(t.progress).toBeCloseTo(0.5);
    expect(railTrips([l], 8.5).trips).toEqual([]);
    // No date, no trip: nothing is made up.
    expect(railTrips([line('undated-rail', '无日期铁路', [[116, 40], [117, 40]], [])], 6).trips).toEqual([]);
    // Not a railway (an expressway) even with a date.
    expect(railTrips([line('road', '某高速', [[116, 40], [117, 40]], ['2019-05-01'])], 3).trips).toEqual([]);
  });

  it('draws a dated item as planned before its completion and as built from it', () => {
    const at = (m: number) => Object.fromEntries(timelineStages(items, m));
    expect(at(3)).toEqual({ 'g3-daxing-airport': 'planned', 'g3-jingxiong-intercity': 'planned', 'g3-jingli-expressway-yanchong': 'planned', 'g3-jingzhang-railway': 'planned' });
    expect(at(9)['g3-daxing-airport']).toBe('built');
    expect(at(11)['g3-jingzhang-railway']).toBe('planned');
    expect(Object.values(at(12)).every((s) => s === 'built')).toBe(true);
    expect(completionTime(items.find((i) => i.properties.id === 'g3-daxing-airport')!)).toBe(9);
  });

  it('pathUpTo interpolates the end point', () => {
    expect(pathUpTo([[0, 0], [10, 0]], [0, 1], 0.25)).toEqual([[0, 0], [2.5, 0]]);
    expect(pathUpTo([[0, 0], [10, 0]], [0, 1], 0)).toEqual([]);
    expect(pathUpTo([[0, 0], [10, 0]], [0, 1], 2)).toEqual([[0, 0], [10, 0]]);
  });
});

describe('milestones the plan dates to the year only', () => {
  it('are listed apart as 2019, never placed in December', () => {
    expect(yearOnlyMilestones(items).map((m) => [m.itemId, m.year, m.label_en])).toEqual([
      ['g3-jingli-expressway-yanchong', '2019', 'completed'],
      ['g3-jingxiong-intercity', '2019', 'completed and in service'],
    ]);
    expect(milestoneTimeline(items).some((e) => e.date_precision === 'year')).toBe(false);
    expect(milestoneDateLabel({ date: '2019-12-31', date_precision: 'year' })).toBe('2019');
    expect(milestoneDateLabel({ date: '2019-12-31', date_precision: 'year-end' })).toBe('2019-12-31');
  });

  it('count in no month of the month filter or its histogram', () => {
    expect(milestoneMonthsHistogram(items)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    const index = buildSearchIndex(items, { regionNames: new Map() });
    const i = index.ids.indexOf('g3-jingxiong-intercity');
    expect(index.monthMask[i]).toBe(0);
  });
});
