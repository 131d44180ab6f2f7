import { describe, expect, it, test } from 'vitest';
import {
  checkAgainstData,
  URL_PARAMS,
  VIEW_LIMITS,
  decodeUrlState,
  defaultUrlState,
  encodeUrlState,
  type UrlDecodeContext,
  type UrlProblem,
} from '../../../src/model/url';
import { normalizeFilters } from '../../../src/model/filters';
import {
  DEFAULT_BASEMAP,
  DEFAULT_FILTERS,
  FILTER_KINDS,
  PLAN_LAYER_KEYS,
  type Filters,
  type UrlState,
} from '../../../src/model/state';
import { LANGUAGES } from '../../../src/i18n/language';
import { prng } from '../../support/random';

const ITEM_IDS = ['daxing-airport', 'jingxiong-railway', 'xiongan-support', 'sub-centre', 'a', 'x-1-2'];
const REGION_CODES = ['110000', '120000', '130000', '130600', '131000', '131082'];
const CTX: UrlDecodeContext = { itemIds: new Set(ITEM_IDS), regionCodes: new Set(REGION_CODES), defaultLang: 'zh' };
const DEFAULT = defaultUrlState('zh');

function decode(hash: string) {
  return decodeUrlState(hash, CTX);
}
type StateOverrides = Partial<Omit<UrlState, 'filters'>> & { filters?: Partial<Filters> };
function state(over: StateOverrides): UrlState {
  const d = defaultUrlState('zh');
  return { ...d, ...over, filters: { ...d.filters, ...over.filters } };
}

const EXAMPLE: UrlState = {
  view: { zoom: 6.2, lat: 39.5, lon: 116.4 },
  filters: { layers: ['g1', 'g3-transport'], kinds: ['site', 'line'], regions: ['131000'], months: [6, 9], text: '机场' },
  basemap: { counties: false, labels: true, rivers: true },
  selected: 'daxing-airport',
  lang: 'en',
};
const EXAMPLE_HASH =
  'map=6.20/39.5000/116.4000&layers=g1,g3-transport&kinds=site,line&regions=131000&months=6-9' +
  '&q=%E6%9C%BA%E5%9C%BA&sel=daxing-airport&lang=en&base=-counties';

describe('encodeUrlState', () => {
  it('a default view has a short URL (only the language)', () => {
    expect(encodeUrlState(DEFAULT)).toBe('lang=zh');
    expect(encodeUrlState(defaultUrlState('en'))).toBe('lang=en');
  });

  it('writes every part in a fixed order', () => {
    expect(encodeUrlState(EXAMPLE)).toBe(EXAMPLE_HASH);
  });

  it('rounds zoom to 2 and lat/lon to 4 decimals', () => {
    expect(encodeUrlState(state({ view: { zoom: 7.456, lat: 39.123456, lon: -116.99999 } }))).toBe(
      'map=7.46/39.1235/-117.0000&lang=zh',
    );
  });

  it('encodes all-off lists as none and omits all-on lists', () => {
    expect(encodeUrlState(state({ filters: { layers: [], kinds: [] } }))).toBe('layers=none&kinds=none&lang=zh');
    expect(encodeUrlState(state({ filters: { layers: [...PLAN_LAYER_KEYS].reverse() } }))).toBe('lang=zh');
  });

  it('equal states (lists in any order, duplicates) give equal strings', () => {
    const a = state({ filters: { layers: ['g5', 'g1', 'g3-ecology'], kinds: ['area', 'site'], regions: ['131000', '110000'] } });
    const b = state({
      filters: { layers: ['g1', 'g3-ecology', 'g5', 'g1'], kinds: ['site', 'area'], regions: ['110000', '131000', '110000'] },
    });
    expect(encodeUrlState(a)).toBe(encodeUrlState(b));
    expect(encodeUrlState(a)).toBe('layers=g1,g3-ecology,g5&kinds=site,area&regions=110000,131000&lang=zh');
  });

  it('escapes text so that & = # % + , and spaces survive', () => {
    const hash = encodeUrlState(state({ filters: { text: 'a&b=c#d%e+f, g/h?' } }));
    expect(hash).toBe('q=a%26b%3Dc%23d%25e%2Bf%2C%20g%2Fh%3F&lang=zh');
    expect(decode(hash)).toEqual({ state: state({ filters: { text: 'a&b=c#d%e+f, g/h?' } }), problems: [] });
  });

  it('writes basemap layers that are off, in a fixed order', () => {
    expect(encodeUrlState(state({ basemap: { counties: true, labels: false, rivers: false } }))).toBe(
      'lang=zh&base=-labels,-rivers',
    );
  });

  it('never throws, even for a lone surrogate in the text (written as U+FFFD)', () => {
    const hash = encodeUrlState(state({ filters: { text: 'a\uD800b' } }));
    expect(decode(hash).state.filters.text).toBe('a\uFFFDb');
  });
});

