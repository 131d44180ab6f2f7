import { describe, expect, it } from 'vitest';
import { itemsSchema, type PlanItem } from '../../../src/data/plan/schema';
import { haversineKm, isRailLine, milestoneDateLabel, milestoneTimeline, milestonesUpTo, pathUpTo, railTrips, timeOfDate, TIMELINE_END, yearOnlyMilestones } from '../../../src/model/timeline';
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

  it('draws the Jing-Zhang railway during December only; the Jing-Xiong intercity has no date and never appears', () => {
    expect(railTrips(items, 6).trips).toEqual([]);
    expect(railTrips(items, 11).trips).toEqual([]);
    const mid = railTrips(items, 11.5);
    expect(mid.trips.map((t) => t.itemId)).toEqual(['g3-jingzhang-railway']);
    const trip = mid.trips[0]!;
    expect(trip.start).toBe(11);
    expect(trip.end).toBe(12);
    // the drawing starts at the first vertex at the start of December and grows with time
    const early = railTrips(items, 11.01).trips[0]!;
    expect(early.drawnPath[0]).toEqual(trip.path[0]);
    expect(early.progress).toBeCloseTo(0.01, 6);
    expect(early.drawnPath.length).toBeLessThanOrEqual(trip.drawnPath.length);
    expect(trip.progress).toBeCloseTo(0.5);
    // Half the time is half the distance.
    const drawnKm = trip.drawnPath.slice(1).reduce((s, p, i) => s + haversineKm(trip.drawnPath[i]!, p), 0);
    const totalKm = trip.path.slice(1).reduce((s, p, i) => s + haversineKm(trip.path[i]!, p), 0);
    expect(drawnKm / totalKm).toBeCloseTo(0.5, 3);
    expect(totalKm).toBeGreaterThan(150); // Beijing North to Zhangjiakou, schematic
    const end = railTrips(items, 12);
    expect(end.trips[0]!.progress).toBe(1);
    expect(end.trips[0]!.drawnPath).toEqual(end.trips[0]!.path);
    expect(railTrips(items, 99).currentTime).toBe(TIMELINE_END);
  });

  it('animates a line with a day date from the start of its month to that day', () => {
    const l = line('test-rail', '测试铁路', [[116, 40], [116, 40.5], [117, 40.5]], ['2019-03-10', '2019-09-15']);
    expect(railTrips([l], 8).trips).toEqual([]);
    const t = railTrips([l], 9).trips[0]!;
    expect(t.opening.date).toBe('2019-09-15');
    expect(t.start).toBe(8);
    expect(t.end).toBeCloseTo(8.5);
    expect(t.progress).toBe(1);
    const early = railTrips([l], 8.1).trips[0]!;
    expect(early.progress).toBeCloseTo(0.2);
    expect(early.drawnPath).toHaveLength(2);
    // No date, no trip: nothing is made up.
    expect(railTrips([line('undated-rail', '无日期铁路', [[116, 40], [117, 40]], [])], 12).trips).toEqual([]);
    // Not a railway (an expressway) even with a date.
    expect(railTrips([line('road', '某高速', [[116, 40], [117, 40]], ['2019-05-01'])], 12).trips).toEqual([]);
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
