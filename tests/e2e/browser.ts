/**
 * Headless Chromium for the e2e tests and the benchmark: Debian's Chromium driven by
 * playwright-core (no browser download). Found at $CHROMIUM_PATH or /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (Debian: `apt-get install -y chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export interface LaunchOptions {
  webgl?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  locale?: string;
  extraArgs?: string[];
  /** Open this profile folder and keep it on close, so a later launch is the same browser
   * coming back (service worker, caches, IndexedDB); the caller removes it. */
  profileDir?: string;
  /** 'reduce' unless a test is about the camera's flights: the app honours reduced motion by
   * jumping instead of flying, and on SwiftShader every animated frame costs ~0.5 s of CPU, so
   * a 2 s flight is several slow frames the test does not look at. */
  reducedMotion?: 'reduce' | 'no-preference';
}

/** A fresh browser profile each time (a persistent context in a temp dir; see STACK.md). */
export async function launch(opts: LaunchOptions = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = opts.profileDir ?? mkdtempSync(path.join(tmpdir(), 'jjj-chromium-'));
  const args = [...CHROMIUM_ARGS, ...(opts.extraArgs ?? [])];
  if (opts.webgl === false) args.push('--disable-webgl', '--disable-webgl2', '--disable-3d-apis');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    locale: opts.locale ?? 'zh-CN',
    reducedMotion: opts.reducedMotion ?? 'reduce',
  });
  return {
    context,
    close: async () => {
      await context.close();
      if (!opts.profileDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
