/**
 * A real Astro 5 site (TypeScript strict, test/apps/astro/) made from the
 * packed package and the README's Astro pages, as written: `astro build`
 * renders them to static HTML (their frontmatter runs there, at build
 * time), a static server serves dist/ on 127.0.0.1 as a static host would,
 * the pages are opened in Chromium, and meanwhile `astro check` type-checks
 * them. Astro 5 is the last major that runs on Node 20. The site's
 * dependencies are locked in test/apps/astro/package-lock.json and come from
 * the npm registry; its public/favicon.ico, empty, answers the browser's
 * request for the site's icon (a 404 would be a console error).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { installApp, openUntilReady, run, serveStatic, writeReadmeFiles } from './harness.mjs';

const TOTALS = ['1,038', '1,644', '394'];
/** The module script that Astro makes of a page's <script> and writes in its place. */
const SCRIPT = /<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/;
// run() passes this on to astro: no telemetry, and no notice about it in the output.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/** Runs a command while the test goes on; resolves to its exit status and output, as run() gives them. */
function runInBackground(command, args, cwd) {
  return new Promise((resolve) => {
    execFile(command, args, { cwd }, (error, stdout, stderr) =>
      resolve({ status: error ? (error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

/** The lines of a command's output that warn or fail, or that come from the widget. */
const complaints = (output) => output.split('\n').filter((line) => /warn|error|ceop-stats>/i.test(line));

describe('an Astro site from the packed package and the README', () => {
  let app;
  let checked;
  let built;
  let server;
  let origin;
  let browser;

  before(async () => {
    app = installApp('astro');
    assert.equal(writeReadmeFiles(app, 'Astro', ['astro']).length, 2, 'the README’s Astro section has two pages');
    built = run('npx', ['astro', 'build'], app);
    // The type check (the slowest step) runs while the pages are opened: it reads the pages and the types that the build generated in .astro/, and writes nothing the pages need.
    checked = runInBackground('npx', ['astro', 'check'], app);
    if (built.status !== 0) return;
    server = await serveStatic(join(app, 'dist'));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  });

  after(async () => {
    await checked;
    await browser?.close();
    server?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  const open = (path) => openUntilReady(browser, `${origin}${path}`);

  test('astro build builds them, and the widget says nothing in its log', () => {
    assert.equal(built.status, 0, built.output);
    assert.deepEqual(
      complaints(built.output),
      [],
      'no warning or error in the build’s log: the pages import ceop-stats in client code only',
    );
  });

  test('<ceop-stats> with a client script: the HTML has its attributes; in the browser one widget, and the page’s listener ran', async () => {
    assert.equal(built.status, 0, 'built');
    const html = await (await fetch(`${origin}/`)).text();
    assert.equal(html.split('<ceop-stats').length - 1, 1, 'one widget');
    // Astro writes a custom element's bare attribute with the value true; the widget reads any value as set, as HTML does.
    assert.match(html, /<ceop-stats metric="arrests" no-animation="true"><\/ceop-stats>/);
    assert.match(html, SCRIPT, 'the page loads the script that Astro bundled for it');
    const seen = await open('/');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(seen.console, ['log: chart ready arrests'], 'the listener logged once, and nothing else did');
  });

  test('renderCeopStats in the frontmatter: the figures are in the built HTML, and the browser takes over one card', async () => {
    assert.equal(built.status, 0, 'built');
    const html = await (await fetch(`${origin}/figures/`)).text();
    assert.equal(html.split('<ceop-stats').length - 1, 1, 'one widget');
    assert.match(html, /<ceop-stats[^>]* metric="arrests"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    for (const total of TOTALS) assert.match(html, new RegExp(`data-final="${total}"`));
    assert.match(html, /<th scope="row" role="rowheader">(<!--[^>]*-->)*2010\/11/, 'the data table, with the years');
    assert.match(html, SCRIPT, 'the page loads the script that Astro bundled for it');
    const seen = await open('/figures/');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.seenCounters, [...TOTALS].sort(), 'the counters showed their totals all along, never 0 or a count-up');
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(seen.console, ['log: chart ready arrests'], 'the listener logged once, and nothing else did');
  });

  test('astro check finds no error or warning in the README’s pages', async () => {
    const { status, output } = await checked;
    assert.equal(status, 0, output);
    assert.match(output, /Result \(\d+ files\):\s*\n- 0 errors\n- 0 warnings\n/, output);
  });
});
