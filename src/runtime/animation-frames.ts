/**
 * The counters' animation frames. All counters on a page share one
 * requestAnimationFrame loop, so fifty widgets cost one callback per frame.
 */

const COUNT_UP_MS = 1500;

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
