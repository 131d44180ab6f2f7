import { describe, expect, it } from 'vitest';
import { itemFeatureSchema, type GroupId, type ItemKind, type PlanItem, type ThemeId } from '../../../src/data/plan/schema';
import {
  activeFilterChips,
  buildSearchIndex,
  clearFilter,
  countsByGroup,
  declaredByGroup,
  defaultFilters,
  filterPlan,
  groupOfLayer,
  itemPasses,
  layerKeyOf,
  milestoneMonthOf,
  milestoneMonthsHistogram,
  normalizeFilters,
  parseSearchTerms,
  searchItems,
  type FilterContext,
  type RegionName,
} from '../../../src/model/filters';
import { DEFAULT_FILTERS, FILTER_KINDS, PLAN_LAYER_KEYS, type Filters, type PlanLayerKey } from '../../../src/model/state';
import { prng } from '../../support/random';

// ---------------------------------------------------------------- fixtures (hand-checkable)

interface Spec {
  id: string;
  group: GroupId;
  theme?: ThemeId;
  kind: ItemKind;
  zh: string;
  en: string;
  summary?: string;
  quotes?: string[];
  regions: string[];
  dates?: string[];
  parent?: string;
}

/** A record validated by the real schema (so defaults of new fields are filled in). */
function makeItem(s: Spec): PlanItem {
  return itemFeatureSchema.parse({
    type: 'Feature',
    id: s.id,
    geometry: null,
    properties: {
      id: s.id,
      name_zh: s.zh,
      name_en: s.en,
      group: s.group,
      ...(s.theme !== undefined ? { theme: s.theme } : {}),
      ...(s.parent !== undefined ? { parent: s.parent } : {}),
      kind: s.kind,
      quotes: s.quotes ?? [`${s.zh}。`],
      summary_en: s.summary ?? `The plan mentions ${s.en}.`,
      targets: [],
      milestones: (s.dates ?? []).map((date) => ({
        label_zh: '节点',
        label_en: 'milestone',
        date,
        date_precision: 'day' as const,
        quote: '节点。',
      })),
      regions: s.regions,
      regions_source: 'named',
      location: { precision: 'region-only', source: 'named in the text' },
      external_sources: [],
    },
  });
}

const REGION_NAMES = new Map<string, RegionName>([
  ['110000', { zh: '北京市', en: 'Beijing' }],
  ['110112', { zh: '通州区', en: 'Tongzhou' }],
  ['110115', { zh: '大兴区', en: 'Daxing' }],
  ['120000', { zh: '天津市', en: 'Tianjin' }],
  ['130000', { zh: '河北省', en: 'Hebei' }],
  ['130600', { zh: '保定市', en: 'Baoding' }],
  ['130632', { zh: '安新县', en: 'Anxin' }],
  ['130700', { zh: '张家口市', en: 'Zhangjiakou' }],
  ['131000', { zh: '廊坊市', en: 'Langfang' }],
  ['131082', { zh: '三河市', en: 'Sanhe' }],
]);
const CTX: FilterContext = { regionNames: REGION_NAMES };

