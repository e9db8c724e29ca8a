import { LitElement, adoptStyles, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { styles } from './ceop-stats.styles.js';
import { chartKeyAction } from '../model/chart-keys.js';
import { type FetchOptions, SERVER_BASE_URL, themeOf, parseFetchOptions } from '../model/attributes.js';
import { attributesThat, reactiveProperties } from '../model/attribute-table.js';
import { ChartController, type ChartInput } from './chart-controller.js';
import { CountUpController } from './count-up-controller.js';
import { DataController, loadedDataIn } from './data-controller.js';
import { download } from './download.js';
import type { HeldRoom } from '../data/held-room.js';
import { LanguageController } from './language-controller.js';
import { MediaController } from './media-controller.js';
import { TableChunkController } from './table-chunk-controller.js';
import * as region from './regions.js';
import { type DataState, type ReadyView, type WidgetView, loadingRoom, widgetView } from '../view/widget-view.js';
import { type Problem, type ProblemCode, problemOf } from '../model/result.js';
import { emit } from '../runtime/emit.js';
import { inTurn } from '../runtime/main-thread-turn.js';
import { onServer } from '../runtime/server.js';

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

const VIEW_PROPERTIES = attributesThat('view');
const REQUEST_PROPERTIES = attributesThat('request');

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
 * @csspart tooltip - The tooltip of the year under the pointer or chosen with the keyboard: text, over the chart.
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
  /** Lit's reactive properties: every attribute in the table, reflected, and the widget's own state. */
  static override properties: PropertyDeclarations = {
    ...reactiveProperties(),
    tableShown: { state: true },
    announcement: { state: true },
    downloadFailed: { state: true },
  };

  /** The reader chose the table instead of the chart. */
  private tableShown = false;
  /** What the live region last said about a year chosen with the keyboard. */
  private announcement = '';
  /** The last download failed: said beside the buttons until the next try. */
  private downloadFailed = false;

  /** Which measure the chart shows, by id: `children`, `arrests` or `networks` for the bundled figures. Default: the data's first measure (`children` in the bundled figures). */
  metric?: 'children' | 'arrests' | 'networks' | (string & {});

  /** First year shown, by the calendar year it starts in: `2008` is 2008/09. Default: the first year. */
  from?: `${number}`;

  /** Last year shown, by the calendar year it starts in: `2010` is 2010/11. Default: the last year. */
  to?: `${number}`;

  /**
   * Which bars stand out: `records` (years higher than every year before), `latest`, or `none`.
   */
  highlight?: 'records' | 'latest' | 'none';

  /** The title. Default: the measure's label. */
  heading?: string;

  /** The sentence under the title, and the chart's description. Default: generated from the data, such as "Arrests: 513 in 2010/11, a record for the fifth year in a row and 23% more than in 2009/10. 1,644 since April 2006." */
  summary?: string;

  /** BCP 47 language tag, such as `en-GB`, `cy` or `de`: the numbers' format and the language of every built-in text (English and Welsh; other languages get English texts with their own numbers). Default: the page's `lang`, else the browser's language. */
  locale?: string;

  /** Show final values at once, without animating the chart or the counters. Default: absent (animated). */
  noAnimation = false;

  /**
   * Colour scheme: `light`, `dark`, or `auto` to follow the reader's system.
   */
  theme?: 'light' | 'dark' | 'auto';

  /** URL of a JSON dataset (http, https or relative), in the schema of "Your own data" in the README. Takes precedence over inline JSON and a child table. Default: the child JSON or table, else the bundled figures. */
  src?: string;

  /**
   * Whether the `src` request sends cookies: `omit`, `same-origin` or `include`.
   */
  credentials?: 'omit' | 'same-origin' | 'include';

  /**
   * Milliseconds to wait for `src` before giving up, 1 to 120000.
   */
  timeout?: `${number}`;

  /** Text of the source line, instead of the data's source. The link stays the data's unless `source-url` is given. Default: the data's source label. */
  sourceLabel?: string;

  /** Link of the source line (http or https), instead of the data's. Default: the data's source link, if any. */
  sourceUrl?: string;

  /** Hide the source line. */
  noSource = false;

  /** Show "Download data (CSV)" and "Download image (PNG)" buttons under the chart: the table's figures as a spreadsheet file, and a picture of the heading, chart, totals and source. Default: absent (no buttons). */
  downloads = false;

  private readonly language = new LanguageController(this);
  /** An editor's table is read in the widget's locale, else the page's. */
  private readonly data = new DataController(this, () => this.language.currentLocale());
  private readonly chart = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector('canvas') ?? undefined,
    // The card holds the palette (see the styles), so colours are read from it.
    palette: () => this.renderRoot.querySelector<HTMLElement>('.card') ?? undefined,
    input: () => this.chartInput(),
    printing: () => this.media.printing,
    forcedColors: () => this.media.forcedColors,
  });
  private readonly countUp = new CountUpController(this, () => this.media.reducedMotion);
  private readonly media = new MediaController(this, {
    print: (printing) => {
      this.chart.print(printing);
      if (!printing) return;
      this.countUp.finish();
      this.heldRoom?.release();
    },
    // The chart follows reduced motion too: it animates by the count-up's rule.
    preferences: () => this.chart.redraw(),
  });
  private readonly tableChunk = new TableChunkController(this, {
    shown: () => this.tableShown || this.media.printing,
    root: () => this.renderRoot as ShadowRoot,
  });
  /** Made with the chunk for data from outside the bundle, the only data that arrives after a first render. */
  private heldRoom?: HeldRoom;
  /** CustomStateSet is missing in older engines, which then only lose the held room for a moment. */
  private readonly states = (this.attachInternals() as Partial<ElementInternals>).states;

  private view: WidgetView = { status: 'loading' };
  /** While loading, the view whose room the loading look holds. */
  private room?: ReadyView;
  /** The data state and request problem the view was worked out from. */
  private viewData?: DataState;
  private request?: FetchOptions;
  private requestProblem?: Problem;
  /** The last problem reported, so a problem is warned about once, not on every render. */
  private reportedProblem?: string;
  /** The year chosen with the keyboard, as an index into the years shown. */
  private focusedYear?: number;
  /** The widget came with the server's render in its shadow root (see createRenderRoot). */
  private serverRendered = false;

  constructor() {
    super();
    // Between the element's definition and its first render: the README's snippet keeps the page's room for it in this state.
    this.states?.add('pending');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      // Asks again for data a removal interrupted, and re-reads the children.
      this.data.use(this.request);
      this.viewData = undefined;
      this.requestUpdate();
    }
  }

  /**
   * Takes over the shadow root the server rendered: its content stays on screen until the first render replaces it (see
   * update). Lit would render a second card before it; and Lit's hydration, with its hydrate support loaded, keeps the
   * server's text wherever the browser's values differ, when a server cannot know the page's language and address, or, in
   * a Lit template, the widget's children: the figures shown must be the browser's own.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (!root) return super.createRenderRoot();
    this.serverRendered = root.hasChildNodes();
    // The server showed the counters at their final values: they do not count up again.
    if (this.serverRendered) this.countUp.finish();
    adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  /** Waits for a turn on the main thread when other widgets have used this task's slice; otherwise updates as Lit does. */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- Lit's own signature: a synchronous update returns nothing.
  protected override scheduleUpdate(): void | Promise<unknown> {
    // The table's chunk is fetched after the first render; an update that shows the table waits for it if it is not here yet.
    // A server's render stays until the chunk for the same figures and texts is here: never the loading look in between.
    const chunk = !this.hasUpdated && this.serverRendered ? this.firstRenderChunks() : undefined;
    const table = this.tableChunk.pending() ?? chunk;
    const update = () => inTurn(this.chart.nearViewport, () => super.scheduleUpdate());
    return table ? table.then(update) : update();
  }

  private firstRenderChunks(): Promise<unknown> | undefined {
    const data = this.data.preload();
    const texts = this.language.preload();
    return data || texts ? Promise.all([data, texts]) : undefined;
  }

  /** The first render after the server's replaces its content in the same task: the same layout, so nothing moves. */
  protected override update(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && this.serverRendered) this.renderRoot.replaceChildren();
    super.update(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const requestChanged = REQUEST_PROPERTIES.some((name) => changed.has(name));
    if (!this.hasUpdated || requestChanged) this.useRequest();
    const languageChanged = this.language.resolve();
    if (languageChanged || this.viewData !== this.data.state || requestChanged || VIEW_PROPERTIES.some((name) => changed.has(name))) {
      this.updateView();
    }
  }

  protected override firstUpdated(): void {
    this.states?.delete('pending');
  }

  protected override updated(): void {
    if (this.view.status !== 'ready') return;
    this.heldRoom?.hold();
    this.countUp.start();
    this.tableChunk.prefetch();
  }

  /** Reads `src`, `credentials` and `timeout`, and asks the data controller for what they name. */
  private useRequest(): void {
    const parsed = parseFetchOptions(this, onServer ? SERVER_BASE_URL : document.baseURI);
    this.requestProblem = parsed.ok ? undefined : problemOf(parsed);
    this.request = parsed.ok ? parsed.value : undefined;
    if (parsed.ok) this.data.use(parsed.value);
  }

  /** Works out what to show, draws the chart again after this update, and reports a new problem once. */
  private updateView(): void {
    const wasLoading = this.hasUpdated && this.view.status === 'loading';
    this.viewData = this.data.state;
    const input = {
      attributes: this,
      data: this.data.state,
      requestProblem: this.requestProblem,
      messages: this.language.messages,
      pageLocale: this.language.pageLocale(),
      baseUrl: onServer ? SERVER_BASE_URL : document.baseURI,
    };
    this.view = widgetView(input);
    this.room = this.view.status === 'loading' ? loadingRoom(input) : undefined;
    // The loading look is still on screen: where it has the chart is where the data's render keeps it.
    if (wasLoading && this.view.status === 'ready') this.heldRoomOnceLoaded()?.measure();
    else this.heldRoom?.release();
    this.chart.invalidate();
    this.focusedYear = undefined;
    this.announcement = '';
    const problem = this.view.status === 'problem' ? this.view.problem : undefined;
    if (problem && problem.message !== this.reportedProblem) {
      console.warn(`<ceop-stats>: ${problem.message}`);
      const detail: CeopStatsErrorDetail = problemOf(problem);
      if (!onServer) emit(this, 'ceop-stats-error', detail);
    }
    // While data loads, the last problem stands: the same problem after a reload is not warned about twice.
    if (this.view.status !== 'loading') this.reportedProblem = problem?.message;
  }

  /** The widget's HeldRoom, made once the data-in chunk is here (it always is when data comes after a first render). */
  private heldRoomOnceLoaded(): HeldRoom | undefined {
    const chunk = loadedDataIn();
    return (this.heldRoom ??= chunk && new chunk.HeldRoom(this, this.renderRoot));
  }

  private chartInput(): ChartInput | undefined {
    const view = this.view;
    if (view.status !== 'ready') return undefined;
    return {
      series: view.series,
      messages: view.messages,
      // A server-rendered widget already shows its figures: its chart is drawn as it stands.
      animate: this.countUp.motion && !this.serverRendered,
      ready: { metric: view.options.measure.id, years: view.series.labels },
    };
  }

  private readonly onToggle = (): void => {
    this.tableShown = !this.tableShown;
    if (this.tableShown) this.tableChunk.ask();
  };

  private readonly onDownloadCsv = (): void => void this.download('csv');
  private readonly onDownloadPng = (): void => void this.download('png');

  /** A failure is said beside the buttons, never thrown. */
  private async download(kind: 'csv' | 'png'): Promise<void> {
    const view = this.view;
    const input = this.chartInput();
    if (view.status !== 'ready' || !input) return;
    this.downloadFailed = false;
    try {
      await download(kind, this, view, this.chart, input);
    } catch (error) {
      console.warn(`<ceop-stats>: the download could not be made: ${String(error)}`);
      this.downloadFailed = true;
    }
  }

  private readonly onChartKeydown = (event: KeyboardEvent): void => {
    if (this.view.status !== 'ready') return;
    const { series } = this.view;
    const action = chartKeyAction(event.key, this.focusedYear, series.labels.length, this.chart.rtl);
    if (!action) return;
    event.preventDefault();
    if ('hide' in action) {
      this.chart.focus(undefined);
      return;
    }
    this.focusedYear = action.move;
    this.chart.focus(action.move);
    this.announcement = series.announcements[action.move] ?? '';
  };

  private readonly onChartBlur = (): void => {
    this.focusedYear = undefined;
    this.chart.focus(undefined);
  };

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
    this.chart.redraw();
    return this.updateComplete;
  }

  protected override render() {
    const view = this.view;
    const messages = this.language.shownMessages;
    const loading = view.status === 'loading';
    const ready: ReadyView | undefined = view.status === 'ready' ? view : undefined;
    // The parsed theme; with a problem, still the theme the attribute asks for if it is a valid one.
    const theme = ready ? ready.options.theme : themeOf(this.theme);
    return html`<div class="card ${theme}" part="card" lang=${messages.lang} aria-busy=${loading ? 'true' : 'false'}>
      ${view.status === 'problem' ? region.alertRegion(view.problem, messages) : region.headingRegion(ready?.heading, this.room?.heading)}
      ${ready ? region.summaryRegion(ready.summary) : nothing} ${this.room ? region.textPlaceholders(this.room) : nothing}
      ${ready ? region.toolbarRegion(this.tableShown, messages, this.onToggle) : nothing}
      <div class="chart-or-table" id="chart-or-table" ?hidden=${view.status === 'problem'}>
        ${region.chartRegion({
          view: ready,
          loading,
          hidden: this.tableShown && !this.media.printing,
          failed: this.chart.failed,
          messages,
          onKeydown: this.onChartKeydown,
          onBlur: this.onChartBlur,
        })}
        ${ready && (this.tableShown || this.media.printing) ? region.tableRegion(ready, this.tableChunk.failed, messages) : nothing}
      </div>
      ${ready && this.downloads ? region.downloadsRegion(this.downloadFailed, messages, this.onDownloadCsv, this.onDownloadPng) : nothing}
      <p class="visually-hidden" id="keys">${messages.chartKeys}</p>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      ${ready ? region.countersRegion(ready, this.countUp.progress) : nothing} ${this.room ? region.closingPlaceholders(this.room) : nothing}
      ${ready ? region.sourceRegion(ready.source, messages) : nothing}
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