describe('decodeUrlState: good input', () => {
  it('reads the example, with or without #', () => {
    expect(decode(EXAMPLE_HASH)).toEqual({ state: EXAMPLE, problems: [] });
    expect(decode('#' + EXAMPLE_HASH)).toEqual({ state: EXAMPLE, problems: [] });
  });

  it('empty hash gives the defaults with the context language', () => {
    expect(decode('')).toEqual({ state: DEFAULT, problems: [] });
    expect(decode('#')).toEqual({ state: DEFAULT, problems: [] });
    expect(decodeUrlState('', { ...CTX, defaultLang: 'en' }).state.lang).toBe('en');
    expect(decode('#lang=en').state.lang).toBe('en');
  });

  it('accepts raw (unencoded) unicode as browsers may show it', () => {
    expect(decode('#q=机场 北京').state.filters.text).toBe('机场 北京');
  });

  it('keeps a literal + (it is not a space)', () => {
    expect(decode('#q=c++').state.filters.text).toBe('c++');
  });

  it('accepts the layer alias g3, a single month, and +name in base', () => {
    expect(decode('#layers=g1,g3').state.filters.layers).toEqual([
      'g1', 'g3-ecology', 'g3-transport', 'g3-industry', 'g3-public-services',
    ]);
    expect(decode('#months=7').state.filters.months).toEqual([7, 7]);
    expect(decode('#months=06-09').state.filters.months).toEqual([6, 9]);
    expect(decode('#base=-labels,+rivers,counties').state.basemap).toEqual({ counties: true, labels: false, rivers: true });
  });

  it('orders and dedupes lists canonically', () => {
    const s = decode('#layers=g5,g1,g5&kinds=programme,site&regions=131000,110000,131000').state.filters;
    expect(s.layers).toEqual(['g1', 'g5']);
    expect(s.kinds).toEqual(['site', 'programme']);
    expect(s.regions).toEqual(['110000', '131000']);
  });

  it('accepts the view limits and more decimals', () => {
    expect(decode('#map=0/-90/-180').state.view).toEqual({ zoom: 0, lat: -90, lon: -180 });
    expect(decode('#map=24/90/180').state.view).toEqual({ zoom: 24, lat: 90, lon: 180 });
    expect(decode('#map=5.123/39.123456/116').state.view).toEqual({ zoom: 5.123, lat: 39.123456, lon: 116 });
    expect(Object.is(decode('#map=1/-0.0000/0').state.view!.lat, 0)).toBe(true); // no -0
  });
});