const ITEMS: PlanItem[] = [
  makeItem({
    id: 'daxing-airport', group: 3, theme: 'transport', kind: 'site',
    zh: '北京大兴国际机场', en: 'Beijing Daxing International Airport',
    quotes: ['确保北京大兴国际机场9月30日前投入运营'],
    regions: ['110000', '110115', '130000', '131000'], dates: ['2019-09-30'],
  }),
  makeItem({
    id: 'jingxiong-railway', group: 3, theme: 'transport', kind: 'line',
    zh: '京雄城际铁路', en: "Beijing–Xiong'an intercity railway",
    regions: ['110000', '130000', '130600', '130632'], dates: ['2019-12-31'],
  }),
  makeItem({
    id: 'xiongan-support', group: 1, kind: 'programme',
    zh: '支持雄安新区建设', en: "Support for Xiong'an New Area",
    regions: ['130000', '130600', '130632'], dates: ['2019-06-30', '2020-06-30'],
  }),
  makeItem({
    id: 'wholesale-markets', group: 2, kind: 'target',
    zh: '疏解提升市场', en: 'Relocate and upgrade wholesale markets',
    regions: ['110000'], dates: ['2019-12-31'],
  }),
  makeItem({
    id: 'sub-centre', group: 4, kind: 'area',
    zh: '北京城市副中心', en: 'Beijing Municipal Administrative Centre',
    regions: ['110000', '110112'],
  }),
  makeItem({
    id: 'north-three-counties', group: 5, kind: 'area',
    zh: '北三县协同发展', en: 'Northern three counties',
    regions: ['130000', '131000', '131082'], dates: ['2019-03-31'],
  }),
  makeItem({
    id: 'sand-control', group: 3, theme: 'ecology', kind: 'area',
    zh: '京津风沙源治理', en: 'Beijing–Tianjin sandstorm source control',
    regions: ['110000', '130000'], dates: ['2019-01-01'],
  }),
  makeItem({
    id: 'medical-cooperation', group: 3, theme: 'public-services', kind: 'mechanism',
    zh: '医疗合作', en: 'Medical cooperation',
    quotes: ['深化京津冀医疗卫生协同发展'],
    regions: ['110000', '120000', '130000'],
  }),
  makeItem({
    id: 'binhai-zhongguancun', group: 3, theme: 'industry', kind: 'site',
    zh: '滨海—中关村科技园', en: 'Binhai–Zhongguancun Science Park',
    regions: ['120000'], dates: ['2019-06-01'],
  }),
  makeItem({
    id: 'winter-olympics', group: 5, kind: 'site',
    zh: '冬奥会场馆', en: 'Winter Olympics venues',
    regions: ['110000', '130000', '130700'], dates: ['2022-02-04'],
  }),
  makeItem({
    // a part of a described task: drawn and filtered like any record, not counted as a task
    id: 'binhai-zhongguancun-phase-2', group: 3, theme: 'industry', kind: 'site', parent: 'binhai-zhongguancun',
    zh: '滨海—中关村科技园二期', en: 'Binhai–Zhongguancun Science Park phase II',
    regions: ['120000'], dates: ['2019-10-31'],
  }),
];
const ALL_IDS = ITEMS.map((i) => i.properties.id);
const DECLARED = new Map<GroupId, number>([[1, 14], [2, 9], [3, 30], [4, 12], [5, 25]]);

function f(over: Partial<Filters>): Filters {
  return { ...defaultFilters(), ...over };
}
function ids(filters: Filters): string[] {
  return filterPlan(ITEMS, filters, CTX).visibleIds;
}

// ---------------------------------------------------------------- tests

describe('layerKeyOf / groupOfLayer', () => {
  it('maps groups to layers and group 3 to its theme', () => {
    expect(ITEMS.map(layerKeyOf)).toEqual([
      'g3-transport', 'g3-transport', 'g1', 'g2', 'g4', 'g5', 'g3-ecology', 'g3-public-services', 'g3-industry', 'g5',
      'g3-industry',
    ]);
  });
  it('throws with the id for a group-3 item without theme', () => {
    const bad = makeItem({ id: 'no-theme', group: 3, kind: 'site', zh: '甲', en: 'A', regions: [] });
    expect(() => layerKeyOf(bad)).toThrow(/no-theme/);
    expect(() => buildSearchIndex([bad], CTX)).toThrow(/no-theme/);
  });
  it('gives the group of every layer', () => {
    expect(PLAN_LAYER_KEYS.map(groupOfLayer)).toEqual([1, 2, 3, 3, 3, 3, 4, 5]);
  });
});

