/** Presenting: the story, the chapter shown, full-screen mode, auto-play and the 2019 timeline. */
import type { StateCreator } from 'zustand';
import type { Story } from '../../../model/story/schema';

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
  setStory: (story: Story | null) => void;
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
  setStory: (story) => set((s) => ({ story, chapterIndex: story ? Math.min(s.chapterIndex, story.chapters.length - 1) : 0 })),
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
