import { describe, expect, it } from 'vitest';
import { decodeBytes, mixedLines } from '../../../../src/data/import/encoding';
import { importData } from '../../../../src/data/import/importData';
import { ImportFailure } from '../../../../src/data/import/types';

const utf8 = (s: string) => new TextEncoder().encode(s);
// 天津,117.2,39.1 in GBK
const GBK_ROW = [0xcc, 0xec, 0xbd, 0xf2, 0x2c, 0x31, 0x31, 0x37, 0x2e, 0x32, 0x2c, 0x33, 0x39, 0x2e, 0x31, 0x0a];

function failure(bytes: Uint8Array): ImportFailure {
  try {
    decodeBytes(bytes);
  } catch (e) {
    if (e instanceof ImportFailure) return e;
    throw e;
  }
  throw new Error('decoded without a word');
}

describe('mixed and undecodable encodings', () => {
  it('a CSV with UTF-8 and GBK rows is refused with both lines named, not decoded as GB18030 in silence', () => {
    const bytes = new Uint8Array([...utf8('名称,lon,lat\n北京,116.4,39.9\n'), ...GBK_ROW]);
    expect(mixedLines(bytes)).toEqual({ utf8Line: 1, gbkLine: 3 });
    const r = importData(bytes, 'mixed.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('encoding');
    expect(r.error.params).toEqual({ variant: 'mixed', utf8Line: 1, gbkLine: 3 });
  });

  it('a file wholly in GBK still reads as GBK; wholly UTF-8 as UTF-8', () => {
    const allGbk = importData(new Uint8Array([...utf8('name,lon,lat\n'), ...GBK_ROW]), 'gbk.csv');
    expect(allGbk.ok && allGbk.layer.features[0]!.properties['name']).toBe('天津');
    expect(allGbk.ok && allGbk.layer.stats.encoding).toBe('gb18030');
    expect(mixedLines(utf8('名称\n北京\n'))).toBeNull();
  });

  it('a few bytes valid in neither encoding are reported with their lines, not turned into U+FFFD', () => {
    // 0xFF begins no character in UTF-8 or GB18030 (0x80 is € in GBK)
    const bytes = new Uint8Array([...utf8('name,lon,lat\n'), ...GBK_ROW, 0xff, 0x2c, 0x31, 0x2c, 0x32, 0x0a, ...GBK_ROW, 0xff, 0x0a]);
    const e = failure(bytes);
    expect(e.issue.code).toBe('encoding');
    expect(e.issue.params).toEqual({ variant: 'lines', line: 3, count: 2 });
  });

});
