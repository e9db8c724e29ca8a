/**
 * Keeps the page responsive when many widgets render at once. Lit renders
 * every widget that upgrades in one task within that task, so a page of 50
 * widgets, or five charts drawn as the chart code arrives, made one long task
 * the reader could not scroll or type through. Each update asks for a turn:
 * while the current slice is short it goes ahead at once (so one widget
 * renders exactly as Lit would), and once the slice has run for SLICE_MS the
 * rest wait for a later task.
 */
const SLICE_MS = 12;

let sliceStart: number | undefined;
/** Widgets near the viewport go first, so the charts the reader sees are not kept waiting by text far below. */
let waiting: { near: Array<() => void>; far: Array<() => void> } = { near: [], far: [] };

/** Runs `callback` in a new task, after the current one and its microtasks; unlike setTimeout(0), never clamped to 4 ms. */
function inNextTask(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

function endSlice(): void {
  sliceStart = undefined;
  const { near, far } = waiting;
  waiting = { near: [], far: [] };
  for (const wake of near) wake();
  for (const wake of far) wake();
}

/**
 * Undefined when the caller may go ahead now; otherwise a promise that
 * settles, in a later task, when it may.
 */
export function mainThreadTurn(nearViewport: boolean): Promise<void> | undefined {
  const now = performance.now();
  if (sliceStart === undefined) {
    sliceStart = now;
    inNextTask(endSlice);
  }
  if (now - sliceStart < SLICE_MS) return undefined;
  // Woken in a later task, where the caller asks again: it may find that slice used up too.
  return new Promise<void>((resolve) => waiting[nearViewport ? 'near' : 'far'].push(resolve)).then(() => mainThreadTurn(nearViewport));
}
