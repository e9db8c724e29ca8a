/**
 * Count-up animation for the counters. All counters on a page share one
 * requestAnimationFrame loop, so fifty widgets cost one callback per frame.
 */

const COUNT_UP_MS = 1500;

/** Fast start, gentle landing: the eye reads the final digits as they settle. */
export function easeOutCubic(t: number): number {
  const clamped = Math.min(1, Math.max(0, t));
  return 1 - (1 - clamped) ** 3;
}

/** The value a counter shows at `progress` (0..1) of its animation. */
export function countUpValue(total: number, progress: number): number {
  return Math.round(total * easeOutCubic(progress));
}

type Frame = (now: number) => boolean;

const frames = new Set<Frame>();
let scheduled = false;

function tick(now: number): void {
  scheduled = false;
  for (const frame of frames) {
    if (!frame(now)) frames.delete(frame);
  }
  schedule();
}

function schedule(): void {
  if (!scheduled && frames.size > 0) {
    scheduled = true;
    requestAnimationFrame(tick);
  }
}

/**
 * Calls `onProgress` once per frame with 0..1 (linear time) until 1.
 * Returns a function that stops it early.
 */
export function runCountUp(onProgress: (progress: number) => void, duration = COUNT_UP_MS): () => void {
  let start: number | undefined;
  const frame: Frame = (now) => {
    start ??= now;
    const progress = Math.min(1, (now - start) / duration);
    onProgress(progress);
    return progress < 1;
  };
  frames.add(frame);
  schedule();
  return () => {
    frames.delete(frame);
  };
}
