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
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

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
}

export interface BarChartColors {
  bar: string;
  highlight: string;
  text: string;
  muted: string;
  grid: string;
  fontFamily: string;
}

interface Settings {
  model: BarChartModel;
  colors: BarChartColors;
  /** False when the reader prefers reduced motion or the page asked for none. */
  animate: boolean;
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
  dataset.backgroundColor = model.highlighted.map((h) => (h ? colors.highlight : colors.bar));
  const options = config.options!;
  const scales = options.scales!;
  scales.x = { grid: { display: false }, ticks: { color: colors.text, font }, border: { color: colors.grid } };
  scales.y = {
    beginAtZero: true,
    grid: { color: colors.grid },
    border: { display: false },
    ticks: { color: colors.muted, font, precision: 0, callback: (v) => model.formatValue(Number(v)) },
  };
  const tooltip = options.plugins!.tooltip!;
  tooltip.titleFont = { ...font, weight: 'bold' };
  tooltip.bodyFont = font;
  tooltip.animation = animate ? { duration: TOOLTIP_ANIMATION_MS } : false;
  if (options.animation) options.animation.duration = animate ? BAR_ANIMATION_MS : 0;
}

export class BarChart {
  readonly #chart: Chart<'bar', (number | null)[], string>;
  readonly #settings: Settings;

  constructor(canvas: HTMLCanvasElement, model: BarChartModel, colors: BarChartColors, animate: boolean, onDrawn: () => void) {
    this.#settings = { model, colors, animate };
    const config: BarConfig = {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], borderWidth: 0, maxBarThickness: 72 }] },
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

  destroy(): void {
    this.#chart.destroy();
  }
}
