/**
 * The one place that knows Chart.js. It registers only what a bar chart with
 * needs (so the rest of Chart.js is tree-shaken away), with a tooltip of our own (year-tooltip.ts), and keeps one
 * Chart per canvas, updated in place when the data or colours change.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DomPlatform,
  LinearScale,
  layouts,
  type CartesianScaleOptions,
  type ChartConfiguration,
  type Plugin,
  type Scale,
} from 'chart.js';
import { toFont } from 'chart.js/helpers';
import type { Series } from '../view/series.js';
import type { BoxSize } from '../runtime/box-size.js';
import { YearTooltip } from './year-tooltip.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/** The series shown, and how this chart writes and lays it out. */
export function chartModel(series: Series, notReportedLabel: string, formatValue: (value: number) => string, rtl: boolean): BarChartModel {
  return { ...series, notReportedLabel, formatValue, rtl };
}

/**
 * The chart's colours and font, from the resolved custom properties of the
 * element that holds the palette (a canvas inherits no CSS), so that CSS
 * themes the canvas too. Here rather than in the element's chunk: only a
 * chart needs them, and the first paint does not wait for their bytes.
 */
export function readColors(palette: Element, forced: boolean): BarChartColors {
  const style = getComputedStyle(palette);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    bar: read('--_bar'),
    highlight: read('--_highlight'),
    text: read('--_text'),
    muted: read('--_muted'),
    grid: read('--_grid'),
    background: read('--_background'),
    accent: read('--_accent'),
    fontFamily: style.fontFamily || 'sans-serif',
    forced,
  };
}

/**
 * Chart.js's DOM platform without its own resize, attach and detach
 * listeners: the widget's one ResizeObserver (box-size.ts) resizes the
 * chart, and the widget makes the chart when its element is on the page and
 * destroys it when the element leaves. A hidden box (the table shown
 * instead) keeps the chart at its last size, which Chart.js's own observer
 * would shrink to nothing.
 */
class WidgetSizedPlatform extends DomPlatform {
  override addEventListener(chart: Chart, type: string, listener: Parameters<DomPlatform['addEventListener']>[2]): void {
    if (type !== 'resize' && type !== 'attach' && type !== 'detach') super.addEventListener(chart, type, listener);
  }
}

/** Charts on the page, redrawn sharper or softer when the pixel ratio changes (the page zoomed, the window moved to another screen). */
const liveCharts = new Set<Chart>();
let watchingPixelRatio = false;

/** A media query for the pixel ratio as it is now, asked again each time it stops matching: a window moved to another screen fires no resize. */
function watchPixelRatio(): void {
  watchingPixelRatio = true;
  matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener(
    'change',
    () => {
      for (const chart of liveCharts) chart.resize();
      watchPixelRatio();
    },
    { once: true },
  );
}

/** The one model of what is shown (highlighted bars have `highlightLabel` above them), and what only the chart needs. */
export interface BarChartModel extends Pick<Series, 'labels' | 'values' | 'highlighted' | 'highlightLabel' | 'tooltips'> {
  /** Marker drawn on the axis where a year has no value. */
  notReportedLabel: string;
  /** The value axis's numbers, as the widget writes numbers. */
  formatValue: (value: number) => string;
  /** Right to left: the first year on the right, the value axis on the right, tooltips right to left. */
  rtl: boolean;
}

export interface BarChartColors {
  bar: string;
  highlight: string;
  text: string;
  muted: string;
  grid: string;
  background: string;
  /** Focus ring around the year chosen with the keyboard. */
  accent: string;
  fontFamily: string;
  /**
   * Forced colours (Windows High Contrast): system colours only, so
   * highlighted bars are drawn hollow with a thick outline, not told apart by
   * colour alone.
   */
  forced: boolean;
}

interface Settings {
  model: BarChartModel;
  colors: BarChartColors;
  /** False when the reader prefers reduced motion or the page asked for none. */
  animate: boolean;
  /** The year chosen with the keyboard, outlined in the accent colour. */
  focused?: number;
  /** Marks and a key replace the labels above the bars: the slots are too narrow for them (marksPlugin). */
  marks: boolean;
  /** The year under the pointer. */
  hovered?: number;
}

type BarConfig = ChartConfiguration<'bar', (number | null)[], string>;

const LABEL_FONT_SIZE = 12;
/** Smallest size a label above a bar is shrunk to before it gives way to a mark and a key. */
const MIN_LABEL_FONT_SIZE = 10;
const MARK_SIZE = 8;
/** Room above the plot: one row for the labels over the tallest bars, and one for the key when marks replace them. */
const LABEL_ROW = LABEL_FONT_SIZE + 8;

