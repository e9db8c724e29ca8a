/**
 * The one place that knows Chart.js. It registers only what a bar chart with
 * tooltips needs (so the rest of Chart.js is tree-shaken away) and keeps one
 * Chart per canvas, updated in place when the data or colours change.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
  type TooltipPositionerFunction,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

declare module 'chart.js' {
  interface TooltipPositionerMap {
    yearSlot: TooltipPositionerFunction<'bar'>;
  }
}

/**
 * Places the tooltip over a year's slot: above the bar, or mid-height where a
 * year has no bar (Chart.js's own positioners have no position for it).
 */
Tooltip.positioners.yearSlot = function (items) {
  const item = items[0];
  if (!item) return false;
  const { chart } = this;
  const x = chart.scales.x!.getPixelForValue(item.index);
  const top = item.element.y;
  const y = Number.isFinite(top) ? Math.max(top, chart.chartArea.top) : (chart.chartArea.top + chart.chartArea.bottom) / 2;
  return { x, y };
};

export interface BarChartModel {
  labels: string[];
  values: (number | null)[];
  /** Bars drawn in the highlight colour, each with `highlightLabel` above it. */
  highlighted: boolean[];
  highlightLabel: string;
  /** Marker drawn on the axis where a year has no value. */
  notReportedLabel: string;
  /** Tooltip lines for a year. */
  describe: (index: number) => string[];
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
}

type BarConfig = ChartConfiguration<'bar', (number | null)[], string>;

const LABEL_FONT_SIZE = 12;

/** Draws "Record" above highlighted bars and "n/r" where a year is not reported, so colour is never the only signal. */
function markerPlugin(settings: Settings): Plugin<'bar'> {
  return {
    id: 'ceopMarkers',
    afterDatasetsDraw(chart) {
      const { model, colors } = settings;
      const { ctx, chartArea } = chart;
      const bars = chart.getDatasetMeta(0).data;
      const x = chart.scales.x!;
      ctx.save();
      ctx.textAlign = 'center';
      ctx.font = `600 ${LABEL_FONT_SIZE}px ${colors.fontFamily}`;
      if (settings.focused !== undefined) {
        // Negative on a reversed (right-to-left) axis.
        const slot = Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) || chartArea.width;
        const centre = x.getPixelForValue(settings.focused);
        ctx.strokeStyle = colors.accent;
        ctx.lineWidth = 2;
        ctx.strokeRect(centre - slot / 2 + 2, chartArea.top - LABEL_FONT_SIZE - 6, slot - 4, chartArea.bottom - chartArea.top + LABEL_FONT_SIZE + 4);
      }
      model.values.forEach((value, i) => {
        const centre = x.getPixelForValue(i);
        if (value === null) {
          ctx.fillStyle = colors.muted;
          ctx.textBaseline = 'bottom';
          ctx.fillText(model.notReportedLabel, centre, chartArea.bottom - 4);
        } else if (model.highlighted[i] && bars[i]) {
          ctx.fillStyle = colors.text;
          ctx.textBaseline = 'bottom';
          ctx.fillText(model.highlightLabel, centre, Math.min(bars[i].y, chartArea.bottom) - 4);
        }
      });
      ctx.restore();
    },
  };
}

const BAR_ANIMATION_MS = 600;
const TOOLTIP_ANIMATION_MS = 150;

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
  scales.x = { reverse: model.rtl, grid: { display: false }, ticks: { color: colors.text, font }, border: { color: colors.grid } };
  scales.y = {
    position: model.rtl ? 'right' : 'left',
    beginAtZero: true,
    grid: { color: colors.grid },
    border: { display: false },
    ticks: { color: colors.muted, font, precision: 0, callback: (v) => model.formatValue(Number(v)) },
  };
  const tooltip = options.plugins!.tooltip!;
  tooltip.titleFont = { ...font, weight: 'bold' };
  tooltip.bodyFont = font;
  tooltip.animation = animate ? { duration: TOOLTIP_ANIMATION_MS } : false;
  tooltip.position = 'yearSlot';
  tooltip.rtl = model.rtl;
  tooltip.textDirection = model.rtl ? 'rtl' : 'ltr';
  if (options.animation) options.animation.duration = animate ? BAR_ANIMATION_MS : 0;
}

export class BarChart {
  readonly #chart: Chart<'bar', (number | null)[], string>;
  readonly #settings: Settings;

  constructor(canvas: HTMLCanvasElement, model: BarChartModel, colors: BarChartColors, animate: boolean, onDrawn: () => void) {
    this.#settings = { model, colors, animate };
    const config: BarConfig = {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], maxBarThickness: 72 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // An object even without motion: Chart.js calls onComplete only then.
        animation: { onComplete: () => onDrawn() },
        layout: { padding: { top: LABEL_FONT_SIZE + 8 } },
        scales: {},
        plugins: {
          tooltip: {
            displayColors: false,
            callbacks: {
              label: (item) => this.#settings.model.describe(item.dataIndex),
            },
          },
        },
        // A not-reported year has no bar; index mode still finds its slot.
        interaction: { mode: 'index', intersect: false },
      },
      plugins: [markerPlugin(this.#settings)],
    };
    applySettings(config, this.#settings);
    this.#chart = new Chart(canvas, config);
  }

  /** Redraws the same Chart with new data or colours. */
  update(model: BarChartModel, colors: BarChartColors, animate: boolean): void {
    Object.assign(this.#settings, { model, colors, animate });
    applySettings(this.#chart.config as unknown as BarConfig, this.#settings);
    this.#chart.update(animate ? undefined : 'none');
  }

  /** Shows one year's tooltip and focus ring, as the keyboard chose it; undefined hides them. */
  focus(index: number | undefined): void {
    const chart = this.#chart;
    this.#settings.focused = index;
    const active = index === undefined ? [] : [{ datasetIndex: 0, index }];
    chart.setActiveElements(active);
    chart.tooltip?.setActiveElements(active, { x: 0, y: 0 });
    chart.update('none');
  }

  /** Draws at another pixel ratio (a print is sharper at 3); undefined goes back to the screen's. */
  setPixelRatio(ratio: number | undefined): void {
    // Set on the configuration: the resolved options are rebuilt from it on update.
    const options = (this.#chart.config as unknown as BarConfig).options!;
    options.devicePixelRatio = ratio;
    // A running animation would defer the resize; finish the drawing at once instead.
    this.#chart.stop();
    this.#chart.update('none');
    this.#chart.resize();
  }

  destroy(): void {
    this.#chart.destroy();
  }
}
