/** Shared test helpers: what a reader sees, read from the DOM and the canvas. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats } from '../src/ceop-stats.js';
import '../src/ceop-stats.js';

export type Rgb = [number, number, number];

/** Marker colours for pixel tests, set through the public custom properties. */
export const MARKERS = {
  bar: [0, 0, 255] as Rgb,
  record: [255, 0, 0] as Rgb,
  muted: [0, 160, 0] as Rgb,
  text: [0, 0, 0] as Rgb,
};

export const MARKER_STYLE = [
  `--ceop-stats-bar-color: rgb(${MARKERS.bar.join(',')})`,
  `--ceop-stats-record-color: rgb(${MARKERS.record.join(',')})`,
  `--ceop-stats-muted-color: rgb(${MARKERS.muted.join(',')})`,
  `--ceop-stats-text-color: rgb(${MARKERS.text.join(',')})`,
  '--ceop-stats-background: rgb(255, 255, 255)',
  '--ceop-stats-grid-color: rgb(255, 255, 255)',
].join(';');

export function shadow(el: CeopStats): ShadowRoot {
  return el.shadowRoot!;
}

export function canvasOf(el: CeopStats): HTMLCanvasElement {
  return shadow(el).querySelector('canvas')!;
}

export function alertText(el: CeopStats): string | undefined {
  return shadow(el).querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ').trim();
}

/** The accessible name of the focusable chart. */
export function chartLabel(el: CeopStats): string | null | undefined {
  return shadow(el).querySelector('.chart-focus')?.getAttribute('aria-label');
}

/** True when the chart and table area is hidden, as it is under an alert. */
export function viewHidden(el: CeopStats): boolean {
  return shadow(el).querySelector<HTMLElement>('#chart-or-table')!.hidden === true;
}

/** Undefined too before the element is upgraded: with the bundle's loader it is defined only when its chunk arrives. */
export function headingText(el: CeopStats): string | undefined {
  return el.shadowRoot?.querySelector('h2')?.textContent.trim();
}

/**
 * The chart's tooltip as the reader sees it: whether it shows, its title and
 * lines, and where its caret points, in the canvas's pixels.
 */
export function tooltipOf(el: CeopStats): { visible: boolean; title: string[]; lines: string[]; caretX: number } {
  const tip = shadow(el).querySelector<HTMLElement>('[part~="tooltip"]');
  if (!tip || tip.hidden) return { visible: false, title: [], lines: [], caretX: NaN };
  const canvas = canvasOf(el);
  const canvasRect = canvas.getBoundingClientRect();
  const caret = tip.querySelector('.tooltip-caret')!.getBoundingClientRect();
  return {
    visible: true,
    title: [tip.querySelector('.tooltip-title')!.textContent.trim()],
    lines: [...tip.querySelectorAll('.tooltip-line')].map((line) => line.textContent.trim()),
    caretX: ((caret.left + caret.width / 2 - canvasRect.left) * canvas.width) / canvasRect.width,
  };
}

/** Visible counter figures, as the reader sees them. */
/** None before the element is upgraded, as headingText. */
export function counterValues(el: CeopStats): string[] {
  return [...(el.shadowRoot?.querySelectorAll('.counter-value') ?? [])].map((n) => n.textContent.trim());
}

/** What a screen reader gets for the counters. */
export function counterSentences(el: CeopStats): string[] {
  return [...shadow(el).querySelectorAll('.counter .visually-hidden')].map((n) => n.textContent.trim());
}

/**
 * Renders a widget and waits for its chart to be drawn. Marker colours make
 * bars readable from pixels; no-animation keeps the drawing final. A `style`
 * attribute is added to the marker colours rather than replacing them.
 */
export async function renderWidget(attributes: Record<string, string | boolean> = {}): Promise<CeopStats> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
  const el = document.createElement('ceop-stats');
  el.setAttribute('style', MARKER_STYLE);
  el.setAttribute('theme', 'light');
  el.setAttribute('no-animation', '');
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'style') el.setAttribute('style', `${MARKER_STYLE};${String(value)}`);
    else if (value === false) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? '' : value);
  }
  const ready = oneEvent(el, 'ceop-stats-ready');
  wrapper.append(el);
  await ready;
  return el;
}

function near(data: Uint8ClampedArray, i: number, [r, g, b]: Rgb, tolerance = 8): boolean {
  return (
    Math.abs(data[i]! - r) <= tolerance &&
    Math.abs(data[i + 1]! - g) <= tolerance &&
    Math.abs(data[i + 2]! - b) <= tolerance &&
    data[i + 3]! > 250
  );
}

export interface Bar {
  color: 'bar' | 'record';
  left: number;
  right: number;
  /** Topmost and bottommost rows of the bar. */
  top: number;
  bottom: number;
  centre: number;
}

/**
 * The bars on the canvas: runs of columns whose pixels are solidly the bar or
 * the record marker colour (at least 4 pixels tall, so text cannot pass for one).
 */
