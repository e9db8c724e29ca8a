import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BarChart, BarChartColors, BarChartModel } from './bar-chart.js';
import { chartKeyAction } from './chart-keys.js';
import { styles } from './ceop-stats.styles.js';
import { countUpValue, runCountUp } from './count-up.js';
import type { Problem, ProblemCode } from './data-loaders.js';
import { DataSource } from './data-source.js';
import { renderDataTable } from './data-table.js';
import { type Dataset, type Source, isPartialTotal, measureTotal } from './dataset.js';
import { formatCount } from './format.js';
import { lazyChunk } from './lazy-chunk.js';
import { mainThreadTurn } from './main-thread-turn.js';
import { type Messages, messages as en } from './messages/en.js';
import { counterLabel, localizeData, messagesFor } from './messages/index.js';
import { mayBeNearViewport, whenNearViewport, whenVisible } from './near-viewport.js';
import { type WidgetOptions, given, parseFetchOptions, parseOptions, parseSourceOptions, resolveLocale, themeOf } from './options.js';
import { type SeriesView, seriesView } from './series-view.js';
import { watchStyle } from './style-watch.js';
import { summarize } from './summary.js';

/**
 * Chart.js and the adapter are a separate chunk, fetched (once for every
 * widget on the page) only when a widget is about to be seen or printed.
 */
const chartCode = lazyChunk(() => import('./bar-chart.js'));

/** The CSV and PNG code, a chunk fetched on the first click of a download button. */
const downloadsCode = lazyChunk(() => import('./downloads.js'));

/** `detail` of the `ceop-stats-error` event. */
export interface CeopStatsErrorDetail {
  /**
   * What kind of problem: `attribute` (a bad attribute value), `fetch-failed`,
   * `http-status`, `timeout`, `not-json` or `schema` (data that does not fit
   * the schema, wherever it came from).
   */
  code: ProblemCode;
  /** Says what is wrong and what is allowed; the same text as the visible alert. */
  message: string;
}

/** `detail` of the `ceop-stats-ready` event. */
export interface CeopStatsReadyDetail {
  /** The measure shown. */
  metric: string;
  /** The year labels shown, first to last. */
  years: string[];
}

const OPTION_PROPERTIES = ['metric', 'from', 'to', 'highlight', 'theme', 'locale', 'noAnimation', 'sourceLabel', 'sourceUrl', 'noSource'] as const;
const FETCH_PROPERTIES = ['src', 'credentials', 'timeout'] as const;

/**
 * CEOP's annual results as a bar chart of one measure per year, with record
 * years picked out, and animated counters of the totals since April 2006.
 *
 * @summary Embeddable chart of the Child Exploitation and Online Protection Centre's annual results.
 *
 * @fires {CustomEvent<CeopStatsReadyDetail>} ceop-stats-ready - After each complete render with valid data: the chart drawn and the counters mounted. A widget far below the fold draws its chart, and so fires this, when the reader scrolls near it. Bubbles and is composed.
 * @fires {CustomEvent<CeopStatsErrorDetail>} ceop-stats-error - When an attribute or the data is invalid, or the data cannot be loaded; the widget shows the same message in an alert. Bubbles and is composed.
 *
 * @slot - Optional data: a `<script type="application/json">` in the dataset schema, or a `<table>` of the editor's figures (also what readers without JavaScript see). Not displayed once the element has upgraded.
 *
 * @csspart card - The box around everything.
 * @csspart heading - The title.
 * @csspart summary - The sentence under the title that says what the chart shows.
 * @csspart toggle - The "Show table" / "Show chart" button.
 * @csspart chart - The chart's box (focusable: arrow keys go through the years).
 * @csspart table - The box around the data table.
 * @csspart counters - The list of counters.
 * @csspart counter - One counter.
 * @csspart source - The source line.
 * @csspart downloads - The "Download data (CSV)" and "Download image (PNG)" buttons (with the `downloads` attribute), and the message when a download fails.
 * @csspart alert - The message shown instead of the chart when something is wrong.
 *
 * @cssprop [--ceop-stats-font-family=the page's font] - Font of all text, in the chart too.
 * @cssprop [--ceop-stats-text-color=#1f2328 (dark: #e6edf3)] - Heading, counters and axis labels.
 * @cssprop [--ceop-stats-muted-color=#59636e (dark: #9ea7b3)] - Counter labels, value axis and source line.
 * @cssprop [--ceop-stats-background=#ffffff (dark: #161b22)] - Background of the card.
 * @cssprop [--ceop-stats-bar-color=#7492c8 (dark: #4a6aa0)] - Bars that are not highlighted.
 * @cssprop [--ceop-stats-record-color=#6b2200 (dark: #ffb870)] - Highlighted bars (records, or the latest year).
 * @cssprop [--ceop-stats-grid-color=#d1d9e0 (dark: #3d444d)] - Grid lines and axis line.
 * @cssprop [--ceop-stats-accent-color=#0b5cad (dark: #6cb6ff)] - Focus ring.
 * @cssprop [--ceop-stats-radius=8px] - Corner radius of the card.
 * @cssprop [--ceop-stats-spacing=16px] - Padding and gaps.
 * @cssprop [--ceop-stats-chart-height=240px] - Height of the chart's box at every width (at least 160px). The widget is as tall as its content: this, plus its text, which wraps to the widget's width.
 */
