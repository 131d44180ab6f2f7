/**
 * Twenty things people type into the search box, and what must come first: Chinese and English,
 * full names, short names, aliases, pinyin and initials, one typo and one missing character.
 * Checked on the model (tests/unit/model/search.test.ts) and in the real UI
 * (tests/e2e/planner-finish.test.ts). `first` is an item id or a region code.
 */
export const SEARCH_QUERIES: readonly { query: string; first: string; why: string }[] = [
  { query: '大兴机场', first: 'g3-daxing-airport', why: 'short name' },
  { query: '新机场', first: 'g3-daxing-airport', why: 'alias (also inside the intercity name)' },
  { query: '首都第二机场', first: 'g3-daxing-airport', why: 'alias' },
  { query: 'Daxing Airport', first: 'g3-daxing-airport', why: 'English short name' },
  { query: 'dxjc', first: 'g3-daxing-airport', why: 'pinyin initials' },
  { query: '北京大兴国际机常', first: 'g3-daxing-airport', why: 'one character mistyped' },
  { query: '大兴国际场', first: 'g3-daxing-airport', why: 'one character missing' },
  { query: '大兴', first: '110115', why: 'region short name' },
  { query: '京雄城际', first: 'g3-jingxiong-intercity', why: 'short name' },
  { query: '京雄铁路', first: 'g3-jingxiong-intercity', why: 'alias' },
  { query: '副中心', first: 'g2-subcenter-plans', why: 'short name' },
  { query: '北三县', first: 'g2-tongzhou-n3c-coordination', why: 'common name' },
  { query: '廊坊', first: '131000', why: 'region without 市' },
  { query: 'Langfang', first: '131000', why: 'region in English' },
  { query: 'tongzhou', first: '110112', why: 'region in pinyin, lower case' },
  { query: 'xiongan', first: 'g2-xiongan-cooperation-agreement', why: "pinyin without the apostrophe" },
  { query: '冰丝带', first: 'g3-national-speed-skating-oval', why: 'popular name' },
  { query: '世园会', first: 'g3-expo-2019-site', why: 'abbreviation' },
  { query: 'Yongding Rivr', first: 'g3-yongding-river', why: 'English with a typo' },
  { query: '京张高铁', first: 'g3-jingzhang-railway', why: 'common name' },
];
