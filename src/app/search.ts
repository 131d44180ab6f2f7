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

