/**
 * `npm run bench:ab -- --base DIR`: is a change faster? The widget page built
 * from DIR (a copy of dist/ from before the change) against the same page built
 * from dist/ now, in one run, alternating which goes first, each load in a
 * fresh browser context: these machines are too noisy for two separate
 * `npm run bench` runs to tell a change from drift. Prints, for each profile
 * and count, the medians and the ratio now/base of the first chart drawn,
 * every chart drawn, the longest task, the total blocking time and the heap.
 *
 *   node bench/ab.mjs --base DIR [--n 1,3,50] [--profile local,mobile] [--pairs 9]
 *
 * Builds nothing: run `npm run build` first, and save the base with
 * `cp -r dist DIR` before changing the code.
 */
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { PROFILES, measureOrRetry, median, option, readBuild, serve, warmUp } from './measure.mjs';

const args = process.argv.slice(2);
const baseDir = option(args, '--base');
if (!baseDir) throw new Error('usage: node bench/ab.mjs --base DIR [--n 1,3,50] [--profile local,mobile] [--pairs 9]');
const pairs = Number(option(args, '--pairs')) || 9;
const counts = option(args, '--n', '1,3,50').split(',').map(Number);
const profiles = option(args, '--profile', 'local,mobile').split(',');
for (const profile of profiles) if (!(profile in PROFILES)) throw new Error(`no profile ${profile}: ${Object.keys(PROFILES).join(', ')}`);

const builds = { base: await serve(readBuild(baseDir)), now: await serve(readBuild('dist')) };
const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
/** What is compared: a name, a run's value, its unit and its decimals. */
const MEASURES = [
  ['first chart', (run) => run.firstChart, 'ms', 0],
  ['all drawn', (run) => run.allCharts, 'ms', 0],
  ['longest task', (run) => run.longestTask, 'ms', 0],
  ['TBT', (run) => run.totalBlocking, 'ms', 0],
  ['heap', (run) => run.heap / 2 ** 20, 'MB', 1],
];
const url = (which, n) => `http://127.0.0.1:${builds[which].address().port}/widget.html?n=${n}`;
try {
  await warmUp(browser, [url('base', 1), url('now', 1)]);
  for (const profile of profiles) {
    for (const n of counts) {
      const runs = { base: [], now: [] };
      for (let i = 0; i < pairs; i++) {
        for (const which of i % 2 ? ['now', 'base'] : ['base', 'now'])
          runs[which].push(await measureOrRetry(browser, url(which, n), { n, profile }));
      }
      const cells = MEASURES.map(([name, of, unit, digits]) => {
        const [base, now] = [median(runs.base.map(of)), median(runs.now.map(of))];
        return `${name} ${base.toFixed(digits)} → ${now.toFixed(digits)} ${unit} (${base ? (now / base).toFixed(2) : '–'})`;
      });
      console.log(`${profile}, ${n} widget${n > 1 ? 's' : ''}, medians of ${pairs}, base → now (ratio): ${cells.join('; ')}`);
    }
  }
} finally {
  await browser.close();
  for (const server of Object.values(builds)) server.close();
}
