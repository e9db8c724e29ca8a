/**
 * `npm run bench`: the widget against the page a developer would write
 * without it (Chart.js's prebuilt UMD file by a script tag, one `new Chart`
 * per canvas with the same figures, animation off, totals as text), with 1, 3
 * and 50 charts all in view (bench/pages.mjs), measured side by side in
 * headless Chromium, alternating, on pages served from 127.0.0.1, under this
 * machine as it is and under Lighthouse's mobile model. For each: the first
 * chart drawn, every chart drawn, the longest task, the total blocking time
 * and the JS heap. Then the first paint and the totals on screen of a
 * server-rendered widget against both (bench/first-paint.mjs), layout
 * shift, Lighthouse and the sizes. Writes
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
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { SCREENS, measureShift } from './layout-shift.mjs';
import { measureFirstPaint, serverRenderedPage } from './first-paint.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { PROFILES, SETTLE_MS, measureOrRetry, median, option, readBuild, serve, warmUp } from './measure.mjs';
import { LAYOUTS } from './pages.mjs';
import { report } from './report.mjs';
import { traceLongTasks } from './trace.mjs';

const args = process.argv.slice(2);
const pairs = Number(option(args, '--pairs')) || 7;
if (!args.includes('--no-build')) execSync('npm run --silent build', { stdio: 'inherit' });

/** dist/ as it is when the run starts (see readBuild). */
const DIST = readBuild('dist');
// The sizes of the same files, measured now.
try {
  execSync('npm run --silent size', { stdio: 'inherit' });
} catch {
  console.warn('npm run size reports a file over its budget (above); the benchmark goes on');
}
const SIZE = JSON.parse(readFileSync('bench/size.json', 'utf8'));
const server = await serve(DIST, await serverRenderedPage());
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
  await warmUp(browser, [base + PAGES.widget(1), base + PAGES.naive(1)]);
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
  results.firstPaint = await measureFirstPaint(browser, base, pairs);
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
