/**
 * The "Download data (CSV)" and "Download image (PNG)" files, in a chunk of
 * their own: fetched on the first click, so the entry module stays small.
 * The element hands over what it shows; nothing here reads the data any
 * other way, so the files say what the chart, table and counters say.
 */
import type { BarChart, BarChartColors, BarChartModel } from '../chart/bar-chart.js';
import { buildCsv, downloadName } from '../view/csv.js';
import type { Source } from '../model/dataset.js';
import { formatCount } from '../model/format.js';
import type { Series } from '../view/series.js';
import type { Messages } from '../messages/en.js';
import { sizeCanvas } from '../runtime/box-size.js';

export interface DownloadInput {
  /** The widget: its width, its shadow root's fonts and layout, and where temporary elements go. */
  host: HTMLElement;
  series: Series;
  /** The source line shown, else the data's own: a file outlives the page that gave its context. */
  source: Source | undefined;
  heading: string;
  /** The messages the widget shows its text in. */
  messages: Messages;
}

export interface PictureInput extends DownloadInput {
  chartChunk: { BarChart: typeof BarChart };
  model: BarChartModel;
  colors: BarChartColors;
}

/**
 * Firefox and WebKit may read a blob: URL after the click has returned, so it
 * is revoked a little later rather than at once.
 */
const REVOKE_AFTER_MS = 1000;

/** Offers a Blob as a download through a temporary link: no navigation, no inline script, fine under a strict CSP. */
function save(blob: Blob, fileName: string, root: ShadowRoot): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

function rootOf(host: HTMLElement): ShadowRoot {
  const root = host.shadowRoot;
  if (!root) throw new Error('the widget has no shadow root');
  return root;
}

export function downloadCsv({ host, series, source, messages }: DownloadInput): void {
  const text = buildCsv({ series, source, text: messages });
  save(new Blob([text], { type: 'text/csv;charset=utf-8' }), downloadName(series.measure.id, series.labels, 'csv'), rootOf(host));
}

/** Canvas sides past this fail or are refused in some engines; a very wide widget is drawn at a lower ratio instead. */
const MAX_CANVAS_SIDE = 8192;

const px = (value: string): number => Number.parseFloat(value) || 0;

interface TextStyle {
  font: string;
  lineHeight: number;
  color: string;
}

/** The font an element of the widget really has, so the picture looks like the widget. */
function textStyle(element: Element | null, fallback: Element, color: string): TextStyle {
  const style = getComputedStyle(element ?? fallback);
  const size = px(style.fontSize) || 16;
  // "normal" line height reads as NaN: use the usual 1.2.
  const lineHeight = Number.parseFloat(style.lineHeight);
  return {
    // Built from the longhands: Firefox gives an empty `font` shorthand.
    font: `${style.fontStyle} ${style.fontWeight} ${size}px ${style.fontFamily || 'sans-serif'}`,
    lineHeight: Number.isFinite(lineHeight) ? lineHeight : size * 1.2,
    color,
  };
}

/** Breaks text into lines no wider than `width`; a word wider than a line (a long URL) is broken between characters. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const fits = (line: string) => context.measureText(line).width <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      // The longest start of the word that fits, found by halving; at least one character, so it always moves on.
      let low = 1;
      let high = line.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (fits(line.slice(0, middle))) low = middle;
        else high = middle - 1;
      }
      lines.push(line.slice(0, low));
      line = line.slice(low);
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface TextRun {
  lines: string[];
  style: TextStyle;
  x: number;
  y: number;
}

/** Where the picture's texts go: the runs laid out so far, and the card's measures. */
interface Layout {
  root: ShadowRoot;
  card: Element;
  padding: number;
  gap: number;
  /** The width inside the card's padding. */
  inner: number;
  runs: TextRun[];
  /** Lays out a text, wrapped to `lineWidth`, at (x, top); returns its height. */
  addText(text: string, style: TextStyle, x: number, top: number, lineWidth: number): number;
}

function layoutOf(host: HTMLElement, root: ShadowRoot): Layout {
  const card = root.querySelector('.card') ?? host;
  const cardStyle = getComputedStyle(card);
  const padding = px(cardStyle.paddingTop);
  const inner = Math.max(1, host.getBoundingClientRect().width - 2 * padding);
  const measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) throw new Error('no 2D canvas context');
  const runs: TextRun[] = [];
  return {
    root,
    card,
    padding,
    gap: px(cardStyle.rowGap),
    inner,
    runs,
    addText(text, style, x, top, lineWidth) {
      measurer.font = style.font;
      const lines = wrap(measurer, text, lineWidth);
      runs.push({ lines, style, x, y: top });
      return lines.length * style.lineHeight;
    },
  };
}

/**
 * A box out of sight where the chart is drawn afresh, at the size it has on
 * screen or, hidden behind the table, at the chart height the widget's CSS
 * gives. Styled through the CSSOM (allowed by a strict CSP), to keep the
 * entry's CSS small.
 */
