/** What a reader sees of a widget, read from its shadow DOM; and a widget rendered as a page would. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import '../../src/ceop-stats.js';
import { MARKER_STYLE } from './canvas.js';

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
