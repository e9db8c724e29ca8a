/**
 * What `npm run bench` and `npm run bench:ab` share: the server of the
 * benchmark's pages (bench/pages.mjs) and of a build's files, and one
 * measured load of a page in headless Chromium under a profile.
 */
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { shiftPage } from './layout-shift.mjs';
import { LAYOUTS, everyChartInView, naivePage, observeLongTasks, widgetPage } from './pages.mjs';

const ROOT = process.cwd();

/**
 * A build's files (`dir`, dist/ or a copy of an earlier one) by the path they
 * are served at, read into memory when the run starts: other work in the same
 * tree may rebuild dist/ (which empties it first) while a benchmark runs.
 */
export function readBuild(dir) {
  if (!existsSync(join(dir, 'ceop-stats.js')) || !existsSync(join(dir, 'ceop-stats-bar-chart.js')))
    throw new Error(`${dir}/ holds no build: run npm run build first`);
  return new Map(
    readdirSync(dir, { recursive: true })
      .filter((name) => statSync(join(dir, name)).isFile())
      .map((name) => [`/dist/${name}`, readFileSync(join(dir, name))]),
  );
}

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

/**
 * Serves the benchmark's pages, `build` (readBuild) at /dist/, and the
 * project's other files, on a free port of 127.0.0.1; `serverRendered` is
 * the HTML of /server-rendered.html, when given.
 */
export function serve(build, serverRendered) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const n = Number(url.searchParams.get('n')) || 1;
    if (url.pathname === '/naive.html') return send(request, response, naivePage(n));
    if (url.pathname === '/widget.html') return send(request, response, widgetPage(n, url.searchParams.has('preload')));
    if (url.pathname === '/shift.html') return send(request, response, shiftPage(url.searchParams.has('below')));
    if (url.pathname === '/server-rendered.html' && serverRendered) return send(request, response, serverRendered);
    if (build.has(url.pathname)) {
      response.setHeader('Content-Type', TYPES[extname(url.pathname)] ?? 'application/octet-stream');
      return send(request, response, build.get(url.pathname));
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

/** The value after `name` on the command line (`args`), or `otherwise` when it is not given. */
export const option = (args, name, otherwise) => (args.includes(name) ? args[args.indexOf(name) + 1] : otherwise);

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Two conditions: this machine as it is, and a reader's phone as Lighthouse's
 * mobile preset models it (4x slower CPU, 150 ms round trips, 1.6 Mbit/s down),
 * where bytes cost what they cost in the wild.
 */
export const PROFILES = {
  local: undefined,
  mobile: { cpu: 4, latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 },
};

/** Puts `page` under `profile` (PROFILES): its network and CPU as the profile models them; `local` changes nothing. */
export async function applyProfile(page, profile) {
  const throttle = PROFILES[profile];
  if (!throttle) return;
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

const MARKS = ['first-chart', 'all-charts'];
/** How long after all charts are drawn long tasks are still counted, and the heap read. */
export const SETTLE_MS = 500;

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
    await applyProfile(page, profile);
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
export async function measureOrRetry(browser, url, options) {
  try {
    return await measure(browser, url, options);
  } catch (error) {
    console.warn(`retrying once: ${error.message}`);
    return measure(browser, url, options);
  }
}

/**
 * One load of each URL, not counted, before a run's measured loads. A new
 * browser's first load is the slowest: 221-258 ms against about 170 ms for the
 * next five of the same page, in 5 browsers (1 widget, local), and it would
 * fall on whichever page a run measures first.
 */
export async function warmUp(browser, urls) {
  for (const url of urls) await measureOrRetry(browser, url, { n: 1, profile: 'local' });
}
