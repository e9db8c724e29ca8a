/**
 * A real SvelteKit 2 app (Svelte 5, TypeScript strict, test/apps/sveltekit/)
 * made from the packed package and the README's SvelteKit code, as written:
 * `svelte-check` checks it, with a component of deliberate mistakes beside
 * it that must be caught (so the types do reach the templates); `vite build`
 * renders both pages on the server at build time (adapter-static, every page
 * prerendered); a static server serves build/ on 127.0.0.1; and the pages are
 * opened in Chromium. The app's dependencies are locked in
 * test/apps/sveltekit/package-lock.json and come from the npm registry.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { installApp, openUntilReady, run, serveStatic, writeReadmeFiles } from './harness.mjs';

const TOTALS = ['1,038', '1,644', '394'];

/** Mistakes `svelte-check` must report, each on its line: a value `theme` does not take, and a `detail` field the event has not. */
const MISTAKES = `<script lang="ts">
  import 'ceop-stats/svelte';
</script>

<ceop-stats theme="blue"></ceop-stats>
<ceop-stats onceop-stats-ready={(event) => console.log(event.detail.total)}></ceop-stats>
`;

/** `svelte-check --output machine`'s problems, as `file line:column message`. */
function problems(output) {
  return [...output.matchAll(/^\d+ (?:ERROR|WARNING) (".+?") (\d+:\d+) (".*")$/gm)].map(
    ([, file, where, message]) => `${JSON.parse(file)} ${where} ${JSON.parse(message)}`,
  );
}

