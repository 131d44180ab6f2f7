/**
 * The person's motion preference, read where the map moves or animates. With
 * `prefers-reduced-motion: reduce` the camera jumps instead of flying, and labels appear without
 * fading in: MapLibre fades every label that a landed tile or a camera change places (300 ms),
 * frames of motion the person asked not to see — and on a software renderer each of those
 * frames costs about as much as the view itself.
 */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** MapLibre's `fadeDuration` for labels: its default, or none when motion is to be reduced. */
export function labelFadeMs(): number {
  return prefersReducedMotion() ? 0 : 300;
}
