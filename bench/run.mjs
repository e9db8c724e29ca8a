/**
 * `npm run bench`: the widget against the page a developer would write
 * without it (Chart.js's prebuilt UMD file by a script tag, one `new Chart`
 * per canvas with the same figures, animation off, totals as text), measured
 * side by side in headless Chromium, alternating, on pages served from
 * 127.0.0.1. Writes bench/results.json and the tables in BENCHMARKS.md.
 *
 *   node bench/run.mjs [--pairs 7] [--no-build]
 *
 * Speed is reported as ratios against the naive page in the same run (these
 * machines are noisy), with the absolute medians beside them. puppeteer-core
 * drives the browser: it is already a dependency of the test suite, so the
 * benchmark adds none.
 */
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { SCREENS, measureShift, shiftPage } from './layout-shift.mjs';
import { runLighthouse } from './lighthouse.mjs';

const args = process.argv.slice(2);
const pairs = Number(args[args.indexOf('--pairs') + 1]) || 7;
if (!args.includes('--no-build')) execSync('npm run --silent build', { stdio: 'inherit' });

const ROOT = process.cwd();
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };

const FIGURES = JSON.parse(readFileSync('bench/figures.json', 'utf8'));

/**
 * Both pages mark 'first-chart' the same way, seen from outside: at the first
 * animation frame in which the first chart's canvas has been painted on. (A
 * mark after \`new Chart\` returns would come before the frame that shows it,
 * and the widget's ready event after it, which would favour the naive page.)
 */
const WATCH_FIRST_CHART = `<script>
(function watch() {
  const host = document.querySelector('ceop-stats');
  const canvas = host ? host.shadowRoot && host.shadowRoot.querySelector('canvas') : document.querySelector('canvas');
  if (canvas && canvas.width > 0 && canvas.height > 0) {
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4 * 7) {
      if (pixels[i] > 0) return performance.mark('first-chart');
    }
  }
  requestAnimationFrame(watch);
})();
</script>`;

/** The page a developer would write with Chart.js alone. */
function naivePage(n) {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>naive</title>
${WATCH_FIRST_CHART}
<script src="/node_modules/chart.js/dist/chart.umd.min.js"></script></head><body>
<script>
const figures = ${JSON.stringify(FIGURES)};
for (let i = 0; i < ${n}; i++) {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = 'Children safeguarded or protected';
  const box = document.createElement('div');
  box.style.cssText = 'position: relative; height: 240px';
  const canvas = document.createElement('canvas');
  box.append(canvas);
  const totals = document.createElement('p');
  totals.textContent = '1,038 children safeguarded or protected, 1,644 arrests, 394 networks since April 2006';
  section.append(heading, box, totals);
  document.body.append(section);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: figures.years, datasets: [{ label: 'Children', data: figures.children }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false },
  });
}
performance.mark('all-charts');
</script></body></html>`;
}

/** The same with the widget. */
function widgetPage(n, animate, preload) {
  const widgets = Array.from({ length: n }, () => `<ceop-stats ${animate ? '' : 'no-animation'}></ceop-stats>`).join('\n');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>widget</title>
${WATCH_FIRST_CHART}
${preload ? '<link rel="modulepreload" href="/dist/ceop-stats-bar-chart.js">\n' : ''}<script type="module" src="/dist/ceop-stats.js"></script></head><body>
${widgets}
</body></html>`;
}

function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const n = Number(url.searchParams.get('n')) || 1;
    if (url.pathname === '/naive.html') return void response.end(naivePage(n));
    if (url.pathname === '/widget.html') return void response.end(widgetPage(n, url.searchParams.has('animate'), url.searchParams.has('preload')));
    if (url.pathname === '/shift.html') return void response.end(shiftPage(url.searchParams.has('below')));
    const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (!path.startsWith(ROOT) || !existsSync(path) || !statSync(path).isFile()) {
      response.statusCode = 404;
      return void response.end();
    }
    response.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    createReadStream(path).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Two conditions: this machine as it is, and a reader's phone as Lighthouse's
 * mobile preset models it (4x slower CPU, 150 ms round trips, 1.6 Mbit/s down),
 * where bytes cost what they cost in the wild.
 */
const PROFILES = {
  local: undefined,
  mobile: { cpu: 4, latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 },
};

/** Loads a page in a fresh context (cold cache) and returns when its first chart was drawn, from navigation start. */
async function measure(browser, url, { longTasks = false, settleMs = 0, profile } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 800, height: 900 });
  const throttle = PROFILES[profile];
  if (throttle) {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: throttle.latency, downloadThroughput: throttle.down, uploadThroughput: throttle.up });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
  }
  if (longTasks) {
    await page.evaluateOnNewDocument(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
    });
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, { timeout: 30000 });
  if (settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs));
  const firstChart = await page.evaluate(() => performance.getEntriesByName('first-chart')[0].startTime);
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const tasks = longTasks ? await page.evaluate(() => window.__longTasks) : [];
  await context.close();
  return { firstChart, heap: usedSize, longTasks: tasks };
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

