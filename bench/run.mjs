/**
 * `npm run bench`: the widget against the page a developer would write
 * without it (Chart.js's prebuilt UMD file by a script tag, one `new Chart`
 * per canvas with the same figures, animation off, totals as text), with 1, 3
 * and 50 charts all in view (bench/pages.mjs), measured side by side in
 * headless Chromium, alternating, on pages served from 127.0.0.1, under this
 * machine as it is and under Lighthouse's mobile model. For each: the first
 * chart drawn, every chart drawn, the longest task, the total blocking time
 * and the JS heap. Then layout shift, Lighthouse and the sizes. Writes
 * bench/results.json and BENCHMARKS.md (bench/report.mjs).
 *
 *   node bench/run.mjs [--pairs 7] [--no-build] [--trace]
 *
 * --trace also records a Chromium trace of one load of the 50-widget page and
 * prints where its longest tasks go (bench/trace.mjs).
 *
 * Speed is reported as ratios against the naive page in the same run (these
 * machines are noisy), with the absolute medians beside them. puppeteer-core
 * drives the browser: it is already a dependency of the test suite, so the
 * benchmark adds none.
 */
import { Buffer } from 'node:buffer';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { SCREENS, measureShift, shiftPage } from './layout-shift.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { LAYOUTS, everyChartInView, naivePage, observeLongTasks, widgetPage } from './pages.mjs';
import { report } from './report.mjs';
import { traceLongTasks } from './trace.mjs';

const args = process.argv.slice(2);
const pairs = Number(args[args.indexOf('--pairs') + 1]) || 7;
if (!args.includes('--no-build')) execSync('npm run --silent build', { stdio: 'inherit' });

const ROOT = process.cwd();
/**
 * dist/ as it is when the run starts, served from memory: other work in the
 * same tree may rebuild dist/ (which empties it first) while the bench runs.
 */
if (!existsSync('dist/ceop-stats.js') || !existsSync('dist/ceop-stats-bar-chart.js'))
  throw new Error('dist/ is missing: run npm run build first, or drop --no-build');
const DIST = new Map(
  readdirSync('dist', { recursive: true })
    .filter((name) => statSync(join('dist', name)).isFile())
    .map((name) => [`/dist/${name}`, readFileSync(join('dist', name))]),
);
// The sizes of the same files, measured now.
try {
  execSync('npm run --silent size', { stdio: 'inherit' });
} catch {
  console.warn('npm run size reports a file over its budget (above); the benchmark goes on');
}
const SIZE = JSON.parse(readFileSync('bench/size.json', 'utf8'));
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
};

/**
 * Every answer gzipped when the browser accepts it, as a CDN, WordPress's
 * web server or any host a reader meets would send it: under the mobile
 * model's 1.6 Mbit/s the bytes on the wire are what a load waits for, and
 * raw files would weigh both pages by their unminified-to-gzip ratio instead.
 */
const compressed = new WeakMap();
function send(request, response, body) {
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return void response.end(body);
  let zipped = typeof body === 'string' ? undefined : compressed.get(body);
  if (!zipped) {
    zipped = gzipSync(Buffer.from(body), { level: 9 });
    if (typeof body !== 'string') compressed.set(body, zipped);
  }
  response.setHeader('Content-Encoding', 'gzip');
  response.end(zipped);
}

