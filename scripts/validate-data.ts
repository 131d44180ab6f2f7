/**
 * `npm run validate:data`: reads geodata/plan/{plan.json,items.geojson,links.geojson}, the
 * release text and the boundary codes, runs the pure validator (src/data/plan/validate.ts) and
 * prints every problem as FILE · RECORD ID · FIELD: message. Exits 1 on any problem; on success
 * prints the records per group (described vs declared).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, validatePlanData } from '../src/data/plan/validate.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLAN_DIR = 'geodata/plan';
const files = {
  plan: `${PLAN_DIR}/plan.json`,
  items: `${PLAN_DIR}/items.geojson`,
  links: `${PLAN_DIR}/links.geojson`,
};

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;
  } catch (e) {
    console.error(`${path} · (file) · (root): cannot read or parse: ${(e as Error).message}`);
    process.exit(1);
  }
}

function boundaryCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of ['jjj_provinces.geojson', 'jjj_prefectures.geojson', 'jjj_counties.geojson']) {
    const fc = readJson(`geodata/basemap/${file}`) as { features: { properties: { adcode: string } }[] };
    for (const f of fc.features) codes.add(f.properties.adcode);
  }
  return codes;
}

const result = validatePlanData({
  plan: readJson(files.plan),
  items: readJson(files.items),
  links: readJson(files.links),
  planText: readFileSync(join(ROOT, PLAN_DIR, 'source/plan-2019.zh.txt'), 'utf8'),
  regionCodes: boundaryCodes(),
  files,
});

if (!result.ok) {
  for (const issue of result.issues) console.error(formatIssue(issue));
  console.error(`\n${result.issues.length} problem(s) in geodata/plan.`);
  process.exit(1);
}

console.log(`geodata/plan is valid: ${result.counts.items} items, ${result.counts.links} links.`);
console.log('group  described/declared  parts  with geometry');
for (const s of result.summary) {
  console.log(`  ${s.group}    ${String(s.described).padStart(3)} / ${String(s.declared).padEnd(3)}          ${String(s.parts).padStart(3)}    ${String(s.withGeometry).padStart(3)}`);
}
const described = result.summary.reduce((a, s) => a + s.described, 0);
const declared = result.summary.reduce((a, s) => a + s.declared, 0);
console.log(`  all  ${String(described).padStart(3)} / ${declared}`);

// How much of the plan is on the map, so a change in the located share shows in every run.
const loc = result.located;
const pct = (n: number): string => `${((100 * n) / Math.max(1, loc.of)).toFixed(0)}%`;
console.log(`located: ${loc.located} of ${loc.of} records have a place (${pct(loc.located)}); ${loc.of - loc.located} are region-only`);
console.log(
  `  by precision: ${Object.entries(loc.byPrecision)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(`  by source: place named in the release ${loc.bySource.release}, place from an outside source ${loc.bySource.outside}`);
