/**
 * The download buttons' work: the CSV and PNG chunk is a chunk fetched on the
 * first click, handed exactly what the widget shows, so the files say what
 * the chart, table and counters say.
 */
import { lazyChunk } from '../runtime/lazy-chunk.js';
import type { ChartController, ChartInput } from './chart-controller.js';
import type { ReadyView } from '../view/widget-view.js';

const downloadsChunk = lazyChunk(() => import('../downloads/downloads.js'));

export async function download(
  kind: 'csv' | 'png',
  host: HTMLElement,
  view: ReadyView,
  chart: ChartController,
  chartInput: ChartInput,
): Promise<void> {
  const chunk = await downloadsChunk.load();
  const input = {
    host,
    series: view.series,
    messages: view.messages,
    // A file leaves the page: with the source line hidden, it still names the data's source.
    source: view.source ?? view.data.source,
    heading: view.heading,
  };
  if (kind === 'csv') chunk.downloadCsv(input);
  else await chunk.downloadPng({ ...input, ...(await chart.picture(chartInput)) });
}
