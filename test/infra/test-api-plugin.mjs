/**
 * Test-server middleware: the answers `src` can meet in the wild, served
 * from 127.0.0.1 so no test leaves the machine.
 *
 *   /api/dataset.json?delay=MS&label=TEXT  a valid dataset, optionally late
 *   /api/dataset.json?gate=KEY             the same, answered once /api/open?gate=KEY is asked for
 *                                          (a test says when the data arrives, whatever the machine's speed)
 *   /api/status/CODE                       an error status
 *   /api/not-json                          an HTML page
 *   /api/json?body=TEXT                    TEXT as the body, application/json
 *   /api/cookie                            a dataset whose label says whether a cookie came
 *   /test/pages/csp.html                   served with a strict Content-Security-Policy
 *   /dist/embed.html                       the iframe embed's page, with the same policy, and
 *                                          test/pages/embed-watch.js as its first script
 *   /cdn/v1/…                              dist/ceop-stats*.js, as a CDN would serve them: another path, and CORS
 *                                          so a page on another origin (localhost vs 127.0.0.1) can load it
 *   /cdn/slow-element/…                    the same, with the element's chunk a second late, so that what
 *                                          is fetched beside it, and what after it, can be told apart
 *   /cdn/fails-CHUNK-KEY-N/…               the same, with ceop-stats-CHUNK.js answered 503 the first N times
 *                                          it is asked for under that KEY (a network that drops requests)
 */
import { readFile } from 'node:fs/promises';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const dataset = (label) => ({
  years: ['2001', '2002', '2003'],
  totalLabel: 'from 2001 to 2003',
  measures: [{ id: 'cases', label, values: [10, 5, 20] }],
  source: { label: 'Test fixture', url: 'https://example.org/fixture' },
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many times a chunk has failed, by key (see /cdn/fails-CHUNK-KEY-N/). */
const failures = new Map();

/** Gates by key: a promise each, resolved when its gate is opened (opened before it is waited at, it is already open). */
const gates = new Map();
function gate(key) {
  if (!gates.has(key)) {
    let open;
    gates.set(key, { opened: new Promise((resolve) => (open = resolve)), open });
  }
  return gates.get(key);
}

export async function testApi(context, next) {
  const { path, query } = context;
  if (/^\/cdn\/(v1|slow-element|fails-[a-z-]+-[a-z0-9]+-\d+)\//.test(path)) {
    // Only what the README says to upload (dist/ceop-stats*.js): a page that needs more fails here.
    if (!/^\/cdn\/[\w-]+\/ceop-stats[\w-]*\.js$/.test(path)) {
      context.status = 404;
      return;
    }
    if (path.endsWith('/slow-element/ceop-stats-element.js')) await sleep(1000);
    const failing = /^\/cdn\/fails-([a-z-]+)-([a-z0-9]+)-(\d+)\/ceop-stats-([a-z-]+)\.js$/.exec(path);
    if (failing && failing[1] === failing[4]) {
      const [, , key, times] = failing;
      const failed = failures.get(key) ?? 0;
      if (failed < Number(times)) {
        failures.set(key, failed + 1);
        context.status = 503;
        context.set('Access-Control-Allow-Origin', '*');
        return;
      }
    }
    context.url = context.url.replace(/^\/cdn\/[\w-]+\//, '/dist/');
    await next();
    context.set('Access-Control-Allow-Origin', '*');
    return;
  }
  if (path === '/test/pages/csp.html') {
    await next();
    context.set('Content-Security-Policy', STRICT_CSP);
    return;
  }
  if (path === '/dist/embed.html') {
    const page = await readFile('dist/embed.html', 'utf8');
    context.type = 'text/html';
    context.body = page.replace('<script', '<script src="/test/pages/embed-watch.js"></script>\n    <script');
    context.set('Content-Security-Policy', STRICT_CSP);
    context.set('Cache-Control', 'no-store');
    return;
  }
  if (!path.startsWith('/api/')) return next();
  context.set('Cache-Control', 'no-store');
  if (path === '/api/dataset.json') {
    const delay = Math.min(Number(query.delay) || 0, 20000);
    if (delay) await sleep(delay);
    if (query.gate) {
      await gate(String(query.gate)).opened;
      gates.delete(String(query.gate));
    }
    context.type = 'application/json';
    context.body = JSON.stringify(dataset(String(query.label || 'Cases')));
  } else if (path === '/api/open') {
    gate(String(query.gate)).open();
    context.body = 'open';
  } else if (path.startsWith('/api/status/')) {
    context.status = Number(path.slice('/api/status/'.length)) || 500;
    context.body = 'error page';
  } else if (path === '/api/not-json') {
    context.type = 'text/html';
    context.body = '<!doctype html><title>Not found</title><p>Sorry';
  } else if (path === '/api/json') {
    context.type = 'application/json';
    context.body = String(query.body ?? '');
  } else if (path === '/api/cookie') {
    context.type = 'application/json';
    context.body = JSON.stringify(dataset(context.get('Cookie').includes('ceop-test=1') ? 'cookie sent' : 'no cookie'));
  } else {
    context.status = 404;
  }
}
