/**
 * Layout shift over a whole load, as Chromium's Layout Instability API reports
 * it (every `layout-shift` entry from navigation start, buffered, summed; the
 * usual CLS takes only the worst session window, so this is an upper bound):
 * pages with widgets in their first screen and below the fold, at a phone's
 * and a desktop's width, each reserving room with the README's snippet. The
 * page is scrolled to every widget in turn, as a reader would, until each has
 * drawn its chart.
 */
import { readFileSync } from 'node:fs';
import { readmeBlock } from '../test/infra/readme-snippets-plugin.mjs';

export const SCREENS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];

const snippet = () => readmeBlock(readFileSync('README.md', 'utf8'), 'Room before the script loads', 'css');

/** A plain page: a line of text, three widgets, a line after them; `below` puts two screens of text first. */
export function shiftPage(below) {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>layout shift</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${snippet()}
body { max-width: 640px; margin: 0 auto; padding: 0 8px; font: 16px sans-serif; }</style>
<script type="module" src="/dist/ceop-stats.js"></script></head><body>
<p>Text before the widgets.</p>${below ? '<div style="height: 200vh"></div>' : ''}
<ceop-stats metric="children"></ceop-stats>
<ceop-stats metric="arrests" downloads></ceop-stats>
<ceop-stats metric="networks"></ceop-stats>
<p>Text after the widgets.</p>
</body></html>`;
}

/** Sums the layout shifts of one load of `url` at `screen`, in a fresh context. */
export async function measureShift(browser, url, screen) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ ...screen, deviceScaleFactor: 1 });
  await page.evaluateOnNewDocument(() => {
    window.__shift = 0;
    window.__ready = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('ceop-stats-ready', () => window.__ready++);
  });
  await page.goto(url, { waitUntil: 'load' });
  const count = await page.evaluate(() => document.querySelectorAll('ceop-stats').length);
  for (let i = 0; i < count; i++) {
    await page.evaluate((index) => document.querySelectorAll('ceop-stats')[index].scrollIntoView(), i);
    await page.waitForFunction((index) => window.__ready > index, { timeout: 30000 }, i);
  }
  // Counters count up for 1.5 s once seen: let them finish, and any shift they cause be counted.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const shift = await page.evaluate(() => window.__shift);
  await context.close();
  return shift;
}
