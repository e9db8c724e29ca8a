/**
 * `npm run test:node` (after `npm run build`): the lowest Chart.js of the
 * devDependency's range. Chart.js is built into the chart chunk (rollup's
 * libChart), so an app never brings its own: the range matters to whoever
 * builds this package. The chunk is built again here, as the bundle's is but
 * unminified, with Chart.js at the range's lowest version from the npm
 * registry, beside a copy of dist/; the same widgets (left to right and right
 * to left, wide, and narrow enough for rotated years and for marks) are drawn
 * in Chromium with it and with dist/'s chunk, built with the locked (newest)
 * Chart.js: their canvases must be the same pixels. Drawing is what a version
 * could change: the chunk's code around it is the same either way.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { libChart } from '../../rollup.config.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { serveStatic } from '../apps/harness.mjs';

const root = join(import.meta.dirname, '../..');
const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['chart.js'];
const LOWEST = /^\^(4\.\d+\.\d+)$/.exec(range)?.[1];
const locked = JSON.parse(readFileSync(join(root, 'node_modules/chart.js/package.json'), 'utf8')).version;

const WIDGETS = ['ltr', 'rtl'].flatMap((dir) =>
  [260, 320, 600].map(
    (width) => `<div dir="${dir}" style="width: ${width}px"><ceop-stats metric="children" no-animation></ceop-stats></div>`,
  ),
);
const PAGE = `<!doctype html><html lang="en"><body>${WIDGETS.join('')}<script type="module" src="/ceop-stats.js"></script></body></html>`;

/** The chart chunk, built with the Chart.js in `chartJs` (a package folder), into `folder`. */
async function buildChart(chartJs, folder) {
  const at = { 'chart.js': 'dist/chart.js', 'chart.js/helpers': 'dist/helpers.js' };
  const chartJsAt = { name: 'chart-js-at', resolveId: (id) => (at[id] ? join(chartJs, at[id]) : null) };
  const plugins = [chartJsAt, ...libChart.plugins.filter((plugin) => plugin.name !== 'terser')];
  const bundle = await rollup({ ...libChart, input: join(root, libChart.input), plugins });
  await bundle.write({ ...libChart.output, file: join(folder, 'ceop-stats-bar-chart.js') });
  await bundle.close();
}

/** Every widget's canvas, as a data URL, once all are drawn; the viewport holds them all, so none waits to be scrolled to. */
async function canvases(browser, folder) {
  const server = await serveStatic(folder);
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 700, height: 5000 });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.evaluateOnNewDocument((count) => {
      let drawn = 0;
      window.allDrawn = new Promise((resolve) => document.addEventListener('ceop-stats-ready', () => ++drawn === count && resolve()));
    }, WIDGETS.length);
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const urls = await page.evaluate(async () => {
      await window.allDrawn;
      return [...document.querySelectorAll('ceop-stats')].map((element) => element.shadowRoot.querySelector('canvas').toDataURL());
    });
    assert.deepEqual(errors, []);
    return urls;
  } finally {
    await page.close();
    server.close();
  }
}

describe(`Chart.js ${range} at its lowest`, () => {
  let work;
  let browser;

  before(() => {
    assert.ok(existsSync(join(root, 'dist/ceop-stats-bar-chart.js')), 'dist/ is missing: run `npm run build` first');
    assert.ok(LOWEST, `the range ${range} is ^4.x.y`);
    work = mkdtempSync(join(tmpdir(), 'ceop-stats-chart-js-'));
    for (const name of ['locked', 'lowest']) {
      cpSync(join(root, 'dist'), join(work, name), { recursive: true, filter: (path) => !path.endsWith('/dist/lib') });
      writeFileSync(join(work, name, 'index.html'), PAGE);
    }
  });

  after(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test(`the chart chunk built with Chart.js ${LOWEST} draws what the one built with ${locked} draws`, async () => {
    execFileSync('npm', ['pack', `chart.js@${LOWEST}`, '--silent', '--pack-destination', work], { cwd: work });
    execFileSync('tar', ['xzf', `chart.js-${LOWEST}.tgz`], { cwd: work });
    await buildChart(join(work, 'package'), join(work, 'lowest'));
    assert.match(readFileSync(join(work, 'lowest', 'ceop-stats-bar-chart.js'), 'utf8'), new RegExp(`"${LOWEST.replaceAll('.', '\\.')}"`));
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
    const [withLocked, withLowest] = [await canvases(browser, join(work, 'locked')), await canvases(browser, join(work, 'lowest'))];
    assert.equal(withLowest.length, WIDGETS.length);
    withLowest.forEach((url, i) =>
      assert.ok(url === withLocked[i], `widget ${i + 1} drawn with Chart.js ${LOWEST} as with ${locked}: ${WIDGETS[i]}`),
    );
  });
});
