/**
 * A real Eleventy 3 site (test/apps/eleventy/) made from the packed package
 * and the README's eleventy.config.js, as written: `eleventy` builds it, a
 * static server serves _site/ on 127.0.0.1, and the page is opened in
 * Chromium and Firefox (test/integration/ssr.test.ts opens server-rendered pages in
 * WebKit too). The figures are in the built HTML; the page's script takes the
 * widgets over. The site's dependencies are locked in
 * test/apps/eleventy/package-lock.json and come from the npm registry.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { FIREFOX_PATH } from '../../scripts/firefox.mjs';
import { installApp, openUntilReady, readmeBlock, run, serveStatic } from './harness.mjs';

const root = join(import.meta.dirname, '..', '..');
const TOTALS = ['1,038', '1,644', '394'];

describe('an Eleventy site from the packed package and the README', () => {
  let app;
  let built;
  let server;
  let browsers = [];

  before(async () => {
    app = installApp('eleventy');
    writeFileSync(join(app, 'eleventy.config.js'), readmeBlock(readFileSync(join(root, 'README.md'), 'utf8'), 'Server rendering', 'js', 1));
    built = run('npx', ['@11ty/eleventy'], app);
    if (built.status !== 0) return;
    server = await serveStatic(join(app, '_site'));
    browsers = await Promise.all([
      puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true }),
      puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true }),
    ]);
  });

  after(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    server?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  test('eleventy builds the site; the script files copied are exactly dist/ceop-stats*.js', () => {
    assert.equal(built.status, 0, built.output);
    const copied = readdirSync(join(app, '_site', 'ceop-stats')).sort();
    const shipped = readdirSync(join(app, 'node_modules', 'ceop-stats', 'dist'))
      .filter((name) => /^ceop-stats.*\.js$/.test(name))
      .sort();
    assert.ok(copied.includes('ceop-stats.js'));
    assert.deepEqual(copied, shipped);
  });

  test("the built HTML has both widgets' figures: the bundled totals, and the editor's table in the paired shortcode", () => {
    assert.equal(built.status, 0, 'built');
    const html = readFileSync(join(app, '_site', 'index.html'), 'utf8');
    const widgets = html.split('<ceop-stats').slice(1);
    assert.equal(widgets.length, 2);
    assert.match(widgets[0], /^\s+metric="arrests"><template shadowroot="open" shadowrootmode="open">/);
    for (const total of TOTALS) assert.match(widgets[0], new RegExp(`data-final="${total}"`));
    assert.match(widgets[1], /data-final="3,579"/, "the editor's total");
    assert.match(widgets[1], /<\/template>(<!--[^>]*-->)?\s*<table>/, "the editor's table after the shadow root");
    assert.doesNotMatch(widgets[1], /1,644/, 'never the bundled figures');
  });

  for (const [index, engine] of ['Chromium', 'Firefox'].entries()) {
    test(`in ${engine}, the script takes both widgets over: one card each, the totals all along`, async () => {
      assert.equal(built.status, 0, 'built');
      const seen = await openUntilReady(browsers[index], `http://127.0.0.1:${server.address().port}/`, 2);
      assert.equal(seen.widgets, 2);
      assert.deepEqual(seen.cards, [1, 1]);
      assert.deepEqual(seen.headings, ['Arrests', 'Referrals']);
      assert.deepEqual(seen.counters, [TOTALS, ['3,579']]);
      assert.deepEqual(seen.seenCounters, [...TOTALS, '3,579'].sort(), 'only the totals, from first paint to ready');
      assert.deepEqual(seen.ready.sort(), ['arrests', 'referrals']);
      assert.deepEqual(seen.console, []);
    });
  }
});