describe('decodeUrlState: broken input falls back per part and reports it', () => {
  const cases: [string, StateOverrides, UrlProblem[]][] = [
    ['#map=abc', {}, [{ param: 'map', value: 'abc', reason: 'malformed' }]],
    ['#map=1/2', {}, [{ param: 'map', value: '1/2', reason: 'malformed' }]],
    ['#map=NaN/39/116', {}, [{ param: 'map', value: 'NaN/39/116', reason: 'malformed' }]],
    ['#map=1e3/39/116', {}, [{ param: 'map', value: '1e3/39/116', reason: 'malformed' }]],
    ['#map=99/999/999', {}, [{ param: 'map', value: '99/999/999', reason: 'out-of-range' }]],
    ['#map=24.01/39/116', {}, [{ param: 'map', value: '24.01/39/116', reason: 'out-of-range' }]],
    ['#map=5/90.0001/116', {}, [{ param: 'map', value: '5/90.0001/116', reason: 'out-of-range' }]],
    ['#map=5/39/-180.5', {}, [{ param: 'map', value: '5/39/-180.5', reason: 'out-of-range' }]],
    ['#%E0%A4%A', {}, [{ param: '%E0%A4%A', value: '', reason: 'malformed' }]],
    ['#%E6%9C%BA=1', {}, [{ param: '机', value: '1', reason: 'unknown' }]],
    ['#q=%E0%A4%A', {}, [{ param: 'q', value: '%E0%A4%A', reason: 'malformed' }]],
    ['#q=100%', {}, [{ param: 'q', value: '100%', reason: 'malformed' }]],
    ['#layers=g9', {}, [{ param: 'layers', value: 'g9', reason: 'unknown' }]],
    ['#layers=g1,g9', { filters: { layers: ['g1'] } }, [{ param: 'layers', value: 'g9', reason: 'unknown' }]],
    ['#layers=', {}, [{ param: 'layers', value: '', reason: 'malformed' }]],
    ['#layers=,,', {}, [{ param: 'layers', value: ',,', reason: 'malformed' }]],
    ['#regions=,', {}, [{ param: 'regions', value: ',', reason: 'malformed' }]],
    ['#base=,', {}, [{ param: 'base', value: ',', reason: 'malformed' }]],
    ['#q', {}, [{ param: 'q', value: '', reason: 'malformed' }]],
    ['#q=', {}, []],
    ['#kinds=target', {}, [{ param: 'kinds', value: 'target', reason: 'unknown' }]],
    ['#sel=nonexistent', {}, [{ param: 'sel', value: 'nonexistent', reason: 'unknown' }]],
    ['#months=13-2', {}, [{ param: 'months', value: '13-2', reason: 'out-of-range' }]],
    ['#months=9-6', {}, [{ param: 'months', value: '9-6', reason: 'out-of-range' }]],
    ['#months=0-3', {}, [{ param: 'months', value: '0-3', reason: 'out-of-range' }]],
    ['#months=a-b', {}, [{ param: 'months', value: 'a-b', reason: 'malformed' }]],
    ['#months=1-2-3', {}, [{ param: 'months', value: '1-2-3', reason: 'malformed' }]],
    [
      '#regions=131000,999999,abc',
      { filters: { regions: ['131000'] } },
      [
        { param: 'regions', value: '999999', reason: 'unknown' },
        { param: 'regions', value: 'abc', reason: 'malformed' },
      ],
    ],
    ['#lang=fr', {}, [{ param: 'lang', value: 'fr', reason: 'unknown' }]],
    ['#base=-foo', {}, [{ param: 'base', value: '-foo', reason: 'unknown' }]],
    ['#zoom=5', {}, [{ param: 'zoom', value: '5', reason: 'unknown' }]],
    ['#garbage', {}, [{ param: 'garbage', value: '', reason: 'unknown' }]],
    ['#map', {}, [{ param: 'map', value: '', reason: 'malformed' }]],
    [
      '#lang=en&lang=zh',
      { lang: 'en' },
      [{ param: 'lang', value: 'zh', reason: 'malformed' }],
    ],
    [
      // good parts are kept next to broken ones
      '#map=abc&layers=g9,g2&sel=sub-centre&months=13-2&q=%E6%9C%BA&foo=bar&lang=en',
      { filters: { layers: ['g2'], text: '机' }, selected: 'sub-centre', lang: 'en' },
      [
        { param: 'map', value: 'abc', reason: 'malformed' },
        { param: 'layers', value: 'g9', reason: 'unknown' },
        { param: 'months', value: '13-2', reason: 'out-of-range' },
        { param: 'foo', value: 'bar', reason: 'unknown' },
      ],
    ],
  ];
  for (const [hash, expected, problems] of cases) {
    it(hash, () => {
      expect(decode(hash)).toEqual({ state: state(expected), problems });
    });
  }

  it('cuts long reported values to 100 characters', () => {
    const { problems } = decode(`#sel=${'x'.repeat(500)}&${'k'.repeat(300)}=1`);
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(Math.max(p.param.length, p.value.length)).toBeLessThanOrEqual(100);
    expect(problems[0]!.value.endsWith('…')).toBe(true);
  });
});

// ---------------------------------------------------------------- property tests


const TEXT_PIECES = ['&', '=', '#', '%', '+', ',', '/', '?', ' ', '  ', '%20', '%E0', '机场', '京津冀', '廊坊', 'Beijing',
  '😀', 'é', 'ﬁ', '\t', '\n', "'", '"', '<', '~', '-', 'none', 'lang=en', '&q=x', 'a'];

