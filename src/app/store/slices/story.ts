/** Presenting: the story, the chapter shown, full-screen mode, auto-play and the 2019 timeline. */
import type { StateCreator } from 'zustand';
import type { Story } from '../../../model/story/schema';

/**
 * Where the story shown came from: the plan's own (shipped with the app, or the person's edits of
 * it), or an outside author's, opened from a link or a file. An outside story is labelled as
 * such wherever it is shown; editing it does not make it the plan's.
 */
export type StoryOrigin = 'plan' | 'link' | 'file';

export interface StorySlice {
  story: Story | null;
  /** The chapter shown (in presentation mode, or chosen in the story editor). */
  chapterIndex: number;
  presenting: boolean;
  /** Seconds between chapters when auto-playing; null = off. */
  autoplaySec: number | null;
  /** Month (1–12) the 2019 timeline shows, null when the timeline is off. */
  timelineMonth: number | null;
  /** The `story=` value of the link the page was opened with, if any. */
  storyLinkParam: string | null;
  /** An edit of the story shown (kept as it is: its origin stays, and it is saved). */
  setStory: (story: Story | null) => void;
  storyOrigin: StoryOrigin;
  /** The quotes of the story that are whole clauses of the release (shown in the quote style). */
  verifiedQuotes: ReadonlySet<string>;
  /** Counts the person's edits (setStory); the autosave writes when it changes. */
  storyEdits: number;
  /** A story loaded (not edited): the plan's, a saved one, or one from a link or a file. */
  loadStory: (story: Story, origin: StoryOrigin, verifiedQuotes: ReadonlySet<string>) => void;
  goToChapter: (index: number) => void;
  setPresenting: (on: boolean) => void;
  setAutoplaySec: (sec: number | null) => void;
  setTimelineMonth: (month: number | null) => void;
}

export const storySlice: StateCreator<StorySlice> = (set) => ({
  story: null,
  chapterIndex: 0,
  presenting: false,
  autoplaySec: null,
  timelineMonth: null,
  storyLinkParam: null,
  storyOrigin: 'plan',
  verifiedQuotes: new Set(),
  storyEdits: 0,
  setStory: (story) => set((s) => ({ story, storyEdits: s.storyEdits + 1, chapterIndex: story ? Math.min(s.chapterIndex, story.chapters.length - 1) : 0 })),
  loadStory: (story, storyOrigin, verifiedQuotes) =>
    set((s) => ({ story, storyOrigin, verifiedQuotes, chapterIndex: Math.min(s.chapterIndex, story.chapters.length - 1) })),
  goToChapter: (index) =>
    set((s) => {
      const n = s.story?.chapters.length ?? 0;
      if (n === 0) return {};
      return { chapterIndex: Math.max(0, Math.min(n - 1, index)) };
    }),
  // auto-play stops with the presentation
  setPresenting: (presenting) => set({ presenting, ...(presenting ? {} : { autoplaySec: null }) }),
  setAutoplaySec: (autoplaySec) => set({ autoplaySec }),
  setTimelineMonth: (timelineMonth) => set({ timelineMonth }),
});
