/**
 * Reading and writing stories: JSON files and links. Pure, no DOM; works in the
 * browser and in Node ≥ 20 (TextEncoder/TextDecoder, btoa/atob).
 *
 * - `parseStory(input, ctx?)` never throws. It accepts a JSON string or an already parsed value
 *   and returns `{ ok: true, story }` or `{ ok: false, error }`, where `error` is one readable
 *   message that names where the problem is, e.g.
 *     `chapter 3 ("daxing-airport"), camera.zoom: zoom must be between 5 and 13 (got 14)`
 *     `not valid JSON: Unexpected end of JSON input`
 *     `unsupported story version 2 (this app reads version 1)`
 *   With a StoryContext it also checks the data references: highlighted items and regions must
 *   exist, filter regions must exist, and a quote must occur verbatim in the plan text. Every
 *   problem found is listed (up to MAX_LISTED, then "and N more"), separated by "; ".
 * - `serializeStory(story)`: pretty JSON (2-space indent, trailing newline), keys in schema order.
 * - `storyToLink(story)` / `storyFromLink(value)`: the story as the value of a `story=` hash
 *   parameter: base64url (RFC 4648 §5, no padding) of the compact UTF-8 JSON. The value needs no
 *   further escaping in a URL. The default story (16 chapters, 10 KB of compact JSON) gives a value of about 18,400 characters (see the test),
 *   well within what browsers accept in a URL (Chrome: 2 MB), though long for a chat message.
 *   Uncompressed on purpose: it is synchronous, needs no CompressionStream, and a truncated
 *   link fails with a clear message rather than a decompression error.
 */
import type { z } from '../../data/zod';
import { storySchema, type Chapter, type Story } from './schema';

export type ParseResult = { ok: true; story: Story } | { ok: false; error: string };

/** Data the references in a story are checked against; each part is optional. */
export interface StoryContext {
  /** Ids of the plan's items (items.geojson). */
  itemIds?: ReadonlySet<string>;
  /** Region codes that exist (provinces, prefectures, counties). */
  regionCodes?: ReadonlySet<string>;
  /** The plan's text (plan-2019.zh.txt); quotes must occur in it verbatim. */
  planText?: string;
}

/** The hash parameter that carries a story. */
export const STORY_LINK_PARAM = 'story';
/** Link values longer than this are refused before decoding (about 1.5 MB of JSON). */
export const MAX_LINK_LENGTH = 2_000_000;
/** Story files larger than this are refused (characters of JSON). */
export const MAX_STORY_JSON_LENGTH = 5_000_000;
const MAX_LISTED = 5;

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  if (s === undefined) return typeof v;
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** "chapter 3 ("daxing-airport"), camera.zoom" for ['chapters', 2, 'camera', 'zoom']. */
function describePath(root: unknown, path: readonly PropertyKey[]): string {
  if (path[0] === 'chapters' && typeof path[1] === 'number') {
    const index = path[1];
    const id = valueAt(root, ['chapters', index, 'id']);
    const where = `chapter ${index + 1}${typeof id === 'string' && id.length <= 80 ? ` ("${id}")` : ''}`;
    const rest = path.slice(2);
    return rest.length === 0 ? where : `${where}, ${formatFieldPath(rest)}`;
  }
  return path.length === 0 ? 'story' : formatFieldPath(path);
}

