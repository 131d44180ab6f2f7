/**
 * Import messages in Chinese and English (issue 7): every IssueCode has a text in both
 * languages; every issue the import core gives (the broken-file corpus and one crafted input for
 * each message variant and dropped-feature reason) renders in both with nothing left
 * un-interpolated, the zh text names the same row / feature / line as the English message, and
 * every text in the tables is reached by some issue.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { importData } from '../../../../src/data/import/importData';
import { ISSUE_CODES, type ImportIssue, type ImportOptions } from '../../../../src/data/import/types';
import { resources } from '../../../support/i18nResources';
import { importIssueTexts, withImportIssueTexts } from '../../../../src/i18n/importIssues';
import { issueKey, issueText, type Translator } from '../../../../src/i18n/importIssueText';
import { swapRowsFix, swappedFeatures } from '../../../../src/i18n/importIssuesSwap';

const dir = path.resolve(import.meta.dirname, '../../../fixtures/import');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, { opts?: ImportOptions }> };
const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];

const missing: string[] = [];
const tr = {} as Record<Lang, Translator>;

beforeAll(async () => {
  const inst = i18next.createInstance();
  await inst.init({
    resources: withImportIssueTexts(resources),
    lng: 'zh',
    // no fallback: a text missing in one language must fail here, not show the other language
    fallbackLng: false,
    interpolation: { escapeValue: false },
    missingInterpolationHandler: (text: string, match: RegExpExecArray) => {
      missing.push(`${match[0]} in "${text}"`);
      return match[0];
    },
  });
  for (const lng of LANGS) {
    const t = inst.getFixedT(lng) as unknown as Translator['t']; // keys built at run time
    tr[lng] = { t: (key, options) => t(key, options), exists: (key, options) => inst.exists(key, { ...options, lng }) };
  }
});

const enc = (s: string) => new TextEncoder().encode(s);
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (coordinates: unknown, properties: unknown = {}) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });
const geom = (geometry: unknown) => ({ type: 'Feature', geometry, properties: {} });
const PK = '\u0050\u004b\u0003\u0004';
const binary = new Uint8Array([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 0, 0, 0, 0, 0, 0]);
const deep = (n: number): unknown => (n === 0 ? { type: 'Point', coordinates: [116, 39] } : { type: 'GeometryCollection', geometries: [deep(n - 1)] });

/** One input for each message variant and each reason a feature is dropped. */
const CRAFTED: { name: string; content: string | Uint8Array; opts?: ImportOptions }[] = [
  { name: 'empty.geojson', content: '' },
  { name: 'zero.geojson', content: '', opts: { format: 'geojson' } },
  { name: 'blank.geojson', content: '   \n ', opts: { format: 'geojson' } },
  { name: 'norows.csv', content: ',,\n,,\n', opts: { format: 'csv' } },
  { name: 'a.kmz', content: PK + 'rest of the zip' },
  { name: 'a.shp', content: binary },
  { name: 'a.zip', content: PK + 'rest' },
  { name: 'a.xlsx', content: PK + 'rest' },
  { name: 'a.topojson', content: 'not json at all' },
  { name: 'a.pmtiles', content: binary },
  { name: 'topo.json', content: '{"type":"Topology","objects":{}}' },
  { name: 'a.xyz', content: 'hello world' },
  { name: 'README', content: 'hello world' },
  { name: 'xml.csv', content: '<?xml version="1.0"?><foo/>' },
  { name: 'kml.json', content: '<?xml version="1.0"?><kml><Document><Placemark><Point><coordinates>116.4,39.9</coordinates></Point></Placemark></Document></kml>' },
  { name: 'csv.geojson', content: 'a,b\n1,2' },
  { name: 'text.kml', content: 'hello world' },
  { name: 'fc.dat', content: fc([pt([116.4, 39.9])]) },
  { name: 'page.geojson', content: '<!doctype html><html><body>404</body></html>' },
  { name: 'page.txt', content: '<html><body>404</body></html>' },
  { name: 'a.bin', content: binary },
  { name: 'a.dat', content: PK + 'rest' },
  { name: 'bytes.csv', content: new Uint8Array([...enc('lon,lat\n'), ...new Array<number>(200).fill(0xff)]) },
  { name: 'syntax.geojson', content: '{"type": "FeatureCollection",\n "features": [x]}' },
  { name: 'cut.geojson', content: '{"type":"FeatureCollection","features":[{"type":"Feature",' },
  { name: 'nan.geojson', content: `{"type":"FeatureCollection","features":[${JSON.stringify(pt([116.4, 39.9]))},{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,39]},"properties":{}}]}` },
  { name: 'nans.geojson', content: '{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,Infinity]},"properties":{}}' },
  { name: 'number.geojson', content: '42', opts: { format: 'geojson' } },
  { name: 'features.geojson', content: '{"type":"FeatureCollection","features":{}}' },
  { name: 'top.geojson', content: '{"type":"Map","layers":[]}' },
  { name: 'root.kml', content: '<?xml version="1.0"?><foo/>', opts: { format: 'kml' } },
  { name: 'bad.kml', content: '<kml><Document><Placemark></Document></kml>' },
  { name: 'unclosed.kml', content: '<?xml version="1.0"?>\n<kml>\n<Document>' },
  { name: 'nothing.geojson', content: fc([]) },
  { name: 'header.csv', content: 'lon,lat,name\n' },
  { name: 'none.gpx', content: '<?xml version="1.0"?><gpx version="1.1"></gpx>' },
  { name: 'none.kml', content: '<?xml version="1.0"?><kml><Document></Document></kml>' },
  { name: 'nocoords.csv', content: 'name,value\nx,1\n' },
  { name: 'wktcol.csv', content: 'name,wkt\nx,POINT(116 39)\n', opts: { wktColumn: 'geometry' } },
  { name: 'loncol.csv', content: 'name,lon,lat\nx,116,39\n', opts: { lonColumn: 'lng', latColumn: 'lat' } },
  { name: 'latcol.csv', content: 'name,lon,lat\nx,116,39\n', opts: { lonColumn: 'lon', latColumn: 'y' } },
  { name: 'onecol.csv', content: 'name,lon,lat\nx,116,39\n', opts: { lonColumn: 'lon' } },
  { name: 'swapped.geojson', content: fc([pt([39.9, 116.4])]) },
  { name: 'swapped.csv', content: 'lon,lat\n39.9,116.4\n' },
  { name: 'bare.geojson', content: JSON.stringify({ type: 'LineString', coordinates: [[116, 39], [117, 40]] }) },
  { name: 'gcj.geojson', content: fc([pt([116.4, 39.9])]), opts: { crs: 'gcj02' } },
  { name: 'crs.geojson', content: JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, features: [pt([116.4, 39.9])] }) },
  {
    // every geometry reason, the properties that are not objects, a ring closed (and more than 10 dropped)
    name: 'mix.geojson',
    content: fc([
      pt([116.4, 39.9]),
      pt('x'),
      pt([1]),
      pt(['116', 39]),
      pt([true, 39]),
      pt([null, 39]),
      pt([1e6, 39]),
      pt([200, 39]),
      pt([116, 95]),
      geom({ type: 'LineString', coordinates: 'x' }),
      geom({ type: 'Polygon', coordinates: ['x'] }),
      geom({ type: 'Polygon', coordinates: 5 }),
      geom({ type: 'MultiPoint', coordinates: 5 }),
      geom({ type: 'GeometryCollection', geometries: 5 }),
      geom({ type: 'LineString', coordinates: [[116, 39]] }),
      geom({ type: 'LineString', coordinates: [[116, 39], [116.5, 39.5], [117, 40]] }),
      geom({ type: 'Polygon', coordinates: [[[116, 39], [117, 39]]] }),
      geom({ type: 'Polygon', coordinates: [[[116, 39], [117, 39], [116, 39]]] }),
      geom({ type: 'Polygon', coordinates: [] }),
      geom({ type: 'Polygon', coordinates: [[[116, 39], [117, 39], [117, 40]]] }),
      geom(null),
      geom('x'),
      geom({ type: 'Circle', coordinates: [116, 39] }),
      geom({ type: 'MultiPoint', coordinates: [] }),
      geom(deep(7)),
      5,
      null,
      { type: 'Foo' },
      { type: 'Feature', properties: {} },
      pt([116.1, 39.1], [1, 2]),
      pt([116.2, 39.2], 'text'),
      pt([116.3, 39.3], 7),
      pt([116.4, 39.4], true),
    ]),
  },
  { name: 'wide.csv', content: Array.from({ length: 5001 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(5000) + '1\n' },
  { name: 'longheader.csv', content: 'lon,' + 'x'.repeat(1001) + '\n116,39\n' },
  { name: 'nested.geojson', content: '['.repeat(100) + ']'.repeat(100) },
  { name: 'rows.csv', content: 'lon,lat,name\n116,39,a\n116,39,a,b\n,39,c\nabc,39,d\nNaN,39,e\n116,NaN,f\n' },
  { name: 'wkt.csv', content: 'name,wkt\na,POINT(116 39)\nb,\nc,POINT(abc)\n' },
  { name: 'quote.csv', content: 'lon,lat,name\n116,39,"abc\n117,40,x\n' },
  {
    name: 'placemarks.kml',
    content:
      '<?xml version="1.0"?><kml><Document><Placemark><name>ok</name><Point><coordinates>116.4,39.9</coordinates></Point></Placemark><Placemark><name>bad</name></Placemark><Placemark></Placemark></Document></kml>',
  },
  // UTF-8 rows and GBK rows in one file (天津 in GBK on line 3)
  { name: 'mixed.csv', content: new Uint8Array([...new TextEncoder().encode('名称,lon,lat\n北京,116.4,39.9\n'), 0xcc, 0xec, 0xbd, 0xf2, 0x2c, 0x31, 0x31, 0x37, 0x2c, 0x33, 0x39, 0x0a]) },
  // GBK rows with two bytes valid in neither encoding (lines 2 and 3)
  { name: 'undecodable.csv', content: new Uint8Array([...new TextEncoder().encode('name,lon,lat\n'), 0xcc, 0xec, 0xff, 0x2c, 0x31, 0x2c, 0x32, 0x0a, 0xcc, 0xec, 0xff, 0x2c, 0x31, 0x2c, 0x32, 0x0a]) },
];

/** Issues the importer makes outside importData (client, worker, controller) and those no file reaches. */
const BY_HAND: ImportIssue[] = [
  { code: 'cancelled', message: 'Import of "big.geojson" cancelled.', params: { file: 'big.geojson' } },
  // a layer of 200,000+ vertices: crafting one here would cost seconds (tests/unit/data/import/displayGeometry.test.ts imports one)
  { code: 'display-simplified', message: '"big.geojson" has 1000001 vertices, more than the map draws at once (200000): the map shows its lines and outlines simplified to 5000 vertices; region numbers, details and exports use the exact geometry.', params: { file: 'big.geojson', vertices: 1000001, shown: 5000, budget: 200000 } },
  { code: 'too-large', message: 'The file is too large.' },
  { code: 'too-large', message: '"a.json" is too complex.', params: { variant: 'structure', file: 'a.json' } },
  { code: 'too-large', message: 'The data of "a.json" is too complex.', params: { variant: 'transfer', file: 'a.json' } },
  { code: 'internal', message: 'The import went wrong: x', params: { detail: 'x' } },
  { code: 'internal', message: 'Unexpected error while importing "a.csv": x', params: { variant: 'unexpected', file: 'a.csv', detail: 'x' } },
  { code: 'internal', message: 'The import worker failed: x', params: { variant: 'worker', detail: 'x' } },
  { code: 'internal', message: 'Could not start the import worker: x', params: { variant: 'worker-start', detail: 'x' } },
  { code: 'internal', message: 'The import failed: x', params: { variant: 'failed', detail: 'x' } },
  { code: 'internal', message: 'The importer could not load: x', params: { variant: 'load', detail: 'x' } },
  { code: 'json-syntax', message: 'The JSON in "a.json" is not valid: x', params: { variant: 'nowhere', file: 'a.json', detail: 'x' } },
  { code: 'xml-syntax', message: 'The KML in "a.kml" is not well-formed XML: x', params: { variant: 'nowhere', file: 'a.kml', format: 'KML', detail: 'x' } },
  { code: 'wrong-type', message: '"a.json" is not GeoJSON.', params: { file: 'a.json' } },
  { code: 'no-features', message: 'The file holds no features.' },
  { code: 'format-mismatch', message: 'The name of "a" does not match.', params: { file: 'a' } },
  { code: 'column-not-found', message: 'The column "x" is not in the file; its columns are: "a".', params: { column: 'x', columnList: '"a"' } },
  { code: 'properties-invalid', message: '#1: properties is a bigint', featureIndex: 0 },
  { code: 'unsupported-format', message: 'The file "a" is not a format JJJ Atlas can import.', params: { file: 'a' } },
  {
    // papaparse (header: false) reports no field counts today; the reason is there if it does
    code: 'feature-invalid',
    message: 'row 3: 4 fields, the header has 3 (Too many fields)',
    row: 3,
    featureIndex: 1,
    params: { reason: '4 fields, the header has 3 (Too many fields)', reasonCode: 'field-count', fields: 4, expected: 3, detail: 'Too many fields' },
  },
];

function issuesOf(name: string, content: string | Uint8Array, opts?: ImportOptions): ImportIssue[] {
  const r = importData(typeof content === 'string' ? enc(content) : content, name, opts);
  return r.ok ? r.warnings : [r.error, ...r.warnings];
}

function corpusIssues(): { source: string; issue: ImportIssue }[] {
  const out: { source: string; issue: ImportIssue }[] = [];
  for (const sub of ['broken', 'valid']) {
    for (const f of readdirSync(path.join(dir, sub))) {
      const file = `${sub}/${f}`;
      for (const issue of issuesOf(f, new Uint8Array(readFileSync(path.join(dir, file))), manifest.files[file]?.opts)) out.push({ source: file, issue });
    }
  }
  return out;
}

function all(list: { source: string; issue: ImportIssue }[]): { source: string; issue: ImportIssue }[] {
  return list.flatMap((x) => [x, ...(x.issue.details ?? []).map((d) => ({ source: `${x.source} (detail)`, issue: d }))]);
}

/** Where the English message says row n / #n / line l, column c, the zh text must say it too. */
function placesIn(english: string): { en: string; zh: string }[] {
  const out: { en: string; zh: string }[] = [];
  for (const m of english.matchAll(/\b[Rr]ow (\d+)/g)) out.push({ en: m[0], zh: `第 ${m[1]} 行` });
  for (const m of english.matchAll(/#(\d+)/g)) out.push({ en: m[0], zh: `#${m[1]}` });
  for (const m of english.matchAll(/line (\d+), column (\d+)/g)) out.push({ en: m[0], zh: `第 ${m[1]} 行第 ${m[2]} 列` });
  return out;
}

function checkRendered(source: string, issue: ImportIssue): void {
  const before = missing.length;
  const zh = issueText(issue, tr.zh);
  const en = issueText(issue, tr.en);
  const label = `${source}: ${issue.code} ${JSON.stringify(issue.params ?? {})}`;
  expect(missing.slice(before), label).toEqual([]);
  for (const [lng, text] of [
    ['zh', zh],
    ['en', en],
  ] as const) {
    expect(tr[lng].exists(issueKey(issue), { count: issue.params?.count ?? 2 }), `${label}: ${lng} text for ${issueKey(issue)}`).toBe(true);
    expect(text.trim(), label).not.toBe('');
    expect(text, label).not.toMatch(/\{\{|\}\}|data\.issue/);
  }
  // the Chinese text is Chinese (not the English message as a fallback)
  expect(zh, label).toMatch(/[\u4e00-\u9fff]/);
  for (const p of placesIn(issue.message)) {
    expect(zh, `${label}: zh names ${p.en} as ${p.zh}`).toContain(p.zh);
    expect(en, `${label}: en names ${p.en}`).toContain(p.en.replace(/^Row/, 'row').replace(/^row/, en.includes('Row') ? 'Row' : 'row'));
  }
}

describe('import messages in Chinese and English', () => {
  it('every IssueCode has a text in both languages, and both languages have the same texts with the same placeholders', () => {
    for (const lng of LANGS) {
      for (const code of ISSUE_CODES) {
        expect(tr[lng].exists(`data.issues.${code}`, { count: 2 }), `${lng}: data.issues.${code}`).toBe(true);
      }
    }
    const strip = (k: string) => k.replace(/_(one|other)$/, '');
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const table of ['issues', 'issueReasons', 'issueWords'] as const) {
      const zh = importIssueTexts.zh[table];
      const en = importIssueTexts.en[table];
      expect([...new Set(Object.keys(zh).map(strip))].sort(), table).toEqual([...new Set(Object.keys(en).map(strip))].sort());
      for (const [k, text] of Object.entries(en)) {
        const z = zh[k] ?? zh[strip(k)]!;
        expect([...new Set(vars(z))], `${table}.${k}`).toEqual([...new Set(vars(text))]);
      }
    }
  });

  it('every code interpolates in both languages with nothing left over', () => {
    for (const issue of BY_HAND) checkRendered('by hand', issue);
  });

  it('the broken-file corpus: every issue renders in zh, naming the row / feature the English names', () => {
    const list = all(corpusIssues());
    expect(list.length).toBeGreaterThan(30);
    for (const { source, issue } of list) checkRendered(source, issue);
  });

  it('crafted inputs: every variant and reason renders in both languages; every text is reached', () => {
    const list = all(CRAFTED.flatMap((c) => issuesOf(c.name, c.content, c.opts).map((issue) => ({ source: c.name, issue }))));
    for (const { source, issue } of list) checkRendered(source, issue);
    const reached = new Set<string>();
    for (const { issue } of [...list, ...all(corpusIssues()), ...BY_HAND.map((issue) => ({ source: '', issue }))]) {
      reached.add(issueKey(issue).replace('data.issues.', ''));
      // a summary over listed rows has a counts-only text too (issueText's `listed`)
      if ((issue.details?.length ?? 0) > 0) reached.add(`${issue.code}_listed`);
      if (typeof issue.params?.reasonCode === 'string') reached.add(`reason:${issue.params.reasonCode}`);
    }
    const strip = (k: string) => k.replace(/_(one|other)$/, '');
    const texts = [...new Set([...Object.keys(importIssueTexts.en.issues).map(strip), ...Object.keys(importIssueTexts.en.issueReasons).map((k) => `reason:${strip(k)}`)])];
    expect(texts.filter((k) => !reached.has(k)), 'texts no issue reaches').toEqual([]);
    expect([...reached].filter((k) => !texts.includes(k)), 'issues without a text').toEqual([]);
  });

  it('a dropped feature reads the same in zh: where, then why', () => {
    const [w] = issuesOf('rows.csv', 'lon,lat,name\n116,39,a\nabc,39,d\n');
    expect(w?.code).toBe('features-dropped');
    expect(issueText(w!, tr.zh)).toBe('保留 1 / 2 个要素；舍弃 1 个：第 3 行（经度“abc”不是数字）。');
    expect(issueText(w!, tr.en)).toBe('Kept 1 of 2 features; 1 dropped: row 3 (longitude "abc" is not a number).');
    expect(issueText(w!.details![0]!, tr.zh)).toBe('第 3 行：经度“abc”不是数字');
  });

  it('with the rows listed under it, the summary says the counts only: each dropped row is told once', () => {
    const [w] = issuesOf('rows.csv', 'lon,lat,name\n116,39,a\nabc,39,d\n');
    expect(issueText(w!, tr.zh, { listed: true })).toBe('保留 1 / 2 个要素；舍弃 1 个，原因逐条列在下面。');
    expect(issueText(w!, tr.en, { listed: true })).toBe('Kept 1 of 2 features; 1 dropped, each listed below with its reason.');
    expect(issueText(w!, tr.zh, { listed: true })).not.toContain('第 3 行');
  });

  it('a swapped row in a mostly good CSV: dropped as latitude out of range, and the fix swaps that row only', () => {
    const csv = 'lon,lat,name\n116.40,39.90,a\n117.20,39.13,b\n39.04,115.47,swapped\n115.48,38.87,c\n';
    const [w] = issuesOf('mostly.csv', csv);
    expect(w?.code).toBe('features-dropped');
    expect(issueText(w!.details![0]!, tr.zh)).toBe('第 4 行：纬度 115.47 超出 −90…90 的范围');
    const fix = swapRowsFix(w!.details!, {});
    expect(fix).toEqual({ swapFeatures: [2] });
    const again = importData(new TextEncoder().encode(csv), 'mostly.csv', fix!);
    expect(again.ok && again.layer.features.map((f) => [f.properties.name, f.geometry])).toEqual([
      ['a', { type: 'Point', coordinates: [116.4, 39.9] }],
      ['b', { type: 'Point', coordinates: [117.2, 39.13] }],
      ['swapped', { type: 'Point', coordinates: [115.47, 39.04] }],
      ['c', { type: 'Point', coordinates: [115.48, 38.87] }],
    ]);
    expect(again.warnings).toEqual([]);
  });

  it('no swap fix for rows dropped for other reasons, or beyond any longitude', () => {
    const [w] = issuesOf('rows.csv', 'lon,lat\n116,39\nabc,39\n10,500\n');
    expect(swappedFeatures(w!.details!)).toEqual([]);
    expect(swapRowsFix(w!.details!, {})).toBeNull();
  });

  it('markup in a file name or a value stays text', () => {
    const [w] = issuesOf('<img src=x onerror=alert(1)>.csv', 'lon,lat\n116,39\n<b>x</b>,39\n');
    expect(issueText(w!, tr.zh)).toContain('经度“<b>x</b>”不是数字');
  });
});
