/**
 * The template of "Save as HTML": the read-only viewer (src/viewer/main.ts) built as ONE script
 * and ONE stylesheet and written inline into one HTML file, dist/atlas-viewer.html, which the app
 * fetches when the person saves a map and fills with the map's state (src/model/savedMap.ts).
 *
 * Why a second build rather than a second entry of the app's: the saved file opens from disk
 * (file://), where module scripts, chunks and `new Worker(url)` cannot load anything. So the
 * viewer is bundled on its own as a classic script with every dynamic import inlined, and
 * MapLibre's worker travels inside it as text that becomes a blob: URL at run time.
 *
 * The file carries its own Content-Security-Policy: the script and the stylesheet by their
 * sha256 hashes (nothing else may run), workers from blob: and data: (MapLibre's choice on file://), fonts and images from data:/blob:,
 * and no network at all (no connect-src beyond data:/blob:, no default-src).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { SAVED_MAP_ELEMENT_ID, SAVED_MAP_SLOT } from '../src/model/savedMap.ts';

export const VIEWER_TEMPLATE_FILE = 'atlas-viewer.html';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Inline script text cannot contain `</script`; inside JS strings and regexes `<\/` means the same. */
function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function viewerHtml(js: string, css: string): string {
  const script = scriptSafe(js);
  const style = css.replace(/<\/(style)/gi, '<\\/$1');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    // MapLibre starts its worker from a data: URL on a file:// page (an opaque origin), from blob: elsewhere
    'worker-src blob: data:',
    'font-src data:',
    'img-src data: blob:',
    'connect-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="JJJ Atlas">
<title>JJJ Atlas</title>
<style>${style}</style>
</head>
<body>
<noscript>京津冀协同发展地图需要 JavaScript。JJJ Atlas needs JavaScript.</noscript>
<script type="application/json" id="${SAVED_MAP_ELEMENT_ID}">${SAVED_MAP_SLOT}</script>
<script>${script}</script>
</body>
</html>
`;
}

export function viewerTemplatePlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'jjj-viewer-template',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle() {
      const out = await build({
        configFile: false,
        root,
        logLevel: 'warn',
        base: './',
        build: {
          write: false,
          target: 'es2022',
          sourcemap: false,
          cssCodeSplit: false,
          assetsInlineLimit: 0,
          chunkSizeWarningLimit: 5000,
          rolldownOptions: {
            input: path.join(root, 'src/viewer/main.ts'),
            output: { format: 'iife', codeSplitting: false },
          },
        },
      });
      const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
      let js = '';
      let css = '';
      for (const file of outputs) {
        if (file.type === 'chunk') js += file.code;
        else if (file.fileName.endsWith('.css')) css += typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        else this.error(`the viewer template cannot inline ${file.fileName}`);
      }
      this.emitFile({ type: 'asset', fileName: VIEWER_TEMPLATE_FILE, source: viewerHtml(js, css) });
    },
  };
}
