/**
 * A browser without WebGL: the page must say what is wrong instead of showing a blank map.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failedOwnResponses, openApp, probe, type AppSession } from './harness';

let app: AppSession;

describe('without WebGL', () => {
  before(async () => {
    app = await openApp({ webgl: false });
  });
  after(async () => {
    await app?.close();
  });

  test('the browser really has no WebGL2', async () => {
    const gl = await app.page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null);
    assert.equal(gl, false);
  });

  test('the page shows the failure message', async () => {
    const alert = app.page.locator('[data-testid="map-failure"]');
    await alert.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await alert.getAttribute('role'), 'alert');
    const text = await alert.innerText();
    // zh-CN is the default language (browser.ts launches with locale zh-CN)
    assert.match(text, /无法显示地图/, `failure title in: ${text}`);
    assert.match(text, /WebGL2/, `the message names WebGL2: ${text}`);
    assert.ok(await alert.isVisible());
    const box = await alert.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 30, `the message has a visible size: ${JSON.stringify(box)}`);
  });

  test('no map was started, nothing crashed, nothing left the origin', async () => {
    assert.equal(await app.page.evaluate(() => window.jjjAtlas === undefined), true, 'no map without WebGL');
    assert.deepEqual(app.pageErrors, [], 'uncaught page errors');
    assert.deepEqual(app.consoleErrors, [], 'console errors');
    assert.deepEqual((await probe(app.page)).cspViolations, [], 'CSP violations');
    assert.deepEqual(app.foreignRequests, [], 'requests to other origins');
    assert.deepEqual(failedOwnResponses(app), [], 'failed or missing files on the app origin');
  });
});
