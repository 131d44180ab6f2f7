import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/data/plan/load';
import { readText } from './realData';

const urls = { plan: '/plan.json', items: '/items.geojson', links: '/links.geojson' };
const files: Record<string, string> = {
  '/plan.json': readText('geodata/plan/plan.json'),
  '/items.geojson': readText('geodata/plan/items.geojson'),
  '/links.geojson': readText('geodata/plan/links.geojson'),
};

const fakeFetch =
  (override: Record<string, string | number> = {}) =>
  async (url: string) => {
    const body = override[url] ?? files[url];
    if (typeof body === 'number') return { ok: false, status: body, statusText: 'Not Found', text: async () => '' };
    return { ok: true, status: 200, statusText: 'OK', text: async () => body ?? '' };
  };

describe('loadPlan', () => {
  it('loads and types the committed dataset', async () => {
    const data = await loadPlan(fakeFetch(), urls);
    expect(data.meta.total_tasks).toBe(90);
    expect(data.items.length).toBeGreaterThan(50);
    expect(data.links.length).toBeGreaterThan(5);
    expect(data.items[0]!.properties.targets).toBeInstanceOf(Array);
  });

  it('names the file when it cannot be fetched', async () => {
    await expect(loadPlan(fakeFetch({ '/links.geojson': 404 }), urls)).rejects.toThrow('Could not load links.geojson: HTTP 404 Not Found');
  });

  it('names the file when it is not JSON', async () => {
    await expect(loadPlan(fakeFetch({ '/plan.json': '{oops' }), urls)).rejects.toThrow(/^plan\.json is not valid JSON/);
  });

  it('names the file, record and field when a record breaks the schema', async () => {
    const broken = JSON.parse(files['/items.geojson']!) as { features: { properties: Record<string, unknown> }[] };
    broken.features[1]!.properties.kind = 'factory';
    const id = broken.features[1]!.properties.id as string;
    await expect(loadPlan(fakeFetch({ '/items.geojson': JSON.stringify(broken) }), urls)).rejects.toThrow(
      new RegExp(`^items\\.geojson does not match the schema: ${id} \\(features\\.1\\.properties\\.kind\\)`),
    );
  });
});