export class CeopStats extends LitElement {
  static override styles = styles;

  @query('canvas') private canvas?: HTMLCanvasElement;
  /** Holds the palette (see the styles), so colours are read from it. */
  @query('.card') private card?: HTMLElement;

  /** Counter animation progress, 0 to 1. */
  @state() private countProgress = 0;

  /** The reader chose the table instead of the chart. */
  @state() private tableView = false;

  /** Printing: the table is printed beneath the chart. */
  @state() private printing = false;

  /** What the live region last said about a year chosen with the keyboard. */
  @state() private announcement = '';

  /** The last download failed: said beside the buttons until the next try. */
  @state() private downloadFailed = false;

  /** Which measure the chart shows, by id: `children`, `arrests` or `networks` for the bundled figures. Default: the data's first measure (`children` in the bundled figures). */
  @property({ reflect: true }) metric?: string;

  /** First year shown, by the calendar year it starts in: `2008` is 2008/09. Default: the first year. */
  @property({ reflect: true }) from?: string;

  /** Last year shown, by the calendar year it starts in: `2010` is 2010/11. Default: the last year. */
  @property({ reflect: true }) to?: string;

  /** Which bars stand out: `records` (years higher than every year before), `latest`, or `none`. */
  @property({ reflect: true }) highlight = 'records';

  /** The title. Default: the measure's label. */
  @property({ reflect: true }) heading?: string;

  /** The sentence under the title, and the chart's description. Default: generated from the data, such as "Arrests: 513 in 2010/11, a record for the fifth year in a row and 23% more than in 2009/10. 1,644 since April 2006." */
  @property({ reflect: true }) summary?: string;

  /** BCP 47 language tag, such as `en-GB`, `cy` or `de`: the numbers' format and the language of every built-in text (English and Welsh; other languages get English texts with their own numbers). Default: the page's `lang`, else the browser's language. */
  @property({ reflect: true }) locale?: string;

  /** Show final values at once, without animating the chart or the counters. Default: absent (animated). */
  @property({ type: Boolean, reflect: true, attribute: 'no-animation' }) noAnimation = false;

  /** Colour scheme: `light`, `dark`, or `auto` to follow the reader's system. */
  @property({ reflect: true }) theme = 'auto';

  /** URL of a JSON dataset (http, https or relative), in the schema of "Your own data" in the README. Takes precedence over inline JSON and a child table. Default: the child JSON or table, else the bundled figures. */
  @property({ reflect: true }) src?: string;

  /** Whether the `src` request sends cookies: `omit`, `same-origin` or `include`. */
  @property({ reflect: true }) credentials = 'omit';

  /** Milliseconds to wait for `src` before giving up, 1 to 120000. */
  @property({ reflect: true }) timeout = '10000';

