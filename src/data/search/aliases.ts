/**
 * The names people type for items and regions beyond their official names
 * (geodata/search/aliases.json): short names, common names, pinyin and English short forms.
 * Loaded on first use of the search box, so the first frame does not carry them.
 */
import { z } from '../zod';

const aliasList = z.array(z.string().trim().min(1));
const aliasesFile = z.object({
  about: z.string().optional(),
  items: z.record(z.string(), aliasList),
  regions: z.record(z.string().regex(/^\d{6}$/), aliasList),
});

export interface SearchAliases {
  /** item id → aliases */
  items: ReadonlyMap<string, readonly string[]>;
  /** region code → aliases */
  regions: ReadonlyMap<string, readonly string[]>;
}

export function parseSearchAliases(json: unknown): SearchAliases {
  const f = aliasesFile.parse(json);
  return { items: new Map(Object.entries(f.items)), regions: new Map(Object.entries(f.regions)) };
}

let loading: Promise<SearchAliases> | null = null;
export function loadSearchAliases(): Promise<SearchAliases> {
  loading ??= import('../../../geodata/search/aliases.json').then((m) => parseSearchAliases(m.default));
  return loading;
}