function randomState(rnd: () => number): UrlState {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
  let text = '';
  if (rnd() < 0.6) for (let n = int(1, 6); n > 0; n--) text += pick(TEXT_PIECES);
  const from = int(1, 12);
  const r = rnd();
  return {
    view:
      rnd() < 0.3
        ? null
        : {
            zoom: int(0, 2400) / 100,
            lat: (int(-900000, 900000) + 0) / 10000,
            lon: (int(-1800000, 1800000) + 0) / 10000,
          },
    filters: normalizeFilters({
      // all on, none, or a random subset
      layers: r < 0.3 ? [...PLAN_LAYER_KEYS] : r < 0.4 ? [] : PLAN_LAYER_KEYS.filter(() => rnd() < 0.5),
      kinds: rnd() < 0.3 ? [...FILTER_KINDS] : FILTER_KINDS.filter(() => rnd() < 0.5),
      regions: REGION_CODES.filter(() => rnd() < 0.2),
      months: rnd() < 0.4 ? null : [from, int(from, 12)],
      text,
    }),
    basemap: { counties: rnd() < 0.7, labels: rnd() < 0.7, rivers: rnd() < 0.7 },
    selected: rnd() < 0.4 ? null : pick(ITEM_IDS),
    lang: pick(LANGUAGES),
  };
}

describe('round trip', () => {
  it('decode(encode(s)) equals s with no problems, for 3000 generated states', () => {
    const rnd = prng(2019);
    for (let n = 0; n < 3000; n++) {
      const s = randomState(rnd);
      const hash = encodeUrlState(s);
      const back = decode(hash);
      expect(back, hash).toEqual({ state: s, problems: [] });
      expect(encodeUrlState(back.state)).toBe(hash);
      expect(decode('#' + hash).state).toEqual(s);
    }
  });

  it('covers the corner states explicitly', () => {
    const corners: UrlState[] = [
      DEFAULT,
      EXAMPLE,
      state({ filters: { layers: [], kinds: [] } }),
      state({ filters: { layers: ['g3-public-services'], kinds: ['programme'], months: [1, 12] } }),
      state({ filters: { months: [12, 12], text: ' ' } }),
      state({ filters: { text: '&=#%+,;:/?@!*()\'"<>[]{}|\\^`~ 机场 😀' } }),
      state({ view: { zoom: 0, lat: -90, lon: -180 }, basemap: { counties: false, labels: false, rivers: false } }),
      state({ view: { zoom: 24, lat: 90, lon: 180 }, selected: 'x-1-2', lang: 'en' }),
    ];
    for (const s of corners) expect(decode(encodeUrlState(s))).toEqual({ state: s, problems: [] });
  });
});

function expectValid(s: UrlState): void {
  expect(LANGUAGES).toContain(s.lang);
  if (s.view !== null) {
    for (const k of ['zoom', 'lat', 'lon'] as const) {
      expect(Number.isFinite(s.view[k])).toBe(true);
      expect(s.view[k]).toBeGreaterThanOrEqual(VIEW_LIMITS[k][0]);
      expect(s.view[k]).toBeLessThanOrEqual(VIEW_LIMITS[k][1]);
    }
  }
  expect(s.filters).toEqual(normalizeFilters(s.filters));
  for (const l of s.filters.layers) expect(PLAN_LAYER_KEYS).toContain(l);
  for (const k of s.filters.kinds) expect(FILTER_KINDS).toContain(k);
  for (const c of s.filters.regions) expect(REGION_CODES).toContain(c);
  if (s.filters.months !== null) {
    const [a, b] = s.filters.months;
    expect(1 <= a && a <= b && b <= 12).toBe(true);
  }
  if (s.selected !== null) expect(ITEM_IDS).toContain(s.selected);
  expect(Object.keys(s.basemap).sort()).toEqual(Object.keys(DEFAULT_BASEMAP).sort());
}