const results = { date: new Date().toISOString(), pairs, machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, browser: await browser.version() }, cases: {} };
try {
  for (const profile of Object.keys(PROFILES))
  for (const n of [1, 50]) {
    const runs = { naive: [], widget: [], preload: [] };
    const urls = { naive: `${base}/naive.html?n=${n}`, widget: `${base}/widget.html?n=${n}`, preload: `${base}/widget.html?n=${n}&preload` };
    const pages = Object.keys(runs);
    for (let i = 0; i < pairs; i++) {
      // Rotate which goes first, so drift in the machine's load falls on all three.
      const order = pages.map((_, j) => pages[(i + j) % pages.length]);
      for (const which of order) runs[which].push(await measure(browser, urls[which], { profile }));
    }
    const ms = (which) => median(runs[which].map((r) => r.firstChart));
    const heap = (which) => median(runs[which].map((r) => r.heap)) / 2 ** 20;
    const naiveMs = ms('naive');
    results.cases[`${n} widget${n > 1 ? 's' : ''}, ${profile}`] = {
      naiveMs,
      widgetMs: ms('widget'),
      ratio: ms('widget') / naiveMs,
      preloadMs: ms('preload'),
      preloadRatio: ms('preload') / naiveMs,
      target: n === 1 ? 0.7 : 0.5,
      naiveHeapMB: heap('naive'),
      widgetHeapMB: heap('widget'),
    };
    console.log(`${n}, ${profile}: naive ${naiveMs.toFixed(1)} ms, widget ${ms('widget').toFixed(1)} ms (ratio ${(ms('widget') / naiveMs).toFixed(2)}), with preload ${ms('preload').toFixed(1)} ms (ratio ${(ms('preload') / naiveMs).toFixed(2)})`);
  }
  // Long tasks while 50 widgets render and count up (animation on), over 3 s; the naive page's 50 charts beside them.
  const longTasks = { widget: [], naive: [] };
  for (let i = 0; i < pairs; i++) {
    longTasks.widget.push((await measure(browser, `${base}/widget.html?n=50&animate`, { longTasks: true, settleMs: 3000 })).longTasks);
    longTasks.naive.push((await measure(browser, `${base}/naive.html?n=50`, { longTasks: true, settleMs: 3000 })).longTasks);
  }
  const summarize = (runs) => ({ count: median(runs.map((tasks) => tasks.length)), longestMs: median(runs.map((tasks) => Math.max(0, ...tasks))) });
  results.longTasks = { ...summarize(longTasks.widget), naive: summarize(longTasks.naive) };
  console.log(`long tasks with 50 animated widgets: ${results.longTasks.count}, longest ${results.longTasks.longestMs.toFixed(0)} ms; naive page: ${results.longTasks.naive.count}, longest ${results.longTasks.naive.longestMs.toFixed(0)} ms`);
  // Layout shift over the whole load, per screen: the worst of the runs.
  results.layoutShift = [];
  for (const screen of SCREENS) {
    for (const [page, path] of [
      ['three widgets in the first screen', '/shift.html'],
      ['three widgets below the fold', '/shift.html?below'],
      ['demo/article.html (19 px Georgia, its own snippet)', '/demo/article.html'],
    ]) {
      const runs = [];
      for (let i = 0; i < Math.min(pairs, 3); i++) runs.push(await measureShift(browser, base + path, screen));
      results.layoutShift.push({ page, width: screen.width, height: screen.height, worst: Math.max(...runs) });
      console.log(`layout shift, ${page}, ${screen.width}x${screen.height}: ${Math.max(...runs).toFixed(4)}`);
    }
  }
  await browser.close();
  // Lighthouse's mobile preset on the demo article with three widgets.
  results.lighthouse = await runLighthouse(`${base}/demo/article.html`, CHROMIUM);
  const lh = results.lighthouse;
  console.log(`lighthouse: performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}, CLS ${lh.cumulativeLayoutShift}`);
} finally {
  if (browser.connected) await browser.close();
  server.close();
}

