import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, sequentialPalette } from '../../../src/geo/classify';

describe('classBreaks', () => {
  it('quantiles split the values into classes of equal size', () => {
    expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8], 4, 'quantile')).toEqual([2, 4, 6, 8]);
  });
  it('natural breaks find the gaps', () => {
    expect(classBreaks([1, 2, 3, 10, 11, 30], 3, 'natural')).toEqual([3, 11, 30]);
  });
  it('never gives more classes than distinct values, and always ends at the maximum', () => {
    expect(classBreaks([0, 0, 0, 5], 5, 'quantile')).toEqual([0, 5]);
    expect(classBreaks([], 5, 'natural')).toEqual([]);
    expect(classBreaks([7], 3, 'natural')).toEqual([7]);
  });
  it('classOf puts each value in the first class whose bound is not below it', () => {
    const b = [3, 11, 30];
    expect([1, 3, 4, 11, 29, 30].map((v) => classOf(v, b))).toEqual([0, 0, 1, 1, 2, 2]);
  });
  it('the palette has one colour per class', () => {
    for (let n = 1; n <= 7; n++) expect(sequentialPalette(n)).toHaveLength(n);
  });
});
