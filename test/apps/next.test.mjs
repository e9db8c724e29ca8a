/**
 * A real Next.js app (App Router, TypeScript strict, test/apps/next/) made
 * from the packed package and the README's Next.js code, as written: `next
 * build` (which type-checks it), `next start` on 127.0.0.1, and the pages
 * opened in Chromium. The app's dependencies are locked in
 * test/apps/next/package-lock.json and come from the npm registry. Its
 * tsconfig is create-next-app's, skipLibCheck included (checking every
 * library's declarations doubled the build's time): our declaration files
 * are checked strictly by test/package/framework-types.test.mjs.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { fetchWhenUp, freePort, installApp, openUntilReady, run, writeReadmeFiles } from './harness.mjs';

const TOTALS = ['1,038', '1,644', '394'];

describe('a Next.js app from the packed package and the README', () => {
  let app;
  let built;
  let server;
  let origin;
  let browser;

  before(async () => {
    app = installApp('next');
    writeReadmeFiles(app, 'Next.js (App Router)', ['tsx']);
    built = run('npx', ['next', 'build'], app);
    if (built.status !== 0) return;
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
      cwd: app,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    await fetchWhenUp(origin, 600);
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    if (server) process.kill(-server.pid, 'SIGTERM');
    if (app) rmSync(app, { recursive: true, force: true });
  });

  const open = (path) => openUntilReady(browser, `${origin}${path}`);

  test('next build type-checks and builds the README’s code', () => {
    assert.equal(built.status, 0, built.output);
    assert.match(built.output, /Finished TypeScript/);
  });

  test('<CeopStats> in a client component: the server’s HTML has its options; in the browser one widget, and onReady ran', async () => {
    assert.equal(built.status, 0, 'built');
    const html = await (await fetch(`${origin}/`)).text();
    assert.match(html, /<ceop-stats metric="arrests" no-animation="">/);
    const seen = await open('/');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(
      seen.console.filter((message) => !message.startsWith('log: chart ready')),
      [],
      'no hydration error, warning or other message',
    );
    assert.equal(seen.console.filter((message) => message.startsWith('log: chart ready')).length, 1, 'onReady logged once');
  });

  test('renderCeopStats in a Server Component: the figures are in the server’s HTML, and the browser takes over one card', async () => {
    assert.equal(built.status, 0, 'built');
    const html = await (await fetch(`${origin}/figures`)).text();
    assert.match(html, /<ceop-stats[^>]* metric="arrests"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    for (const total of TOTALS) assert.match(html, new RegExp(`data-final="${total}"`));
    assert.match(html, /<th scope="row" role="rowheader">(<!--[^>]*-->)*2010\/11/, 'the data table, with the years');
    const seen = await open('/figures');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.seenCounters, [...TOTALS].sort(), 'the counters showed their totals all along, never 0 or a count-up');
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(seen.console, [], 'no hydration error, warning or other message');
  });
});
