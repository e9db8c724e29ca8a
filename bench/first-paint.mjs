/**
 * When a reader first sees something, and first sees the totals, on three
 * pages with one widget: the widget rendered on the server
 * (`renderCeopStats` from ceop-stats/server, with the bundle's script tag),
 * the same widget with the script alone, and the naive Chart.js page. Part
 * of `npm run bench`.
 *
 * - **first contentful paint**: Chromium's `first-contentful-paint` entry.
 * - **totals on screen**: the first animation frame in which "1,038" is in
 *   the page (in the widget's shadow root, or the naive page's text), seen
 *   from outside by the same script on all three pages, or the first
 *   contentful paint if that is later (a frame starts before it is painted).
 */
import { pathToFileURL } from 'node:url';
import { PROFILES, applyProfile, median } from './measure.mjs';
import { LAYOUTS, layoutStyle } from './pages.mjs';

const TOTAL = '1,038';

/** The page a server sends with the widget rendered: its HTML from the server API, then the bundle's script. */
export async function serverRenderedPage() {
  const { renderCeopStats } = await import(pathToFileURL('dist/lib/server.js').href);
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>server-rendered</title>
${layoutStyle(LAYOUTS[1])}
<script type="module" src="/dist/ceop-stats.js"></script></head><body>
<div class="grid">
${renderCeopStats({ 'no-animation': true })}
</div>
</body></html>`;
}

/** Runs in the page from its first script: the time of the first frame with the totals in it. */
function watchTotals(total) {
  const shows = () =>
    document.body?.textContent.includes(total) ||
    [...document.querySelectorAll('ceop-stats')].some((host) =>
      [...(host.shadowRoot?.querySelectorAll('.counter-value') ?? [])].some((value) => value.textContent.includes(total)),
    );
  const look = () => {
    if (shows()) window.__totalsAt = performance.now();
    else window.requestAnimationFrame(look);
  };
  window.requestAnimationFrame(look);
}

async function measureOnce(browser, url, profile) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ ...LAYOUTS[1].viewport, deviceScaleFactor: 1 });
    await applyProfile(page, profile);
    await page.evaluateOnNewDocument(watchTotals, TOTAL);
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await page.waitForFunction(() => window.__totalsAt !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0, {
      timeout: 60000,
      polling: 50,
    });
    return await page.evaluate(() => {
      const firstContentfulPaint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
      // The frame that has the totals starts before it is painted: nothing is on screen before the first paint.
      return { firstContentfulPaint, totalsOnScreen: Math.max(window.__totalsAt, firstContentfulPaint) };
    });
  } finally {
    await context.close();
  }
}

/** `pairs` rounds of the three pages, the order rotated each round, per profile; medians in ms. */
export async function measureFirstPaint(browser, base, pairs) {
  const pages = { serverRendered: '/server-rendered.html', widget: '/widget.html?n=1', naive: '/naive.html?n=1' };
  const names = Object.keys(pages);
  const results = {};
  for (const profile of Object.keys(PROFILES)) {
    const runs = Object.fromEntries(names.map((name) => [name, []]));
    for (let i = 0; i < pairs; i++) {
      for (const name of names.map((_, j) => names[(i + j) % names.length])) {
        runs[name].push(await measureOnce(browser, base + pages[name], profile));
      }
    }
    results[profile] = Object.fromEntries(
      names.map((name) => [
        name,
        {
          firstContentfulPaintMs: median(runs[name].map((run) => run.firstContentfulPaint)),
          totalsOnScreenMs: median(runs[name].map((run) => run.totalsOnScreen)),
        },
      ]),
    );
    const r = results[profile];
    console.log(
      `first paint, ${profile}: FCP ${names.map((name) => r[name].firstContentfulPaintMs.toFixed(0)).join(' / ')} ms, ` +
        `totals on screen ${names.map((name) => r[name].totalsOnScreenMs.toFixed(0)).join(' / ')} ms (server-rendered / script / naive)`,
    );
  }
  return results;
}
