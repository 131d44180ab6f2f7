import { describe, expect, it } from 'vitest';
import { jsonStringEnd, nestedDeeperThan } from '../../../../src/data/import/limits';

/** The plain reading: every character looked at, a backslash skips the next one. */
function referenceStringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

describe('jsonStringEnd', () => {
  it('skips escaped quotes, not a quote after an escaped backslash', () => {
    expect(jsonStringEnd('"abc",1', 0)).toBe(4);
    expect(jsonStringEnd('"a\\"b",1', 0)).toBe(5);
    expect(jsonStringEnd('"a\\\\",1', 0)).toBe(4);
    expect(jsonStringEnd('"a\\\\\\"b"', 0)).toBe(7);
    expect(jsonStringEnd('"unterminated', 0)).toBe(-1);
  });

  it('agrees with reading every character on random text of quotes and backslashes', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['"', '\\', 'a', '['];
    for (let n = 0; n < 3000; n++) {
      const text = '"' + Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      expect(jsonStringEnd(text, 0), text).toBe(referenceStringEnd(text, 0));
    }
  });
});

/** Nesting depth by recursion, for small values. */
function referenceDepth(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  return 1 + Math.max(0, ...(Array.isArray(v) ? v : Object.values(v)).map(referenceDepth));
}

describe('nestedDeeperThan', () => {
  it('counts arrays and objects, not the values in them', () => {
    expect(nestedDeeperThan(5, 0)).toBe(false);
    expect(nestedDeeperThan('[[[[', 0)).toBe(false);
    expect(nestedDeeperThan([], 0)).toBe(true);
    expect(nestedDeeperThan([[[1]]], 3)).toBe(false);
    expect(nestedDeeperThan([[[[1]]]], 3)).toBe(true);
    expect(nestedDeeperThan({ a: { b: { c: {} } } }, 3)).toBe(true);
    expect(nestedDeeperThan({ a: 1, b: [1, 2, { c: null }] }, 3)).toBe(false);
  });

  it('finds the deep branch among wide shallow ones', () => {
    const wide = Array.from({ length: 1000 }, (_, i) => (i === 777 ? [[[['deep']]]] : [i]));
    expect(nestedDeeperThan(wide, 4)).toBe(true);
    expect(nestedDeeperThan(wide, 5)).toBe(false);
  });

  it('measures a value nested 200,000 levels without the engine stack', () => {
    const text = '['.repeat(200_000) + ']'.repeat(200_000);
    const v: unknown = JSON.parse(text);
    expect(nestedDeeperThan(v, 64)).toBe(true);
  });

  it('agrees with a recursive count on random values', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const make = (budget: number): unknown => {
      const r = rand();
      if (budget <= 0 || r < 0.3) return r < 0.15 ? null : Math.floor(r * 100);
      const n = Math.floor(rand() * 4);
      const kids = Array.from({ length: n }, () => make(budget - 1));
      return r < 0.65 ? kids : Object.fromEntries(kids.map((k, i) => [`k${i}`, k]));
    };
    for (let n = 0; n < 2000; n++) {
      const v = make(8);
      const depth = referenceDepth(v);
      for (const max of [0, 1, 2, 3, 5]) expect(nestedDeeperThan(v, max)).toBe(depth > max);
    }
  });
});