function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const n = Number(url.searchParams.get('n')) || 1;
    if (url.pathname === '/naive.html') return send(request, response, naivePage(n));
    if (url.pathname === '/widget.html') return send(request, response, widgetPage(n, url.searchParams.has('preload')));
    if (url.pathname === '/shift.html') return send(request, response, shiftPage(url.searchParams.has('below')));
    if (DIST.has(url.pathname)) {
      response.setHeader('Content-Type', TYPES[extname(url.pathname)] ?? 'application/octet-stream');
      return send(request, response, DIST.get(url.pathname));
    }
    const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (!path.startsWith(ROOT) || !existsSync(path) || !statSync(path).isFile()) {
      response.statusCode = 404;
      return void response.end();
    }
    response.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    send(request, response, fileBytes(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Files outside dist/ (Chart.js's UMD build, the demo), read once. */
const FILES = new Map();
const fileBytes = (path) => FILES.get(path) ?? FILES.set(path, readFileSync(path)).get(path);

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

const MARKS = ['first-chart', 'all-charts'];
/** How long after all charts are drawn long tasks are still counted, and the heap read. */
const SETTLE_MS = 500;

/**
 * Loads a page in a fresh context (cold cache) at its layout's viewport and
 * returns, from navigation start, when its first chart and all its charts were
 * drawn; the longest task and the total blocking time (the sum over long tasks
 * of their time past 50 ms) from the start of the load until all charts are
 * drawn and SETTLE_MS after; and the JS heap after a forced GC.
 */
async function measure(browser, url, { n, profile }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ ...LAYOUTS[n].viewport, deviceScaleFactor: 1 });
    const throttle = PROFILES[profile];
    if (throttle) {
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttle.latency,
        downloadThroughput: throttle.down,
        uploadThroughput: throttle.up,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    }
    await page.evaluateOnNewDocument(observeLongTasks);
    const failures = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on(
      'response',
      (response) =>
        response.status() >= 400 && !response.url().endsWith('/favicon.ico') && failures.push(`${response.status()} ${response.url()}`),
    );
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    try {
      await page.waitForFunction(() => performance.getEntriesByName('all-charts').length > 0, { timeout: 60000, polling: 50 });
    } catch (error) {
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((mark) => mark.name)).catch(() => []);
      throw new Error(
        `${url} (${profile}): all charts not drawn in 60 s; marks: ${marks.join(', ') || 'none'}; ${failures.join('; ') || 'no errors'} (${error.message})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const [firstChart, allCharts] = await page.evaluate(
      (marks) => marks.map((name) => performance.getEntriesByName(name)[0].startTime),
      MARKS,
    );
    const inView = await page.evaluate(everyChartInView);
    if (!inView) throw new Error(`${url}: not every chart is in view at ${LAYOUTS[n].viewport.width}x${LAYOUTS[n].viewport.height}`);
    const { tasks, watchMs } = await page.evaluate(() => ({ tasks: window.__longTasks, watchMs: window.__watchMs }));
    const counted = tasks.filter((task) => task.startTime <= allCharts + SETTLE_MS);
    const session = await page.createCDPSession();
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return {
      firstChart,
      allCharts,
      longestTask: Math.max(0, ...counted.map((task) => task.duration)),
      totalBlocking: counted.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      longTasks: counted.length,
      heap: usedSize,
      watchMs,
    };
  } finally {
    await context.close();
  }
}

/** One retry on a shared machine, saying why, before giving up. */
async function measureOrRetry(browser, url, options) {
  try {
    return await measure(browser, url, options);
  } catch (error) {
    console.warn(`retrying once: ${error.message}`);
    return measure(browser, url, options);
  }
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_FLAGS,
});

const PAGES = {
  widget: (n) => `/widget.html?n=${n}`,
  preload: (n) => `/widget.html?n=${n}&preload`,
  naive: (n) => `/naive.html?n=${n}`,
};
const COUNTS = [1, 3, 50];
const results = {
  date: new Date().toISOString(),
  pairs,
  settleMs: SETTLE_MS,
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    browser: await browser.version(),
  },
  layouts: LAYOUTS,
  cases: {},
};
try {
  for (const profile of Object.keys(PROFILES)) {
    results.cases[profile] = {};
    for (const n of COUNTS) {
      const runs = Object.fromEntries(Object.keys(PAGES).map((which) => [which, []]));
      const pages = Object.keys(PAGES);
      for (let i = 0; i < pairs; i++) {
        // Rotate which goes first, so drift in the machine's load falls on all three.
        const order = pages.map((_, j) => pages[(i + j) % pages.length]);
        for (const which of order) runs[which].push(await measureOrRetry(browser, base + PAGES[which](n), { n, profile }));
      }
      const summary = {};
      for (const which of pages) {
        const of = (key) => median(runs[which].map((r) => r[key]));
        summary[which] = {
          firstChartMs: of('firstChart'),
          allChartsMs: of('allCharts'),
          longestTaskMs: of('longestTask'),
          totalBlockingMs: of('totalBlocking'),
          longTasks: of('longTasks'),
          heapMB: of('heap') / 2 ** 20,
          watchMs: of('watchMs'),
          runs: runs[which],
        };
      }
      const ratio = (which, key) => summary[which][key] / summary.naive[key];
      summary.ratios = {
        firstChart: ratio('widget', 'firstChartMs'),
        firstChartPreloaded: ratio('preload', 'firstChartMs'),
        allCharts: ratio('widget', 'allChartsMs'),
        allChartsPreloaded: ratio('preload', 'allChartsMs'),
        heap: ratio('widget', 'heapMB'),
        heapPreloaded: ratio('preload', 'heapMB'),
      };
      results.cases[profile][n] = summary;
      const { widget: w, preload: p, naive: v } = summary;
      console.log(
        `${profile}, ${n}: first chart ${w.firstChartMs.toFixed(0)} / ${p.firstChartMs.toFixed(0)} / ${v.firstChartMs.toFixed(0)} ms (widget / preloaded / naive), ` +
          `all ${w.allChartsMs.toFixed(0)} / ${p.allChartsMs.toFixed(0)} / ${v.allChartsMs.toFixed(0)} ms, ` +
          `longest task ${w.longestTaskMs.toFixed(0)} / ${p.longestTaskMs.toFixed(0)} / ${v.longestTaskMs.toFixed(0)} ms, ` +
          `TBT ${w.totalBlockingMs.toFixed(0)} / ${p.totalBlockingMs.toFixed(0)} / ${v.totalBlockingMs.toFixed(0)} ms, ` +
          `heap ${w.heapMB.toFixed(1)} / ${p.heapMB.toFixed(1)} / ${v.heapMB.toFixed(1)} MB`,
      );
    }
  }
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
  if (args.includes('--trace')) results.trace = await traceLongTasks(browser, `${base}${PAGES.widget(50)}`, LAYOUTS[50].viewport, DIST);
  await browser.close();
  // Lighthouse's mobile preset on the demo article with three widgets.
  results.lighthouse = await runLighthouse(`${base}/demo/article.html`, CHROMIUM_PATH);
  const lh = results.lighthouse;
  console.log(
    `lighthouse: performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}, CLS ${lh.cumulativeLayoutShift}`,
  );
} finally {
  if (browser.connected) await browser.close();
  server.close();
}

results.size = SIZE;
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('BENCHMARKS.md', report(results));
console.log('wrote bench/results.json and BENCHMARKS.md');
