import { describe, expect, it } from 'vitest';
import { pathLengthKm } from '../../../src/geo/measure';

describe('pathLengthKm', () => {
  it('adds up the legs of a path along great circles', () => {
    expect(pathLengthKm([[0, 0], [0, 1], [0, 2]])).toBeCloseTo(222.39, 1);
    expect(pathLengthKm([[0, 0]])).toBe(0);
  });
});
