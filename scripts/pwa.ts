/**
 * The installable, offline app (vite-plugin-pwa in generateSW mode, Workbox underneath).
 *
 * What the service worker keeps:
 * - precached at install (one visit is enough to open the app with the server gone): the app
 *   shell (index.html, every JS/CSS chunk, so lazily loaded panels and workers work offline),
 *   the plan, story and base-map data, the icons and manifest, and only the Noto Sans SC
 *   subsets that the first view's text needs (`firstViewFontFiles`), not all ~200 of them;
 * - cached as used (CacheFirst, safe because every file under assets/ has a content hash in
 *   its name): the other font subsets, met when a person zooms to a county with a rare
 *   character or types one into a search.
 *
 * Nothing off the origin is cached or even routed: the opt-in online base maps and tile layers
 * go to the network untouched, as do range requests (PMTiles reads), which a cached full
 * response would break.
 *
 * The page registers the worker itself once the first view has drawn (src/pwa/), and asks before an update
 * takes over, so no `injectRegister` and no `skipWaiting`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { VitePWAOptions } from 'vite-plugin-pwa';
import { parseFontsourceCss } from './vite-plugins.ts';
import { zh } from '../src/i18n/locales/zh.ts';
import { en } from '../src/i18n/locales/en.ts';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');

type Props = Record<string, unknown>;
const readFeatures = (file: string): Props[] =>
  (JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as { features: { properties: Props | null }[] }).features.map(
    (f) => f.properties ?? {},
  );
const stringsOf = (o: unknown): string =>
  typeof o === 'string' ? o : o && typeof o === 'object' ? Object.values(o).map(stringsOf).join('\n') : '';

/** Parse a CSS unicode-range list ("U+4E00-4E0F", "U+3001", "U+4E??") into [first, last] code points. */
export function parseUnicodeRanges(ranges: string[]): [number, number][] {
  return ranges.map((r) => {
    const [a = '', b] = r.replace(/^U\+/i, '').split('-');
    if (b === undefined) return [parseInt(a.replace(/\?/g, '0'), 16), parseInt(a.replace(/\?/g, 'F'), 16)];
    return [parseInt(a, 16), parseInt(b, 16)];
  });
}

/**
 * Subset files (fontsource names such as `noto-sans-sc-119-400-normal.woff2`) of one weight
 * whose unicode-range holds at least one character of `text`.
 */
export function subsetsFor(css: string, text: string): string[] {
  const codePoints = [...new Set([...text].map((c) => c.codePointAt(0)!))];
  return parseFontsourceCss(css)
    .filter((e) => parseUnicodeRanges(e.unicodeRange).some(([a, b]) => codePoints.some((c) => c >= a && c <= b)))
    .map((e) => e.file);
}

/** Every character written in the app's source: symbols used as icons (☰, ○) live in the TSX. */
function sourceText(): string {
  const dir = path.join(ROOT, 'src');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

/**
 * The font subsets the first view can show: regular (400) for the UI in both languages and
 * the symbols in the source, the base map's labels, the plan's names and texts and the default
 * story; bold (700) for the province labels (the one map layer that uses it, src/map/basemap/style.ts)
 * and for the page's bold text: headings, chapter titles and item names.
 */
export function firstViewFontFiles(): Set<string> {
  const pkgDir = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const css = (w: string) => readFileSync(path.join(pkgDir, `${w}.css`), 'utf8');
  const labels = readFeatures('geodata/basemap/jjj_admin_labels.geojson');
  const json = (file: string) => stringsOf(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')));
  const regular = [
    stringsOf({ zh, en }),
    sourceText(),
    json('geodata/plan/plan.json'),
    json('geodata/story/default.json'),
    ...[
      'geodata/basemap/jjj_admin_seats.geojson',
      'geodata/basemap/rivers_naturalearth.geojson',
      'geodata/basemap/rivers_ngcc4m_supplement.geojson',
      'geodata/basemap/lakes_naturalearth.geojson',
      'geodata/plan/items.geojson',
    ].flatMap(readFeatures),
    ...labels,
  ]
    .map(stringsOf)
    .join('\n');
  // Bold text comes only from the bold files: the province labels, and the page's own headings and
  // emphasis (UI strings, chapter titles, item names in the details and in a chapter's callout).
  const bold = [
    ...labels.filter((p) => p.kind === 'province'),
    { zh, en },
    JSON.parse(readFileSync(path.join(ROOT, 'geodata/story/default.json'), 'utf8')),
    ...readFeatures('geodata/plan/items.geojson').map((p) => ({ zh: p.name_zh, en: p.name_en })),
  ]
    .map(stringsOf)
    .join('\n');
  return new Set([...subsetsFor(css('400'), regular), ...subsetsFor(css('700'), bold)]);
}

/** `noto-sans-sc-119-400-normal-AbCd1234.woff2` → `noto-sans-sc-119-400-normal.woff2` */
export const unhashedFontName = (url: string): string => path.posix.basename(url).replace(/-[\w-]{8}\.woff2$/, '.woff2');

/** Both language names, for the install prompt, the home screen and the task switcher. */
const NAME_ZH = '京津冀协同发展地图 · JJJ Atlas';
const NAME_EN = 'JJJ Atlas · Beijing–Tianjin–Hebei coordinated development map';

export function pwaOptions(): Partial<VitePWAOptions> {
  const fonts = firstViewFontFiles();
  return {
    registerType: 'prompt',
    injectRegister: false,
    // The manifest links itself into index.html; icons under public/icons/.
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      id: './',
      name: NAME_ZH,
      short_name: '京津冀地图 JJJ Atlas',
      description: '北京市推进京津冀协同发展2019年工作要点地图 · ' + "Beijing's 2019 work plan for Beijing–Tianjin–Hebei coordinated development on a map",
      lang: 'zh-CN',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1f4e79',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
      // Chromium reads per-language names from `translations` (the English UI installs as "JJJ Atlas").
      ...({ translations: { en: { name: NAME_EN, short_name: 'JJJ Atlas' } } } as object),
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,json,geojson,txt,svg,png,webmanifest,woff2}'],
      // The plugin adds the manifest and its icons itself (after manifestTransforms run).
      globIgnores: ['manifest.webmanifest', 'favicon.svg', 'icons/**'],
      manifestTransforms: [
        async (entries) => ({
          manifest: entries.filter((e) => !e.url.endsWith('.woff2') || fonts.has(unhashedFontName(e.url))),
          warnings: [],
        }),
      ],
      // maplibre's chunk is ~1 MiB; nothing we ship is near 3 MiB.
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      // Hashed names: Workbox need not add a cache-busting query.
      dontCacheBustURLsMatching: /-[\w-]{8}\.\w+$/,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      runtimeCaching: [
        {
          urlPattern: ({ url, request, sameOrigin }) =>
            sameOrigin && /\/assets\/[^/]+-[\w-]{8}\.\w+$/.test(url.pathname) && !request.headers.has('range'),
          handler: 'CacheFirst',
          options: { cacheName: 'jjj-assets', expiration: { maxEntries: 400 } },
        },
      ],
    },
  };
}
