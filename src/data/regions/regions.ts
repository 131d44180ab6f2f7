/**
 * The administrative regions of the base map as a lookup table: names (zh/en), level, parent
 * and bounding box, from geodata/basemap/jjj_admin_labels.geojson (derived from
 * jjj_admin_units.csv and the boundary polygons by scripts/build-basemap-labels.ts).
 */
import { z } from '../zod';
import { localized } from '../../i18n/language';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  code: string;
  name_zh: string;
  name_en: string;
  level: RegionLevel;
  parent: string | null;
  province: string;
  bbox: [number, number, number, number];
}

const labelFeature = z.object({
  properties: z.object({
    adcode: z.string().optional(),
    name: z.string(),
    name_en: z.string(),
    kind: z.string(),
    parent_adcode: z.string().optional(),
    province_adcode: z.string().optional(),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  }),
});
const labelsFile = z.object({ type: z.literal('FeatureCollection'), features: z.array(labelFeature) });

export function parseRegions(json: unknown): Map<string, Region> {
  const parsed = labelsFile.parse(json);
  const out = new Map<string, Region>();
  for (const { properties: p } of parsed.features) {
    if (!p.adcode || !p.bbox || (p.kind !== 'province' && p.kind !== 'prefecture' && p.kind !== 'county')) continue;
    out.set(p.adcode, {
      code: p.adcode,
      name_zh: p.name,
      name_en: p.name_en,
      level: p.kind,
      parent: p.parent_adcode && p.parent_adcode !== '100000' ? p.parent_adcode : null,
      province: p.province_adcode ?? p.adcode,
      bbox: p.bbox,
    });
  }
  // Beijing and Tianjin are both province and prefecture level (one code): keep them as provinces.
  return out;
}

export async function loadRegions(url: string, fetchFn: typeof fetch = fetch): Promise<Map<string, Region>> {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return parseRegions(await res.json());
}

export function regionName(r: Region | undefined, lang: 'zh' | 'en'): string {
  if (!r) return '';
  return localized(r, 'name', lang);
}
