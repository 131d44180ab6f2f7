/**
 * Whether a presentation is on screen, as the update offer needs it: read and watched through
 * two functions the composition root (src/main.tsx) builds from the store, so this folder does
 * not depend on the store's shape.
 */
export interface PresentingSource {
  get: () => boolean;
  /** Call `onChange` whenever the value may have changed; returns an unsubscribe function. */
  subscribe: (onChange: () => void) => () => void;
}

