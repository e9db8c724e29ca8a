/**
 * What the widget shows, worked out in one pure step from its attributes,
 * its data and its language: still loading, the one problem that stops it,
 * or everything a render needs (options, series, heading, summary sentence,
 * the chart's name, the source line). The element computes it only when one
 * of those changes, never on a count-up frame.
 */
import { CEOP_FIGURES } from '../model/ceop-figures.js';
import type { Dataset, Source } from '../model/dataset.js';
import { type Series, seriesOf } from './series.js';
import { summarize } from './summary.js';
import { type Messages, messages as en } from '../messages/en.js';
import { localizeData } from '../messages/index.js';
import { type Problem, problemOf } from '../model/result.js';
import type { AttributesThat, RawAttributes } from '../model/attribute-table.js';
import { type WidgetOptions, given, parseOptions, parseSourceOptions } from '../model/attributes.js';

/** Where the widget's data stands: still coming, here, or not to be had. */
export type DataState = { status: 'loading' } | { status: 'ready'; dataset: Dataset } | { status: 'error'; problem: Problem };

export interface WidgetViewInput {
  attributes: RawAttributes<AttributesThat<'view'>>;
  data: DataState;
  /** A problem with `src`, `credentials` or `timeout`, found before any data was asked for. */
  requestProblem?: Problem;
  /** The messages of the widget's language, or undefined while it loads. */
  messages: Messages | undefined;
  /** The page's language, for a widget without a `locale`. */
  pageLocale: string;
  /** What relative URLs are resolved against. */
  baseUrl: string;
}

export interface ReadyView {
  status: 'ready';
  data: Dataset;
  options: WidgetOptions;
  series: Series;
  messages: Messages;
  heading: string;
  summary: string;
  /** The chart's accessible name. */
  chartName: string;
  /** The source line, or undefined with `no-source` or data without a source. */
  source: Source | undefined;
}

export type WidgetView = { status: 'loading' } | { status: 'problem'; problem: Problem } | ReadyView;

const LOADING: WidgetView = { status: 'loading' };

export function widgetView({ attributes, data, requestProblem, messages, pageLocale, baseUrl }: WidgetViewInput): WidgetView {
  // Until its language's texts are here, the widget keeps its loading look: nothing in English first.
  if (!messages) return LOADING;
  if (requestProblem) return { status: 'problem', problem: requestProblem };
  if (data.status === 'loading') return LOADING;
  if (data.status === 'error') return { status: 'problem', problem: data.problem };
  const dataset = localizeData(data.dataset, messages);
  const parsed = parseOptions(attributes, dataset, pageLocale);
  if (!parsed.ok) return { status: 'problem', problem: problemOf(parsed) };
  const source = parseSourceOptions(attributes, dataset.source, baseUrl);
  if (!source.ok) return { status: 'problem', problem: problemOf(source) };
  const options = parsed.value;
  const series = seriesOf(options, dataset, messages);
  const label = options.measure.label;
  return {
    status: 'ready',
    data: dataset,
    options,
    series,
    messages,
    heading: given(attributes.heading) ?? label,
    summary:
      given(attributes.summary) ?? summarize({ dataset, measure: options.measure, last: options.last, locale: options.locale, messages }),
    chartName: messages.chartName(label, series.labels[0]!, series.labels[series.labels.length - 1]!),
    source: source.value,
  };
}

/**
 * What the loading look holds room for: the view the widget is most likely to
 * show, whose texts and counters the placeholders lay out unseen. Its data and
 * options if the data is here (only its language's texts are not); else the
 * bundled figures with the widget's own `heading` and `summary` (its other
 * options may name what only the data to come has). English texts until its
 * language's come. So the room follows the data: a measure added to the
 * bundled figures needs no change to the styles.
 */
export function loadingRoom(input: WidgetViewInput): ReadyView | undefined {
  const known = input.data.status === 'ready';
  const { heading, summary } = input.attributes;
  const view = widgetView({
    ...input,
    attributes: known ? input.attributes : { heading, summary },
    data: known ? input.data : { status: 'ready', dataset: CEOP_FIGURES },
    messages: input.messages ?? en,
    requestProblem: undefined,
  });
  return view.status === 'ready' ? view : undefined;
}
