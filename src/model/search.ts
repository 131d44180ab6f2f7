/**
 * Search items and regions by what people type: official names (zh/en), short names (廊坊市 →
 * 廊坊, "Daxing District" → daxing), and the aliases the data declares (大兴机场, 京雄城际,
 * pinyin and initials). Text is compared without case, spaces or punctuation (Xiong'an = xiongan).
 * Rank: exact, then prefix, then substring, then a name with one character missing or mistyped.
 * An item ranks before a region that matches equally well: a name that is an item's shows the item.
 */
import type { PlanItem } from '../data/plan/schema';
import type { Region } from '../data/regions/regions';
import type { SearchAliases } from '../data/search/aliases';

export type SearchResult = { type: 'item'; item: PlanItem } | { type: 'region'; region: Region };

export const MAX_RESULTS = 12;

/** Lower-case NFKC text without spaces and punctuation, as names are compared. */
function searchKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** 廊坊市 → 廊坊, 大厂回族自治县 → 大厂, "Daxing District" → Daxing: the name people use without the unit. */
function regionShortNames(r: Pick<Region, 'name_zh' | 'name_en'>): string[] {
  const out: string[] = [];
  const zh = r.name_zh.replace(/(回族|满族|蒙古族)?(自治县|省|市|区|县)$/u, '');
  if (zh !== r.name_zh && zh.length >= 2) out.push(zh);
  const en = r.name_en.replace(/\s+(District|City|County|Province|Autonomous County|Manchu Autonomous County|Hui Autonomous County)$/i, '');
  if (en !== r.name_en) out.push(en);
  return out;
}

/**
 * Whether some stretch of `text` is within one edit (a character missing, extra or wrong) of
 * `q`: Sellers' approximate substring match, a Levenshtein table whose first row is all zeros.
 */
function nearSubstring(q: string, text: string): boolean {
  let prev = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= q.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= text.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (q[i - 1] === text[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > 1) return false;
    prev = cur;
  }
  return Math.min(...prev) <= 1;
}

/**
 * How well a query matches one name (lower is better; -1: not at all): 0 exact, 1 prefix,
 * 2 substring, 3 within one missing or mistyped character of a stretch of the name (for
 * queries long enough that this is not noise: 3 Chinese characters, 4 Latin letters).
 */
function matchScore(q: string, name: string): number {
  if (!q || !name) return -1;
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(q)) return 2;
  const minLength = /^[a-z0-9]+$/.test(q) ? 4 : 3;
  if (q.length >= minLength && nearSubstring(q, name)) return 3;
  return -1;
}

function bestScore(q: string, names: readonly string[]): number {
  let best = -1;
  for (const n of names) {
    const s = matchScore(q, searchKey(n));
    if (s >= 0 && (best < 0 || s < best)) best = s;
  }
  return best;
}

/** Where it ranks among equal matches: located items first (a place to fly to), then tasks, parts last. */
function itemOrder(item: PlanItem): number {
  return (item.geometry ? 0 : 0.1) + (item.properties.parent ? 0.05 : 0);
}

export function searchPlan(query: string, items: readonly PlanItem[], regions: ReadonlyMap<string, Region>, aliases?: SearchAliases): SearchResult[] {
  const q = searchKey(query);
  if (!q) return [];
  const scored: { s: number; len: number; r: SearchResult }[] = [];
  for (const item of items) {
    const p = item.properties;
    const s = bestScore(q, [p.name_zh, p.name_en, ...(aliases?.items.get(p.id) ?? [])]);
    if (s >= 0) scored.push({ s: s + itemOrder(item), len: p.name_zh.length, r: { type: 'item', item } });
  }
  for (const region of regions.values()) {
    const s = bestScore(q, [region.name_zh, region.name_en, ...regionShortNames(region), ...(aliases?.regions.get(region.code) ?? [])]);
    if (s >= 0) scored.push({ s: s + 0.5, len: region.name_zh.length, r: { type: 'region', region } });
  }
  scored.sort((x, y) => x.s - y.s || x.len - y.len);
  return scored.slice(0, MAX_RESULTS).map((x) => x.r);
}

/** A feature of a user layer found by the text of its property values. */
export interface UserSearchResult {
  type: 'user';
  layerId: string;
  layerName: string;
  /** Index of the feature in the layer. */
  index: number;
  /** What names it: a name-like property's value, else the value that matched. */
  label: string;
}

export const MAX_USER_RESULTS = 8;

/** Properties that name a feature, tried first: name, 名称, title, label, … */
const NAME_LIKE = /^(name|名称|名字|名|title|标题|label|标签|站名|地名)(_?(zh|en|cn))?$|name$|名称$/i;

export function isNameLike(key: string): boolean {
  return NAME_LIKE.test(key.trim());
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/**
 * User-layer features whose property values contain the query (NFKC, case-insensitive): an exact
 * match of a name-like property first, then a name that starts with it, a name that contains it,
 * and last any other property value containing it. Ties keep layer and feature order.
 */
export function searchUserFeatures(
  query: string,
  layers: readonly { id: string; name: string; features: readonly { properties: Record<string, unknown> | null }[] }[],
  limit = MAX_USER_RESULTS,
): UserSearchResult[] {
  const q = query.trim().toLowerCase().normalize('NFKC');
  if (!q) return [];
  const scored: { s: number; r: UserSearchResult }[] = [];
  for (const layer of layers) {
    layer.features.forEach((f, index) => {
      const props = f.properties ?? {};
      let best = -1;
      let label = '';
      let firstName = '';
      for (const [k, v] of Object.entries(props)) {
        const raw = text(v);
        if (!raw) continue;
        const name = isNameLike(k);
        if (name && !firstName) firstName = raw;
        const t = raw.toLowerCase().normalize('NFKC');
        let s = -1;
        if (name) s = t === q ? 0 : t.startsWith(q) ? 1 : t.includes(q) ? 2 : -1;
        else if (t.includes(q)) s = 3;
        if (s >= 0 && (best < 0 || s < best)) {
          best = s;
          label = raw;
        }
      }
      if (best >= 0) scored.push({ s: best, r: { type: 'user', layerId: layer.id, layerName: layer.name, index, label: firstName || label } });
    });
  }
  scored.sort((a, b) => a.s - b.s);
  return scored.slice(0, limit).map((x) => x.r);
}
