import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import type { ImportedFeature } from '../../../../src/data/import/types';
import { checkTable, geometryAt, tableBuffers, tableFromFeatures } from '../../../../src/data/import/table';
import { displayGeometry, DISPLAY_VERTEX_BUDGET } from '../../../../src/data/import/displayGeometry';
import { importData } from '../../../../src/data/import/importData';
import { userLayerGeometry } from '../../../../src/map/userLayerBuffers';

const f = (geometry: ImportedFeature['geometry'], properties: Record<string, unknown> = {}): ImportedFeature => ({ type: 'Feature', geometry, properties });

/** A closed ring of n vertices around (lon, lat): a wobbly circle, so no vertex is redundant at full detail. */
function ring(n: number, lon: number, lat: number, r: number): Position[] {
  const out: Position[] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const rr = r * (1 + 0.02 * Math.sin(37 * a));
    out.push([lon + rr * Math.cos(a), lat + rr * Math.sin(a)]);
  }
  out.push(out[0]!);
  return out;
}

const areaOf = (coordinates: Position[][]) => area({ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: {} } satisfies Feature<Polygon>);

describe('display geometry of a layer with too many vertices', () => {
  it('draws a 300,000-vertex polygon with a hole from at most the budget, its area within 0.5 %, the exact geometry kept', () => {
    const outer = ring(300_000, 116.4, 39.9, 0.5);
    const hole = ring(20, 116.4, 39.9, 0.1).reverse();
    const t = tableFromFeatures([f({ type: 'Polygon', coordinates: [outer, hole] }, { name: 'big' }), f({ type: 'Point', coordinates: [117, 40] })]);
    const d = t.display!;
    expect(d).toBeDefined();
    const shown = d.xy.length / 2;
    expect(shown).toBeLessThanOrEqual(DISPLAY_VERTEX_BUDGET);
    expect(shown).toBeGreaterThan(1000);
    // the same rings: outer simplified, the short hole and the point copied as they are
    expect(d.vertexStart.length).toBe(t.nesting!.vertexStart.length);
    expect(d.vertexStart[2]! - d.vertexStart[1]!).toBe(21);
    expect(d.vertexStart[3]! - d.vertexStart[2]!).toBe(1);
    // the outer ring is still closed, and the area drawn is the area the file gives
    const shownOuter: Position[] = [];
    for (let v = 0; v < d.vertexStart[1]!; v++) shownOuter.push([d.xy[2 * v]!, d.xy[2 * v + 1]!]);
    expect(shownOuter.at(-1)).toEqual(shownOuter[0]);
    const exact = areaOf([outer, hole]);
    const drawn = areaOf([shownOuter, hole]);
    expect(Math.abs(drawn - exact) / exact).toBeLessThan(0.005);
    // triangles cover the simplified polygon (earcut's area equals the polygon's)
    let tri = 0;
    for (let k = d.triangleStart[0]!; k < d.triangleStart[1]!; k += 3) {
      const [a, b, c] = [d.triangles[k]!, d.triangles[k + 1]!, d.triangles[k + 2]!];
      tri += Math.abs((d.xy[2 * b]! - d.xy[2 * a]!) * (d.xy[2 * c + 1]! - d.xy[2 * a + 1]!) - (d.xy[2 * c]! - d.xy[2 * a]!) * (d.xy[2 * b + 1]! - d.xy[2 * a + 1]!)) / 2;
    }
    const planar = (ps: Position[]) => Math.abs(ps.slice(1).reduce((s, p, k) => s + (ps[k]![0]! * p[1]! - p[0]! * ps[k]![1]!), 0)) / 2;
    expect(tri).toBeCloseTo(planar(shownOuter) - planar(hole), 6);
    expect(d.triangleStart[2]).toBe(d.triangleStart[1]); // the point has none
    // numbers and exports read the exact geometry
    expect((geometryAt(t, 0) as Polygon).coordinates[0]!.length).toBe(300_001);
    expect(checkTable(t).ok).toBe(true);
    // what crosses to the page includes the copy
    expect(tableBuffers(t)).toContain(d.xy.buffer);
  });

  it('leaves a layer within the budget, and points, as they are', () => {
    expect(tableFromFeatures([f({ type: 'Polygon', coordinates: [ring(5_000, 116, 39, 0.1)] })]).display).toBeUndefined();
    const many = Array.from({ length: 3 }, (_, k) => f({ type: 'MultiPoint', coordinates: ring(80_000, 116 + k, 39, 0.1) }));
    expect(tableFromFeatures(many).display).toBeUndefined();
  });

  it('simplifies a long line, keeping its ends', () => {
    const line: Position[] = Array.from({ length: 250_000 }, (_, k) => [116 + k * 1e-5, 39 + 0.01 * Math.sin(k / 500)]);
    const t = tableFromFeatures([f({ type: 'LineString', coordinates: line })]);
    const d = displayGeometry(t)!;
    const n = d.xy.length / 2;
    expect(n).toBeLessThanOrEqual(DISPLAY_VERTEX_BUDGET);
    expect([d.xy[0], d.xy[1]]).toEqual(line[0]);
    expect([d.xy[2 * n - 2], d.xy[2 * n - 1]]).toEqual(line.at(-1));
    expect(d.triangles.length).toBe(0);
  });

  it('a stored copy that points past its vertices is refused', () => {
    const t = tableFromFeatures([f({ type: 'Polygon', coordinates: [ring(250_000, 116, 39, 0.2)] })]);
    t.display!.triangles[0] = 10_000_000;
    const checked = checkTable(t);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(/simplified triangle/);
  });

  it('the import says so, and the map draws the copy', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [f({ type: 'Polygon', coordinates: [ring(260_000, 116.4, 39.9, 0.3)] }, { name: 'big' })] });
    const result = importData(new TextEncoder().encode(text), 'big.geojson');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const warning = result.warnings.find((w) => w.code === 'display-simplified');
    expect(warning?.params).toMatchObject({ vertices: 260_001, budget: DISPLAY_VERTEX_BUDGET });
    const g = userLayerGeometry(result.layer.features, 'wgs84');
    expect(g?.kind).toBe('shapes');
    if (g?.kind !== 'shapes') return;
    expect(g.areas.positions.length / 2).toBe(result.layer.table.display!.xy.length / 2);
    expect(g.areas.featureOf[0]).toBe(0);
  });
});
