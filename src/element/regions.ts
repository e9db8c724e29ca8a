/**
 * The widget's regions as template functions, top to bottom: the alert or
 * the heading and summary, the toolbar, the chart, the table, the download
 * buttons, the counters and the source line, and the room the loading look
 * holds for text still to come. Each takes what it shows; none reads the
 * element.
 */
import { html, nothing } from 'lit';
import type { Source } from '../model/dataset.js';
import { countUpValue } from '../model/count-up.js';
import { formatCount } from '../model/format.js';
import type { Counter } from '../view/series.js';
import type { Messages } from '../messages/en.js';
import type { Problem } from '../model/result.js';
import { lazyChunk } from '../runtime/lazy-chunk.js';
import { serverRender } from './server-render.js';
import type { ReadyView } from '../view/widget-view.js';
import { onServer } from '../runtime/server.js';

export function alertRegion(problem: Problem, messages: Messages) {
  return html`<div class="alert" part="alert" role="alert">
    <strong>${messages.errorTitle}</strong>
    <span>${problem.message}</span>
  </div>`;
}

/**
 * A placeholder's words with zeros for digits: as wide in the counters' tabular figures (and most fonts' digits), and
 * no figure in the page's HTML that is not the widget's (the expected view may be the bundled figures, standing in).
 */
const unseen = (text: string) => text.replace(/\d/g, '0');

/** The title; while loading, no heading yet, but the room of the one expected (`room`), unseen. */
export function headingRegion(text: string | undefined, room = '') {
  return text
    ? html`<h2 class="heading" part="heading">${text}</h2>`
    : html`<div class="heading placeholder" aria-hidden="true" data-text=${unseen(room)}></div>`;
}

export function summaryRegion(text: string) {
  return html`<p class="summary" part="summary" id="summary">${text}</p>`;
}

export function toolbarRegion(tableShown: boolean, messages: Messages, onToggle: () => void) {
  return html`<div class="toolbar">
    <button class="toggle" part="toggle" type="button" aria-controls="chart-or-table" @click=${onToggle}>
      ${tableShown ? messages.showChart : messages.showTable}
    </button>
  </div>`;
}

export interface ChartRegionInput {
  view: ReadyView | undefined;
  loading: boolean;
  hidden: boolean;
  /** The chart's chunk could not be loaded: said in the box. */
  failed: boolean;
  messages: Messages;
  onKeydown: (event: KeyboardEvent) => void;
  onBlur: () => void;
}

/** The chart's box: the canvas, the layer that takes keyboard focus over it (or the chart's failure), and the loading message. */
export function chartRegion({ view, loading, hidden, failed, messages, onKeydown, onBlur }: ChartRegionInput) {
  // On the server, what stands in for the chart (the data table), in the box the chart will have: a reader without
  // JavaScript gets the figures, and the browser's first render puts the canvas where it was, moving nothing.
  const standIn = onServer && view ? serverRender.chartStandIn?.(view) : undefined;
  if (standIn) return html`<div class="chart" part="chart" ?hidden=${hidden}>${standIn}</div>`;
  // Over the canvas: the layer that takes keyboard focus, or why there is no chart.
  const layer = !view
    ? nothing
    : failed
      ? html`<p class="status" role="alert">${messages.chartFailed}</p>`
      : html`<div
          class="chart-focus"
          tabindex="0"
          role="application"
          aria-roledescription=${messages.chartRole}
          aria-label=${view.chartName}
          aria-describedby="summary keys"
          @keydown=${onKeydown}
          @blur=${onBlur}
        ></div>`;
  return html`<div class="chart ${loading ? 'loading' : ''}" part="chart" ?hidden=${hidden}>
    ${layer}
    <canvas aria-hidden="true"></canvas>
    ${loading ? html`<p class="status" role="status">${messages.loading}</p>` : nothing}
  </div>`;
}

/** The table's code: fetched after the first render (see the element's scheduleUpdate), before anyone can open it. */
export const tableChunk = lazyChunk(() => import('./data-table.js'));

/** The table, or, if its chunk failed to load the last time it was asked for, the failure. */
export function tableRegion(view: ReadyView, failed: boolean, messages: Messages) {
  if (tableChunk.loaded) return tableChunk.loaded.tableRegion(view);
  return failed ? html`<p class="table-failed" role="alert">${messages.tableFailed}</p>` : nothing;
}

export function downloadsRegion(failed: boolean, messages: Messages, onCsv: () => void, onPng: () => void) {
  return html`<div class="downloads" part="downloads">
    <button class="download" type="button" @click=${onCsv}>${messages.downloadCsv}</button>
    <button class="download" type="button" @click=${onPng}>${messages.downloadPng}</button>
    <p class="download-status" role="status">${failed ? messages.downloadFailed : ''}</p>
  </div>`;
}

function counter({ value, label, period }: Counter, locale: string, progress: number, messages: Messages) {
  const final = formatCount(value, locale);
  // The digits tick; a screen reader gets the final figure once, in a sentence.
  return html`<li class="counter" part="counter">
    <span class="counter-value" aria-hidden="true" data-final=${final}>${formatCount(countUpValue(value, progress), locale)}</span>
    <span class="counter-label" aria-hidden="true">${label}</span>
    <span class="visually-hidden">${messages.counterSentence(final, label, period)}</span>
  </li>`;
}

export function countersRegion({ series, messages }: ReadyView, progress: number) {
  return html`<ul class="counters" part="counters">
    ${series.counters.map((total) => counter(total, series.locale, progress, messages))}
  </ul>`;
}

export function sourceRegion(source: Source | undefined, messages: Messages) {
  if (!source) return nothing;
  return html`<p class="source" part="source">
    ${messages.sourcePrefix}
    ${source.url ? html`<a href=${source.url} target="_blank" rel="noopener noreferrer">${source.label}</a>` : source.label}
  </p>`;
}

/*
 * While data loads, the room of what is expected to come (loadingRoom): its summary, toggle, counters (one for each of
 * its measures) and source line, laid out by the rules of the real ones but unseen, the words drawn from attributes.
 */
export function textPlaceholders({ summary, messages }: ReadyView) {
  return html`<div class="placeholder summary-placeholder" data-text=${unseen(summary)}></div><div class="placeholder toolbar-placeholder"><span class="toggle-placeholder" data-text=${messages.showTable}></span></div>`;
}

export function closingPlaceholders({ series, messages, source }: ReadyView) {
  const counter = ({ value, label }: Counter) =>
    html`<li class="counter-placeholder"><span class="value-placeholder" data-text=${unseen(formatCount(value, series.locale))}></span><span class="label-placeholder" data-text=${label}></span></li>`;
  return html`<ul class="placeholder counters-placeholder" aria-hidden="true">${series.counters.map(counter)}</ul>${source ? html`<div class="placeholder source-placeholder" data-text=${unseen(`${messages.sourcePrefix} ${source.label}`)}></div>` : nothing}`;
}
