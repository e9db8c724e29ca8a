/**
 * What a reader would see as a broken layout, read from what the browser
 * rendered: text lines outside the widget or outside a box that clips them,
 * text that overlaps other text or the chart, a box that scrolls or clips
 * its content, a chart too short to read, bars missing from the canvas, and
 * "Record" labels running into each other.
 */
import { MARKERS, type Rgb, readBars } from './index.js';

/** How far (CSS px) a line box may stick out or overlap before it counts: sub-pixel rounding, not a real overlap. */
const SLACK = 1;

interface Box {
  what: string;
  rect: DOMRect;
}

const describe = (el: Element) => {
  const part = el.getAttribute('part');
  const cls = el.getAttribute('class');
  return `<${el.localName}${part ? ` part="${part}"` : cls ? ` class="${cls}"` : ''}>`;
};

function isVisuallyHidden(style: CSSStyleDeclaration): boolean {
  return style.position === 'absolute' && parseFloat(style.width) <= 1 && parseFloat(style.height) <= 1;
}

/** The element and each ancestor up to the host, as seen through the shadow root. */
function ancestors(el: Element, host: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = el; node && node !== host;) {
    chain.push(node);
    node = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
  }
  return chain;
}

function clips(style: CSSStyleDeclaration): boolean {
  return style.overflowX !== 'visible' || style.overflowY !== 'visible' || /paint|content|strict/.test(style.contain);
}

function hiddenFromSight(el: Element, host: Element): boolean {
  return ancestors(el, host).some((node) => {
    const style = getComputedStyle(node);
    return style.display === 'none' || style.visibility === 'hidden' || isVisuallyHidden(style);
  });
}

const inside = (inner: DOMRect, outer: DOMRect) =>
  inner.left >= outer.left - SLACK &&
  inner.right <= outer.right + SLACK &&
  inner.top >= outer.top - SLACK &&
  inner.bottom <= outer.bottom + SLACK;

const overlap = (a: DOMRect, b: DOMRect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > SLACK && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > SLACK;

const show = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;

/** The line boxes of every visible text in the widget, and the boxes that clip each of them. */
function textBoxes(host: Element): { boxes: Box[]; problems: string[] } {
  const root = host.shadowRoot!;
  const hostRect = host.getBoundingClientRect();
  const boxes: Box[] = [];
  const problems: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('style') || hiddenFromSight(parent, host)) continue;
    const clippers = ancestors(parent, host).filter((el) => clips(getComputedStyle(el)));
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width < 0.5 || rect.height < 0.5) continue;
      const what = `"${text.slice(0, 40)}" in ${describe(parent)}`;
      if (!inside(rect, hostRect)) problems.push(`${what} at ${show(rect)} is outside the widget (${show(hostRect)})`);
      for (const clipper of clippers) {
        const box = clipper.getBoundingClientRect();
        if (!inside(rect, box)) problems.push(`${what} at ${show(rect)} is cut off by ${describe(clipper)} (${show(box)})`);
      }
      boxes.push({ what, rect });
    }
  }
  return { boxes, problems };
}

/** Boxes that scroll or hide part of their content. */
function scrollingBoxes(host: Element): string[] {
  const problems: string[] = [];
  for (const el of [host, ...host.shadowRoot!.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || isVisuallyHidden(style) || el.localName === 'canvas') continue;
    if (el !== host && hiddenFromSight(el, host)) continue;
    const x = style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + SLACK;
    const y = style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + SLACK;
    if (x || y)
      problems.push(
        `${describe(el)} scrolls or clips: content ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`,
      );
  }
  return problems;
}

export interface LayoutExpectation {
  /** Bars the chart must show (years with a value), counted from the canvas pixels; undefined when the chart is not shown. */
  bars?: number;
}

/**
 * Every way the widget's layout can fail a reader, as sentences; empty when
 * it is sound. The widget must use the MARKERS colours for the bars to be counted.
 */
export function layoutProblems(host: HTMLElement, { bars }: LayoutExpectation = {}): string[] {
  const { boxes, problems } = textBoxes(host);
  problems.push(...scrollingBoxes(host));
  const hostRect = host.getBoundingClientRect();
  const canvas = host.shadowRoot!.querySelector('canvas');
  if (bars !== undefined && canvas) {
    const rect = canvas.getBoundingClientRect();
    if (!inside(rect, hostRect)) problems.push(`the chart at ${show(rect)} is outside the widget (${show(hostRect)})`);
    if (rect.height < 160 - SLACK) problems.push(`the chart is ${Math.round(rect.height)} px tall, under 160`);
    boxes.push({ what: 'the chart', rect });
    const drawn = readBars(canvas);
    if (drawn.length !== bars) problems.push(`the chart shows ${drawn.length} bars, not ${bars}`);
    problems.push(...labelCollisions(canvas, drawn), ...labelsAtTheEdge(canvas));
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (overlap(a.rect, b.rect)) problems.push(`${a.what} (${show(a.rect)}) overlaps ${b.what} (${show(b.rect)})`);
    }
  }
  return problems;
}

function near(data: Uint8ClampedArray, i: number, [r, g, b]: Rgb, tolerance: number): boolean {
  return (
    Math.abs(data[i]! - r) <= tolerance &&
    Math.abs(data[i + 1]! - g) <= tolerance &&
    Math.abs(data[i + 2]! - b) <= tolerance &&
    data[i + 3]! > 128
  );
}

/**
 * Text drawn on the canvas must not run off its sides: ink in its first or
 * last column of pixels is a label cut off there (a rotated year at the
 * start of the axis, say).
 */
function labelsAtTheEdge(canvas: HTMLCanvasElement): string[] {
  const { width, height } = canvas;
  if (width < 2 || height < 1) return [];
  const context = canvas.getContext('2d')!;
  const problems: string[] = [];
  for (const [side, x] of [
    ['left', 0],
    ['right', width - 1],
  ] as const) {
    const { data } = context.getImageData(x, 0, 1, height);
    let ink = 0;
    for (let y = 0; y < height; y++) if (near(data, y * 4, MARKERS.text, 100) || near(data, y * 4, MARKERS.muted, 100)) ink++;
    if (ink > 0) problems.push(`text on the chart runs off its ${side} edge (${ink} px of ink in its ${side}most column)`);
  }
  return problems;
}

/**
 * Labels drawn above the bars ("Record") must stay in their year's slot: no
 * text-coloured pixel on the line half-way between two bars, above the axis.
 */
function labelCollisions(canvas: HTMLCanvasElement, bars: ReturnType<typeof readBars>): string[] {
  if (bars.length < 2) return [];
  const axis = Math.min(...bars.map((bar) => bar.bottom));
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, axis);
  const problems: string[] = [];
  for (let i = 1; i < bars.length; i++) {
    const x = Math.round((bars[i - 1]!.right + bars[i]!.left) / 2);
    let ink = 0;
    for (let y = 0; y < axis; y++) if (near(data, (y * canvas.width + x) * 4, MARKERS.text, 100)) ink++;
    if (ink > 0) problems.push(`a label crosses the gap between bars ${i} and ${i + 1} (${ink} px of text at x=${x})`);
  }
  return problems;
}
