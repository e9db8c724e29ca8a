/**
 * Keeps the page responsive when many widgets render at once. Lit renders
 * every widget that upgrades in one task within that task, so a page of 50
 * widgets, or five charts drawn as the chart code arrives, made one long task
 * the reader could not scroll or type through. Each update runs in a turn:
 * while the current slice is short it runs at once (so one widget renders
 * exactly as Lit would), and once the slice has run for SLICE_MS the rest
 * wait for a later task, where they run one by one until that task's slice is
 * used up in turn. The time is looked at just before each piece of work runs,
 * so work woken together never runs together past the slice.
 */
const SLICE_MS = 12;

let sliceStart: number | undefined;
/** Widgets near the viewport go first, so the charts the reader sees are not kept waiting by text far below. */
const waiting: { near: Array<() => void>; far: Array<() => void> } = { near: [], far: [] };

/** Runs `callback` in a new task, after the current one and its microtasks; unlike setTimeout(0), never clamped to 4 ms. */
function inNextTask(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/** Whether work may run now; starts a slice (and the task that ends it) when none is under way. */
function sliceLeft(): boolean {
  const now = performance.now();
  if (sliceStart === undefined) {
    sliceStart = now;
    inNextTask(nextSlice);
  }
  return now - sliceStart < SLICE_MS;
}

/** A new task: a new slice, in which waiting work runs, near the viewport first, until the slice is used up. */
function nextSlice(): void {
  sliceStart = undefined;
  while (waiting.near.length || waiting.far.length) {
    if (!sliceLeft()) return;
    (waiting.near.shift() ?? waiting.far.shift())!();
  }
}

/**
 * Runs `work` now if this task's slice has time left, else in a later task's
 * slice; the result, or a promise of it.
 */
export function inTurn<T>(nearViewport: boolean, work: () => T): T | Promise<T> {
  if (sliceLeft()) return work();
  // The work runs inside the waking loop, not in a microtask after it, so the loop sees the time it took.
  return new Promise<T>((resolve, reject) => {
    waiting[nearViewport ? 'near' : 'far'].push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
