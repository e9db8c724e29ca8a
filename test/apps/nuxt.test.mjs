/**
 * A real Nuxt 3 app (TypeScript, test/apps/nuxt/) made from the packed
 * package and the README's Nuxt code, as written: `nuxi typecheck` (vue-tsc,
 * which also checks <ceop-stats> in templates against ceop-stats/vue's
 * types), `nuxi build`, the production server (`node
 * .output/server/index.mjs`) on 127.0.0.1, and the pages opened in Chromium,
 * directly and by a client-side navigation. The app's dependencies are locked
 * in test/apps/nuxt/package-lock.json and come from the npm registry. Nuxt 3
 * because Nuxt 4's current releases need Node 22.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { fetchWhenUp, freePort, installApp, openUntilReady, run, writeReadmeFiles } from './harness.mjs';

const TOTALS = ['1,038', '1,644', '394'];
/** Strings of @lit-labs/ssr and parse5 that survive minifying: the browser's JavaScript must have none. */
const SERVER_ONLY_CODE = ['<!--lit-part', 'shadowrootdelegatesfocus', 'noncharacter-in-input-stream'];

// No telemetry prompt or upload from the Nuxt CLI (run() passes this environment on).
process.env.NUXT_TELEMETRY_DISABLED = '1';

/** The messages of a page that is opened at `/`, then goes to /figures by its link, as a reader clicks it. */
async function navigateToFigures(browser, origin) {
  const page = await browser.newPage();
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  await page.evaluateOnNewDocument(() => {
    window.readyEvents = [];
    document.addEventListener('ceop-stats-ready', (event) => window.readyEvents.push(event.detail.metric));
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.readyEvents.length === 1, { timeout: 45000 });
  await page.click('nav a[href="/figures"]');
  await page.waitForFunction(() => window.readyEvents.length === 2, { timeout: 45000 });
  // Rendered in the browser, the counters count up to their totals: wait for them (a few seconds at most).
  await page
    .waitForFunction(
      (totals) =>
        [...(document.querySelector('ceop-stats')?.shadowRoot?.querySelectorAll('.counter-value') ?? [])]
          .map((value) => value.textContent.trim())
          .join() === totals,
      { timeout: 10000 },
      TOTALS.join(),
    )
    .catch(() => {}); // the assertion on the counters says what they show instead
  const shown = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('ceop-stats')];
    return {
      path: window.location.pathname,
      cards: elements.map((element) => element.shadowRoot?.querySelectorAll('.card').length),
      counters: elements.map((element) =>
        [...(element.shadowRoot?.querySelectorAll('.counter-value') ?? [])].map((value) => value.textContent.trim()),
      ),
    };
  });
  await page.close();
  return { ...shown, console: messages };
}

describe('a Nuxt app from the packed package and the README', () => {
  let app;
  let typechecked;
  let built;
  let server;
  let serverLog = '';
  let origin;
  let browser;

  before(async () => {
    app = installApp('nuxt');
    writeReadmeFiles(app, 'Nuxt', ['ts', 'vue']);
    typechecked = run('npx', ['nuxi', 'typecheck'], app);
    built = run('npx', ['nuxi', 'build'], app);
    if (built.status !== 0) return;
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn('node', ['.output/server/index.mjs'], {
      cwd: app,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    });
    server.stdout.on('data', (chunk) => (serverLog += chunk));
    server.stderr.on('data', (chunk) => (serverLog += chunk));
    await fetchWhenUp(origin, 600);
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    if (server) process.kill(-server.pid, 'SIGTERM');
    if (app) rmSync(app, { recursive: true, force: true });
  });

  /** The page once its widget is ready; if it never is, whether the element was defined in the browser at all. */
  const open = async (path) => {
    try {
      return await openUntilReady(browser, `${origin}${path}`);
    } catch (error) {
      const page = await browser.newPage();
      await page.goto(`${origin}${path}`);
      const defined = await page
        .waitForFunction(() => window.customElements.get('ceop-stats'), { timeout: 5000 })
        .then(
          () => true,
          () => false,
        );
      await page.close();
      assert.fail(
        defined
          ? `${path}: no ceop-stats-ready event (${error.message})`
          : `${path}: <ceop-stats> is never defined in the browser: the import that defines it does not run there`,
      );
    }
  };
  const readyLogs = (messages) => messages.filter((message) => message.startsWith('log: chart ready'));

  test('nuxi typecheck passes: the README’s code, and <ceop-stats> typed in templates (test/apps/nuxt/components/CeopStatsTypes.vue)', () => {
    assert.equal(typechecked.status, 0, typechecked.output);
  });

  test('nuxi build builds it, and the browser’s JavaScript has none of @lit-labs/ssr and parse5', () => {
    assert.equal(built.status, 0, built.output);
    const assets = join(app, '.output', 'public', '_nuxt');
    for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(join(assets, name), 'utf8');
      for (const text of SERVER_ONLY_CODE) assert.ok(!code.includes(text), `_nuxt/${name} has ${text}: server-only code in the browser`);
    }
  });

  test('<ceop-stats> in a page: the server’s HTML has its attributes; in the browser one widget, and onReady ran', async () => {
    assert.equal(built.status, 0, 'built');
    const html = await (await fetch(`${origin}/`)).text();
    assert.match(html, /<ceop-stats metric="arrests" no-animation><\/ceop-stats>/);
    assert.equal(html.match(/<ceop-stats/g).length, 1, 'one widget');
    const seen = await open('/');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(readyLogs(seen.console).length, 1, 'onReady logged once');
    assert.deepEqual(
      seen.console.filter((message) => !message.startsWith('log: chart ready')),
      [],
      'no hydration warning, error or other message',
    );
  });

  test('renderCeopStats in a server component: the figures are in the server’s HTML once, and the browser takes over one card', async () => {
    assert.equal(built.status, 0, 'built');
    const html = await (await fetch(`${origin}/figures`)).text();
    assert.match(html, /<ceop-stats[^>]* metric="arrests"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    for (const total of TOTALS) assert.equal(html.split(`data-final="${total}"`).length, 2, `${total} once: not again in Nuxt's payload`);
    assert.match(html, /<th scope="row" role="rowheader">(<!--[^>]*-->)*2010\/11/, 'the data table, with the years');
    assert.equal(html.match(/<ceop-stats/g).length, 1, 'one widget');
    const seen = await open('/figures');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.seenCounters, [...TOTALS].sort(), 'the counters showed their totals all along, never 0 or a count-up');
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(readyLogs(seen.console).length, 1, 'the page’s onReady, around the server component, logged once');
    assert.deepEqual(
      seen.console.filter((message) => !message.startsWith('log: chart ready')),
      [],
      'no hydration warning, error or other message',
    );
  });

  test('a client-side navigation to the server component’s page: the browser renders its widget, one card, with no message', async () => {
    assert.equal(built.status, 0, 'built');
    const seen = await navigateToFigures(browser, origin);
    assert.equal(seen.path, '/figures');
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(
      seen.console,
      ['log: chart ready [object Object]', 'log: chart ready [object Object]'],
      'each page’s onReady, and nothing else',
    );
  });

  test('the server logs nothing but where it listens: no warning from the widget', () => {
    assert.equal(built.status, 0, 'built');
    assert.deepEqual(
      serverLog.split('\n').filter((line) => line && !line.startsWith('Listening on')),
      [],
    );
  });
});
