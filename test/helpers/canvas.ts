/** The canvas as a reader sees it: bars told apart by marker colours set through the public custom properties. */

export type Rgb = [number, number, number];

/** Marker colours for pixel tests, set through the public custom properties. */
export const MARKERS = {
  bar: [0, 0, 255] as Rgb,
  record: [255, 0, 0] as Rgb,
  muted: [0, 160, 0] as Rgb,
  text: [0, 0, 0] as Rgb,
};

export const MARKER_STYLE = [
  `--ceop-stats-bar-color: rgb(${MARKERS.bar.join(',')})`,
  `--ceop-stats-record-color: rgb(${MARKERS.record.join(',')})`,
  `--ceop-stats-muted-color: rgb(${MARKERS.muted.join(',')})`,
  `--ceop-stats-text-color: rgb(${MARKERS.text.join(',')})`,
  '--ceop-stats-background: rgb(255, 255, 255)',
  '--ceop-stats-grid-color: rgb(255, 255, 255)',
].join(';');

function near(data: Uint8ClampedArray, i: number, [r, g, b]: Rgb, tolerance = 8): boolean {
  return (
    Math.abs(data[i]! - r) <= tolerance &&
    Math.abs(data[i + 1]! - g) <= tolerance &&
    Math.abs(data[i + 2]! - b) <= tolerance &&
    data[i + 3]! > 250
  );
}

export interface Bar {
  color: 'bar' | 'record';
  left: number;
  right: number;
  /** Topmost and bottommost rows of the bar. */
  top: number;
  bottom: number;
  centre: number;
}

/**
 * The bars on the canvas: runs of columns whose pixels are solidly the bar or
 * the record marker colour (at least 4 pixels tall, so text cannot pass for one).
 */
/** Bar heights in pixels, in the order drawn. */
export function barHeights(bars: Bar[]): number[] {
  return bars.map((bar) => bar.bottom - bar.top + 1);
}

export function readBars(canvas: HTMLCanvasElement): Bar[] {
  const { width, height } = canvas;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, width, height);
  type Column = { color: Bar['color']; top: number; bottom: number };
  const columns: (Column | undefined)[] = [];
  for (let x = 0; x < width; x++) {
    let found: Column | undefined;
    for (const color of ['bar', 'record'] as const) {
      let count = 0;
      let top = -1;
      let bottom = -1;
      for (let y = 0; y < height; y++) {
        if (near(data, (y * width + x) * 4, MARKERS[color])) {
          count++;
          if (top < 0) top = y;
          bottom = y;
        }
      }
      if (count >= 4) found = { color, top, bottom };
    }
    columns.push(found);
  }
  const bars: Bar[] = [];
  columns.forEach((column, x) => {
    const last = bars[bars.length - 1];
    if (!column) return;
    if (last && last.color === column.color && last.right === x - 1) {
      last.right = x;
      last.top = Math.min(last.top, column.top);
      last.bottom = Math.max(last.bottom, column.bottom);
      last.centre = (last.left + x) / 2;
    } else {
      bars.push({ color: column.color, left: x, right: x, top: column.top, bottom: column.bottom, centre: x });
    }
  });
  return bars.filter((bar) => bar.right - bar.left >= 3);
}

/** How many pixels in a rectangle are close to a colour. */
export function countPixels(
  canvas: HTMLCanvasElement,
  rect: { x: number; y: number; w: number; h: number },
  color: Rgb,
  tolerance = 90,
): number {
  const x = Math.max(0, Math.round(rect.x));
  const y = Math.max(0, Math.round(rect.y));
  const w = Math.max(1, Math.min(canvas.width - x, Math.round(rect.w)));
  const h = Math.max(1, Math.min(canvas.height - y, Math.round(rect.h)));
  const { data } = canvas.getContext('2d')!.getImageData(x, y, w, h);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (near(data, i, color, tolerance)) count++;
  return count;
}
