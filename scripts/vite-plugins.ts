/**
 * Build-time helpers for Vite.
 *
 * - `fontFacesPlugin`: a virtual module `virtual:font-faces` that lists the Noto Sans SC
 *   unicode-range subsets shipped by @fontsource/noto-sans-sc as MapLibre `font-faces`
 *   entries. Each woff2 file is imported with `?url`, so Vite emits it as a hashed asset
 *   served from the app's own origin and MapLibre fetches only the subsets that the
 *   visible labels need. The list is generated here, at build time, so none of the CSS
 *   text ends up in the JavaScript bundle (see ../shared/notes/STACK.md).
 * - `cspPlugin`: writes a Content-Security-Policy meta tag into the built index.html
 *   (not in dev, where Vite's HMR client needs inline script).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

export interface FontFaceEntry {
  file: string;
  unicodeRange: string[];
}

/** Parse a fontsource CSS file into (woff2 file name, unicode ranges) pairs. */
export function parseFontsourceCss(css: string): FontFaceEntry[] {
  const out: FontFaceEntry[] = [];
  const blockRe = /@font-face\s*{([^}]*)}/g;
  for (const m of css.matchAll(blockRe)) {
    const body = m[1] ?? '';
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!file) continue;
    out.push({
      file,
      unicodeRange: range ? range.split(',').map((r) => r.trim().toUpperCase().replace(/^U\+/, 'U+')) : ['U+0-10FFFF'],
    });
  }
  return out;
}

const FONT_WEIGHTS: Record<string, string> = {
  'Noto Sans SC Regular': '400',
  'Noto Sans SC Bold': '700',
};

export function fontFacesPlugin(): Plugin {
  const id = 'virtual:font-faces';
  const resolved = '\0' + id;
  return {
    name: 'jjj-font-faces',
    resolveId(source) {
      return source === id ? resolved : null;
    },
    load(loadId) {
      if (loadId !== resolved) return null;
      const pkgDir = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
      const imports: string[] = [];
      const faces: string[] = [];
      // Both weights cut the same subsets: each range list is written once and shared, else the
      // ~75 KB of CJK ranges appear twice, too far apart for gzip's 32 KB window to fold them.
      const ranges = new Map<string, string>();
      let n = 0;
      for (const [fontName, weight] of Object.entries(FONT_WEIGHTS)) {
        const css = readFileSync(path.join(pkgDir, `${weight}.css`), 'utf8');
        const entries = parseFontsourceCss(css).map((e) => {
          const v = `f${n++}`;
          imports.push(`import ${v} from '@fontsource/noto-sans-sc/files/${e.file}?url';`);
          const key = JSON.stringify(e.unicodeRange);
          if (!ranges.has(key)) ranges.set(key, `r${ranges.size}`);
          return `{ url: ${v}, 'unicode-range': ${ranges.get(key)} }`;
        });
        faces.push(`${JSON.stringify(fontName)}: [${entries.join(',\n')}]`);
      }
      const rangeDecls = [...ranges].map(([list, name]) => `const ${name} = ${list};`);
      return `${imports.join('\n')}\n${rangeDecls.join('\n')}\nconst fontFaces = {\n${faces.join(',\n')}\n};\nexport default fontFaces;\n`;
    },
  };
}

/**
 * The UI's copy of the Noto Sans SC CSS, without the woff fallbacks: every browser that runs
 * maplibre 6 (WebGL2) reads woff2. Halves the render-blocking CSS and the emitted files.
 */
export function woff2OnlyFontCssPlugin(): Plugin {
  return {
    name: 'jjj-woff2-only-font-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/]noto-sans-sc[\\/]\d{3}\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''), map: null };
    },
  };
}

/**
 * The policy for the static app: scripts, styles, fonts and workers only from its own origin,
 * nothing inline, no eval. `connect-src` and `img-src` also allow https: — deliberately, for
 * the opt-in online base maps (issue 7: OpenStreetMap, Tianditu, AMap, any MapLibre style URL the
 * person enters, with its tiles, glyphs and sprites). The app itself requests nothing off its
 * origin unless the person picks an online base map (the e2e tests check that no foreign request
 * is made by default). A deployment that never wants online base maps can drop the two `https:`
 * here; the switcher then fails over to the embedded map with a notice.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The same policy as an HTTP header, where it binds more: a header also covers the workers'
 * own scripts (a meta tag in index.html reaches only the page) and can forbid framing
 * (`frame-ancestors`, which a meta tag cannot set). `npm start` (vite preview) sends it; a host
 * should send it too (README, "Hosting"). The meta tag stays for static hosting without headers.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Headers for every response of the built app. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function cspPlugin(policy = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'jjj-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  };
}
