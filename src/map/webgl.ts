/**
 * Whether WebGL2 works here, and whether it is drawn in software (SwiftShader, llvmpipe, Windows'
 * basic renderer: no GPU, or one the browser blocks). Software rendering pays for every sample of
 * every pixel on the CPU, so the map gives up multisampling there (see ./README.md).
 */
export function detectWebGL2(doc: Document = document): { ok: true; software: boolean } | { ok: false; reason: string } {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return { ok: false, reason: 'WebGL2 is not available in this browser' };
    const software = isSoftwareRenderer(rendererName(gl));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true, software };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** The renderer's own name where the browser tells it, else what it says instead. */
function rendererName(gl: WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE_RENDERERS.test(name);
}