/** Bar heights in pixels, in the order drawn. */
export function barHeights(bars: Bar[]): number[] {
  return bars.map((bar) => bar.bottom - bar.top + 1);
}

export function readBars(canvas: HTMLCanvasElement): Bar[] {
  const { width, height } = canvas;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, width, height);
  type Column = { color: Bar['color']; top: number; bottom: number };
  const columns: (Column | undefined)[] = [];
  for (let x = 0; x < width; x++) {
    let found: Column | undefined;
    for (const color of ['bar', 'record'] as const) {
      let count = 0;
      let top = -1;
      let bottom = -1;
      for (let y = 0; y < height; y++) {
        if (near(data, (y * width + x) * 4, MARKERS[color])) {
          count++;
          if (top < 0) top = y;
          bottom = y;
        }
      }
      if (count >= 4) found = { color, top, bottom };
    }
    columns.push(found);
  }
  const bars: Bar[] = [];
  columns.forEach((column, x) => {
    const last = bars[bars.length - 1];
    if (!column) return;
    if (last && last.color === column.color && last.right === x - 1) {
      last.right = x;
      last.top = Math.min(last.top, column.top);
      last.bottom = Math.max(last.bottom, column.bottom);
      last.centre = (last.left + x) / 2;
    } else {
      bars.push({ color: column.color, left: x, right: x, top: column.top, bottom: column.bottom, centre: x });
    }
  });
  return bars.filter((bar) => bar.right - bar.left >= 3);
}

/** How many pixels in a rectangle are close to a colour. */
export function countPixels(
  canvas: HTMLCanvasElement,
  rect: { x: number; y: number; w: number; h: number },
  color: Rgb,
  tolerance = 90,
): number {
  const x = Math.max(0, Math.round(rect.x));
  const y = Math.max(0, Math.round(rect.y));
  const w = Math.max(1, Math.min(canvas.width - x, Math.round(rect.w)));
  const h = Math.max(1, Math.min(canvas.height - y, Math.round(rect.h)));
  const { data } = canvas.getContext('2d')!.getImageData(x, y, w, h);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (near(data, i, color, tolerance)) count++;
  return count;
}

/** Collects uncaught errors so a test can assert there were none. */
export function watchUncaughtErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Fails every test of the enclosing suite (or file) that leaves an uncaught error or rejection behind. */
export function failOnUncaughtErrors(): void {
  let uncaught: ReturnType<typeof watchUncaughtErrors> | undefined;
  beforeEach(() => {
    uncaught = watchUncaughtErrors();
  });
  afterEach(() => {
    uncaught?.stop();
    expect(uncaught?.errors, 'uncaught errors').to.deep.equal([]);
  });
}

/** Replaces console.warn for a test and records its calls. */
export function captureWarnings(): { calls: unknown[][]; restore: () => void } {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => {
    calls.push(args);
  };
  return { calls, restore: () => (console.warn = original) };
}

/**
 * Stands in for the browser's answer to one media query, so a test can turn a
 * reader preference (reduced motion, dark scheme) on and off in every engine:
 * only Chromium lets a test runner emulate media features.
 */
export class FakeMediaQuery extends EventTarget {
  /** The fakes not yet restored, by query: whatever the order they are restored in, the real matchMedia comes back with the last. */
  static readonly #active = new Map<string, FakeMediaQuery>();
  static readonly #original = Object.getOwnPropertyDescriptor(window, 'matchMedia')!;
  static readonly #real = window.matchMedia.bind(window);
  matches: boolean;
  readonly media: string;
  #listeners = 0;

  constructor(media: string, matches: boolean) {
    super();
    this.media = media;
    this.matches = matches;
    FakeMediaQuery.#active.set(media, this);
    window.matchMedia = (query: string) =>
      (FakeMediaQuery.#active.get(query) as unknown as MediaQueryList | undefined) ?? FakeMediaQuery.#real(query);
  }

  /** Listeners the widget has added and not removed. */
  get listeners(): number {
    return this.#listeners;
  }

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.#listeners++;
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.#listeners--;
    super.removeEventListener(...args);
  }

  set(matches: boolean): void {
    this.matches = matches;
    this.dispatchEvent(new Event('change'));
  }

  restore(): void {
    FakeMediaQuery.#active.delete(this.media);
    if (FakeMediaQuery.#active.size === 0) Object.defineProperty(window, 'matchMedia', FakeMediaQuery.#original);
  }
}

/** Layout shifts Chromium reports from now on, summed; null where the engine reports none. */
export function watchLayoutShifts(): { total: () => number | null; stop: () => void } {
  if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return { total: () => null, stop: () => {} };
  let sum = 0;
  const add = (entries: PerformanceEntryList) => entries.forEach((entry) => (sum += (entry as PerformanceEntry & { value: number }).value));
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift' });
  return {
    total: () => {
      add(observer.takeRecords());
      return sum;
    },
    stop: () => observer.disconnect(),
  };
}