/**
 * How labels above the bars are drawn at this slot width: as text at the
 * largest size that fits inside its year's slot, or, where even the smallest
 * does not (a phone's column, many years), as a triangle with a key.
 */
function labelFit(ctx: CanvasRenderingContext2D, text: string, slot: number, fontFamily: string): number | undefined {
  for (let size = LABEL_FONT_SIZE; size >= MIN_LABEL_FONT_SIZE; size--) {
    if (textWidth(ctx, `600 ${size}px ${fontFamily}`, text) <= slot - 6) return size;
  }
  return undefined;
}

function textWidth(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** A year's width on the axis. */
function slotWidth(chart: Chart): number {
  const x = chart.scales.x!;
  // Negative on a reversed (right-to-left) axis.
  return Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) || chart.chartArea.width;
}

/** Room the value axis and the chart's own spacing take from the canvas's width, at most: slots are guessed with it before the first layout. */
const AXIS_ALLOWANCE = 64;

/** Room above the plot: a row for the labels over the tallest bars, and one for the key when marks replace them. */
const roomAbove = (marks: boolean) => ({ top: LABEL_ROW * (marks ? 2 : 1) });

/** Whether marks replace the labels above the bars where each year has this slot. */
function needsMarks(ctx: CanvasRenderingContext2D, slot: number, { model, colors }: Settings): boolean {
  return model.highlighted.some(Boolean) && labelFit(ctx, model.highlightLabel, slot, colors.fontFamily) === undefined;
}

/**
 * Decides, once Chart.js has laid the chart out, whether the labels above the
 * bars give way to marks and a key, from the slot each year really has. The
 * key needs a row of its own above the plot, so when the decision changes the
 * chart is laid out once more with that row (only the plot's height changes,
 * not its slots). The decision before, or a guess from the canvas's width,
 * holds in most layouts, which then cost one pass. (The guess alone missed
 * the room a right-to-left axis gives its rotated labels, and drew "Record"
 * across the gaps between bars.)
 */
function marksPlugin(settings: Settings): Plugin<'bar'> {
  return {
    id: 'ceopMarks',
    afterLayout(chart) {
      const marks = needsMarks(chart.ctx, slotWidth(chart), settings);
      if (marks === settings.marks) return;
      settings.marks = marks;
      // Through the resolved options: Chart.js has cached them for this update, and writes the value through to the configuration.
      chart.options.layout!.padding = roomAbove(marks);
      layouts.update(chart, chart.width, chart.height);
      // As Chart.js does after its own layout: each scale places its pixels in its new box.
      for (const box of chart.boxes) (box as Partial<Scale>).configure?.();
    },
  };
}

function drawMark(ctx: CanvasRenderingContext2D, centre: number, bottom: number): void {
  ctx.beginPath();
  ctx.moveTo(centre - MARK_SIZE / 2, bottom);
  ctx.lineTo(centre + MARK_SIZE / 2, bottom);
  ctx.lineTo(centre, bottom - MARK_SIZE);
  ctx.closePath();
  ctx.fill();
}

/** Draws "Record" above highlighted bars and "n/r" where a year is not reported, so colour is never the only signal. */
function markerPlugin(settings: Settings): Plugin<'bar'> {
  return {
    id: 'ceopMarkers',
    afterDatasetsDraw(chart) {
      const { model, colors } = settings;
      const { ctx, chartArea } = chart;
      const bars = chart.getDatasetMeta(0).data;
      const x = chart.scales.x!;
      const slot = slotWidth(chart);
      ctx.save();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      if (settings.focused !== undefined) {
        const centre = x.getPixelForValue(settings.focused);
        ctx.strokeStyle = colors.accent;
        ctx.lineWidth = 2;
        ctx.strokeRect(
          centre - slot / 2 + 2,
          chartArea.top - LABEL_FONT_SIZE - 6,
          slot - 4,
          chartArea.bottom - chartArea.top + LABEL_FONT_SIZE + 4,
        );
      }
      const marks = settings.marks;
      const fit = marks ? undefined : (labelFit(ctx, model.highlightLabel, slot, colors.fontFamily) ?? MIN_LABEL_FONT_SIZE);
      if (marks) drawKey(chart, settings);
      model.values.forEach((value, i) => {
        const centre = x.getPixelForValue(i);
        if (value === null) {
          ctx.font = `600 ${labelFit(ctx, model.notReportedLabel, slot, colors.fontFamily) ?? MIN_LABEL_FONT_SIZE}px ${colors.fontFamily}`;
          ctx.fillStyle = colors.muted;
          ctx.fillText(model.notReportedLabel, centre, chartArea.bottom - 4);
        } else if (model.highlighted[i] && bars[i]) {
          const top = Math.min(bars[i].y, chartArea.bottom) - 4;
          ctx.fillStyle = colors.text;
          if (fit === undefined) drawMark(ctx, centre, top);
          else {
            ctx.font = `600 ${fit}px ${colors.fontFamily}`;
            ctx.fillText(model.highlightLabel, centre, top);
          }
        }
      });
      ctx.restore();
    },
  };
}