describe('fuzz', () => {
  const ALPHABET = '#&=%/,.-+0123456789abcdefgEFAX机场 😀\uD800\uDC00\u0000';
  const TOKENS = [...URL_PARAMS.map((p) => `${p}=`), '&', '=', '%', '%E0', '%A4', '%2', '%%', '/', ',', '-', '.', 'none',
    'g1', 'g3', 'g3-transport', 'site', '131000', '999999', '6-9', '13-2', '99', '39.5', '-0', 'daxing-airport', 'en', 'zh',
    '-counties', 'NaN', 'Infinity', '1e9', '#', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];

  it('never throws and always gives a valid state, for 5000 random hashes', () => {
    const rnd = prng(90);
    for (let n = 0; n < 5000; n++) {
      let hash = '';
      const len = Math.floor(rnd() * 40);
      for (let i = 0; i < len; i++) {
        const r = rnd();
        if (r < 0.5) hash += TOKENS[Math.floor(rnd() * TOKENS.length)]!;
        else if (r < 0.9) hash += ALPHABET[Math.floor(rnd() * ALPHABET.length)]!;
        else hash += String.fromCharCode(Math.floor(rnd() * 0x10000)); // any code unit, lone surrogates too
      }
      let result: ReturnType<typeof decode> | undefined;
      expect(() => (result = decode(hash)), JSON.stringify(hash)).not.toThrow();
      const { state: s, problems } = result!;
      expectValid(s);
      for (const p of problems) {
        expect(['malformed', 'unknown', 'out-of-range']).toContain(p.reason);
        // the catch-all fallback (param '' + malformed) is never needed
        expect(p.param === '' && p.reason === 'malformed', JSON.stringify(hash)).toBe(false);
      }
      // whatever was decoded encodes to a hash that decodes without problems
      const again = encodeUrlState(s);
      const back = decode(again);
      expect(back.problems, again).toEqual([]);
      expect(encodeUrlState(back.state)).toBe(again);
    }
  });

  it('survives prototype-ish and odd inputs', () => {
    for (const hash of ['#__proto__=1', '#constructor=x', '#&&&', '#=', '#==', '#=x', '%', '#%', '\uD800', '#sel=__proto__',
      '#layers=toString', '#map=//', '#map=-/-/-', '#months=-', '#months=--']) {
      const { state: s } = decode(hash);
      expectValid(s);
    }
    expect(decode('#&&&')).toEqual({ state: DEFAULT, problems: [] });
  });

  it('the module defaults are not mutated by decoding', () => {
    decode('#layers=g1&kinds=site&regions=131000&base=-counties&q=x');
    expect(DEFAULT_FILTERS.layers).toEqual(PLAN_LAYER_KEYS);
    expect(DEFAULT_FILTERS.kinds).toEqual([...FILTER_KINDS]);
    expect(DEFAULT_FILTERS.text).toBe('');
    expect(DEFAULT_BASEMAP).toEqual({ counties: true, labels: true, rivers: true });
  });
});

describe('drawn areas in the URL', () => {
  const ctx = { itemIds: new Set<string>(), regionCodes: new Set<string>(), defaultLang: 'zh' as const };
  it('round-trips circles and polygons, names with separators included', async () => {
    const { encodeUrlState, decodeUrlState, defaultUrlState } = await import('../../../src/model/url');
    const state = {
      ...defaultUrlState('zh'),
      areas: [
        { id: 'area-1', name: '副中心 50 km; a|b', shape: { kind: 'circle' as const, center: [116.6527, 39.9014] as [number, number], radiusKm: 50 } },
        { id: 'area-2', name: 'box', shape: { kind: 'polygon' as const, coordinates: [[116, 39], [117, 39], [117, 40], [116, 40], [116, 39]] as [number, number][] } },
      ],
    };
    const hash = encodeUrlState(state);
    const back = decodeUrlState(hash, ctx);
    expect(back.problems).toEqual([]);
    expect(back.state.areas).toEqual(state.areas);
  });
  it('drops a broken area with a problem and keeps the good one', async () => {
    const { decodeUrlState } = await import('../../../src/model/url');
    const r = decodeUrlState('#areas=ok;c;116;40;10|bad;c;116;40;-5|worse;p;1,2', ctx);
    expect(r.state.areas?.map((a) => a.name)).toEqual(['ok']);
    expect(r.problems.map((p) => p.param)).toEqual(['areas', 'areas']);
  });
});

describe('decoding once at start, checking ids when the data has loaded', () => {
  const hashes = [
    '#map=6.20/39.5000/116.4000&sel=nonexistent&regions=131000,999999,110000&lang=en',
    `#sel=${ITEM_IDS[0]}&regions=110000&q=%E6%9C%BA%E5%9C%BA`,
    '#map=abc&layers=g9,g1&sel=nonexistent&months=13-2&%E0%A4%A',
    '#regions=999999&sel=',
  ];
  test.each(hashes)('gives the state and problems that decoding with the data gives: %s', (hash) => {
    const early = decodeUrlState(hash, { ...CTX, itemIds: null, regionCodes: null });
    const checked = checkAgainstData(early.state, { itemIds: new Set(ITEM_IDS), regionCodes: new Set(REGION_CODES) });
    const direct = decodeUrlState(hash, CTX);
    expect(checked.state).toEqual(direct.state);
    const key = (p: { param: string; value: string; reason: string }) => `${p.param}|${p.value}|${p.reason}`;
    expect([...early.problems, ...checked.problems].map(key).sort()).toEqual(direct.problems.map(key).sort());
  });
});

