/**
 * Loads the plan dataset (plan.json, items.geojson, links.geojson), parses it with the zod
 * schemas and returns typed data. Throws an Error whose message names the file and the
 * problem (the UI shows it). `fetchFn` and `urls` are injectable for tests; the app passes
 * `planUrls` from ./urls.
 */
import type { z } from '../zod';
import { itemsSchema, linksSchema, planMetaSchema, type PlanItem, type PlanLink, type PlanMeta } from './schema';

export interface PlanData {
  meta: PlanMeta;
  items: PlanItem[];
  links: PlanLink[];
}

export interface PlanFileUrls {
  plan: string;
  items: string;
  links: string;
}

type FetchFn = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'statusText' | 'text'>>;

function describeZodError(error: z.ZodError, data: unknown): string {
  const first = error.issues[0];
  if (!first) return 'invalid data';
  const path = first.path;
  let where = path.map(String).join('.') || '(root)';
  // For feature collections, name the record id as well as its index.
  if (path[0] === 'features' && typeof path[1] === 'number') {
    const features = (data as { features?: { properties?: { id?: unknown } }[] }).features;
    const id = features?.[path[1]]?.properties?.id;
    if (typeof id === 'string') where = `${id} (${where})`;
  }
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return `${where}: ${first.message}${more}`;
}

async function fetchParsed<T>(fetchFn: FetchFn, name: string, url: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    const res = await fetchFn(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    text = await res.text();
  } catch (e) {
    throw new Error(`Could not load ${name}: ${(e as Error).message}`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${name} does not match the schema: ${describeZodError(parsed.error, json)}`);
  return parsed.data;
}

export async function loadPlan(fetchFn: FetchFn = (url) => fetch(url), urls?: PlanFileUrls): Promise<PlanData> {
  const u = urls ?? (await import('./urls')).planUrls;
  const [meta, items, links] = await Promise.all([
    fetchParsed(fetchFn, 'plan.json', u.plan, planMetaSchema),
    fetchParsed(fetchFn, 'items.geojson', u.items, itemsSchema),
    fetchParsed(fetchFn, 'links.geojson', u.links, linksSchema),
  ]);
  return { meta, items: items.features, links: links.features };
}