describe('filterPlan rules', () => {
  it('default filters show everything', () => {
    const r = filterPlan(ITEMS, DEFAULT_FILTERS, CTX);
    expect(r.visibleIds).toEqual(ALL_IDS);
    expect(r.visible).toEqual(ITEMS.map(() => true));
  });

  it('layers: a layer switched off hides its items; no layers hides all', () => {
    expect(ids(f({ layers: PLAN_LAYER_KEYS.filter((k) => k !== 'g3-transport') }))).toEqual(
      ALL_IDS.filter((id) => id !== 'daxing-airport' && id !== 'jingxiong-railway'),
    );
    expect(ids(f({ layers: ['g5'] }))).toEqual(['north-three-counties', 'winter-olympics']);
    expect(ids(f({ layers: [] }))).toEqual([]);
  });

  it('kinds: target and mechanism count as programme', () => {
    expect(ids(f({ kinds: ['programme'] }))).toEqual(['xiongan-support', 'wholesale-markets', 'medical-cooperation']);
    expect(ids(f({ kinds: ['line'] }))).toEqual(['jingxiong-railway']);
    expect(ids(f({ kinds: ['site', 'area'] }))).toEqual([
      'daxing-airport', 'sub-centre', 'north-three-counties', 'sand-control', 'binhai-zhongguancun', 'winter-olympics',
      'binhai-zhongguancun-phase-2',
    ]);
    expect(ids(f({ kinds: [] }))).toEqual([]);
  });

  it('regions: any shared code (province, prefecture or county)', () => {
    expect(ids(f({ regions: ['131000'] }))).toEqual(['daxing-airport', 'north-three-counties']);
    expect(ids(f({ regions: ['120000'] }))).toEqual([
      'medical-cooperation', 'binhai-zhongguancun', 'binhai-zhongguancun-phase-2',
    ]);
    expect(ids(f({ regions: ['131000', '120000'] }))).toEqual([
      'daxing-airport', 'north-three-counties', 'medical-cooperation', 'binhai-zhongguancun', 'binhai-zhongguancun-phase-2',
    ]);
    expect(ids(f({ regions: ['130600'] }))).toEqual(['jingxiong-railway', 'xiongan-support']);
    expect(ids(f({ regions: ['999999'] }))).toEqual([]);
  });

  it('months: inclusive range over 2019 milestones; items without them fail', () => {
    expect(ids(f({ months: [6, 6] }))).toEqual(['xiongan-support', 'binhai-zhongguancun']);
    expect(ids(f({ months: [9, 12] }))).toEqual([
      'daxing-airport', 'jingxiong-railway', 'wholesale-markets', 'binhai-zhongguancun-phase-2',
    ]);
    expect(ids(f({ months: [10, 10] }))).toEqual(['binhai-zhongguancun-phase-2']);
    expect(ids(f({ months: [1, 1] }))).toEqual(['sand-control']); // 2019-01-01, first day
    expect(ids(f({ months: [12, 12] }))).toEqual(['jingxiong-railway', 'wholesale-markets']); // 12-31, last day
    expect(ids(f({ months: [7, 8] }))).toEqual([]);
    expect(ids(f({ months: [2, 2] }))).toEqual([]); // winter-olympics is 2022-02, not 2019
    expect(ids(f({ months: [1, 12] }))).toEqual(
      ALL_IDS.filter((id) => !['sub-centre', 'medical-cooperation', 'winter-olympics'].includes(id)),
    );
    expect(ids(f({ months: [4, 6] }))).toEqual(['xiongan-support', 'binhai-zhongguancun']);
    expect(ids(f({ months: [3, 5] }))).toEqual(['north-three-counties']);
    // a reversed range (not produced by the URL decoder) lets nothing through
    expect(ids(f({ months: [9, 6] }))).toEqual([]);
  });

  it('text: zh and en names, case-insensitive, trimmed', () => {
    expect(ids(f({ text: '机场' }))).toEqual(['daxing-airport']);
    expect(ids(f({ text: 'airport' }))).toEqual(['daxing-airport']);
    expect(ids(f({ text: '  AIRPORT \t' }))).toEqual(['daxing-airport']);
    expect(ids(f({ text: 'ＡＩＲＰＯＲＴ' }))).toEqual(['daxing-airport']); // full-width, NFKC
    expect(ids(f({ text: "xiong'an" }))).toEqual(['jingxiong-railway', 'xiongan-support']);
    expect(ids(f({ text: '雄安' }))).toEqual(['xiongan-support']);
    expect(ids(f({ text: '   ' }))).toEqual(ALL_IDS);
  });

  it('text: every term must match, in any field', () => {
    expect(ids(f({ text: 'beijing airport' }))).toEqual(['daxing-airport']);
    expect(ids(f({ text: 'beijing  railway' }))).toEqual(['jingxiong-railway']);
    expect(ids(f({ text: 'airport railway' }))).toEqual([]);
    expect(ids(f({ text: '北京 机场' }))).toEqual(['daxing-airport']);
  });

  it('text: quotes, summary and region names (zh and en)', () => {
    expect(ids(f({ text: '医疗卫生协同' }))).toEqual(['medical-cooperation']); // quote only
    expect(ids(f({ text: 'plan mentions winter' }))).toEqual(['winter-olympics']); // summary
    expect(ids(f({ text: '廊坊' }))).toEqual(['daxing-airport', 'north-three-counties']);
    expect(ids(f({ text: 'langfang' }))).toEqual(['daxing-airport', 'north-three-counties']);
    expect(ids(f({ text: '张家口' }))).toEqual(['winter-olympics']);
    expect(ids(f({ text: 'tianjin' }))).toEqual([
      'sand-control', 'medical-cooperation', 'binhai-zhongguancun', 'binhai-zhongguancun-phase-2',
    ]);
  });

  it('text: a term does not match across two fields', () => {
    // name_en ends "Airport", summary starts "The plan": "airport\nthe" is not "airportthe"
    expect(ids(f({ text: 'airportthe' }))).toEqual([]);
  });

  it('combination yields exactly the expected ids and counts', () => {
    const filters = f({
      layers: PLAN_LAYER_KEYS.filter((k) => k !== 'g1'),
      kinds: ['site', 'line'],
      regions: ['130000'],
      months: [9, 12],
    });
    const r = filterPlan(ITEMS, filters, CTX);
    expect(r.visibleIds).toEqual(['daxing-airport', 'jingxiong-railway']);
    expect(r.visible).toEqual([true, true, false, false, false, false, false, false, false, false, false]);
    const c = (shown: number, described: number, shownRecords = shown, records = described) => ({
      shown, described, shownRecords, records,
    });
    expect(r.countsByLayer).toEqual({
      g1: c(0, 1),
      g2: c(0, 1),
      'g3-ecology': c(0, 1),
      'g3-transport': c(2, 2),
      'g3-industry': c(0, 1, 0, 2),
      'g3-public-services': c(0, 1),
      g4: c(0, 1),
      g5: c(0, 2),
    });
    expect(countsByGroup(r.countsByLayer, DECLARED)).toEqual({
      1: { shown: 0, described: 1, declared: 14 },
      2: { shown: 0, described: 1, declared: 9 },
      3: { shown: 2, described: 5, declared: 30 },
      4: { shown: 0, described: 1, declared: 12 },
      5: { shown: 0, described: 2, declared: 25 },
    });
    expect(ids({ ...filters, text: 'railway' })).toEqual(['jingxiong-railway']);
  });

  it('counts: a switched-off layer shows 0 but is still described', () => {
    const r = filterPlan(ITEMS, f({ layers: ['g1', 'g3-ecology', 'g3-industry'] }), CTX);
    expect(r.countsByLayer['g3-transport']).toEqual({ shown: 0, described: 2, shownRecords: 0, records: 2 });
    expect(r.countsByLayer['g3-ecology']).toEqual({ shown: 1, described: 1, shownRecords: 1, records: 1 });
    // the part (parent set) is shown and drawn but not counted as a task
    expect(r.countsByLayer['g3-industry']).toEqual({ shown: 1, described: 1, shownRecords: 2, records: 2 });
    const g = countsByGroup(r.countsByLayer, DECLARED);
    expect(g[3]).toEqual({ shown: 2, described: 5, declared: 30 });
    expect(g[5]).toEqual({ shown: 0, described: 2, declared: 25 });
    const all = countsByGroup(filterPlan(ITEMS, DEFAULT_FILTERS, CTX).countsByLayer, new Map());
    expect(Object.values(all).map((c) => [c.shown, c.described, c.declared])).toEqual([
      [1, 1, 0], [1, 1, 0], [5, 5, 0], [1, 1, 0], [2, 2, 0],
    ]);
  });

  it('declaredByGroup reads the meta data', () => {
    const groups = ([1, 2, 3, 4, 5] as const).map((id) => ({
      id, name_zh: '组', name_en: 'group', short_zh: '组', short_en: 'g', declared: id * 2, quote: '原文',
    }));
    expect([...declaredByGroup({ groups })]).toEqual([[1, 2], [2, 4], [3, 6], [4, 8], [5, 10]]);
  });

  it('uses a prebuilt index, and refuses one built for another array', () => {
    const index = buildSearchIndex(ITEMS, CTX);
    expect(filterPlan(ITEMS, f({ text: '机场' }), CTX, index).visibleIds).toEqual(['daxing-airport']);
    expect(() => filterPlan([...ITEMS], DEFAULT_FILTERS, CTX, index)).toThrow(/different items/);
  });

  it('handles an empty item list', () => {
    const r = filterPlan([], f({ text: 'x', months: [1, 2] }), CTX);
    expect(r.visible).toEqual([]);
    expect(r.visibleIds).toEqual([]);
    expect(Object.values(r.countsByLayer).every((c) => c.shown === 0 && c.described === 0)).toBe(true);
  });

  it('itemPasses agrees with filterPlan for many random filter combinations', () => {
    const rnd = prng(7);
    const codes = [...REGION_NAMES.keys()];
    const texts = ['', '机场', 'beijing', 'hebei', 'xiong', '天津 园', 'zzz', ' Langfang '];
    for (let n = 0; n < 300; n++) {
      const from = 1 + Math.floor(rnd() * 12);
      const filters: Filters = {
        layers: PLAN_LAYER_KEYS.filter(() => rnd() < 0.7),
        kinds: FILTER_KINDS.filter(() => rnd() < 0.7),
        regions: codes.filter(() => rnd() < 0.15),
        months: rnd() < 0.5 ? null : [from, from + Math.floor(rnd() * (13 - from))],
        text: texts[Math.floor(rnd() * texts.length)]!,
      };
      const r = filterPlan(ITEMS, filters, CTX);
      expect(ITEMS.map((item) => itemPasses(item, filters, CTX))).toEqual(r.visible);
      expect(r.visibleIds).toEqual(ITEMS.filter((_, i) => r.visible[i]).map((i) => i.properties.id));
      for (const k of PLAN_LAYER_KEYS) {
        const inLayer = (it: PlanItem) => layerKeyOf(it) === k;
        const task = (it: PlanItem) => it.properties.parent === undefined;
        expect(r.countsByLayer[k]).toEqual({
          shown: ITEMS.filter((it, i) => r.visible[i] && inLayer(it) && task(it)).length,
          described: ITEMS.filter((it) => inLayer(it) && task(it)).length,
          shownRecords: ITEMS.filter((it, i) => r.visible[i] && inLayer(it)).length,
          records: ITEMS.filter(inLayer).length,
        });
      }
    }
  });
});

