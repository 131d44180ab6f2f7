/**
 * Bench: the size of "Save as HTML". The viewer template (dist/atlas-viewer.html, the code every
 * saved file carries) and a saved default map (the app as it opens, saved from the Data tab in
 * headless Chromium), with what its state is made of. Raw is what the file weighs on disk or as a
 * mail attachment; gzip is what a web server would send.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../../tests/e2e/browser';
import { serveDist } from '../../tests/e2e/server';
import { SAVED_MAP_ELEMENT_ID, type SavedMap } from '../../src/model/savedMap';
import { kib, type BenchModule } from './types';

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
const size = (s: string) => Buffer.byteLength(s, 'utf8');

async function saveDefaultMap(root: string): Promise<string> {
  const server = await serveDist(path.join(root, 'dist'));
  const browser = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.jjjAtlas?.overlay != null, null, { timeout: 60_000 });
    await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('save-html').click()]);
    const file = await download.path();
    return readFileSync(file, 'utf8');
  } finally {
    await browser.close();
    await server.close();
  }
}

export const savedHtml: BenchModule = {
  name: 'saved-html',
  description: 'size of the viewer template and of the default map saved as one HTML file',
  run: async ({ root }) => {
    const template = readFileSync(path.join(root, 'dist/atlas-viewer.html'), 'utf8');
    const html = await saveDefaultMap(root);
    const json = new RegExp(`id="${SAVED_MAP_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html)?.[1] ?? 'null';
    const state = JSON.parse(json) as SavedMap;
    const part = (v: unknown) => JSON.stringify(v);
    const fonts = part(state.fonts);
    const basemap = part(state.basemapData);
    const plan = part([state.items, state.links, state.visible]);
    const story = part(state.story);
    const users = part([state.userLayers, state.drawnAreas]);
    const row = (name: string, s: string) => [name, kib(size(s)), kib(gz(s))];
    return {
      tables: [
        {
          title: 'Save as HTML (production build)',
          headers: ['part', 'raw KiB', 'gzip KiB'],
          rows: [
            row('viewer template (code and styles)', template),
            row(`font subsets (${state.fonts.length}, as data: URLs)`, fonts),
            row('base-map data', basemap),
            row('plan items and links', plan),
            row('story', story),
            row('user layers and drawn areas', users),
            row('saved default map, whole file', html),
          ],
          notes: [`the default map saved as one HTML file: ${(size(html) / 1024 / 1024).toFixed(2)} MiB (${(gz(html) / 1024 / 1024).toFixed(2)} MiB gzip)`],
        },
      ],
      targets: [],
    };
  },
};
