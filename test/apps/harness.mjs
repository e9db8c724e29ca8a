/**
 * What the tests of real apps share: the README's code blocks, the packed
 * package, free ports and servers that take a moment to come up.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The `n`th ```language block in the README section under `heading` (its subsections included). */
export function readmeBlock(readme, heading, language, n) {
  return readmeBlocks(readme, heading, language)[n] ?? assert.fail(`README has ${n + 1} \`\`\`${language} blocks under "${heading}"`);
}

/** Every ```language block in the README section under `### heading`, up to the next heading of its level or above. */
export function readmeBlocks(readme, heading, language) {
  const start = readme.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `README has a section "${heading}"`);
  const next = /\n#{1,3} /g;
  next.lastIndex = start + 1;
  const end = next.exec(readme)?.index ?? readme.length;
  return [...readme.slice(start, end).matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm'))].map((match) => match[1]);
}

/**
 * Writes each block in `languages` of the README's section under `### heading`
 * into `app`, as the file its first line names: `// path` or `<!-- path -->`,
 * after an Astro page's opening `---`. Returns the paths written.
 */
export function writeReadmeFiles(app, heading, languages) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return languages.flatMap((language) =>
    readmeBlocks(readme, heading, language).map((block) => {
      const path =
        /^(?:---\n)?(?:\/\/ (\S+)|<!-- (\S+) -->)\n/.exec(block)?.slice(1).find(Boolean) ??
        assert.fail(`a README ${heading} block names no file:\n${block}`);
      mkdirSync(dirname(join(app, path)), { recursive: true });
      writeFileSync(join(app, path), block);
      return path;
    }),
  );
}

/** `npm pack` of this package, as built (npm test builds dist/ first), into `folder`; returns the tarball's name. */
export function packInto(folder) {
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { cwd: root, encoding: 'utf8' }),
  );
  return filename;
}

/** Runs a command to its end; `output` is its stdout and stderr, for a failure's message. */
export function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * A copy of the app in test/apps/`name`/ in a new temporary folder, with
 * this package from `npm pack` added to its locked dependencies and
 * installed, as a user would add it. Returns the folder.
 */
export function installApp(name) {
  const app = mkdtempSync(join(tmpdir(), `ceop-stats-${name}-`));
  cpSync(join(root, 'test', 'apps', name), app, { recursive: true, filter: (path) => !/node_modules|\.next|_site/.test(path) });
  const tarball = packInto(app);
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  manifest.dependencies['ceop-stats'] = `file:./${tarball}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  const installed = run('npm', ['install', '--no-audit', '--no-fund'], app);
  assert.equal(installed.status, 0, installed.output);
  return app;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };

/**
 * Serves `folder` as a static host would: a folder's index.html, and `/page`
 * as page.html (SvelteKit's static output); a path outside it, or a missing
 * file, is a 404.
 */
export function serveStatic(folder) {
  const server = createHttpServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = [join(folder, path), join(folder, path, 'index.html'), join(folder, `${path}.html`)].find(
      (candidate) => candidate.startsWith(folder) && existsSync(candidate) && statSync(candidate).isFile(),
    );
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The page's text once the server answers; `attempts` tries, 50 ms apart. */
export async function fetchWhenUp(url, attempts = 100) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url);
      return await response.text();
    } catch (error) {
      if (attempt > attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Opens `url` in `browser` (puppeteer) as a reader would, recording console
 * messages and page errors, every counter value shown until the widgets are
 * ready, and their ready events; returns what the page shows once `widgets`
 * ready events have fired.
 */
export async function openUntilReady(browser, url, widgets = 1) {
  const page = await browser.newPage();
  await page.setViewport({ width: 600, height: 1600 });
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  await page.evaluateOnNewDocument((count) => {
    const seen = new Set();
    const ready = [];
    Object.assign(window, { seenCounters: seen, readyEvents: ready });
    document.addEventListener('ceop-stats-ready', (event) => ready.push(event.detail.metric));
    const look = () => {
      for (const element of document.querySelectorAll('ceop-stats')) {
        for (const value of element.shadowRoot?.querySelectorAll('.counter-value') ?? []) seen.add(value.textContent.trim());
      }
      if (ready.length < count) window.requestAnimationFrame(look);
    };
    window.requestAnimationFrame(look);
  }, widgets);
  await page.goto(url);
  await page.waitForFunction((count) => window.readyEvents.length >= count, { timeout: 45000 }, widgets);
  const shown = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('ceop-stats')];
    const inShadow = (element, selector) => [...(element.shadowRoot?.querySelectorAll(selector) ?? [])];
    return {
      widgets: elements.length,
      cards: elements.map((element) => inShadow(element, '.card').length),
      headings: elements.map((element) => inShadow(element, 'h2')[0]?.textContent.trim()),
      counters: elements.map((element) => inShadow(element, '.counter-value').map((value) => value.textContent.trim())),
      seenCounters: [...window.seenCounters].sort(),
      ready: window.readyEvents,
    };
  });
  await page.close();
  return { ...shown, console: messages };
}