/** The key for the marks: a triangle and the label, at the start of the row above the plot. */
function drawKey(
  chart: { ctx: CanvasRenderingContext2D; chartArea: { top: number; left: number; right: number } },
  { model, colors }: Settings,
): void {
  const { ctx, chartArea } = chart;
  const baseline = chartArea.top - LABEL_ROW - 2;
  const start = model.rtl ? chartArea.right : chartArea.left;
  const step = model.rtl ? -1 : 1;
  ctx.fillStyle = colors.text;
  drawMark(ctx, start + step * (MARK_SIZE / 2 + 2), baseline - 2);
  ctx.font = `${LABEL_FONT_SIZE}px ${colors.fontFamily}`;
  ctx.fillStyle = colors.muted;
  ctx.textAlign = model.rtl ? 'right' : 'left';
  ctx.fillText(model.highlightLabel, start + step * (MARK_SIZE + 6), baseline);
  ctx.textAlign = 'center';
}

const BAR_ANIMATION_MS = 600;

/**
 * Room at each end of a reversed (right-to-left) year axis for its rotated
 * labels. Chart.js makes that room from the first tick as if it were at the
 * left; reversed, it is at the right, so the label at the left ran off the
 * canvas. Chart.js's own sum for rotated labels below the axis, from the tick
 * drawn at each end, measured here in the ticks' font.
 */
function padReversedLabels(scale: Scale, font: { family: string; size: number }): void {
  const { ticks, labelRotation } = scale;
  if (!labelRotation || ticks.length === 0) return;
  const { string: fontString, lineHeight } = toFont(font);
  const lastLabel = ticks[ticks.length - 1]!.label;
  const lastWidth = typeof lastLabel === 'string' ? textWidth(scale.ctx, fontString, lastLabel) : 0;
  const angle = (labelRotation * Math.PI) / 180;
  const { padding } = (scale.options as unknown as CartesianScaleOptions).ticks;
  const room = (needed: number, offset: number) => Math.max(((needed - offset + padding) * scale.width) / (scale.width - offset), 0);
  scale.paddingLeft = room(Math.cos(angle) * lastWidth, scale.getPixelForTick(ticks.length - 1) - scale.left);
  scale.paddingRight = room(Math.sin(angle) * lineHeight, scale.right - scale.getPixelForTick(0));
}

function applySettings(config: BarConfig, { model, colors, animate }: Settings): void {
  const font = { family: colors.fontFamily, size: LABEL_FONT_SIZE };
  config.data.labels = model.labels;
  const dataset = config.data.datasets[0]!;
  dataset.data = model.values;
  if (colors.forced) {
    dataset.backgroundColor = model.highlighted.map((h) => (h ? colors.background : colors.bar));
    dataset.borderColor = colors.highlight;
    dataset.borderWidth = model.highlighted.map((h) => (h ? 4 : 0));
  } else {
    dataset.backgroundColor = model.highlighted.map((h) => (h ? colors.highlight : colors.bar));
    dataset.borderWidth = 0;
  }
  const options = config.options!;
  const scales = options.scales!;
  scales.x = {
    reverse: model.rtl,
    grid: { display: false },
    ticks: { color: colors.text, font },
    border: { color: colors.grid },
    ...(model.rtl && { afterFit: (scale: Scale) => padReversedLabels(scale, font) }),
  };
  scales.y = {
    position: model.rtl ? 'right' : 'left',
    beginAtZero: true,
    grid: { color: colors.grid },
    border: { display: false },
    ticks: { color: colors.muted, font, precision: 0, callback: (v) => model.formatValue(Number(v)) },
  };
  if (options.animation) options.animation.duration = animate ? BAR_ANIMATION_MS : 0;
}