describe('milestones', () => {
  it('milestoneMonthOf reads the month of 2019 dates only', () => {
    expect(milestoneMonthOf('2019-01-01')).toBe(1);
    expect(milestoneMonthOf('2019-12-31')).toBe(12);
    expect(milestoneMonthOf('2020-06-30')).toBeNull();
    expect(milestoneMonthOf('2019-13-01')).toBeNull();
    expect(milestoneMonthOf('2019-00-10')).toBeNull();
    expect(milestoneMonthOf('garbage')).toBeNull();
  });
  it('histogram counts dated milestones per month of 2019', () => {
    expect(milestoneMonthsHistogram(ITEMS)).toEqual([1, 0, 1, 0, 0, 2, 0, 0, 1, 1, 0, 2]);
    expect(milestoneMonthsHistogram([])).toEqual(new Array(12).fill(0));
  });
});

describe('search helpers', () => {
  it('parseSearchTerms trims, normalises and splits', () => {
    expect(parseSearchTerms('  Beijing　AIRPORT ')).toEqual(['beijing', 'airport']); // ideographic space
    expect(parseSearchTerms(' \n ')).toEqual([]);
  });
  it('searchItems matches text only, ignoring other filters', () => {
    const index = buildSearchIndex(ITEMS, CTX);
    expect(searchItems(index, 'langfang').map((i) => ALL_IDS[i])).toEqual(['daxing-airport', 'north-three-counties']);
    expect(searchItems(index, '  ')).toEqual([]);
  });
});

