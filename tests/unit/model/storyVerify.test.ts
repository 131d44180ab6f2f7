import { describe, expect, it } from 'vitest';
import { isReleaseClause, verifiedQuotes } from '../../../src/model/story/verify';
import { readText } from '../data/realData';

const release = readText('geodata/plan/source/plan-2019.zh.txt');
const defaultStory = JSON.parse(readText('geodata/story/default.json')) as { chapters: { id: string; quote?: string }[] };

describe('isReleaseClause', () => {
  it('accepts every quote of the plan’s own story (whole clauses of the release)', () => {
    for (const c of defaultStory.chapters) expect(isReleaseClause(c.quote!, release), c.id).toBe(true);
  });

  it('refuses a single character or a fragment that is only a substring', () => {
    expect(release.includes('京')).toBe(true);
    expect(isReleaseClause('京', release)).toBe(false);
    expect(isReleaseClause('雄安新区', release)).toBe(false);
    expect(isReleaseClause('完成7000亩绿化', release)).toBe(false); // cut before 任务
    expect(isReleaseClause('天津', release)).toBe(false); // a list item between 、 marks
  });

  it('refuses invented text and an empty quote', () => {
    expect(isReleaseClause('经研究决定，雄安新区建设自2019年7月起全面暂停。', release)).toBe(false);
    expect(isReleaseClause('', release)).toBe(false);
    expect(isReleaseClause('，', release)).toBe(false);
  });

  it('accepts a clause with its closing mark, surrounding blanks, and several clauses together', () => {
    expect(isReleaseClause('  抓好城市绿心建设,完成7000亩绿化任务。 ', release)).toBe(true);
    expect(isReleaseClause('抓好城市绿心建设', release)).toBe(true);
    expect(isReleaseClause('抓好城市绿心建设,完成7000亩绿化任务', release)).toBe(true);
  });

  it('accepts a line of the release (a heading) as a whole', () => {
    expect(isReleaseClause('一、主要考虑', release)).toBe(true);
    expect(isReleaseClause('主要考虑', release)).toBe(false);
  });
});

describe('verifiedQuotes', () => {
  it('keeps only the verified ones', () => {
    expect([...verifiedQuotes(['京', undefined, '抓好城市绿心建设'], release)]).toEqual(['抓好城市绿心建设']);
  });
});
