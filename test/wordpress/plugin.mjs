/**
 * The WordPress sites of test/wordpress/server.mjs, for the browser tests:
 *
 *   /api/wordpress                         starts WordPress on first use, saves the test posts
 *                                          through the REST API as each role, and answers the list
 *                                          ({ posts }), or { skipped } when WordPress is not installed
 *   /wordpress/…, /wordpress-network/…     proxied to php -S, so pages are same-origin with the
 *                                          tests (frames' DOM and canvases readable); HTML pages get
 *                                          test/pages/embed-watch.js as their first script
 *
 * A missing WordPress is a skip with a line saying why, unless
 * REQUIRE_WORDPRESS=1 (set by CI), which makes it a failure.
 */
import { Buffer } from 'node:buffer';
import { DEBIAN_PACKAGES, missing, phpRequest, rest, start, stop } from './server.mjs';
import { wordpressPosts } from './posts.mjs';

let host;
let unavailable;
let ready;

async function startAndSeed() {
  const server = await start(host);
  const posts = await wordpressPosts(server, rest);
  return { server, posts };
}

export const wordpressPlugin = {
  name: 'wordpress',
  async serverStart({ config }) {
    host = `${config.hostname ?? 'localhost'}:${config.port}`;
    unavailable = await missing();
    console.log(
      unavailable
        ? `WordPress: skipped (${unavailable}; apt-get install ${DEBIAN_PACKAGES})${process.env.REQUIRE_WORDPRESS ? ', and REQUIRE_WORDPRESS is set: its tests fail' : ''}`
        : 'WordPress: installed; started when a test asks for it',
    );
  },
  async serverStop() {
    await stop();
  },
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const WATCH = '<script src="/test/pages/embed-watch.js"></script>';

export async function wordpressMiddleware(context, next) {
  const { path } = context;
  if (path === '/api/wordpress') {
    context.set('Cache-Control', 'no-store');
    context.type = 'application/json';
    if (unavailable) {
      context.status = process.env.REQUIRE_WORDPRESS ? 500 : 200;
      context.body = JSON.stringify({ skipped: `WordPress is not installed here: ${unavailable}` });
      return;
    }
    ready ??= startAndSeed();
    try {
      context.body = JSON.stringify({ posts: (await ready).posts });
    } catch (error) {
      context.status = 500;
      context.body = JSON.stringify({ error: String(error?.stack ?? error) });
    }
    return;
  }
  if (!/^\/wordpress(-network)?(\/|$)/.test(path)) return next();
  if (!ready) {
    context.status = 503;
    context.body = 'WordPress starts on the first request to /api/wordpress';
    return;
  }
  const { server } = await ready;
  const body = ['GET', 'HEAD'].includes(context.method) ? undefined : await readBody(context.req);
  const headers = { ...context.headers };
  delete headers.host;
  delete headers.connection;
  // Uncompressed, so HTML pages can get the watcher.
  delete headers['accept-encoding'];
  const response = await phpRequest(server, { method: context.method, path: context.url, headers, body });
  context.status = response.status;
  for (const [name, value] of Object.entries(response.headers)) {
    if (!['transfer-encoding', 'connection', 'content-length', 'keep-alive'].includes(name)) context.set(name, value);
  }
  let out = response.body;
  if (String(response.headers['content-type'] ?? '').startsWith('text/html')) {
    out = Buffer.from(out.toString('utf8').replace(/<head(\s[^>]*)?>/i, (head) => `${head}${WATCH}`));
  }
  context.body = out;
}