describe('a SvelteKit app from the packed package and the README', () => {
  let app;
  let written;
  let checked;
  let built;
  let server;
  let origin;
  let browser;

  before(async () => {
    app = installApp('sveltekit');
    written = writeReadmeFiles(app, 'SvelteKit', ['svelte', 'ts']);
    mkdirSync(join(app, 'src', 'lib'), { recursive: true });
    writeFileSync(join(app, 'src', 'lib', 'Mistakes.svelte'), MISTAKES);
    const synced = run('npx', ['svelte-kit', 'sync'], app);
    checked = synced.status === 0 ? run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--output', 'machine'], app) : synced;
    rmSync(join(app, 'src', 'lib', 'Mistakes.svelte'));
    built = run('npx', ['vite', 'build', '--logLevel', 'warn'], app);
    if (built.status !== 0) return;
    server = await serveStatic(join(app, 'build'));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  const open = (path) => openUntilReady(browser, `${origin}${path}`);

  test('svelte-check passes the README’s code, and reports the mistakes beside it: the element is typed in templates', () => {
    assert.deepEqual(written.sort(), ['src/routes/+page.svelte', 'src/routes/figures/+page.server.ts', 'src/routes/figures/+page.svelte']);
    assert.match(checked.output, /COMPLETED \d+ FILES/, checked.output);
    assert.deepEqual(problems(checked.output), [
      `src/lib/Mistakes.svelte 5:13 Type '"blue"' is not assignable to type '"auto" | "light" | "dark" | undefined'.`,
      `src/lib/Mistakes.svelte 6:69 Property 'total' does not exist on type 'CeopStatsReadyDetail'.`,
    ]);
  });

  test('vite build renders both pages on the server, and the widget says nothing there', () => {
    assert.equal(built.status, 0, built.output);
    assert.ok(existsSync(join(app, 'build', 'figures.html')), 'the figures page is prerendered');
    assert.doesNotMatch(built.output, /<ceop-stats>|warn|error/i, 'no warning or error while building and rendering');
  });

  test('the browser’s code has no server renderer: neither renderCeopStats nor @lit-labs/ssr', () => {
    assert.equal(built.status, 0, 'built');
    const client = join(app, 'build', '_app');
    const scripts = readdirSync(client, { recursive: true }).filter((name) => name.endsWith('.js'));
    assert.ok(scripts.length > 0);
    const leaked = scripts.filter((name) => /renderCeopStats|shadowrootmode/.test(readFileSync(join(client, name), 'utf8')));
    assert.deepEqual(leaked, [], 'the browser’s scripts that have the server renderer in them');
  });

  test('<ceop-stats> in a page: the server’s HTML has its attributes; in the browser one widget, and the onceop-stats-ready handler ran', async () => {
    assert.equal(built.status, 0, 'built');
    const html = readFileSync(join(app, 'build', 'index.html'), 'utf8');
    assert.equal(html.split('<ceop-stats').length - 1, 1, 'one widget');
    assert.match(html, /<ceop-stats metric="arrests" no-animation=""><\/ceop-stats>/);
    const seen = await open('/');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.seenCounters, [...TOTALS].sort(), 'no-animation: the totals from the first paint');
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(seen.console, ['log: chart ready arrests'], 'the handler ran once; no hydration warning, error or other message');
  });

  test('renderCeopStats in a server load: the figures are in the server’s HTML, and the browser takes over one card', async () => {
    assert.equal(built.status, 0, 'built');
    const html = readFileSync(join(app, 'build', 'figures.html'), 'utf8');
    assert.equal(html.split('<ceop-stats').length - 1, 1, 'one widget (the copy in the page’s data is escaped)');
    assert.match(html, /<ceop-stats\s+metric="arrests"><template shadowroot="open" shadowrootmode="open">/);
    for (const total of TOTALS) assert.match(html, new RegExp(`data-final="${total}"`));
    assert.match(html, /<th scope="row" role="rowheader">(<!--[^>]*-->)*2010\/11/, 'the data table, with the years');
    const seen = await open('/figures');
    assert.equal(seen.widgets, 1);
    assert.deepEqual(seen.cards, [1]);
    assert.deepEqual(seen.headings, ['Arrests']);
    assert.deepEqual(seen.counters, [TOTALS]);
    assert.deepEqual(seen.seenCounters, [...TOTALS].sort(), 'the counters showed their totals all along, never 0 or a count-up');
    assert.deepEqual(seen.ready, ['arrests']);
    assert.deepEqual(
      seen.console,
      ['log: chart ready arrests'],
      'the wrapper’s listener ran once; no hydration warning, error or other message',
    );
  });

  test('a link from another page (client-side navigation): the browser renders the widget itself, as the README says', async () => {
    assert.equal(built.status, 0, 'built');
    const page = await browser.newPage();
    const messages = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    const readyLogged = (count) =>
      new Promise((resolve, reject) => {
        const check = () => messages.filter((message) => message === 'log: chart ready arrests').length >= count && resolve();
        page.on('console', check);
        check();
        setTimeout(() => reject(new Error(`not ${count} "chart ready" logs in 45 s: ${JSON.stringify(messages)}`)), 45000).unref();
      });
    await page.goto(`${origin}/`);
    await readyLogged(1);
    // A link as any page of the app may have one: SvelteKit's router follows it in the browser.
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '/figures', textContent: 'Figures' });
      document.querySelector('body > div').append(link);
      link.click();
    });
    await readyLogged(2);
    await page.waitForFunction(
      (totals) => {
        const values = document
          .querySelector('ceop-stats[metric="arrests"]:not([no-animation])')
          ?.shadowRoot?.querySelectorAll('.counter-value');
        return (
          window.location.pathname === '/figures' && JSON.stringify([...(values ?? [])].map((value) => value.textContent.trim())) === totals
        );
      },
      { timeout: 45000 },
      JSON.stringify(TOTALS),
    );
    const shown = await page.evaluate(() => {
      const element = document.querySelector('ceop-stats');
      return { widgets: document.querySelectorAll('ceop-stats').length, cards: element.shadowRoot.querySelectorAll('.card').length };
    });
    await page.close();
    assert.deepEqual(shown, { widgets: 1, cards: 1 });
    assert.deepEqual(messages, [
      'log: chart ready arrests',
      'warn: Found declarative shadowrootmode attribute on a template, but declarative Shadow DOM is not being parsed. Use setHTMLUnsafe() or parseHTMLUnsafe() instead.',
      'log: chart ready arrests',
    ]);
  });
});
