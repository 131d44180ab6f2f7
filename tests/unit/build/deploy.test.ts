/**
 * The static-hosting recipe (deploy/) is a file people copy: check it still says what the
 * README promises, without needing a web server in CI (it was run by hand with Caddy 2.6).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../scripts/vite-plugins';
import { precompress } from '../../../scripts/precompress';

const caddyfile = readFileSync('deploy/Caddyfile', 'utf8');
/** Caddyfile lines without comments. */
const directives = caddyfile
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

function matcherRegex(name: string): RegExp {
  const line = directives.find((l) => l.startsWith(`@${name} path_regexp `) || l.startsWith(`@${name} not path_regexp `));
  expect(line, `@${name} matcher`).toBeDefined();
  return new RegExp(line!.replace(/^@\S+ (not )?path_regexp /, ''));
}

describe('deploy/Caddyfile', () => {
  it('sends the same Content-Security-Policy as the built index.html, as a header', () => {
    expect(directives).toContain(`header Content-Security-Policy "${CONTENT_SECURITY_POLICY}"`);
  });

  it('caches hashed assets for a year and makes everything else revalidate', () => {
    const hashed = matcherRegex('hashed');
    const unhashed = matcherRegex('unhashed');
    expect(hashed.source).toBe(unhashed.source);
    expect(directives.some((l) => l.includes('not path_regexp'))).toBe(true);
    expect(directives).toContain('header @hashed Cache-Control "public, max-age=31536000, immutable"');
    expect(directives).toContain('header @unhashed Cache-Control "no-cache"');
    for (const p of ['/assets/index-BQCKpzuw.js', '/assets/noto-sans-sc-45-700-normal-DUqJO8E-.woff2', '/assets/jjj_counties-B8iN3qbR.geojson', '/workbox-dcde9eb3.js']) {
      expect(hashed.test(p), p).toBe(true);
    }
    for (const p of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png']) {
      expect(hashed.test(p), p).toBe(false);
    }
  });

  it('serves precompressed br/gzip files, compresses the rest, and lets PMTiles ranges through', () => {
    expect(caddyfile).toMatch(/file_server \{\s*precompressed br gzip\s*\}/);
    expect(directives).toContain('encode zstd gzip');
    // encode's default types leave application/vnd.pmtiles alone, so Range reads exact bytes.
    expect(directives).toContain('header @pmtiles Content-Type application/vnd.pmtiles');
  });

  it('is what the container image runs', () => {
    const docker = readFileSync('deploy/Dockerfile', 'utf8');
    expect(docker).toMatch(/^FROM caddy:2-alpine$/m);
    expect(docker).toContain('COPY deploy/Caddyfile /etc/caddy/Caddyfile');
    expect(docker).toContain('npm run build:deploy');
  });
});

describe('precompress', () => {
  it('writes .br and .gz copies of text files that decompress to the original, and skips fonts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jjj-precompress-'));
    try {
      const js = 'export const x = ' + JSON.stringify('京津冀'.repeat(2000)) + ';\n';
      writeFileSync(path.join(dir, 'a.js'), js);
      writeFileSync(path.join(dir, 'f.woff2'), Buffer.alloc(4096, 1));
      writeFileSync(path.join(dir, 'tiny.css'), 'a{}');
      const r = precompress(dir);
      expect(r.files).toBe(1);
      expect(brotliDecompressSync(readFileSync(path.join(dir, 'a.js.br'))).toString()).toBe(js);
      expect(gunzipSync(readFileSync(path.join(dir, 'a.js.gz'))).toString()).toBe(js);
      expect(existsSync(path.join(dir, 'f.woff2.br'))).toBe(false);
      expect(existsSync(path.join(dir, 'tiny.css.br'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
