/**
 * Tells widgets the size of their chart's box. One ResizeObserver serves every
 * widget on the page: it reports after the browser's own layout, so knowing a
 * size never forces one, and a page of 50 widgets gets their 50 sizes in one
 * callback. The sizes are passed on in the next animation frame, as Chart.js's
 * own observer does: a chart redrawn inside the observer's callback could
 * change the size of a box it watches (a widget as wide as its content), which
 * the browser reports as a ResizeObserver loop error on the host page.
 */
/** A chart box's content box, in CSS pixels. */
export interface BoxSize {
  width: number;
  height: number;
}

type Listener = (size: BoxSize) => void;

const listeners = new Map<Element, Listener>();
const pending = new Map<Element, DOMRectReadOnly>();
let observer: ResizeObserver | undefined;

function deliver(): void {
  const reports = [...pending];
  pending.clear();
  for (const [element, { width, height }] of reports) listeners.get(element)?.({ width, height });
}

/** Calls `listener` with `element`'s content box size (CSS pixels) once it is laid out, and on each change, until the returned function is called. */
export function watchBoxSize(element: Element, listener: Listener): () => void {
  observer ??= new ResizeObserver((entries) => {
    if (!pending.size) requestAnimationFrame(deliver);
    for (const { target, contentRect } of entries) pending.set(target, contentRect);
  });
  listeners.set(element, listener);
  observer.observe(element);
  return () => {
    listeners.delete(element);
    pending.delete(element);
    observer?.unobserve(element);
  };
}

/** Chart.js's rounding of CSS sizes, to a tenth of a pixel. */
const toTenth = (value: number): number => Math.round(value * 10) / 10;

/**
 * Gives a canvas the size, in CSS and device pixels, that Chart.js gives it
 * for a box of this size, so what Chart.js reads of it is laid out already. The
 * widget sizes every canvas reported in a frame in one go, before any chart
 * is made: a chart made after another widget's canvas changed size would make
 * the browser lay the page out again as it sets its first font.
 */
export function sizeCanvas(canvas: HTMLCanvasElement, { width, height }: BoxSize): void {
  Object.assign(canvas.style, { display: 'block', boxSizing: 'border-box', width: `${toTenth(width)}px`, height: `${toTenth(height)}px` });
  // Set only when they differ, as Chart.js does: setting the same number is still an attribute change to the page's
  // style (a box measured after 250 ms, then reported by the observer, was sized twice).
  for (const [key, size] of [
    ['width', width],
    ['height', height],
  ] as const) {
    const pixels = Math.floor(toTenth(toTenth(size) * devicePixelRatio));
    if (canvas[key] !== pixels) canvas[key] = pixels;
  }
}
