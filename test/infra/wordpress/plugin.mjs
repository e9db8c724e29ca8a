/**
 * The WordPress sites of test/infra/wordpress/server.mjs, for the browser tests:
 *
 *   /api/wordpress                         starts WordPress on first use, saves the test posts
 *                                          through the REST API as each role, and answers the list
 *                                          ({ posts }), or { skipped } when WordPress is not installed
 *   /api/wordpress/log?since=N             WordPress's debug log (PHP warnings, deprecations) from byte N
 *   /api/wordpress/session?role=author     logs the browser in to the single site as that role
 *                                          (its auth cookies); with &logout, out again
 *   /wordpress/…, /wordpress-network/…     proxied to php -S, so pages are same-origin with the
 *                                          tests (frames' DOM and canvases readable); HTML pages get
 *                                          test/pages/embed-watch.js as their first script
 *
 * A missing WordPress is a skip with a line saying why, unless
 * REQUIRE_WORDPRESS=1 (set by CI), which makes it a failure.
 */
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { DEBIAN_PACKAGES, copyTables, dropTables, missing, phpRequest, rest, start, stop, wordpressPhp } from './server.mjs';
import { wordpressPosts } from './posts.mjs';

let host;
let unavailable;
let started;
let ready;

async function startAndSeed() {
  started = start(host);
  const server = await started;
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

/**
 * "Uninstall leaves nothing behind", on the single site: used first (its embed
 * URL's page viewed so WordPress caches the oEmbed in post meta, the block
 * editor's oEmbed preview asked for it, which caches a transient, and the URL
 * embedded outside a post, which caches an oembed_cache post), then its tables
 * are copied (so the other engines' tests, on the same site, keep the plugin),
 * and on the copy the plugin is deactivated and then uninstalled in a second
 * request, as Plugins › Deactivate and then Delete do. Answers the rows that
 * mention the plugin, or are the oEmbed caches of the posts that embed its URL,
 * before and after, and the pages of two posts after.
 */
const COPY = 'cp_';

const LEFTOVERS = {
  // The posts keep their authors' shortcodes, blocks and elements: post content is theirs, and is not counted.
  options: `SELECT option_name FROM ${COPY}options WHERE (option_name LIKE '%ceop%' OR option_value LIKE '%ceop%' OR option_name LIKE '%oembed%') AND option_name <> 'blogname'`,
  postmeta: (ids) =>
    `SELECT CONCAT(post_id, ' ', meta_key) FROM ${COPY}postmeta WHERE meta_key LIKE '%ceop%' OR meta_value LIKE '%ceop%' OR (meta_key LIKE '\\_oembed\\_%' AND post_id IN (${ids.join(',')}))`,
  'oembed_cache posts': `SELECT CONCAT(ID, ' ', post_name) FROM ${COPY}posts WHERE post_type = 'oembed_cache'`,
  // The harness's application passwords are named after the plugin: not the plugin's.
  usermeta: `SELECT meta_key FROM ${COPY}usermeta WHERE (meta_key LIKE '%ceop%' OR meta_value LIKE '%ceop%') AND meta_key <> '_application_passwords'`,
  'other meta': `SELECT CONCAT('comment ', meta_key) FROM ${COPY}commentmeta WHERE meta_key LIKE '%ceop%' OR meta_value LIKE '%ceop%' UNION SELECT CONCAT('term ', meta_key) FROM ${COPY}termmeta WHERE meta_key LIKE '%ceop%' OR meta_value LIKE '%ceop%'`,
};

async function uninstallReport({ server, posts }) {
  const { home, users } = server.sites.single;
  const embedding = posts.filter((p) => p.site === 'single' && p.expected.embedUrl);
  // Viewed too, so WordPress caches what [embed] made of the URLs of other schemes (issue #27), but not counted as
  // embedding posts: what WordPress caches for a URL that is not an embed ({{unknown}}) is its own, not the plugin's.
  const refused = posts.filter((p) => p.site === 'single' && p.expected.refusedEmbed);
  const { embedUrl } = embedding[0].expected;
  // The Embed block, as the block editor saves it after previewing the URL through the oEmbed proxy.
  await rest(server, 'single', users.administrator, 'GET', `/oembed/1.0/proxy?url=${encodeURIComponent(embedUrl)}`);
  const block = await rest(server, 'single', users.administrator, 'POST', '/wp/v2/posts', {
    title: 'Embed block',
    status: 'publish',
    content: `<!-- wp:embed {"url":${JSON.stringify(embedUrl)},"type":"rich"} -->\n<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">\n${embedUrl}\n</div></figure>\n<!-- /wp:embed -->`,
  });
  const blockUrl = new URL(block.link);
  embedding.push({ url: blockUrl.pathname + blockUrl.search });
  for (const post of [...embedding, ...refused]) {
    const page = await phpRequest(server, { path: post.url });
    if (page.status !== 200) throw new Error(`${post.url}: ${page.status}`);
  }
  const ids = embedding.map((p) => Number(new URL(p.url, home).searchParams.get('p')));
  const tables = (await server.query(`SHOW TABLES LIKE 'wp\\_%'`)).map(([t]) => COPY + t.slice(3)).sort();
  const copied = await copyTables(server, 'wp_', COPY);
  try {
    // The URL embedded outside a post (a widget, a template): WordPress caches it in an oembed_cache post.
    await wordpressPhp(server, 'single', `echo $GLOBALS['wp_embed']->autoembed( ${JSON.stringify(embedUrl)} );`, { prefix: COPY });
    const snapshot = async () => {
      const rows = {};
      for (const [what, statement] of Object.entries(LEFTOVERS)) {
        rows[what] = (await server.query(typeof statement === 'function' ? statement(ids) : statement)).map(([row]) => row);
      }
      // The oEmbed caches of the posts whose [embed] URL is of another scheme, whatever they hold (not their _oembed_time_).
      rows.refused = (
        await server.query(
          `SELECT CONCAT(post_id, ' ', LEFT(meta_value, 120)) FROM ${COPY}postmeta WHERE post_id IN (${refused.map((p) => p.id).join(',') || 0}) AND meta_key LIKE '\\_oembed\\_%' AND meta_key NOT LIKE '\\_oembed\\_time\\_%'`,
        )
      ).map(([row]) => row);
      rows.tables = (await server.query(`SHOW TABLES LIKE '${COPY.replace('_', '\\_')}%'`)).map(([t]) => t).sort();
      return rows;
    };
    const before = await snapshot();
    const plugin = "require_once ABSPATH . 'wp-admin/includes/plugin.php';";
    const state = `echo wp_json_encode( array( 'active' => is_plugin_active( 'ceop-stats/ceop-stats.php' ), 'loaded' => function_exists( 'ceop_stats_enqueue' ) ) );`;
    const deactivated = JSON.parse(
      await wordpressPhp(server, 'single', `${plugin} deactivate_plugins( 'ceop-stats/ceop-stats.php' ); ${state}`, { prefix: COPY }),
    );
    // A later request, as the Delete link is: the plugin is not loaded; uninstall_plugin() runs its uninstall.php.
    const uninstalled = JSON.parse(
      await wordpressPhp(server, 'single', `${plugin} $loaded = function_exists( 'ceop_stats_enqueue' ); uninstall_plugin( 'ceop-stats/ceop-stats.php' ); echo wp_json_encode( array( 'loadedBefore' => $loaded, 'active' => is_plugin_active( 'ceop-stats/ceop-stats.php' ) ) );`, { prefix: COPY }),
    );
    const after = await snapshot();
    const pages = {};
    for (const way of ['shortcode', 'pasted element']) {
      const post = posts.find((p) => p.site === 'single' && p.role === 'author' && p.way === way);
      pages[way] = { url: post.url, html: await wordpressPhp(server, 'single', '', { prefix: COPY, uri: post.url, render: true }) };
    }
    return { ids, tables, before, deactivated, uninstalled, after, pages };
  } finally {
    await dropTables(server, copied);
  }
}
let uninstalled;
/**
 * Sessions are made one at a time. WordPress keeps a user's session tokens in
 * one user meta value, which each new session reads and writes back whole: the
 * three engines open the block editor as the same user at about the same time,
 * and two sessions made at once lost one token, whose browser then met the
 * login page (CI run of 5f786b2: Firefox, "Log In"; and the PHP deprecations
 * of that failed login failed the no-warning test in every engine).
 */
let sessionsMade = Promise.resolve();

/**
 * A logged-in session for the block editor, as wp-login.php would start it:
 * WordPress's own auth and logged-in cookies for a role's user of the single
 * site (the harness does not keep login passwords, only application ones).
 * Path /wordpress/, so the network site's pages are not affected. With
 * `?logout`, the cookies are expired.
 */
async function session(context, { server }) {
  const role = context.query.role ?? 'author';
  const user = server.sites.single.users[role];
  if (!user) throw new Error(`no ${role} on the single site`);
  const cookies = JSON.parse(
    await wordpressPhp(
      server,
      'single',
      `$user = get_user_by( 'login', ${JSON.stringify(user.login)} ); $until = time() + 3600;
echo wp_json_encode( array( AUTH_COOKIE => wp_generate_auth_cookie( $user->ID, $until, 'auth' ), LOGGED_IN_COOKIE => wp_generate_auth_cookie( $user->ID, $until, 'logged_in' ) ) );`,
    ),
  );
  const logout = 'logout' in context.query;
  context.set(
    'Set-Cookie',
    Object.entries(cookies).map(([name, value]) =>
      logout ? `${name}=; Path=/wordpress/; Max-Age=0` : `${name}=${encodeURIComponent(value)}; Path=/wordpress/; HttpOnly; SameSite=Lax`,
    ),
  );
  return { role, login: user.login, logout };
}

/** Answers a harness route in JSON, uncached: what `answer` gives, or `{ error }` with a 500 when it throws. */
async function answerJson(context, answer) {
  context.set('Cache-Control', 'no-store');
  context.type = 'application/json';
  try {
    context.body = JSON.stringify(await answer());
  } catch (error) {
    context.status = 500;
    context.body = JSON.stringify({ error: String(error?.stack ?? error) });
  }
}

const NOT_STARTED = 'WordPress starts on the first request to /api/wordpress';

export async function wordpressMiddleware(context, next) {
  const { path } = context;
  if (path === '/api/wordpress/uninstall') {
    return answerJson(context, () => {
      if (unavailable || !ready) {
        context.status = 503;
        return { error: unavailable ?? NOT_STARTED };
      }
      // Once, whichever engine asks first: all of them read the same report.
      uninstalled ??= ready.then(uninstallReport);
      return uninstalled;
    });
  }
  if (path === '/api/wordpress/log') {
    // WordPress's debug log from byte `since` on, and its size, for tests that a request logs no PHP warning.
    return answerJson(context, async () => {
      if (!ready) throw new Error(NOT_STARTED);
      const { server } = await ready;
      const log = existsSync(server.debugLog) ? readFileSync(server.debugLog) : Buffer.alloc(0);
      return { size: log.length, text: log.subarray(Number(context.query.since ?? 0)).toString('utf8') };
    });
  }
  if (path === '/api/wordpress/session') {
    return answerJson(context, async () => {
      if (!ready) throw new Error(NOT_STARTED);
      const started = await ready;
      const turn = sessionsMade.then(() => session(context, started));
      sessionsMade = turn.catch(() => undefined);
      return turn;
    });
  }
  if (path === '/api/wordpress') {
    return answerJson(context, async () => {
      if (unavailable) {
        context.status = process.env.REQUIRE_WORDPRESS ? 500 : 200;
        return { skipped: `WordPress is not installed here: ${unavailable}` };
      }
      ready ??= startAndSeed();
      return { posts: (await ready).posts };
    });
  }
  if (!/^\/wordpress(-network)?(\/|$)/.test(path)) return next();
  if (!started) {
    context.status = 503;
    context.body = NOT_STARTED;
    return;
  }
  // Not `ready`: saving a post with an embed URL makes WordPress fetch it (oEmbed discovery, through
  // this server) while the posts are still being saved.
  const server = await started;
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
  // As the README asks of a site whose embeds other WordPresses show: they sandbox the iframe without
  // allow-same-origin, so the embed page's module scripts are fetched with CORS from an opaque origin.
  if (path.startsWith('/wordpress/wp-content/plugins/ceop-stats/dist/')) context.set('Access-Control-Allow-Origin', '*');
  let out = response.body;
  if (String(response.headers['content-type'] ?? '').startsWith('text/html')) {
    out = Buffer.from(out.toString('utf8').replace(/<head(\s[^>]*)?>/i, (head) => `${head}${WATCH}`));
  }
  context.body = out;
}
