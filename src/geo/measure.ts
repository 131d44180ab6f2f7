/** Geodesic length of a path in km (Turf). */
import { length, lineString } from '@turf/turf';

export function pathLengthKm(path: readonly [number, number][]): number {
  if (path.length < 2) return 0;
  return length(lineString(path.map((p) => [...p])), { units: 'kilometers' });
}
