/**
 * What one chart costs an app that imports the package through a bundler:
 * a Vite 8 app (test/apps/vite/, dependencies locked) with `import
 * 'ceop-stats'` and one `<ceop-stats>`, built from the packed package with
 * Vite's defaults. The page's JavaScript for one chart is its entry chunk,
 * what that imports, and the chart chunk; gzip -9, as `npm run size`
 * measures the bundle.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { installApp, run } from './harness.mjs';

const root = join(import.meta.dirname, '..', '..');
/** The bundle's own budget for a page with a chart is 56.4 KB (bench/size.mjs); the bound for the npm path is 60. */
const BUDGET_KB = 60;
/** Chart.js's version string, which its code holds: how the chart chunk is known. */
const CHART_JS_VERSION = JSON.parse(readFileSync(join(root, 'node_modules/chart.js/package.json'), 'utf8')).version;

describe('a Vite app from the packed package', () => {
  let app;
  let built;

  before(() => {
    app = installApp('vite');
    built = run('npx', ['vite', 'build', '--logLevel', 'warn'], app);
  });

  after(() => app && rmSync(app, { recursive: true, force: true }));

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
});
