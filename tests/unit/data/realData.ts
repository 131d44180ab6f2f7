/** Reads the committed dataset and its inputs for the data tests. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateInput } from '../../../src/data/plan/validate';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const readText = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
export const readJson = (path: string): unknown => JSON.parse(readText(path)) as unknown;

export function boundaryCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of ['jjj_provinces', 'jjj_prefectures', 'jjj_counties']) {
    const fc = readJson(`geodata/basemap/${file}.geojson`) as { features: { properties: { adcode: string } }[] };
    for (const f of fc.features) codes.add(f.properties.adcode);
  }
  return codes;
}

/** A fresh, deep-copied validator input from the committed files (safe to mutate in a test). */
export function realInput(): ValidateInput {
  return {
    plan: readJson('geodata/plan/plan.json'),
    items: readJson('geodata/plan/items.geojson'),
    links: readJson('geodata/plan/links.geojson'),
    planText: readText('geodata/plan/source/plan-2019.zh.txt'),
    regionCodes: boundaryCodes(),
  };
}
