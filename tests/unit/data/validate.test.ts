import { describe, expect, it } from 'vitest';
import { formatIssue, isRealDate, validatePlanData, type ValidateInput } from '../../../src/data/plan/validate';
import { realInput } from './realData';

type Json = Record<string, unknown>;
type Fc = { type: string; features: { type: string; id: string; properties: Json; geometry: Json | null }[] };

const items = (input: ValidateInput): Fc => input.items as Fc;
const links = (input: ValidateInput): Fc => input.links as Fc;
const feature = (input: ValidateInput, id: string) => {
  const f = items(input).features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`no item ${id}`);
  return f;
};
const messages = (input: ValidateInput): string[] => validatePlanData(input).issues.map(formatIssue);

describe('validatePlanData on the committed dataset', () => {
  it('passes and reports described vs declared per group', () => {
    const result = validatePlanData(realInput());
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary.map((s) => s.declared)).toEqual([14, 19, 36, 16, 5]);
    for (const s of result.summary) expect(s.described).toBeLessThanOrEqual(s.declared);
  });
});

describe('validatePlanData on broken inputs', () => {
  it('names file, record and field when a record breaks the schema', () => {
    const input = realInput();
    feature(input, 'g1-exit-manufacturing-firms').properties.kind = 'factory';
    delete feature(input, 'g1-vacated-space').properties.summary_en;
    const m = messages(input);
    expect(m).toContainEqual(expect.stringMatching(/^items\.geojson · g1-exit-manufacturing-firms · properties\.kind: schema:/));
    expect(m).toContainEqual(expect.stringMatching(/^items\.geojson · g1-vacated-space · properties\.summary_en: schema:/));
  });

  it('catches swapped lon/lat', () => {
    const input = realInput();
    feature(input, 'g3-daxing-airport').geometry = { type: 'Point', coordinates: [39.5092, 116.4106] };
    const m = messages(input).join('\n');
    expect(m).toMatch(/items\.geojson · g3-daxing-airport · geometry\.coordinates: .*latitude 116\.4106 is outside −90…90 \(lon\/lat swapped\?/);
  });

  it('catches a position outside the region', () => {
    const input = realInput();
    feature(input, 'g3-big-air-shougang').geometry = { type: 'Point', coordinates: [121.47, 31.23] };
    expect(messages(input).join('\n')).toMatch(/g3-big-air-shougang · geometry\.coordinates: position \[121\.47, 31\.23\] lies outside the region/);
  });

  it('excepts links that leave the region, but not the others', () => {
    const input = realInput();
    const outside = links(input).features.find((f) => f.properties.outside_region === true)!;
    expect(outside).toBeDefined();
    const inside = links(input).features.find((f) => f.properties.outside_region === false)!;
    inside.geometry = { type: 'LineString', coordinates: [[116.4, 39.9], [121.47, 31.23]] };
    const m = messages(input);
    expect(m.some((x) => x.includes(outside.properties.id as string))).toBe(false);
    expect(m).toContainEqual(expect.stringMatching(new RegExp(`^links\\.geojson · ${inside.properties.id} · geometry\\.coordinates\\.1: .*outside the region`)));
  });

  it('catches an unclosed ring and a ring with too few positions', () => {
    const input = realInput();
    const f = feature(input, 'g2-subcenter-plans');
    f.geometry = { type: 'Polygon', coordinates: [[[116.6, 39.8], [116.7, 39.8], [116.7, 39.9], [116.6, 39.9]]] };
    expect(messages(input).join('\n')).toMatch(/g2-subcenter-plans · geometry\.coordinates\.0: ring is not closed/);
    f.geometry = { type: 'Polygon', coordinates: [[[116.6, 39.8], [116.7, 39.8], [116.6, 39.8]]] };
    expect(messages(input).join('\n')).toMatch(/g2-subcenter-plans · geometry\.coordinates\.0: needs at least 4 positions, has 3/);
  });

  it('catches NaN and non-numeric coordinates', () => {
    const input = realInput();
    feature(input, 'g3-jingzhang-railway').geometry = { type: 'LineString', coordinates: [[116.3, 39.9], [Number.NaN, 40.1]] };
    expect(messages(input).join('\n')).toMatch(/g3-jingzhang-railway · geometry\.coordinates\.1: position \[NaN, 40\.1\] has a coordinate that is not a finite number/);
  });

  it('catches a repeated id, across items and links too', () => {
    const input = realInput();
    const copy = structuredClone(feature(input, 'g1-vacated-space'));
    items(input).features.push(copy);
    const link = links(input).features[0]!;
    link.id = 'g1-industry-catalogue';
    link.properties.id = 'g1-industry-catalogue';
    const m = messages(input);
    expect(m).toContainEqual('items.geojson · g1-vacated-space · properties.id: id repeats (also in items.geojson)');
    expect(m).toContainEqual('links.geojson · g1-industry-catalogue · properties.id: id repeats (also in items.geojson)');
  });

  it('catches a quote that is not in the release', () => {
    const input = realInput();
    feature(input, 'g1-exit-manufacturing-firms').properties.quotes = ['调整退出一般制造业企业310家'];
    (input.plan as { groups: { quote: string }[] }).groups[0]!.quote = '我们安排疏解非首都功能15项';
    const m = messages(input);
    expect(m).toContainEqual('items.geojson · g1-exit-manufacturing-firms · properties.quotes.0: quote not found verbatim in the release text: “调整退出一般制造业企业310家”');
    expect(m).toContainEqual(expect.stringMatching(/^plan\.json · group-1 · groups\.0\.quote: quote not found verbatim/));
  });

  it('a quote with full-width commas does not match the release (which uses ASCII commas)', () => {
    const input = realInput();
    feature(input, 'g1-vacated-space').properties.quotes = ['统筹用好腾退空间，服务于“四个中心”的功能定位'];
    expect(messages(input).join('\n')).toMatch(/g1-vacated-space · properties\.quotes\.0: quote not found verbatim/);
  });

  it('catches an unknown region code', () => {
    const input = realInput();
    feature(input, 'g1-vacated-space').properties.regions = ['110000', '110199'];
    expect(messages(input)).toContainEqual('items.geojson · g1-vacated-space · properties.regions.1: region code 110199 is not in the boundary data');
  });

  it('catches an impossible milestone date', () => {
    const input = realInput();
    const ms = feature(input, 'g3-daxing-airport').properties.milestones as { date: string }[];
    ms[0]!.date = '2019-02-30';
    expect(messages(input)).toContainEqual('items.geojson · g3-daxing-airport · properties.milestones.0.date: 2019-02-30 is not a real calendar date');
  });

  it('catches more described items in a group than the release declares', () => {
    const input = realInput();
    const template = feature(input, 'g5-daily-scheduling');
    for (let i = 0; i < 2; i++) {
      const extra = structuredClone(template);
      extra.id = extra.properties.id = `g5-extra-${i}`;
      items(input).features.push(extra);
    }
    expect(messages(input)).toContainEqual('items.geojson · group-5 · properties.group: 6 described tasks in group 5 exceed the 5 the release declares');
  });

  it('does not count parts (records with a parent) as described tasks', () => {
    const input = realInput();
    const template = feature(input, 'g5-daily-scheduling');
    for (let i = 0; i < 3; i++) {
      const part = structuredClone(template);
      part.id = part.properties.id = `g5-part-${i}`;
      part.properties.parent = 'g5-daily-scheduling';
      items(input).features.push(part);
    }
    const result = validatePlanData(input);
    expect(result.issues).toEqual([]);
    expect(result.summary[4]).toMatchObject({ described: 4, parts: 3 });
  });

  it('catches unknown parent and link item references', () => {
    const input = realInput();
    feature(input, 'g3-big-air-shougang').properties.parent = 'g3-nope';
    links(input).features[0]!.properties.item = 'g9-missing';
    const m = messages(input);
    expect(m).toContainEqual('items.geojson · g3-big-air-shougang · properties.parent: unknown parent id g3-nope');
    expect(m).toContainEqual(expect.stringMatching(/^links\.geojson · link-[a-z-]+ · properties\.item: unknown item id g9-missing$/));
  });

  it('catches a geometry that does not fit the kind, and region-only records with geometry', () => {
    const input = realInput();
    feature(input, 'g3-big-air-shougang').properties.kind = 'line';
    const p = feature(input, 'g1-vacated-space');
    p.geometry = { type: 'Point', coordinates: [116.4, 39.9] };
    const m = messages(input);
    expect(m).toContainEqual('items.geojson · g3-big-air-shougang · geometry.type: kind line needs LineString or MultiLineString, got Point');
    expect(m).toContainEqual('items.geojson · g1-vacated-space · properties.location.precision: region-only records have no geometry');
  });

  it('rejects a file that is not a FeatureCollection', () => {
    const input = realInput();
    input.links = { features: 'nope' };
    expect(messages(input)).toContainEqual('links.geojson · (file) · (root): expected a GeoJSON FeatureCollection with a features array');
  });
});

describe('isRealDate', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isRealDate('2019-06-30')).toBe(true);
    expect(isRealDate('2020-02-29')).toBe(true);
    expect(isRealDate('2019-02-29')).toBe(false);
    expect(isRealDate('2019-02-30')).toBe(false);
    expect(isRealDate('2019-13-01')).toBe(false);
    expect(isRealDate('2019-6-30')).toBe(false);
  });
});

