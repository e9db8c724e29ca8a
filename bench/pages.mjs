/**
 * The pages bench/run.mjs times: the widget, the widget with the README's
 * preload line, and the page a developer would write with Chart.js alone,
 * each with 1, 3 or 50 charts laid out so that every chart is in view.
 */
import { readFileSync } from 'node:fs';

const FIGURES = JSON.parse(readFileSync('bench/figures.json', 'utf8'));

/**
 * Every chart in view: one widget in the usual window; three side by side in a
 * row of 400 px columns; fifty in a grid of ten 300 px columns and five rows,
 * with the smallest chart height, in a window tall and wide enough for all.
 */
export const LAYOUTS = {
  1: { viewport: { width: 800, height: 900 }, columns: 1, width: 760, chartHeight: 240 },
  3: { viewport: { width: 1280, height: 900 }, columns: 3, width: 400, chartHeight: 240 },
  50: { viewport: { width: 3000, height: 4000 }, columns: 10, width: 300, chartHeight: 160 },
};

export const layoutStyle = ({ columns, width, chartHeight }) => `<style>
body { margin: 0; font: 16px sans-serif; }
.grid { display: grid; grid-template-columns: repeat(${columns}, ${width}px); align-items: start; }
.grid > * { min-width: 0; }
ceop-stats { --ceop-stats-chart-height: ${chartHeight}px; }
</style>`;

/**
 * Both pages are timed the same way, seen from outside: every animation frame
 * the script looks at each chart's canvas (inside each widget's shadow root on
 * the widget page) for painted pixels. 'first-chart' is the first frame in
 * which some canvas has been painted on, 'all-charts' the first in which all
 * `n` have. (A mark after `new Chart` returns would come before the frame that
 * shows it, and the widget's ready event after it, which would favour the
 * naive page.) The time spent looking is summed in window.__watchMs, so its
 * cost can be seen; it falls on both pages alike.
 */
const watchCharts = (n, shadow) => `<script>
(function () {
  const painted = new Set();
  window.__watchMs = 0;
  function canvases() {
    if (!${shadow}) return document.querySelectorAll('canvas');
    const found = [];
    for (const host of document.querySelectorAll('ceop-stats')) {
      const canvas = host.shadowRoot && host.shadowRoot.querySelector('canvas');
      if (canvas) found.push(canvas);
    }
    return found;
  }
  // Five rows across the canvas, not all of it: reading every pixel of 50
  // canvases each frame cost up to 25 ms a frame. Chart.js draws a whole
  // chart at once (animation off), and each row crosses bars or labels.
  function hasPixels(canvas) {
    if (!(canvas.width > 0 && canvas.height > 0)) return false;
    const context = canvas.getContext('2d');
    for (const part of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const pixels = context.getImageData(0, Math.floor(canvas.height * part), canvas.width, 1).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
    }
    return false;
  }
  function watch() {
    const start = performance.now();
    for (const canvas of canvases()) {
      if (painted.has(canvas) || !hasPixels(canvas)) continue;
      painted.add(canvas);
      if (painted.size === 1) performance.mark('first-chart');
    }
    window.__watchMs += performance.now() - start;
    if (painted.size >= ${n}) performance.mark('all-charts');
    else requestAnimationFrame(watch);
  }
  watch();
})();
</script>`;

/**
 * Long tasks from the start of the load, buffered, for page.evaluateOnNewDocument:
 * puppeteer serialises the function, so it runs in the page.
 */
export function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The page a developer would write with Chart.js alone: its UMD file by a script tag, one `new Chart` per canvas, animation off, totals as text. */
export function naivePage(n) {
  const layout = LAYOUTS[n];
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>naive</title>
${layoutStyle(layout)}
${watchCharts(n, false)}
<script src="/node_modules/chart.js/dist/chart.umd.min.js"></script></head><body>
<div class="grid"></div>
<script>
const figures = ${JSON.stringify(FIGURES)};
const grid = document.querySelector('.grid');
for (let i = 0; i < ${n}; i++) {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = 'Children safeguarded or protected';
  const box = document.createElement('div');
  box.style.cssText = 'position: relative; height: ${layout.chartHeight}px';
  const canvas = document.createElement('canvas');
  box.append(canvas);
  const totals = document.createElement('p');
  totals.textContent = '1,038 children safeguarded or protected, 1,644 arrests, 394 networks since April 2006';
  section.append(heading, box, totals);
  grid.append(section);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: figures.years, datasets: [{ label: 'Children', data: figures.children }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false },
  });
}
</script></body></html>`;
}

/** The same number of `<ceop-stats>` in the same layout; `preload` adds the README's modulepreload lines for the element and chart chunks. */
export function widgetPage(n, preload) {
  const widgets = Array.from({ length: n }, () => '<ceop-stats no-animation></ceop-stats>').join('\n');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>widget</title>
${layoutStyle(LAYOUTS[n])}
${watchCharts(n, true)}
${preload ? '<link rel="modulepreload" href="/dist/ceop-stats-element.js">\n<link rel="modulepreload" href="/dist/ceop-stats-bar-chart.js">\n' : ''}<script type="module" src="/dist/ceop-stats.js"></script></head><body>
<div class="grid">
${widgets}
</div>
</body></html>`;
}

/** Whether every chart's canvas lies wholly inside the viewport, for page.evaluate. */
export function everyChartInView() {
  const hosts = [...document.querySelectorAll('ceop-stats')];
  const canvases = hosts.length ? hosts.map((host) => host.shadowRoot.querySelector('canvas')) : [...document.querySelectorAll('canvas')];
  return canvases.every((canvas) => {
    const box = canvas.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
}