function chartStage({ root, inner }: Layout): HTMLDivElement {
  const stage = document.createElement('div');
  const shownChart = root.querySelector('.chart')?.getBoundingClientRect();
  const shown = shownChart && shownChart.width > 0 && shownChart.height > 0;
  Object.assign(stage.style, {
    position: 'absolute',
    top: '0',
    left: '0',
    width: shown ? `${shownChart.width}px` : `${inner}px`,
    height: shown ? `${shownChart.height}px` : 'var(--_chart-height)',
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  stage.append(document.createElement('canvas'));
  root.append(stage);
  return stage;
}

/** The counters, in the columns the widget lays them out in, each with its final total (never a mid-animation figure); returns the y below them. */
function layoutCounters(layout: Layout, { series, colors }: PictureInput, top: number): number {
  const { root, card, padding, inner } = layout;
  const items = [...root.querySelectorAll('.counter')];
  const firstRowTop = items[0]?.getBoundingClientRect().top;
  const columns = Math.max(1, items.filter((item) => item.getBoundingClientRect().top === firstRowTop).length);
  const list = root.querySelector('.counters');
  const counterGap = list ? px(getComputedStyle(list).columnGap) : layout.gap;
  const columnWidth = Math.max(1, (inner - counterGap * (columns - 1)) / columns);
  const valueStyle = textStyle(root.querySelector('.counter-value'), card, colors.text);
  const labelStyle = textStyle(root.querySelector('.counter-label'), card, colors.muted);
  let y = top;
  const { counters, locale } = series;
  for (let start = 0; start < counters.length; start += columns) {
    let rowHeight = 0;
    counters.slice(start, start + columns).forEach((counter, column) => {
      const x = padding + column * (columnWidth + counterGap);
      const valueHeight = layout.addText(formatCount(counter.value, locale), valueStyle, x, y, columnWidth);
      rowHeight = Math.max(rowHeight, valueHeight + layout.addText(counter.label, labelStyle, x, y + valueHeight, columnWidth));
    });
    y += rowHeight + (start + columns < counters.length ? counterGap : 0);
  }
  return y;
}

/** Paints the background, the chart's fresh bitmap and every text run onto a canvas of the picture's size. */
function paint(input: PictureInput, layout: Layout, stage: HTMLDivElement, chartTop: number, height: number): HTMLCanvasElement {
  const { colors } = input;
  const width = input.host.getBoundingClientRect().width;
  const scale = Math.min(2 * devicePixelRatio, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
  const picture = document.createElement('canvas');
  picture.width = Math.round(width * scale);
  picture.height = Math.round(height * scale);
  const context = picture.getContext('2d');
  if (!context) throw new Error('no 2D canvas context');
  context.scale(scale, scale);
  context.fillStyle = colors.background;
  context.fillRect(0, 0, width, height);
  const chartCanvas = stage.querySelector('canvas')!;
  const stageSize = stage.getBoundingClientRect();
  sizeCanvas(chartCanvas, stageSize);
  const chart = new input.chartChunk.BarChart(chartCanvas, stageSize, input.model, colors, false, () => undefined);
  try {
    chart.setPixelRatio(scale);
    // The chart's bitmap is now at the picture's scale: drawn pixel for pixel, so it stays sharp.
    context.drawImage(chartCanvas, layout.padding, chartTop, chartCanvas.width / scale, chartCanvas.height / scale);
  } finally {
    chart.destroy();
  }
  // Right to left, as the widget lays it out: each text starts at the mirror of its left-to-right place.
  const rtl = input.model.rtl;
  context.direction = rtl ? 'rtl' : 'ltr';
  context.textAlign = rtl ? 'right' : 'left';
  context.textBaseline = 'middle';
  for (const run of layout.runs) {
    context.font = run.style.font;
    context.fillStyle = run.style.color;
    const x = rtl ? width - run.x : run.x;
    run.lines.forEach((line, i) => context.fillText(line, x, run.y + (i + 0.5) * run.style.lineHeight));
  }
  return picture;
}

/**
 * The picture: the card's background, the heading, the chart drawn afresh at
 * twice the device pixel ratio (never the on-screen one, which may be mid-
 * animation, showing a tooltip, or hidden behind the table), the counters'
 * final totals and the source. Its width is the widget's, in CSS pixels
 * times that ratio.
 */
function composePicture(input: PictureInput, root: ShadowRoot): HTMLCanvasElement {
  const { source, heading, colors, messages } = input;
  const layout = layoutOf(input.host, root);
  const { card, padding, gap, inner } = layout;
  const stage = chartStage(layout);
  try {
    let y = padding;
    y += layout.addText(heading, textStyle(root.querySelector('.heading'), card, colors.text), padding, y, inner) + gap;
    const chartTop = y;
    y = layoutCounters(layout, input, y + stage.getBoundingClientRect().height + gap);
    if (source) {
      const sourceStyle = textStyle(root.querySelector('.source'), card, colors.muted);
      y += gap + layout.addText(`${messages.sourcePrefix} ${source.label}`, sourceStyle, padding, y + gap, inner);
      // The link cannot be followed in a picture: its address is written out.
      if (source.url) y += layout.addText(source.url, sourceStyle, padding, y, inner);
    }
    return paint(input, layout, stage, chartTop, y + padding);
  } finally {
    stage.remove();
  }
}

export async function downloadPng(input: PictureInput): Promise<void> {
  const root = rootOf(input.host);
  const picture = composePicture(input, root);
  const blob = await new Promise<Blob | null>((resolve) => picture.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the image');
  save(blob, downloadName(input.series.measure.id, input.series.labels, 'png'), root);
}