describe('active filter chips and clearing', () => {
  it('no chips for the defaults (in any order, whitespace text)', () => {
    expect(activeFilterChips(DEFAULT_FILTERS)).toEqual([]);
    expect(activeFilterChips(f({ layers: [...PLAN_LAYER_KEYS].reverse(), text: '  ' }))).toEqual([]);
  });

  it('one chip per active filter, in a fixed order', () => {
    const filters: Filters = {
      layers: ['g5', 'g1'],
      kinds: ['line', 'site'],
      regions: ['131000', '120000'],
      months: [6, 9],
      text: ' 机场 ',
    };
    expect(activeFilterChips(filters)).toEqual([
      { kind: 'layers', key: 'layers', on: ['g1', 'g5'], off: PLAN_LAYER_KEYS.filter((k) => k !== 'g1' && k !== 'g5') },
      { kind: 'kinds', key: 'kinds', on: ['site', 'line'], off: ['area', 'programme'] },
      { kind: 'regions', key: 'regions', codes: ['120000', '131000'] },
      { kind: 'months', key: 'months', from: 6, to: 9 },
      { kind: 'text', key: 'text', text: '机场' },
    ]);
  });

  it('clearFilter resets exactly one kind, without mutating', () => {
    const filters: Filters = { layers: ['g1'], kinds: ['site'], regions: ['110000'], months: [1, 2], text: 'x' };
    const copy = structuredClone(filters);
    expect(clearFilter(filters, 'layers')).toEqual({ ...filters, layers: PLAN_LAYER_KEYS });
    expect(clearFilter(filters, 'kinds')).toEqual({ ...filters, kinds: [...FILTER_KINDS] });
    expect(clearFilter(filters, 'regions')).toEqual({ ...filters, regions: [] });
    expect(clearFilter(filters, 'months')).toEqual({ ...filters, months: null });
    expect(clearFilter(filters, 'text')).toEqual({ ...filters, text: '' });
    expect(filters).toEqual(copy);
    let all = filters;
    for (const chip of activeFilterChips(filters)) all = clearFilter(all, chip.kind);
    expect(all).toEqual(DEFAULT_FILTERS);
    expect(activeFilterChips(all)).toEqual([]);
  });

  it('defaultFilters does not share arrays with DEFAULT_FILTERS', () => {
    const d = defaultFilters();
    d.layers.pop();
    expect(DEFAULT_FILTERS.layers).toHaveLength(PLAN_LAYER_KEYS.length);
  });

  it('normalizeFilters orders, dedupes and drops unknown keys', () => {
    const messy = {
      layers: ['g5', 'g1', 'g5', 'g9'] as PlanLayerKey[],
      kinds: ['line', 'site', 'line'] as Filters['kinds'],
      regions: ['131000', '110000', '131000'],
      months: [3, 4] as [number, number],
      text: ' a ',
    };
    expect(normalizeFilters(messy)).toEqual({
      layers: ['g1', 'g5'], kinds: ['site', 'line'], regions: ['110000', '131000'], months: [3, 4], text: ' a ',
    });
  });
});