describe('the whole analysis state in the URL (regions, choropleth, panel, timeline, chapter, measure)', () => {
  const FULL: UrlState = state({
    regionSelection: ['131000', '130600'],
    regionLevel: 'prefecture',
    choropleth: { measure: 'lineKm', level: 'county', method: 'natural', classes: 6 },
    tab: 'regions',
    panelOpen: false,
    timelineMonth: 7,
    chapter: 2,
    measure: [[116.4, 39.9], [117.2, 39.1], [115.5, 38.8765]],
  });
  const FULL_HASH =
    'lang=zh&rsel=131000,130600&level=prefecture&choro=lineKm/county/natural/6&tab=regions&panel=closed&tl=7&ch=3' +
    '&measure=116.4,39.9,117.2,39.1,115.5,38.8765';

  it('writes each part after the older ones, in a fixed order, and reads it back', () => {
    expect(encodeUrlState(FULL)).toBe(FULL_HASH);
    const back = decode(FULL_HASH);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(FULL);
  });

  it('leaves out defaults: no opened region, auto level, no choropleth, the layers tab, an open panel', () => {
    expect(encodeUrlState(state({ regionSelection: [], regionLevel: 'auto', tab: 'layers', panelOpen: true }))).toBe('lang=zh');
  });

  it('keeps the comparison order (columns are shown in it) and drops repeats', () => {
    expect(decode('#rsel=130600,110000,130600').state.regionSelection).toEqual(['130600', '110000']);
  });

  it('an old link (without the new parts) opens as before', () => {
    const r = decode('#' + EXAMPLE_HASH);
    expect(r.problems).toEqual([]);
    expect(r.state).toEqual(EXAMPLE);
  });

  test.each([
    ['rsel=999999,131000', { regionSelection: ['131000'] }, [{ param: 'rsel', value: '999999', reason: 'unknown' }]],
    ['rsel=abc', {}, [{ param: 'rsel', value: 'abc', reason: 'malformed' }]],
    ['level=city', {}, [{ param: 'level', value: 'city', reason: 'unknown' }]],
    ['choro=items/prefecture/quantile', {}, [{ param: 'choro', value: 'items/prefecture/quantile', reason: 'malformed' }]],
    ['choro=votes/prefecture/quantile/5', {}, [{ param: 'choro', value: 'votes/prefecture/quantile/5', reason: 'unknown' }]],
    ['choro=items/prefecture/quantile/12', {}, [{ param: 'choro', value: 'items/prefecture/quantile/12', reason: 'out-of-range' }]],
    ['tab=settings', {}, [{ param: 'tab', value: 'settings', reason: 'unknown' }]],
    ['panel=half', {}, [{ param: 'panel', value: 'half', reason: 'unknown' }]],
    ['tl=13', {}, [{ param: 'tl', value: '13', reason: 'out-of-range' }]],
    ['tl=x', {}, [{ param: 'tl', value: 'x', reason: 'malformed' }]],
    ['ch=0', {}, [{ param: 'ch', value: '0', reason: 'out-of-range' }]],
    ['measure=116,40', {}, [{ param: 'measure', value: '116,40', reason: 'malformed' }]],
    ['measure=116,40,200,40', {}, [{ param: 'measure', value: '116,40,200,40', reason: 'out-of-range' }]],
  ] as [string, StateOverrides, UrlProblem[]][])('%s: the bad part is reported and falls back, the rest is kept', (part, expected, problems) => {
    const r = decode(`#sel=daxing-airport&${part}`);
    expect(r.state).toEqual(state({ selected: 'daxing-airport', ...expected }));
    expect(r.problems).toEqual(problems);
  });

  it('opened regions the data lacks are dropped and reported once the data has loaded', () => {
    const early = decodeUrlState('#rsel=131000,990000', { itemIds: null, regionCodes: null, defaultLang: 'zh' });
    expect(early.state.regionSelection).toEqual(['131000', '990000']);
    const checked = checkAgainstData(early.state, { itemIds: new Set(ITEM_IDS), regionCodes: new Set(REGION_CODES) });
    expect(checked.state.regionSelection).toEqual(['131000']);
    expect(checked.problems).toEqual([{ param: 'rsel', value: '990000', reason: 'unknown' }]);
    const none = checkAgainstData(decodeUrlState('#rsel=990000', { itemIds: null, regionCodes: null, defaultLang: 'zh' }).state, { itemIds: new Set(), regionCodes: new Set(REGION_CODES) });
    expect(none.state.regionSelection).toBeUndefined();
  });
});
