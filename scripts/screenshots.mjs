/**
 * `npm run screenshots`: pictures of the demo pages at a phone's and a
 * desktop's width in headless Chromium, to look at before a change lands
 * (a green suite can still hide a broken layout), and the README's
 * demo/screenshot-*.png.
 *
 *   node scripts/screenshots.mjs [--out DIR] [page.html …]
 *
 * Writes DIR/<page>-<width>.png (default DIR: screenshots/, git-ignored);
 * with no pages, index.html and article.html. `--readme` also writes
 * demo/screenshot-1280.png and demo/screenshot-360.png (the demo's first
 * example, whole).
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args.splice(i, 2)[1];
};
const readme = args.includes('--readme') && args.splice(args.indexOf('--readme'), 1);
const out = flag('--out') ?? 'screenshots';
const pages = args.length ? args : ['index.html', 'article.html'];
const WIDTHS = [360, 1280];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png' };

const root = process.cwd();
const server = createServer((request, response) => {
  const path = normalize(join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
  if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/demo/`;

const browser = await puppeteer.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_FLAGS, '--hide-scrollbars'],
});
mkdirSync(out, { recursive: true });
try {
  for (const name of pages) {
    for (const width of WIDTHS) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: width < 600 ? 740 : 900, deviceScaleFactor: 1 });
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await page.goto(base + name, { waitUntil: 'networkidle0' });
      // Every chart draws once it is near the viewport: scroll through the page, then back.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        window.scrollTo(0, 0);
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      // Two frames, so charts drawn during the scroll are presented: without them a full-page capture of the loader's
      // build showed the canvases at 1280 px empty, although they were drawn (read back, and in a viewport capture).
      await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))));
      const file = join(out, `${name.replace(/\.html$/, '')}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      if (readme && name === 'index.html') {
        const example = await page.$('section');
        await example.screenshot({ path: `demo/screenshot-${width}.png` });
        console.log(`demo/screenshot-${width}.png`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
