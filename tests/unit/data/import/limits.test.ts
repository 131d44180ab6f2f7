import { describe, expect, it } from 'vitest';
import { jsonTooDeep } from '../../../../src/data/import/limits';

/** The plain reading: every character looked at, a backslash skips the next one in a string. */
function reference(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > max) return true;
    } else if (c === ']' || c === '}') depth--;
  }
  return false;
}

describe('jsonTooDeep', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonTooDeep('[[[1]]]', 3)).toBe(false);
    expect(jsonTooDeep('[[[[1]]]]', 3)).toBe(true);
    expect(jsonTooDeep('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
    expect(jsonTooDeep('{"a":"[[[[[[","b":1}', 3)).toBe(false);
    // an escaped quote does not end the string; an escaped backslash before a quote does
    expect(jsonTooDeep('["\\"[[[[[["]', 3)).toBe(false);
    expect(jsonTooDeep('["\\\\",[[[[1]]]]]', 3)).toBe(true);
    expect(jsonTooDeep('["\\\\\\"[[[[", 1]', 3)).toBe(false);
    // unterminated: left to JSON.parse
    expect(jsonTooDeep('["[[[[[[', 3)).toBe(false);
    expect(jsonTooDeep('[' .repeat(100_000), 64)).toBe(true);
  });

  it('agrees with reading every character on random text of brackets, quotes and backslashes', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['[', ']', '{', '}', '"', '\\', 'a', ',', ':'];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      for (const max of [1, 2, 4]) expect(jsonTooDeep(text, max), text).toBe(reference(text, max));
    }
  });
});