/** Follows the pointer: the year under it (in index mode, a year without a bar too), none once it leaves. */
function hoverPlugin(settings: Settings, onChange: () => void): Plugin<'bar'> {
  return {
    id: 'ceopHover',
    afterEvent(chart, { event }) {
      const native = event.native;
      const hovered =
        event.type === 'mouseout' || !native
          ? undefined
          : chart.getElementsAtEventForMode(native, 'index', { intersect: false }, false)[0]?.index;
      if (hovered === settings.hovered) return;
      settings.hovered = hovered;
      onChange();
    },
  };
}

export class BarChart {
  private readonly chart: Chart<'bar', (number | null)[], string>;
  private readonly settings: Settings;
  private readonly tooltip?: YearTooltip;

  constructor(
    canvas: HTMLCanvasElement,
    size: BoxSize,
    model: BarChartModel,
    colors: BarChartColors,
    animate: boolean,
    onDrawn: () => void,
  ) {
    this.settings = { model, colors, animate, marks: false };
    // A first guess, so that the first layout is usually the only one.
    const context = canvas.getContext('2d');
    if (context) this.settings.marks = needsMarks(context, (size.width - AXIS_ALLOWANCE) / Math.max(1, model.labels.length), this.settings);
    if (canvas.parentElement) this.tooltip = new YearTooltip(canvas.parentElement);
    const config: BarConfig = {
      type: 'bar',
      platform: WidgetSizedPlatform,
      data: { labels: [], datasets: [{ data: [], maxBarThickness: 72 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // An object even without motion: Chart.js calls onComplete only then.
        animation: { onComplete: () => onDrawn() },
        layout: { padding: roomAbove(this.settings.marks) },
        scales: {},
        // A not-reported year has no bar; index mode still finds its slot.
        interaction: { mode: 'index', intersect: false },
      },
      plugins: [marksPlugin(this.settings), markerPlugin(this.settings), hoverPlugin(this.settings, () => this.showTooltip())],
    };
    applySettings(config, this.settings);
    this.chart = new Chart(canvas, config);
    liveCharts.add(this.chart);
    if (!watchingPixelRatio) watchPixelRatio();
  }

  /** The chart's box has a new size. */
  resize(size: BoxSize): void {
    this.chart.resize(size.width, size.height);
  }

  /** Redraws the same Chart with new data or colours. */
  update(model: BarChartModel, colors: BarChartColors, animate: boolean): void {
    Object.assign(this.settings, { model, colors, animate });
    applySettings(this.chart.config as unknown as BarConfig, this.settings);
    this.chart.update(animate ? undefined : 'none');
    this.showTooltip();
  }

  /** Shows one year's tooltip and focus ring, as the keyboard chose it; undefined hides them (the pointer's year shows again when it moves). */
  focus(index: number | undefined): void {
    this.settings.focused = index;
    this.settings.hovered = undefined;
    this.chart.update('none');
    this.showTooltip();
  }

  /** Draws at another pixel ratio (a print is sharper at 3); undefined goes back to the screen's. */
  setPixelRatio(ratio: number | undefined): void {
    // Set on the configuration: the resolved options are rebuilt from it on update.
    const options = (this.chart.config as unknown as BarConfig).options!;
    options.devicePixelRatio = ratio;
    // A running animation would defer the resize; finish the drawing at once instead.
    this.chart.stop();
    this.chart.update('none');
    this.chart.resize();
  }

  destroy(): void {
    this.tooltip?.remove();
    liveCharts.delete(this.chart);
    this.chart.destroy();
  }

  /** The tooltip for the keyboard's year, else the pointer's, over its slot: above the bar, or half way up without one. */
  private showTooltip(): void {
    const { focused, hovered, model } = this.settings;
    const index = focused ?? hovered;
    const chart = this.chart;
    const label = index === undefined ? undefined : model.labels[index];
    if (index === undefined || label === undefined || !this.tooltip) {
      this.tooltip?.hide();
      return;
    }
    const { chartArea } = chart;
    const bar = chart.getDatasetMeta(0).data[index];
    // Where the bar ends once drawn, not where an animation has it now.
    const top = bar?.getProps(['y'], true).y as number | undefined;
    const y =
      model.values[index] === null || top === undefined || !Number.isFinite(top)
        ? (chartArea.top + chartArea.bottom) / 2
        : Math.max(top, chartArea.top);
    const canvas = chart.canvas;
    this.tooltip.show(
      label,
      model.tooltips[index] ?? [],
      canvas.offsetLeft + chart.scales.x!.getPixelForValue(index),
      canvas.offsetTop + y,
    );
  }
}