function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function issueMessage(root: unknown, issue: z.core.$ZodIssue): string {
  const where = describePath(root, issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  let message = issue.message;
  // Say what was found for a value out of range or of the wrong type.
  if (issue.code === 'custom' || issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'too_big' || issue.code === 'too_small') {
    const found = valueAt(root, issue.path);
    const isContainer = found !== null && typeof found === 'object';
    if (found !== undefined && !isContainer && !message.includes(describeValue(found))) message += ` (got ${describeValue(found)})`;
  }
  return `${where}: ${message}`;
}

function joinProblems(problems: string[]): string {
  const listed = problems.slice(0, MAX_LISTED).join('; ');
  return problems.length > MAX_LISTED ? `${listed}; and ${problems.length - MAX_LISTED} more` : listed;
}

function referenceProblems(story: Story, ctx: StoryContext): string[] {
  const problems: string[] = [];
  const where = (i: number, c: Chapter) => `chapter ${i + 1} ("${c.id}")`;
  story.chapters.forEach((c, i) => {
    if (c.highlight?.item !== undefined && ctx.itemIds && !ctx.itemIds.has(c.highlight.item)) {
      problems.push(`${where(i, c)}, highlight.item: unknown item "${c.highlight.item}"`);
    }
    if (c.highlight?.region !== undefined && ctx.regionCodes && !ctx.regionCodes.has(c.highlight.region)) {
      problems.push(`${where(i, c)}, highlight.region: unknown region "${c.highlight.region}"`);
    }
    if (ctx.regionCodes) {
      for (const r of c.filters?.regions ?? []) {
        if (!ctx.regionCodes.has(r)) problems.push(`${where(i, c)}, filters.regions: unknown region "${r}"`);
      }
    }
    if (c.quote !== undefined && ctx.planText !== undefined && !ctx.planText.includes(c.quote)) {
      problems.push(`${where(i, c)}, quote: not found verbatim in the plan text: "${c.quote.length > 30 ? `${c.quote.slice(0, 29)}…` : c.quote}"`);
    }
  });
  return problems;
}

/**
 * A story from a JSON string or a parsed value. Never throws; a failure names the place and the
 * problem (see the top of this file). With `ctx`, references to the data are checked too.
 */
export function parseStory(input: unknown, ctx?: StoryContext): ParseResult {
  let json: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_STORY_JSON_LENGTH) return { ok: false, error: `the story is too large (${input.length} characters; at most ${MAX_STORY_JSON_LENGTH})` };
    if (input.trim() === '') return { ok: false, error: 'the story file is empty' };
    try {
      // A UTF-8 byte-order mark is allowed at the start of a file.
      json = JSON.parse(input.replace(/^\uFEFF/, '')) as unknown;
    } catch (e) {
      return { ok: false, error: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: `a story must be a JSON object with version, titles and chapters (got ${Array.isArray(json) ? 'a list' : describeValue(json)})` };
  }
  // A wrong version makes every other message moot: report it alone.
  const version = (json as { version?: unknown }).version;
  const parsed = storySchema.safeParse(json);
  if (!parsed.success) {
    const versionIssue = parsed.error.issues.find((i) => i.path.length === 1 && i.path[0] === 'version');
    if (versionIssue && version !== undefined) return { ok: false, error: versionIssue.message };
    return { ok: false, error: joinProblems(parsed.error.issues.map((i) => issueMessage(json, i))) };
  }
  if (ctx) {
    const problems = referenceProblems(parsed.data, ctx);
    if (problems.length > 0) return { ok: false, error: joinProblems(problems) };
  }
  return { ok: true, story: parsed.data };
}

/** Key order of the written file (the schema's order); undefined fields are dropped. */
function ordered(story: Story): Story {
  return {
    version: story.version,
    title_zh: story.title_zh,
    title_en: story.title_en,
    chapters: story.chapters.map((c) => ({
      id: c.id,
      title_zh: c.title_zh,
      title_en: c.title_en,
      caption_zh: c.caption_zh,
      caption_en: c.caption_en,
      ...(c.quote !== undefined ? { quote: c.quote } : {}),
      camera: { center: [c.camera.center[0], c.camera.center[1]], zoom: c.camera.zoom, bearing: c.camera.bearing, pitch: c.camera.pitch },
      ...(c.filters !== undefined ? { filters: c.filters } : {}),
      ...(c.highlight !== undefined ? { highlight: c.highlight } : {}),
    })),
  };
}

/** The story as a pretty JSON file (2-space indent, trailing newline). */
export function serializeStory(story: Story): string {
  return `${JSON.stringify(ordered(story), null, 2)}\n`;
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * The value for the `story=` hash parameter (URL-safe, no escaping needed):
 * base64url of the story's compact UTF-8 JSON. Build the link as `#…&story=${storyToLink(s)}`.
 */
export function storyToLink(story: Story): string {
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(ordered(story))));
}

/**
 * The story in a link value made by `storyToLink`. Accepts the bare value, or `story=<value>`.
 * Never throws; a damaged value (cut short, changed characters) gives a clear error.
 */
export function storyFromLink(param: string, ctx?: StoryContext): ParseResult {
  let value = String(param).trim();
  if (value.startsWith(`${STORY_LINK_PARAM}=`)) value = value.slice(STORY_LINK_PARAM.length + 1);
  if (value === '') return { ok: false, error: 'the link carries no story' };
  if (value.length > MAX_LINK_LENGTH) return { ok: false, error: `the story in the link is too long (${value.length} characters)` };
  // A link pasted through a mail client may have had '%3D' or similar escapes added.
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return { ok: false, error: 'the story in the link is damaged (bad %-escape)' };
    }
  }
  const bytes = base64UrlToBytes(value);
  if (bytes === null) return { ok: false, error: 'the story in the link is damaged (not base64url)' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'the story in the link is damaged (not UTF-8 text)' };
  }
  const result = parseStory(json, ctx);
  if (!result.ok && result.error.startsWith('not valid JSON')) {
    return { ok: false, error: `the story in the link is damaged or cut short (${result.error})` };
  }
  return result;
}