  /** Text of the source line, instead of the data's source. The link stays the data's unless `source-url` is given. Default: the data's source label. */
  @property({ reflect: true, attribute: 'source-label' }) sourceLabel?: string;

  /** Link of the source line (http or https), instead of the data's. Default: the data's source link, if any. */
  @property({ reflect: true, attribute: 'source-url' }) sourceUrl?: string;

  /** Hide the source line. */
  @property({ type: Boolean, reflect: true, attribute: 'no-source' }) noSource = false;

  /** Show "Download data (CSV)" and "Download image (PNG)" buttons under the chart: the table's figures as a spreadsheet file, and a picture of the heading, chart, totals and source. Default: absent (no buttons). */
  @property({ type: Boolean, reflect: true }) downloads = false;

  /** An editor's table is read in the widget's locale, else the page's. */
  private readonly source = new DataSource(this, () => resolveLocale(this.locale, this.pageLocale()));
  /** The data the view was computed from, to recompute only when it changes. */
  private appliedState?: DataSource['state'];
  private request?: Parameters<DataSource['use']>[0];
  private requestProblem?: string;
  private data?: Dataset;
  private options?: WidgetOptions;
  private view?: SeriesView;
  /** The built-in texts in the widget's language; undefined while its catalogue loads. */
  private catalogue?: Messages = en;
  /** The chart was last drawn right to left (the computed `direction`, read once per drawing, not per frame). */
  private rtl = false;
  /** The source line shown, if any. */
  private shownSource?: Source;
  private problem?: Problem;
  /** The last problem reported, so a problem is warned about once, not on every render. */
  private reportedProblem?: string;
  private chart?: BarChart;
  /** The colours the chart was last drawn with, to redraw only when the CSS has really changed them. */
  private drawnColors = '';
  private stopWatchingStyle?: () => void;
  /** Cancels the wait for the widget to come near the viewport. */
  private stopWaitingForView?: () => void;
  /** Within a viewport's height of being seen, when last looked: its updates go first when the main thread is busy. */
  private nearViewport = false;
  /** The year chosen with the keyboard, as an index into the years shown. */
  private focusedYear?: number;
  private chartStale = true;
  private readyPending = false;
  private stopCountUp?: () => void;
  /** Set once the counters wait to be seen (a no-op after they were); cancels the wait. */
  private stopWaitingToCount?: () => void;
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  private readonly forcedColors = matchMedia('(forced-colors: active)');
  /** Reader preferences that change how the chart is drawn. */
  private readonly preferences = [this.reducedMotion, this.forcedColors, matchMedia('(prefers-color-scheme: dark)')];

  /**
   * `pending` until the first render: between the element's definition (when
   * the page's `:not(:defined)` room goes) and its first render (which may
   * wait for a turn on a busy main thread), the styles hold the same room.
   */
  // CustomStateSet is missing in older engines, which then only lose the held room for a moment.
  private readonly states = (this.attachInternals() as Partial<ElementInternals>).states;

  constructor() {
    super();
    this.states?.add('pending');
  }