execSync('npm run --silent size', { stdio: 'inherit' });
results.size = JSON.parse(readFileSync('bench/size.json', 'utf8'));
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = Object.entries(results.cases).map(
  ([name, c]) =>
    `| ${name} | ${c.widgetMs.toFixed(0)} ms | ${c.preloadMs.toFixed(0)} ms | ${c.naiveMs.toFixed(0)} ms | **${c.ratio.toFixed(2)}** | **${c.preloadRatio.toFixed(2)}** | ≤ ${c.target} | ${Math.min(c.ratio, c.preloadRatio) <= c.target ? 'met' : 'missed'} | ${c.widgetHeapMB.toFixed(1)} MB | ${c.naiveHeapMB.toFixed(1)} MB |`,
);
const sizeRows = results.size.files.map((f) => `| \`${f.name}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`);
const m = results.machine;
const markdown = `# Benchmarks

Made by \`npm run bench\` on ${results.date.slice(0, 10)}: ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.browser} headless.
Each figure is the median of ${pairs} runs of each page, alternating, every run in a fresh browser context (cold cache).

## Time until the first chart is drawn, from navigation start

Two conditions: \`local\` is this machine as it is (files from 127.0.0.1, no
network cost); \`mobile\` is Lighthouse's mobile model of a reader's phone
(4x slower CPU, 150 ms round trips, 1.6 Mbit/s).

The naive page is what a developer would write without the widget: Chart.js's
prebuilt \`chart.umd.min.js\` by a script tag, one \`new Chart\` per canvas with
the same figures, animation off, totals as text. The widget page has the same
number of \`<ceop-stats no-animation>\` elements; the preloaded page adds the
README's \`<link rel="modulepreload">\` for the chart chunk.

| page | widget | preloaded | naive | ratio | ratio, preloaded | target | | JS heap, widget | JS heap, naive |
|---|---:|---:|---:|---:|---:|---:|---|---:|---:|
${rows.join('\n')}

## Main thread

Long tasks (over 50 ms) while 50 animated widgets load, render and count up,
over 3 s (median of ${pairs} runs): **${results.longTasks.count}**, the longest ${results.longTasks.longestMs.toFixed(0)} ms.
The naive page drawing its 50 charts: ${results.longTasks.naive.count}, the longest ${results.longTasks.naive.longestMs.toFixed(0)} ms.

## Lighthouse

Lighthouse 12 with its mobile preset (simulated slow 4G and a 4x slower CPU) on
[demo/article.html](demo/article.html), an article with three widgets:

| category | score | target |
|---|---:|---:|
| performance | ${results.lighthouse.performance} | ≥ 0.98 |
| accessibility | ${results.lighthouse.accessibility} | 1 |
| best practices | ${results.lighthouse.bestPractices} | 1 |
| cumulative layout shift | ${results.lighthouse.cumulativeLayoutShift} | 0 |

Largest contentful paint ${Math.round(results.lighthouse.largestContentfulPaintMs)} ms, total blocking time ${Math.round(results.lighthouse.totalBlockingTimeMs)} ms.${results.lighthouse.failing.length ? ` Audits not passed: ${results.lighthouse.failing.join(', ')}.` : ''}

## Layout shift

Chromium's layout-shift entries over the whole load, from navigation start,
summed (an upper bound on CLS, which takes only the worst window), the worst
of ${Math.min(pairs, 3)} loads; each page scrolled to every widget in turn until all are drawn,
and the counters left to finish. The pages reserve room with the README's
snippet ("Room before the script loads"); \`demo/article.html\` has its own,
larger one for its big font.

| page | screen | layout shift | target |
|---|---|---:|---:|
${(results.layoutShift ?? []).map((r) => `| ${r.page} | ${r.width} × ${r.height} | ${r.worst.toFixed(4)} | ${r.page.includes('below') ? '0' : '≤ 0.01'} |`).join('\n')}

## Sizes (gzip -9)

| file | minified | gzip -9 |
|---|---:|---:|
${sizeRows.join('\n')}

Entry module: ${kb(results.size.measured.entry)} (target 12 KB); entry and chart chunk, what a page with a chart fetches: ${kb(results.size.measured.page)} (target 50 KB); every chunk, including the Welsh texts, outside data and downloads that only some pages fetch: ${kb(results.size.measured.total)}.
Chart.js's smallest bar chart with tooltips is about 45.6 KB and Lit about 6.3 KB,
so 50 KB for the entry and the chart cannot be met while the chart is drawn by Chart.js;
the entry, which is all most readers load before scrolling, is where the
widget is light. \`npm run size\` fails CI if either grows past its budget.

## Reading the timings

Both pages are timed the same way from outside: the first animation frame in
which the first chart's canvas has been painted on.

With one chart, the time is bound by the same thing on both pages: fetching,
parsing and running Chart.js, which is most of the bytes and most of the
work, so the widget cannot be much faster than a page that uses Chart.js
directly. Without a preload the widget also makes two round trips in series
(its entry, then the chart chunk); the preload line lets both files come at
once, which is what brings it under the naive page on the modelled phone.

With 50 charts the widget shows its first chart in about half the naive
page's time: the naive page draws all 50 before the browser can paint any,
while the widget draws only the charts near the viewport, first, and renders
the rest in slices of about 12 ms, so a page of 50 widgets also stays
responsive where the naive page blocks for the whole drawing. It also uses
far less memory. What is left over 50 ms is single pieces of work that
cannot be split: evaluating a module, and Chart.js drawing one chart for the
first time on a cold engine.
`;
writeFileSync('BENCHMARKS.md', markdown);
console.log('wrote bench/results.json and BENCHMARKS.md');
