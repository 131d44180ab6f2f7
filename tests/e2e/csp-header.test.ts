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
import { DIST_DIR, serveDist } from './server';
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

      // a page framing the app (served by the test through a route on the app's own origin, so that
      // nothing but the policy can stop the frame; 'none' forbids every ancestor, same origin too)
      const framed = async (appUrl: string) => {
        const framerUrl = new URL('/framer-test.html', appUrl).href;
        await browser.context.route(framerUrl, (r) => r.fulfill({ contentType: 'text/html', body: `<iframe src="${appUrl}" width="400" height="300"></iframe>` }));
        const framer = await browser.context.newPage();
        // the framer's load event waits for its frame, rendered or refused (the control below shows
        // that by then a frame the policy allows has its document)
        await framer.goto(framerUrl, { waitUntil: 'load' });
        const inner = framer.frames().find((f) => f !== framer.mainFrame());
        const rendered = inner ? await inner.evaluate(() => document.querySelector('#root') !== null).catch(() => false) : false;
        await framer.close();
        return rendered;
      };
      // control: the same build served without the header can be framed
      const plain = await serveDist();
      try {
        assert.equal(await framed(plain.url), true, 'without the header the frame renders (the check works)');
      } finally {
        await plain.close();
      }
      assert.equal(await framed(url), false, 'with the header the app does not render inside a frame');
    } finally {
      await browser.close();
    }
  });
});
