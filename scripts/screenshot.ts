/**
 * Take a screenshot of the production build: `npx tsx scripts/screenshot.ts [out.png] [hash] [lang] [w] [h]`.
 * For looking at the map while working on it (the e2e run makes the README's screenshot).
 */
import { launch } from '../tests/e2e/browser';
import { serveDist } from '../tests/e2e/server';

const [out = '/tmp/jjj.png', hash = '', lang = 'zh-CN', w = '1280', h = '800'] = process.argv.slice(2);
const server = await serveDist();
const { context, close } = await launch({ locale: lang, viewport: { width: Number(w), height: Number(h) } });
const page = await context.newPage();
page.on('console', (m) => console.log('[console]', m.type(), m.text()));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
const t0 = Date.now();
await page.goto(server.url + hash);
await page.waitForFunction(() => window.jjjAtlas?.map.loaded() && window.jjjAtlas.map.areTilesLoaded(), null, { timeout: 60000 }).catch((e) => console.log('wait failed', e.message));
await page.waitForTimeout(1500);
console.log('ready after', Date.now() - t0, 'ms');
await page.screenshot({ path: out });
await close();
await server.close();
console.log('wrote', out);
