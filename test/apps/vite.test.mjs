/**
 * A Vite 8 app (test/apps/vite/, dependencies locked) with `import
 * 'ceop-stats'` and one `<ceop-stats>`, built from the packed package with
 * Vite's defaults.
 *
 * What one chart costs it: the page's JavaScript for one chart is its entry
 * chunk, what that imports, and the chart chunk; gzip -9, as `npm run size`
 * measures the bundle.
 *
 * The package's `lit` range at both ends: the app as npm installs it (the
 * newest Lit 3), and again with Lit and its parts held at the range's lowest
 * versions by `overrides`, as an app that has that Lit of its own would
 * have. Each build is opened in Chromium, where the widget draws the same
 * chart. The app is installed once for all of it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { installApp, run, serveStatic } from './harness.mjs';

const root = join(import.meta.dirname, '..', '..');
/** The bundle's own budget for a page with a chart is 56.4 KB (bench/size.mjs); the bound for the npm path is 60. */
const BUDGET_KB = 60;
/** Chart.js's version string, which its code holds: how the chart chunk is known. */
const CHART_JS_VERSION = JSON.parse(readFileSync(join(root, 'node_modules/chart.js/package.json'), 'utf8')).version;
/** The range in package.json, and the lowest version of each of Lit's parts that lit at that lowest version accepts. */
const LIT_RANGE = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies.lit;
const LOWEST_LIT = { lit: '3.0.0', 'lit-html': '3.0.0', 'lit-element': '4.0.0', '@lit/reactive-element': '2.0.0' };

/** The version of `name` that the package's own imports get: npm puts an overridden copy in its node_modules. */
function installed(app, name) {
  const beside = join(app, 'node_modules', 'ceop-stats', 'node_modules', name, 'package.json');
  const file = existsSync(beside) ? beside : join(app, 'node_modules', name, 'package.json');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/** The built app's page in Chromium once its widget is ready: the canvas's pixels, how many are drawn, and what the console said. */
async function drawn(browser, folder) {
  const server = await serveStatic(folder);
  const page = await browser.newPage();
  try {
    const messages = [];
    // A file that failed to load is named by its response below; the browser's own favicon.ico request is not the app's.
    page.on(
      'console',
      (message) => !/^Failed to load resource/.test(message.text()) && messages.push(`${message.type()}: ${message.text()}`),
    );
    page.on('response', (response) => {
      if (!response.ok() && !response.url().endsWith('/favicon.ico')) messages.push(`${response.status()}: ${response.url()}`);
    });
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.evaluateOnNewDocument(() => {
      window.ready = new Promise((resolve) => document.addEventListener('ceop-stats-ready', resolve, { once: true }));
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const canvas = await page.evaluate(async () => {
      await window.ready;
      const element = document.querySelector('ceop-stats').shadowRoot.querySelector('canvas');
      const { data } = element.getContext('2d').getImageData(0, 0, element.width, element.height);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
      return { pixels: element.toDataURL(), ink };
    });
    return { ...canvas, console: messages };
  } finally {
    await page.close();
    server.close();
  }
}

describe('a Vite app from the packed package', () => {
  let app;
  let built;
  let browser;

  before(async () => {
    app = installApp('vite');
    built = run('npx', ['vite', 'build', '--logLevel', 'warn'], app);
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  test(`one chart costs the app at most ${BUDGET_KB} KB of JavaScript, gzip`, () => {
    assert.equal(built.status, 0, built.output);
    const assets = join(app, 'dist', 'assets');
    const chunks = new Map(
      readdirSync(assets)
        .filter((name) => name.endsWith('.js'))
        .map((name) => [name, readFileSync(join(assets, name), 'utf8')]),
    );
    const html = readFileSync(join(app, 'dist', 'index.html'), 'utf8');
    // The entry and what it imports: Vite writes a script tag for one and modulepreload links for the others.
    const loaded = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]);
    const chart = [...chunks.keys()].filter((name) => chunks.get(name).includes(CHART_JS_VERSION));
    assert.equal(chart.length, 1, 'one chunk holds Chart.js');
    assert.ok(!loaded.includes(chart[0]), 'the chart code is a lazy chunk, not loaded with the entry');
    const files = [...new Set([...loaded, ...chart])];
    const gzipKb = files.reduce((sum, name) => sum + gzipSync(chunks.get(name), { level: 9 }).length, 0) / 1024;
    console.log(`Vite app, one chart: ${gzipKb.toFixed(1)} KB gzip (${files.join(', ')})`);
    assert.ok(gzipKb <= BUDGET_KB, `${gzipKb.toFixed(1)} KB gzip for one chart, over ${BUDGET_KB} KB`);
  });

  test(`lit ${LIT_RANGE} at both ends: the newest Lit 3 npm installs and Lit ${LOWEST_LIT.lit} draw the same chart`, async () => {
    assert.equal(built.status, 0, built.output);
    assert.equal(LIT_RANGE, `^${LOWEST_LIT.lit}`, 'the range tested is the one published');
    const newest = installed(app, 'lit');
    const highest = await drawn(browser, join(app, 'dist'));
    assert.deepEqual(highest.console, []);
    assert.ok(highest.ink > 1000, `the chart is drawn with lit ${newest} (${highest.ink} pixels)`);

    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ ...manifest, overrides: LOWEST_LIT }, null, 2));
    const reinstalled = run('npm', ['install', '--no-audit', '--no-fund'], app);
    assert.equal(reinstalled.status, 0, reinstalled.output);
    for (const [name, version] of Object.entries(LOWEST_LIT)) assert.equal(installed(app, name), version, name);
    const rebuilt = run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-lowest'], app);
    assert.equal(rebuilt.status, 0, rebuilt.output);
    const lowest = await drawn(browser, join(app, 'dist-lowest'));
    console.log(`Vite app: lit ${newest} and lit ${LOWEST_LIT.lit} each drew ${highest.ink} and ${lowest.ink} pixels of chart`);
    assert.deepEqual(lowest.console, []);
    assert.ok(lowest.pixels === highest.pixels, `the chart drawn with lit ${LOWEST_LIT.lit} is the one drawn with lit ${newest}`);
  });
});
