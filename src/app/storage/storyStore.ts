/**
 * The story the person is editing, kept in localStorage so edits survive a reload. The record
 * has a schema version and passes a zod schema, and the story inside passes the story's own
 * schema (parseStory) before it is shown: a record damaged by an older version, another tab or
 * the developer tools is reported and the plan's story is shown instead, never half-rendered.
 *
 * Record, version 1: `{ schemaVersion: 1, origin: 'plan' | 'link' | 'file', savedAt, story }`.
 * The origin is kept so that an outside story stays labelled as one after a reload.
 */
import { z } from '../../data/zod';
import { parseStory } from '../../model/story/io';
import type { Story } from '../../model/story/schema';
import type { StoryOrigin } from '../store/slices/story';

const STORY_STORAGE = 'jjj-atlas:story';
export const STORED_STORY_VERSION = 1;

const storedStorySchema = z.object({
  schemaVersion: z.literal(STORED_STORY_VERSION),
  origin: z.enum(['plan', 'link', 'file']),
  savedAt: z.number().refine(Number.isFinite),
  story: z.unknown(),
});

export type StoredStory = { state: 'none' } | { state: 'ok'; story: Story; origin: StoryOrigin } | { state: 'invalid'; reason: string };

/** The saved story, checked; `none` when nothing is saved or storage is blocked. */
export function readStoredStory(): StoredStory {
  let raw: string | null;
  try {
    raw = globalThis.localStorage?.getItem(STORY_STORAGE) ?? null;
  } catch {
    return { state: 'none' };
  }
  if (raw === null) return { state: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { state: 'invalid', reason: 'not JSON' };
  }
  const rec = storedStorySchema.safeParse(json);
  if (!rec.success) {
    const i = rec.error.issues[0];
    return { state: 'invalid', reason: i ? `${i.path.join('.') || 'record'}: ${i.message}` : 'invalid' };
  }
  const story = parseStory(rec.data.story);
  if (!story.ok) return { state: 'invalid', reason: story.error };
  return { state: 'ok', story: story.story, origin: rec.data.origin };
}

/** Save the story (false when storage is blocked or full: the edits then last for the page). */
export function writeStoredStory(story: Story, origin: StoryOrigin): boolean {
  try {
    globalThis.localStorage?.setItem(STORY_STORAGE, JSON.stringify({ schemaVersion: STORED_STORY_VERSION, origin, savedAt: Date.now(), story }));
    return true;
  } catch {
    return false;
  }
}

/** Forget the saved story (back to the plan's own). */
export function clearStoredStory(): void {
  try {
    globalThis.localStorage?.removeItem(STORY_STORAGE);
  } catch {
    // storage blocked: nothing was saved
  }
}

/**
 * Be told when another tab of the app saves or forgets the story (the browser's `storage` event
 * reaches the other tabs only, so a tab is not told of its own saves). Returns the unsubscribe.
 */
export function onStoredStoryChange(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORY_STORAGE || e.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
