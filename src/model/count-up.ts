/**
 * How the counters count up: the easing, and the value shown at a point of
 * the animation. The frames come from runtime/animation-frames.ts.
 */

/** Fast start, gentle landing: the eye reads the final digits as they settle. */
export function easeOutCubic(t: number): number {
  const clamped = Math.min(1, Math.max(0, t));
  return 1 - (1 - clamped) ** 3;
}

/** The value a counter shows at `progress` (0..1) of its animation. */
export function countUpValue(total: number, progress: number): number {
  return Math.round(total * easeOutCubic(progress));
}