describe('where a place comes from', () => {
  it('reports the located share by precision and by source kind', () => {
    const { located } = validatePlanData(realInput());
    const all = items(realInput()).features;
    expect(located.of).toBe(all.length);
    expect(located.located).toBe(all.filter((f) => f.geometry !== null).length);
    expect(Object.values(located.byPrecision).reduce((a, b) => a + b, 0)).toBe(located.located);
    expect(located.bySource.release + located.bySource.outside).toBe(located.located);
    expect(located.byPrecision['region-only']).toBeUndefined();
    // The 'three cities and one zone' are four places from outside the release.
    expect(located.bySource.outside).toBeGreaterThanOrEqual(4);
  });

  it('fails on a located record without a source', () => {
    const input = realInput();
    (feature(input, 'g3-big-air-shougang').properties.location as Json).source = '   ';
    expect(messages(input)).toContainEqual(expect.stringMatching(/^items\.geojson · g3-big-air-shougang · properties\.location\.source: /));
  });

  it('fails on a located record that does not say whether the release names the place', () => {
    const input = realInput();
    delete (feature(input, 'g3-big-air-shougang').properties.location as Json).from_release;
    expect(messages(input)).toContainEqual(
      'items.geojson · g3-big-air-shougang · properties.location.from_release: a record with a place must say whether the release names the place (from_release: true) or an outside source does (false)',
    );
    // A region-only record has no place to account for.
    delete (feature(input, 'g1-vacated-space').properties.location as Json).from_release;
    expect(messages(input).some((m) => m.includes('g1-vacated-space'))).toBe(false);
  });

  it('fails on a place from outside the release without a citation', () => {
    const input = realInput();
    const f = feature(input, 'g4-huairou-science-city');
    expect((f.properties.location as Json).from_release).toBe(false);
    f.properties.external_sources = [];
    expect(messages(input)).toContainEqual(expect.stringMatching(/^items\.geojson · g4-huairou-science-city · properties\.external_sources: a place from outside the release \(from_release: false\) needs a citation/));
  });

  it('fails on a schematic line with fewer than three real points, and counts repeated points once', () => {
    const input = realInput();
    const f = feature(input, 'g3-jingxiong-intercity');
    expect((f.properties.location as Json).precision).toBe('schematic-line');
    f.geometry = { type: 'LineString', coordinates: [[116.32206, 39.89491], [116.40993, 39.51392]] };
    expect(messages(input)).toContainEqual(expect.stringMatching(/^items\.geojson · g3-jingxiong-intercity · geometry\.coordinates: a schematic line runs through real termini and intermediate points: needs at least 3 distinct positions, has 2/));
    f.geometry = { type: 'LineString', coordinates: [[116.32206, 39.89491], [116.32206, 39.89491], [116.40993, 39.51392]] };
    expect(messages(input).join('\n')).toMatch(/g3-jingxiong-intercity · geometry\.coordinates: .*has 2/);
  });

  it('fails on a place whose wording confesses a guess, in the location, a citation or a link', () => {
    const input = realInput();
    const loc = feature(input, 'g1-bfa-relocation').properties.location as Json;
    loc.source = 'Placed near Yangsong town (杨宋镇), Huairou (general public knowledge, not surveyed).';
    loc.note = 'Position approximate (±4 km).';
    loc.note_zh = '位置为近似（±4 公里）。';
    (feature(input, 'g1-btbu-relocation').properties.external_sources as Json[])[0]!.source = 'written from memory';
    const link = links(input).features.find((f) => f.properties.id === 'link-daxing-airport-tianjin-port')!;
    (link.properties.location as Json).source = 'placed at the Tianjin Xingang port basin (approximate, ±5 km)';
    const m = messages(input);
    expect(m).toContainEqual(expect.stringMatching(/^items\.geojson · g1-bfa-relocation · properties\.location\.source: “general public knowledge”: a place must come from a named source/));
    expect(m).toContainEqual(expect.stringMatching(/^items\.geojson · g1-bfa-relocation · properties\.location\.note: “approximate \(±”/));
    expect(m).toContainEqual(expect.stringMatching(/^items\.geojson · g1-bfa-relocation · properties\.location\.note_zh: “位置为近似”/));
    expect(m).toContainEqual(expect.stringMatching(/^items\.geojson · g1-btbu-relocation · properties\.external_sources\.0\.source: “from memory”/));
    expect(m).toContainEqual(expect.stringMatching(/^links\.geojson · link-daxing-airport-tianjin-port · properties\.location\.source: “approximate, ±”/));
  });

  it('accepts a sourced place whose note gives its uncertainty without confessing a guess', () => {
    const input = realInput();
    // the Shougang Jingtang point is the sourced island coordinate, with its spread stated
    expect((feature(input, 'g3-shougang-jingtang-phase2').properties.location as Json).note).toMatch(/±3 km/);
    expect(messages(input).filter((x) => x.includes('a place must come from a named source'))).toEqual([]);
  });

  it('fails on an added region that is not among the regions', () => {
    const input = realInput();
    const p = feature(input, 'g3-daxing-airport').properties;
    expect(p.regions_added).toEqual(['110000', '110115']);
    p.regions = (p.regions as string[]).filter((c) => c !== '110115');
    expect(messages(input)).toContainEqual('items.geojson · g3-daxing-airport · properties.regions_added.1: 110115 is added but missing from regions');
  });

  it('checks the quotes of the group principles and of the events, and the records an event names', () => {
    const input = realInput();
    const plan = input.plan as { groups: { context?: { quote: string }[] }[]; events: { items: string[]; quote: string }[] };
    expect(plan.groups[0]!.context?.length).toBeGreaterThan(0);
    expect(plan.events.length).toBeGreaterThanOrEqual(4);
    plan.groups[0]!.context![0]!.quote = '坚持严控增量';
    plan.groups[0]!.context![0]!.quote += '和疏解存量相分离';
    plan.events[0]!.items.push('g9-nope');
    const m = messages(input);
    expect(m).toContainEqual(expect.stringMatching(/^plan\.json · group-1 · groups\.0\.context\.0\.quote: quote not found verbatim/));
    expect(m).toContainEqual(expect.stringMatching(/^plan\.json · [a-z0-9-]+ · events\.0\.items\.\d+: unknown item id g9-nope$/));
  });
});

describe('the audit fixes in the committed data', () => {
  const byId = (id: string) => feature(realInput(), id).properties;
  it('puts the Daxing airport in Beijing and Daxing District as well as Langfang', () => {
    expect(byId('g3-daxing-airport').regions).toEqual(expect.arrayContaining(['110000', '110115', '130000', '131000', '131003']));
  });
  it('puts the Capital Airport in Chaoyang (its exclave), not Shunyi', () => {
    const l = links(realInput()).features.find((f) => f.properties.id === 'link-capital-airport-tianjin-port')!;
    expect(l.properties.from_region).toBe('110105');
  });
  it('draws the Jing-Xiong intercity through Beijing Daxing station (ex-Huangcun, about 39.719 N 116.325 E)', () => {
    const g = feature(realInput(), 'g3-jingxiong-intercity').geometry as { coordinates: number[][] };
    expect(g.coordinates.some(([lon, lat]) => Math.abs(lat! - 39.719) < 0.01 && Math.abs(lon! - 116.324) < 0.01)).toBe(true);
  });
  it('adds Xicheng to the Jing-Zhang railway and Shijingshan to the Yongding', () => {
    expect(byId('g3-jingzhang-railway').regions).toContain('110102');
    expect(byId('g3-yongding-river').regions).toContain('110107');
  });
  it('dates the year-only milestones with year precision', () => {
    for (const id of ['g3-jingxiong-intercity', 'g3-jingli-expressway-yanchong']) {
      expect((byId(id).milestones as { date_precision: string }[]).map((m) => m.date_precision)).toEqual(['year']);
    }
  });
  it('gives the three cities and one zone four parts on the map', () => {
    const parts = items(realInput()).features.filter((f) => f.properties.parent === 'g4-three-cities-one-zone');
    expect(parts.map((f) => f.properties.name_zh)).toEqual(['中关村科学城', '怀柔科学城', '未来科学城', '北京经济技术开发区']);
    for (const f of parts) expect(f.geometry).not.toBeNull();
  });
});
