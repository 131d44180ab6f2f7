/**
 * The earcut triangles of every area part of a layer, as vertex indices into `xy`, and where each
 * part's triangles start. Run in the import worker: on the page one big polygon held it for seconds.
 */
import earcut from 'earcut';

export function triangulateParts(xy: Float64Array, ringStart: Uint32Array, vertexStart: Uint32Array, isArea: (part: number) => boolean): { triangleStart: Uint32Array; triangles: Uint32Array } {
  const parts = ringStart.length - 1;
  const triangleStart = new Uint32Array(parts + 1);
  const triangles: number[] = [];
  for (let p = 0; p < parts; p++) {
    triangleStart[p] = triangles.length;
    if (!isArea(p)) continue;
    const r0 = ringStart[p]!;
    const first = vertexStart[r0]!;
    const holes: number[] = [];
    for (let r = r0 + 1; r < ringStart[p + 1]!; r++) holes.push(vertexStart[r]! - first);
    for (const v of earcut(xy.subarray(2 * first, 2 * vertexStart[ringStart[p + 1]!]!), holes, 2)) triangles.push(first + v);
  }
  triangleStart[parts] = triangles.length;
  return { triangleStart, triangles: Uint32Array.from(triangles) };
}
