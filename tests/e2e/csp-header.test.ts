/**
 * `npm start` (vite preview with the project's config) sends the Content-Security-Policy as an
 * HTTP header on every response, workers included, with `frame-ancestors 'none'`: the app
 * still starts and imports in a worker under it, and a page on another origin cannot frame it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { launch } from './browser';
import { instrument, probe, waitForMapIdle } from './harness';
import { DIST_DIR } from './server';
import { CONTENT_SECURITY_POLICY } from '../../scripts/vite-plugins';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('CSP header (npm start)', () => {
  let server: PreviewServer;
  let url = '';
  before(async () => {
    server = await preview({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), build: { outDir: DIST_DIR }, preview: { port: 0, strictPort: false, open: false }, logLevel: 'warn' });
    url = server.resolvedUrls!.local[0]!;
  });
  after(async () => {
    await server?.close();
  });

  test('the page, its scripts and its workers come with the policy and frame-ancestors', async () => {
    const workers = readdirSync(path.join(ROOT, DIST_DIR, 'assets')).filter((f) => /worker/i.test(f) && f.endsWith('.js'));
    assert.ok(workers.length >= 2, `worker scripts in the build: ${workers.join(', ')}`);
    for (const p of ['', ...workers.map((w) => `assets/${w}`)]) {
      const res = await fetch(url + p);
      assert.equal(res.status, 200, p);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.ok(csp.startsWith(CONTENT_SECURITY_POLICY), `${p || '/'}: ${csp}`);
      assert.match(csp, /frame-ancestors 'none'/, p);
    }
  });

  test('under the header the app starts, imports in its worker, and cannot be framed', { timeout: 120_000 }, async () => {
    const browser = await launch({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      await instrument(browser.context);
      const messages: string[] = [];
      const errors: string[] = [];
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await waitForMapIdle(page);
      await page.getByRole('tab', { name: /^数据$|^Data$/ }).click();
      await page.getByTestId('import-input').setInputFiles(path.join(ROOT, 'tests/fixtures/import/valid/points.csv'));
      await page.locator('[data-testid="import-result"][data-ok="true"]').waitFor({ timeout: 30_000 });
      assert.deepEqual((await probe(page)).cspViolations, []);
      assert.deepEqual(errors, []);

      // another origin framing the app (served by the test through a route)
      await browser.context.route('http://framer.test/**', (r) => r.fulfill({ contentType: 'text/html', body: `<iframe src="${url}" width="400" height="300"></iframe>` }));
      const framer = await browser.context.newPage();
      framer.on('console', (m) => messages.push(m.text()));
      await framer.goto('http://framer.test/');
      await framer.waitForTimeout(2000);
      const inner = framer.frames().find((f) => f !== framer.mainFrame());
      const framed = inner ? await inner.evaluate(() => document.querySelector('#root') !== null).catch(() => false) : false;
      assert.equal(framed, false, 'the app does not render inside a frame of another origin');
      assert.ok(messages.some((m) => /frame-ancestors/.test(m)), `console: ${messages.join(' | ')}`);
    } finally {
      await browser.close();
    }
  });
});
