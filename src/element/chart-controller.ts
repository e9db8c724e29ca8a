/**
 * The chart's life on the page: Chart.js and the adapter are a chunk fetched
 * (once for every widget) when a widget is about to be seen or printed; the
 * chart is drawn after each render that changed what it shows, with the
 * colours, font and direction read from the CSS once per drawing (a canvas
 * cannot inherit them); it is redrawn when the reader's preferences or the
 * page's CSS change them, sharper while printing, and announces each complete
 * drawing with `ceop-stats-ready`. The chart follows its box's size as the
 * page's one ResizeObserver reports it (box-size.ts): a chart is drawn once
 * that size is known, and never measures the page itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BarChart, BarChartColors, BarChartModel } from '../chart/bar-chart.js';
import { formatCount } from '../model/format.js';
import type { Series } from '../view/series.js';
import type { Messages } from '../messages/en.js';
import { sizeCanvas, watchBoxSize, type BoxSize } from '../runtime/box-size.js';
import { emit } from '../runtime/emit.js';
import { lazyChunk } from '../runtime/lazy-chunk.js';
import { mayBeNearViewport, whenNearViewport } from '../runtime/near-viewport.js';
import { watchStyle } from '../runtime/style-watch.js';

const chartChunk = lazyChunk(() => import('../chart/bar-chart.js'));
type ChartChunk = Awaited<ReturnType<typeof chartChunk.load>>;

/** The chart chunk, loading it if need be: a picture of the chart needs it even when no chart is on screen. */
const loadChartChunk = () => chartChunk.load();

/**
 * Settles once the chart chunk has loaded or failed, at once if no widget has
 * asked for it: what is only prefetched waits for it, so that on a slow
 * network it does not share the chart's bandwidth and main thread.
 */
export const chartChunkSettled = (): Promise<unknown> =>
  chartChunk.requested ? chartChunk.load().catch(() => undefined) : Promise.resolve();

/** What the chart shows: from the widget's view of its data. */
export interface ChartInput {
  series: Series;
  messages: Messages;
  animate: boolean;
  /** `detail` of the ready event once it is drawn. */
  ready: { metric: string; years: string[] };
}

interface Parts {
  canvas(): HTMLCanvasElement | undefined;
  /** The element that holds the palette's custom properties. */
  palette(): Element | undefined;
  /** What to draw now, or undefined when there is nothing to draw. */
  input(): ChartInput | undefined;
  /** Whether the page is being printed (the element's MediaController). */
  printing(): boolean;
  /** Whether the reader's system forces its colours (the element's MediaController). */
  forcedColors(): boolean;
}

const PRINT_PIXEL_RATIO = 3;
/** How long a chart waits for its box's size from the ResizeObserver, which reports in the next frame, before it measures the box itself. */
const MEASURE_LATER_MS = 250;

