/**
 * Serve the production build (dist/) on 127.0.0.1 with `vite preview` for the e2e tests and
 * the benchmark. The port is free-picked so parallel runs do not collide.
 */
import { preview, type PreviewServer } from 'vite';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** E2E_DIST picks another build folder, so parallel sessions can each build and test their own. */
export const DIST_DIR = process.env.E2E_DIST ?? 'dist';

/**
 * `base` serves the build under a sub-path (e.g. '/atlas/'), as a shared host would; `port`
 * pins the port, so a test can stop the server and start it again at the same origin.
 */
export async function serveDist(
  outDir = DIST_DIR,
  opts: { base?: string; port?: number } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const port = opts.port ?? (await freePort());
  const base = opts.base ?? '/';
  const server: PreviewServer = await preview({
    configFile: false,
    base,
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    logLevel: 'warn',
  });
  return { url: `http://127.0.0.1:${port}${base}`, close: () => server.close() };
}
