/**
 * GCJ-02 (AMap/Gaode, Tencent) and BD-09 (Baidu) → WGS-84, with gcoord (the standard published
 * transforms; the inverse GCJ-02 → WGS-84 is iterative, accurate to centimetres).
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import type { SourceCrs } from './types';

export function toWgs84(crs: SourceCrs): ((p: Position) => Position) | null {
  if (crs === 'wgs84') return null;
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return (p) => {
    const [x, y] = gcoord.transform([p[0]!, p[1]!], from, gcoord.WGS84);
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
  };
}
