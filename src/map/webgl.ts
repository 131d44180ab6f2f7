/** Can this browser draw the map? maplibre 6 needs WebGL2. */
export function detectWebGL2(doc: Document = document): { ok: true } | { ok: false; reason: string } {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return { ok: false, reason: 'WebGL2 is not available in this browser' };
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