export class ChartController implements ReactiveController {
  /** Within a viewport's height of being seen, when last looked: its updates go first when the main thread is busy. */
  nearViewport = false;
  /** The chart was last drawn right to left: the arrow keys follow what the reader sees. */
  rtl = false;
  /** The chart's chunk failed to load (offline, blocked): the box says so, and no update asks for it again. */
  failed = false;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly parts: Parts;
  private chart?: BarChart;
  /** The colours the chart was last drawn with, to redraw only when the CSS really changed them. */
  private drawnColors = '';
  private stale = true;
  private readyDetail?: ChartInput['ready'];
  private stopWaitingForView?: () => void;
  private stopWatchingStyle?: () => void;
  /** The chart's box (the canvas's parent), watched for its size. */
  private box?: Element;
  private boxSize?: BoxSize;
  private stopWatchingBox?: () => void;
  private measureLater?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost & HTMLElement, parts: Parts) {
    this.host = host;
    this.parts = parts;
    host.addController(this);
  }

  hostConnected(): void {
    this.stopWatchingStyle = watchStyle(this.host, this.onStyleChange);
    this.stale = true;
    // A widget already in view starts fetching the chart chunk now, while it renders its text. Once the chunk is asked for,
    // no widget needs that answer at once: a layout per widget, 50 on a page of 50, cost more than the answer was worth.
    if (!chartChunk.requested) {
      this.nearViewport = mayBeNearViewport(this.host);
      if (this.nearViewport) void this.load();
    }
  }

  hostDisconnected(): void {
    this.stopWatchingStyle?.();
    this.stopWatchingStyle = undefined;
    this.stopWaitingForView?.();
    this.stopWaitingForView = undefined;
    // The box and its last size are kept: a widget put back (a framework moving it) draws at once, and is resized if it must be.
    this.stopWatchingBox?.();
    this.stopWatchingBox = undefined;
    clearTimeout(this.measureLater);
    this.measureLater = undefined;
    this.chart?.destroy();
    this.chart = undefined;
  }

  /** What the chart shows has changed: draw it again after this update. */
  invalidate(): void {
    this.stale = true;
  }

  hostUpdated(): void {
    this.watchBox();
    if (this.stale) this.sync();
  }

  /** Shows one year's tooltip and focus ring, as the keyboard chose it; undefined hides them. */
  focus(index: number | undefined): void {
    this.chart?.focus(index);
  }

  /** What a picture of the chart needs: the chunk, and the model and colours it is drawn with now. */
  async picture(input: ChartInput): Promise<{ chartChunk: ChartChunk; model: BarChartModel; colors: BarChartColors }> {
    const chunk = await loadChartChunk();
    return { chartChunk: chunk, ...this.drawing(chunk, input, this.readsRtl()) };
  }

  private sync(): void {
    const input = this.parts.input();
    const canvas = this.parts.canvas();
    // Without a size yet, the ResizeObserver's first report (in the next frame) asks for the update that draws; a page
    // being printed cannot wait for it, and pays for one layout.
    if (this.parts.printing()) this.measureBox();
    const size = this.boxSize;
    if (!input || !canvas || !this.host.isConnected) return;
    if (!size) {
      // A page with no frames (a background tab) gets no report: it is measured once, a little later.
      this.measureLater ??= setTimeout(this.measureBox, MEASURE_LATER_MS);
      return;
    }
    const chunk = chartChunk.loaded;
    if (!chunk) {
      if (this.failed) return;
      this.stopWaitingForView ??= whenNearViewport(this.host, () => {
        this.nearViewport = true;
        void this.load();
      });
      return;
    }
    this.stale = false;
    this.readyDetail = input.ready;
    // Read only for a chart about to be drawn: getComputedStyle costs a style recalculation, 50 times over on a page of 50 widgets.
    this.rtl = this.readsRtl();
    const { model, colors } = this.drawing(chunk, input, this.rtl);
    this.drawnColors = JSON.stringify(colors);
    if (this.chart) this.chart.update(model, colors, input.animate);
    else {
      this.chart = new chunk.BarChart(canvas, size, model, colors, input.animate, this.onDrawn);
      if (this.parts.printing()) this.chart.setPixelRatio(PRINT_PIXEL_RATIO);
    }
  }

  private watchBox(): void {
    // Runs after every update (the count-up's too): the box is looked up again only when the one watched has gone.
    if (this.stopWatchingBox && this.box?.isConnected) return;
    const box = this.parts.canvas()?.parentElement ?? undefined;
    this.stopWatchingBox?.();
    if (box !== this.box) this.boxSize = undefined;
    this.box = box;
    this.stopWatchingBox = box && watchBoxSize(box, this.onBoxSize);
  }

  private readonly onBoxSize = ({ width, height }: BoxSize): void => {
    // A hidden box (the table shown instead) keeps the chart at its last size; a chart never shown is drawn once it is.
    if (!width || !height) return;
    this.boxSize = { width, height };
    if (this.chart) this.chart.resize(this.boxSize);
    else {
      const canvas = this.parts.canvas();
      if (canvas) sizeCanvas(canvas, this.boxSize);
      if (this.stale) this.host.requestUpdate();
    }
  };

  /** Measures the box, once, when it has no reported size: a forced layout, for a page that cannot wait for the report. */
  private readonly measureBox = (): void => {
    clearTimeout(this.measureLater);
    this.measureLater = undefined;
    if (!this.boxSize && this.box?.isConnected) this.onBoxSize(this.box.getBoundingClientRect());
  };

  private async load(): Promise<void> {
    let loaded = true;
    try {
      await chartChunk.load();
    } catch {
      loaded = false;
    }
    // Loaded (or failed) either way: stop watching for the viewport, which holds on to the element.
    this.stopWaitingForView?.();
    this.stopWaitingForView = undefined;
    // A failed chunk load (offline, blocked) leaves the summary, table and counters; the box says why the chart is missing.
    // Two loads may overlap (one when the widget connects, one when it comes into view): one warning, and a later success wins.
    if (!loaded && !this.failed) console.warn('<ceop-stats>: the chart code could not be loaded; the table view still works.');
    this.failed = !loaded && !chartChunk.loaded;
    if (this.host.isConnected) this.host.requestUpdate();
  }

  private readsRtl(): boolean {
    return getComputedStyle(this.host).direction === 'rtl';
  }

  /** The chart as the chunk draws it: this widget's figures, direction and colours now. */
  private drawing(chunk: ChartChunk, { series, messages }: ChartInput, rtl: boolean): { model: BarChartModel; colors: BarChartColors } {
    return {
      model: chunk.chartModel(series, messages.notReportedMarker, (value) => formatCount(value, series.locale), rtl),
      colors: this.colors(chunk),
    };
  }

  /** The colours the chart is drawn with, read from the palette's resolved custom properties now. */
  private colors(chunk: ChartChunk): BarChartColors {
    return chunk.readColors(this.parts.palette() ?? this.host, this.parts.forcedColors());
  }

  private readonly onDrawn = (): void => {
    const detail = this.readyDetail;
    if (!detail) return;
    this.readyDetail = undefined;
    emit(this.host, 'ceop-stats-ready', detail);
  };

  /** A preference changed (the element's MediaController), or refresh() was called: draw again in the next update. */
  readonly redraw = (): void => {
    this.stale = true;
    this.host.requestUpdate();
  };

  /** CSS around the widget changed: redraw if the colours or the direction it gives the chart did. */
  private readonly onStyleChange = (): void => {
    const chunk = chartChunk.loaded;
    if (!this.chart || !chunk) return;
    if (this.readsRtl() !== this.rtl || JSON.stringify(this.colors(chunk)) !== this.drawnColors) this.redraw();
  };

  /** The page is about to be printed, or has been (the element's MediaController): a sharper bitmap on paper. */
  print(printing: boolean): void {
    if (!printing) {
      this.chart?.setPixelRatio(undefined);
      return;
    }
    if (!chartChunk.loaded) void this.load();
    this.chart?.setPixelRatio(PRINT_PIXEL_RATIO);
  }
}
