/**
 * Render the app's install icons (public/icons/*.png) from public/favicon.svg with the e2e
 * Chromium: home screens and install prompts want PNGs at 192 and 512 px, and a "maskable"
 * one whose mark sits inside the middle 80 % so a round or squircle crop keeps all of it.
 * Run once after changing the SVG: `npx tsx scripts/build-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/e2e/browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(ROOT, 'public/favicon.svg'), 'utf8');
const out = path.join(ROOT, 'public/icons');
mkdirSync(out, { recursive: true });

const browser = await launch({ viewport: { width: 512, height: 512 } });
try {
  const page = await browser.context.newPage();
  const shots: [string, number, boolean][] = [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
  ];
  for (const [name, size, maskable] of shots) {
    await page.setViewportSize({ width: size, height: size });
    const mark = maskable ? size * 0.7 : size;
    // the maskable icon: the mark's own background colour to the edges, the mark inside the safe zone
    await page.setContent(
      `<body style="margin:0;background:${maskable ? '#1f4e79' : 'transparent'};display:grid;place-items:center;height:${size}px">` +
        svg.replace('<svg ', `<svg width="${mark}" height="${mark}" `) +
        '</body>',
    );
    await page.screenshot({ path: path.join(out, name), omitBackground: !maskable });
  }
} finally {
  await browser.close();
}