describe('performance', () => {
  it('filters 100,000 items well under 100 ms', () => {
    const rnd = prng(42);
    const codes = [...REGION_NAMES.keys()];
    const layerSpecs: [GroupId, ThemeId | undefined][] = [
      [1, undefined], [2, undefined], [3, 'ecology'], [3, 'transport'], [3, 'industry'], [3, 'public-services'],
      [4, undefined], [5, undefined],
    ];
    const kinds: ItemKind[] = ['site', 'line', 'area', 'programme', 'target', 'mechanism'];
    const items: PlanItem[] = [];
    const template = makeItem({ id: 'template', group: 1, kind: 'site', zh: '模板', en: 'template', regions: [], dates: ['2019-01-15'] });
    const milestone = template.properties.milestones[0]!;
    for (let i = 0; i < 100_000; i++) {
      const [group, theme] = layerSpecs[i % layerSpecs.length]!;
      const month = 1 + Math.floor(rnd() * 12);
      const id = `synthetic-${i}`;
      items.push({
        ...template,
        id,
        properties: {
          ...template.properties,
          id, group, theme, kind: kinds[i % kinds.length]!,
          name_zh: `合成项目${i}号`, name_en: `Synthetic item number ${i}`,
          summary_en: `Synthetic summary ${i}.`,
          quotes: [`这是第${i}个合成的原文句子，用于测试筛选速度。`],
          regions: codes.filter(() => rnd() < 0.3),
          milestones: rnd() < 0.6 ? [{ ...milestone, date: `2019-${String(month).padStart(2, '0')}-15` }] : [],
        },
      });
    }
    const index = buildSearchIndex(items, CTX);
    const cases: Filters[] = [
      DEFAULT_FILTERS,
      f({ layers: ['g1', 'g3-transport', 'g5'], kinds: ['site', 'line'] }),
      f({ regions: ['131000', '120000'], months: [3, 8] }),
      f({ text: 'number 99' }),
      f({ text: '合成 句子 langfang', regions: ['130000'], months: [6, 6] }),
    ];
    for (const filters of cases) {
      const times: number[] = [];
      let result = filterPlan(items, filters, CTX, index);
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        result = filterPlan(items, filters, CTX, index);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      expect(result.visible).toHaveLength(100_000);
      expect(times[2]!).toBeLessThan(100); // median; typically a few ms
    }
  });
});

