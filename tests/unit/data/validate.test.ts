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