  protected override firstUpdated(): void {
    this.states?.delete('pending');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const query of this.preferences) query.addEventListener('change', this.onMediaChange);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    this.stopWatchingStyle = watchStyle(this, this.onStyleChange);
    this.chartStale = true;
    this.nearViewport = mayBeNearViewport(this);
    // A widget already in view starts fetching the chart code now, while it renders its text.
    if (!chartCode.requested && this.nearViewport) void this.loadChart();
    if (this.hasUpdated) {
      // Asks again for data a removal interrupted, and re-reads the children.
      this.source.use(this.request);
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const query of this.preferences) query.removeEventListener('change', this.onMediaChange);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.stopWatchingStyle?.();
    this.stopWatchingStyle = undefined;
    this.stopWaitingToCount?.();
    this.stopWaitingToCount = undefined;
    if (this.stopCountUp) this.finishCountUp();
    this.stopWaitingForView?.();
    this.stopWaitingForView = undefined;
    this.chart?.destroy();
    this.chart = undefined;
  }

  /** Waits for a turn on the main thread when other widgets have used this task's slice; otherwise updates as Lit does. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Lit's own signature: a synchronous update returns nothing.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const turn = mainThreadTurn(this.nearViewport);
    return turn ? turn.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (FETCH_PROPERTIES.some((name) => changed.has(name)) || !this.hasUpdated) {
      const fetch = parseFetchOptions(this, document.baseURI);
      this.requestProblem = fetch.ok ? undefined : fetch.message;
      this.request = fetch.ok ? fetch.options : undefined;
      if (fetch.ok) this.source.use(fetch.options);
    }
    if (OPTION_PROPERTIES.some((name) => changed.has(name)) || FETCH_PROPERTIES.some((name) => changed.has(name)) || this.appliedState !== this.source.state) {
      this.applyOptions();
    }
    // Without motion the counters start final, in this same update.
    if (!this.motionAllowed && this.countProgress < 1) this.finishCountUp();
  }

  protected override updated(): void {
    if (this.chartStale) this.syncChart();
    if (this.view && this.countProgress === 0 && !this.stopCountUp && !this.stopWaitingToCount) this.startCounters();
  }

  private get motionAllowed(): boolean {
    return !this.noAnimation && !this.reducedMotion.matches;
  }

  private pageLocale(): string {
    return this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en-GB';
  }

  /** The texts to render with: English only while a catalogue loads, when nothing but the loading look shows. */
  private get messages(): Messages {
    return this.catalogue ?? en;
  }

  /** Takes the catalogue of the widget's language, or starts loading it and updates once it is here. */
  private useCatalogue(): Messages | undefined {
    const found = messagesFor(resolveLocale(this.locale, this.pageLocale()));
    if (found instanceof Promise) {
      void found.then(() => this.reapplyOptions());
      return (this.catalogue = undefined);
    }
    return (this.catalogue = found);
  }


  /** Works out what to show again on the next update, as if the data had changed; also for a widget reconnected later. */
  private reapplyOptions(): void {
    this.appliedState = undefined;
    if (this.isConnected) this.requestUpdate();
  }

  /** Works out what to show from the attributes and the data, or the one problem that stops it. */
  private applyOptions(): void {
    const state = this.source.state;
    this.appliedState = state;
    this.options = undefined;
    this.view = undefined;
    const messages = this.useCatalogue();
    this.data = state.status === 'ready' && messages ? localizeData(state.dataset, messages) : undefined;
    let problem: Problem | undefined;
    if (!messages) {
      // Until its language's texts are here, the widget keeps its loading look: nothing in English first.
    } else if (this.requestProblem) problem = { code: 'attribute', message: this.requestProblem };
    else if (state.status === 'error') problem = state.problem;
    else if (this.data) {
      const result = parseOptions(this, this.data, this.pageLocale());
      const source = parseSourceOptions(this, this.data.source, document.baseURI);
      if (!result.ok) problem = { code: 'attribute', message: result.message };
      else if (!source.ok) problem = { code: 'attribute', message: source.message };
      else {
        this.options = result.options;
        this.view = seriesView(result.options, this.data.years, messages);
        this.shownSource = source.source;
      }
    }
    this.problem = problem;
    this.chartStale = true;
    this.focusedYear = undefined;
    this.announcement = '';
    if (problem && problem.message !== this.reportedProblem) this.reportProblem(problem);
    // While data loads, the last problem stands: the same problem after a reload is not warned about twice.
    if (state.status !== 'loading' && messages) this.reportedProblem = problem?.message;
  }

  private reportProblem({ code, message }: Problem): void {
    console.warn(`<ceop-stats>: ${message}`);
    this.dispatchEvent(
      new CustomEvent<CeopStatsErrorDetail>('ceop-stats-error', {
        bubbles: true,
        composed: true,
        detail: { code, message },
      }),
    );
  }

  /** Colours come from the resolved custom properties, so CSS themes the canvas too. */
  private readColors(): BarChartColors {
    const style = getComputedStyle(this.card ?? this);
    const read = (name: string) => style.getPropertyValue(name).trim();
    return {
      bar: read('--_bar'),
      highlight: read('--_record'),
      text: read('--_text'),
      muted: read('--_muted'),
      grid: read('--_grid'),
      background: read('--_background'),
      accent: read('--_accent'),
      fontFamily: style.fontFamily || 'sans-serif',
      forced: this.forcedColors.matches,
    };
  }

  private currentColors(): BarChartColors {
    const colors = this.readColors();
    this.drawnColors = JSON.stringify(colors);
    return colors;
  }

  private chartModel(view: SeriesView, locale: string): BarChartModel {
    return {
      labels: view.labels,
      values: view.values,
      highlighted: view.highlighted,
      highlightLabel: view.highlightLabel,
      notReportedLabel: this.messages.notReportedMarker,
      describe: (index) => view.details[index] ?? [],
      formatValue: (value) => formatCount(value, locale),
      // Read only for a chart about to be drawn, like the colours; the arrow keys follow what was drawn.
      rtl: (this.rtl = getComputedStyle(this).direction === 'rtl'),
    };
  }

  private syncChart(): void {
    const { view, options, canvas } = this;
    if (!view || !options || !canvas || !this.isConnected) return;
    this.chartStale = false;
    this.readyPending = true;
    // Colours are read only for a chart about to be drawn: getComputedStyle costs a style recalculation, 50 times over on a page of 50 widgets.
    if (this.chart) this.chart.update(this.chartModel(view, options.locale), this.currentColors(), this.motionAllowed);
    else if (chartCode.loaded) this.chart = new chartCode.loaded.BarChart(canvas, this.chartModel(view, options.locale), this.currentColors(), this.motionAllowed, this.onChartDrawn);
    else {
      this.chartStale = true;
      this.stopWaitingForView ??= whenNearViewport(this, () => {
        this.nearViewport = true;
        void this.loadChart();
      });
    }
  }

  private async loadChart(): Promise<void> {
    let loaded = true;
    try {
      await chartCode.load();
    } catch {
      loaded = false;
    }
    // Loaded (or failed) either way: stop watching for the viewport, which holds on to the element.
    this.stopWaitingForView?.();
    this.stopWaitingForView = undefined;
    // A failed chunk load (offline, blocked) leaves the summary, table and counters; say why the chart is missing.
    if (!loaded) console.warn('<ceop-stats>: the chart code could not be loaded; the table view still works.');
    else if (this.isConnected) this.requestUpdate();
  }

  private readonly onChartDrawn = (): void => {
    if (!this.readyPending || !this.view || !this.options) return;
    this.readyPending = false;
    this.dispatchEvent(
      new CustomEvent<CeopStatsReadyDetail>('ceop-stats-ready', {
        bubbles: true,
        composed: true,
        detail: { metric: this.options.measure.id, years: this.view.labels },
      }),
    );
  };

  /** CSS around the widget changed: redraw if the colours it gives the chart did. */
  private readonly onStyleChange = (): void => {
    // A site switching language (lang on <html>) gets the widget in the new one, as a locale attribute would.
    if (this.options && resolveLocale(this.locale, this.pageLocale()) !== this.options.locale) this.reapplyOptions();
    if (!this.chart) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    if (rtl !== this.rtl || JSON.stringify(this.readColors()) !== this.drawnColors) void this.refresh();
  };

  /** A change of motion or colour preference redraws the chart; willUpdate settles the counters. */
  private readonly onMediaChange = (): void => {
    this.chartStale = true;
    this.requestUpdate();
  };

  /** Printed pages get final counter values, the table, and a sharper chart. */
  private readonly onBeforePrint = (): void => {
    if (this.countProgress < 1) this.finishCountUp();
    if (!chartCode.loaded) void this.loadChart();
    this.printing = true;
    this.chart?.setPixelRatio(3);
  };

  private readonly onAfterPrint = (): void => {
    this.printing = false;
    this.chart?.setPixelRatio(undefined);
  };

  private readonly onToggleView = (): void => {
    this.tableView = !this.tableView;
  };

  private readonly onDownloadCsv = (): void => void this.download(false);
  private readonly onDownloadPng = (): void => void this.download(true);

  /** Makes the file, in the downloads chunk, from what the widget shows; a failure is said beside the buttons, never thrown. */
  private async download(picture: boolean): Promise<void> {
    const { data, options, view } = this;
    if (!data || !options || !view) return;
    this.downloadFailed = false;
    try {
      const [code, chart] = await Promise.all([downloadsCode.load(), picture ? chartCode.load() : undefined]);
      const input = {
        host: this,
        dataset: data,
        measure: options.measure,
        view,
        locale: options.locale,
        messages: this.messages,
        // A file leaves the page: with the source line hidden, it still names the data's source.
        source: this.shownSource ?? data.source,
        heading: given(this.heading) ?? options.measure.label,
      };
      if (chart) await code.downloadPng({ ...input, chartCode: chart, model: this.chartModel(view, options.locale), colors: this.readColors() });
      else code.downloadCsv(input);
    } catch (error) {
      console.warn(`<ceop-stats>: the download could not be made: ${String(error)}`);
      this.downloadFailed = true;
    }
  }

  private readonly onChartKeydown = (event: KeyboardEvent): void => {
    const view = this.view;
    if (!view) return;
    const action = chartKeyAction(event.key, this.focusedYear, view.labels.length, this.rtl);
    if (!action) return;
    event.preventDefault();
    if ('hide' in action) {
      this.chart?.focus(undefined);
      return;
    }
    this.focusedYear = action.move;
    this.chart?.focus(action.move);
    this.announcement = view.announcements[action.move] ?? '';
  };

  private readonly onChartBlur = (): void => {
    this.focusedYear = undefined;
    this.chart?.focus(undefined);
  };

  /** Counts up the first time the widget is on screen, or shows final values when motion is off. */
  private startCounters(): void {
    this.stopWaitingToCount = whenVisible(this, () => {
      this.stopWaitingToCount = () => undefined;
      if (!this.motionAllowed) {
        this.countProgress = 1;
        return;
      }
      this.stopCountUp = runCountUp((progress) => {
        this.countProgress = progress;
        if (progress >= 1) this.stopCountUp = undefined;
      });
    });
  }

  private finishCountUp(): void {
    this.stopCountUp?.();
    this.stopCountUp = undefined;
    this.countProgress = 1;
  }

  private renderCounters(data: Dataset, locale: string) {
    const period = data.totalLabel;
    return html`<ul class="counters" part="counters">
      ${data.measures.map((measure) => {
        const total = measureTotal(measure);
        const final = formatCount(total, locale);
        const shown = formatCount(countUpValue(total, this.countProgress), locale);
        const partial = isPartialTotal(measure);
        const label = counterLabel(measure, this.messages);
        return html`<li class="counter" part="counter">
          <span class="counter-value" aria-hidden="true" data-final=${final}>${shown}</span>
          <span class="counter-label" aria-hidden="true">${label}</span>
          <span class="visually-hidden">${this.messages.counterSentence(final, label, partial ? undefined : period)}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderSource(source: Source | undefined) {
    if (!source) return nothing;
    return html`<p class="source" part="source">
      ${this.messages.sourcePrefix}
      ${source.url
        ? html`<a href=${source.url} target="_blank" rel="noopener noreferrer">${source.label}</a>`
        : source.label}
    </p>`;
  }

  private renderDownloads() {
    if (!this.downloads) return nothing;
    const messages = this.messages;
    return html`<div class="downloads" part="downloads">
      <button class="download" type="button" @click=${this.onDownloadCsv}>${messages.downloadCsv}</button>
      <button class="download" type="button" @click=${this.onDownloadPng}>${messages.downloadPng}</button>
      <p class="download-status" role="status">${this.downloadFailed ? messages.downloadFailed : ''}</p>
    </div>`;
  }

  private renderHeading(options: WidgetOptions | undefined) {
    const text = given(this.heading) ?? options?.measure.label;
    // While loading there may be no text yet: keep the line's height, but no empty heading.
    return text
      ? html`<h2 class="heading" part="heading">${text}</h2>`
      : html`<div class="heading" aria-hidden="true"></div>`;
  }

  private renderSummary(options: WidgetOptions, data: Dataset) {
    const text = given(this.summary) ?? summarize({ dataset: data, measure: options.measure, last: options.last, locale: options.locale, messages: this.messages });
    return html`<p class="summary" part="summary" id="summary">${text}</p>`;
  }

  /**
   * Redraws the chart with the colours and font the page's CSS gives the
   * widget now, in the direction and language around it. Changes to the
   * `theme` attribute, the reader's colour scheme, and the `style`, `class`,
   * `dir` or `lang` of the element, `<html>` or `<body>` are picked up without
   * it; call it after changes nothing reveals, such as a stylesheet added or
   * a custom property or `dir` set on another ancestor.
   * @returns A promise that resolves when the widget has updated.
   */
  refresh(): Promise<boolean> {
    this.chartStale = true;
    this.requestUpdate();
    return this.updateComplete;
  }

  protected override render() {
    const { options, view, problem, data } = this;
    const loading = !problem && (this.source.state.status === 'loading' || !this.catalogue);
    const messages = this.messages;
    const ready = !!(options && view && data);
    const description = ready
      ? messages.chartDescription(options.measure.label, view.labels[0]!, view.labels[view.labels.length - 1]!)
      : '';
    const showChart = !this.tableView || this.printing;
    const showTable = ready && (this.tableView || this.printing);
    return html`<div class="card ${themeOf(this.theme)}" part="card" lang=${messages.lang} aria-busy=${loading ? 'true' : 'false'}>
      ${problem
        ? html`<div class="alert" part="alert" role="alert">
            <strong>${messages.errorTitle}</strong>
            <span>${problem.message}</span>
          </div>`
        : this.renderHeading(options)}
      ${ready ? this.renderSummary(options, data) : nothing}
      ${loading ? html`<div class="placeholder summary-placeholder"></div><div class="placeholder toolbar-placeholder"></div>` : nothing}
      ${ready
        ? html`<div class="toolbar">
            <button class="toggle" part="toggle" type="button" aria-controls="view" @click=${this.onToggleView}>
              ${this.tableView ? messages.showChart : messages.showTable}
            </button>
          </div>`
        : nothing}
      <div class="view" id="view" ?hidden=${!!problem}>
        <div class="chart ${loading ? 'loading' : ''}" part="chart" ?hidden=${!showChart}>
          ${ready
            ? html`<div
                class="chart-focus"
                tabindex="0"
                role="application"
                aria-roledescription=${messages.chartRole}
                aria-label=${description}
                aria-describedby="summary keys"
                @keydown=${this.onChartKeydown}
                @blur=${this.onChartBlur}
              ></div>`
            : nothing}
          <canvas aria-hidden="true"></canvas>
          ${loading ? html`<p class="status" role="status">${messages.loading}</p>` : nothing}
        </div>
        ${showTable
          ? html`<div class="table-wrap" part="table" tabindex="0" role="region" aria-labelledby="table">
              ${renderDataTable({
                id: 'table',
                caption: given(this.heading) ?? options.measure.label,
                dataset: data,
                measure: options.measure,
                view,
                locale: options.locale,
                messages,
              })}
            </div>`
          : nothing}
      </div>
      ${ready ? this.renderDownloads() : nothing}
      <p class="visually-hidden" id="keys">${messages.chartKeys}</p>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      ${options && data ? this.renderCounters(data, options.locale) : nothing}
      ${loading ? html`<div class="placeholder counters-placeholder"></div><div class="placeholder source-placeholder"></div>` : nothing}
      ${data && !problem ? this.renderSource(this.shownSource) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ceop-stats': CeopStats;
  }
  // The events bubble and are composed, so listeners on document and window are typed too.
  interface GlobalEventHandlersEventMap {
    'ceop-stats-ready': CustomEvent<CeopStatsReadyDetail>;
    'ceop-stats-error': CustomEvent<CeopStatsErrorDetail>;
  }
}
