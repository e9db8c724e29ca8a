/**
 * Keeps a widget's chart, and the page below it, where the loading look had
 * them when its data, from `src` or the page, arrives after a first render.
 * The loading look holds room for the texts and counters of the data it
 * expects, the bundled figures' for data still to come (see loadingRoom);
 * data with a shorter heading, summary or fewer counters would move the chart
 * up, and the page below it, in front of a reader who has the widget in view
 * (a layout shift). What the texts leave over stays as room under the summary
 * and at the card's end until the widget's width next changes, or the page is
 * printed (the element calls release()): the widget lays out anew then anyway. A widget below the viewport
 * holds nothing. Longer texts push the chart down: that room cannot be known
 * before they come. Part of the chunk for data from outside the bundle, the
 * only data that comes late.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchBoxSize } from '../runtime/box-size.js';

export class HeldRoom implements ReactiveController {
  /** The widget's shadow root, where the card and the chart's box are. */
  private readonly root: ParentNode;
  /** Where the chart's box was, from the card's top, and how tall the card was, in the loading look. */
  private measured?: { chartTop: number; height: number };
  /** The elements given room, to take it back from. */
  private held: HTMLElement[] = [];
  private stopWatching?: () => void;

  constructor(host: ReactiveControllerHost, root: ParentNode) {
    this.root = root;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.release();
  }

  /** Before the render that replaces the loading look with data: where it has the chart now (one layout, once per load). */
  measure(): void {
    const parts = this.parts();
    const box = parts?.card.getBoundingClientRect();
    // Not laid out (hidden, or not in a document yet), or below the viewport: nothing a reader sees would move, and
    // the texts take their own room. Above it, the page after it is in view (and not every engine anchors the scroll).
    if (!parts || !box?.width || box.top >= innerHeight) return;
    this.measured = { chartTop: parts.chart.getBoundingClientRect().top - box.top, height: box.height };
  }

  /** After that render: room under the summary and at the card's end, as much as the texts left over. */
  hold(): void {
    const measured = this.measured;
    if (!measured) return;
    this.release();
    const parts = this.parts();
    if (!parts) return;
    const { card, chart, summary } = parts;
    const box = card.getBoundingClientRect();
    const above = measured.chartTop - (chart.getBoundingClientRect().top - box.top);
    // Under half a pixel is rounding, not a line of text.
    if (above < 0.5 && box.height > measured.height - 0.5) return;
    if (summary && above >= 0.5) summary.style.marginBlockEnd = `${above}px`;
    card.style.minBlockSize = `${measured.height}px`;
    this.held = summary ? [card, summary] : [card];
    // Compared with the card's own width when the observer reports: its first report may already be of a new width.
    const width = box.width;
    const stopWatchingBox = watchBoxSize(card, () => {
      if (Math.abs(card.getBoundingClientRect().width - width) > 0.5) this.release();
    });
    this.stopWatching = stopWatchingBox;
  }

  /** The texts take their own room again: the width changed, the page is printed, or other data came. */
  readonly release = (): void => {
    this.measured = undefined;
    this.stopWatching?.();
    this.stopWatching = undefined;
    for (const element of this.held) element.style.marginBlockEnd = element.style.minBlockSize = '';
    this.held = [];
  };

  private parts() {
    const card = this.root.querySelector<HTMLElement>('.card');
    const chart = this.root.querySelector<HTMLElement>('.chart-or-table');
    const summary = this.root.querySelector<HTMLElement>('.summary') ?? undefined;
    return card && chart ? { card, chart, summary } : undefined;
  }
}
