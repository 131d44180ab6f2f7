import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStoredStory, readStoredStory, writeStoredStory } from '../../../src/app/storage/storyStore';
import { choiceForHosts, rememberHostChoice } from '../../../src/app/storage/consent';
import { parseStory } from '../../../src/model/story/io';
import { readText } from '../data/realData';

const parsed = parseStory(readText('geodata/story/default.json'));
if (!parsed.ok) throw new Error(parsed.error);
const story = parsed.story;

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the saved story', () => {
  it('round-trips with its origin', () => {
    expect(readStoredStory()).toEqual({ state: 'none' });
    expect(writeStoredStory(story, 'link')).toBe(true);
    expect(readStoredStory()).toEqual({ state: 'ok', story, origin: 'link' });
    clearStoredStory();
    expect(readStoredStory()).toEqual({ state: 'none' });
  });

  it('a damaged record is reported, never shown', () => {
    storage.setItem('jjj-atlas:story', '{not json');
    expect(readStoredStory().state).toBe('invalid');
    storage.setItem('jjj-atlas:story', JSON.stringify({ schemaVersion: 2, origin: 'plan', savedAt: 1, story }));
    expect(readStoredStory().state).toBe('invalid');
    storage.setItem('jjj-atlas:story', JSON.stringify({ schemaVersion: 1, origin: 'plan', savedAt: 1, story: { ...story, chapters: [{ title_zh: { evil: 1 } }] } }));
    const r = readStoredStory();
    expect(r.state).toBe('invalid');
    expect(r.state === 'invalid' && r.reason).toMatch(/chapter 1/);
  });
});

describe('host consent', () => {
  it('is remembered per host; a damaged record counts as no answer', () => {
    expect(choiceForHosts(['a.example'])).toBeNull();
    rememberHostChoice(['a.example', 'b.example'], 'allow');
    expect(choiceForHosts(['a.example'])).toBe('allow');
    expect(choiceForHosts(['a.example', 'c.example'])).toBeNull();
    rememberHostChoice(['c.example'], 'deny');
    expect(choiceForHosts(['a.example', 'c.example'])).toBe('deny');
    storage.setItem('jjj-atlas:host-consent', JSON.stringify({ schemaVersion: 1, hosts: { 'a.example': 'yes please' } }));
    expect(choiceForHosts(['a.example'])).toBeNull();
  });
});
