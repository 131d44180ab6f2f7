/** Search items by name (zh/en) and regions by name: exact, then prefix, then substring matches. */
import type { PlanItem } from '../data/plan/schema';
import type { Region } from '../data/regions/regions';

export type SearchResult = { type: 'item'; item: PlanItem } | { type: 'region'; region: Region };

export const MAX_RESULTS = 12;

export function searchPlan(query: string, items: PlanItem[], regions: Map<string, Region>): SearchResult[] {
  const q = query.trim().toLowerCase().normalize('NFKC');
  if (!q) return [];
  const score = (zh: string, en: string) => {
    const a = zh.toLowerCase();
    const b = en.toLowerCase();
    if (a === q || b === q) return 0;
    if (a.startsWith(q) || b.startsWith(q)) return 1;
    if (a.includes(q) || b.includes(q)) return 2;
    return -1;
  };
  const scored: { s: number; r: SearchResult }[] = [];
  for (const item of items) {
    const s = score(item.properties.name_zh, item.properties.name_en);
    if (s >= 0) scored.push({ s, r: { type: 'item', item } });
  }
  for (const region of regions.values()) {
    const s = score(region.name_zh, region.name_en);
    if (s >= 0) scored.push({ s: s + 0.5, r: { type: 'region', region } });
  }
  scored.sort((x, y) => x.s - y.s);
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
