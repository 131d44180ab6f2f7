/**
 * The plan's own story (geodata/story/default.json), shipped with the app as an asset and
 * fetched when presentation mode opens (so it is not in the initial bundle).
 *
 *   const result = await loadDefaultStory();            // { ok: true, story } | { ok: false, error }
 *   const result = await loadDefaultStory(fetchFn, url, ctx);   // tests / with reference checks
 *
 * Never throws: a network or parse failure comes back as `{ ok: false, error }` with a message
 * that says which file failed. The story's content is checked by tests/unit/model/story.test.ts
 * (it parses, its quotes are verbatim in the plan, its items and regions exist, its cameras are
 * inside the region).
 */
import defaultStoryUrl from '../../geodata/story/default.json?url';
import { parseStory, type ParseResult, type StoryContext } from '../model/story/io';

export { defaultStoryUrl };

type FetchFn = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'statusText' | 'text'>>;

export async function loadDefaultStory(
  fetchFn: FetchFn = (url) => fetch(url),
  url: string = defaultStoryUrl,
  ctx?: StoryContext,
): Promise<ParseResult> {
  let text: string;
  try {
    const res = await fetchFn(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    text = await res.text();
  } catch (e) {
    return { ok: false, error: `could not load the default story: ${e instanceof Error ? e.message : String(e)}` };
  }
  const result = parseStory(text, ctx);
  return result.ok ? result : { ok: false, error: `the default story is broken: ${result.error}` };
}
