/**
 * A real WordPress for the browser tests, from Debian's packages: MariaDB on a
 * private data directory and socket (not the system service), WordPress 6.1
 * from /usr/share/wordpress copied into a temporary tree with the plugin,
 * served by `php -S` on 127.0.0.1. Two sites: /wordpress/ (single site) and
 * /wordpress-network/ (the main site of a multisite network). Installed by
 * wordpress/test/setup.php, without WP-CLI; then every test post is saved
 * through the REST API as each role, the way the block editor saves it.
 *
 * Everything started is stopped by stop(), and on exit.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitFor as waitForChild } from '../browsers.mjs';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const WORDPRESS = '/usr/share/wordpress';
const BINARIES = {
  mariadbd: '/usr/sbin/mariadbd',
  'mariadb-install-db': '/usr/bin/mariadb-install-db',
  mariadb: '/usr/bin/mariadb',
  php: '/usr/bin/php',
  wordpress: `${WORDPRESS}/wp-settings.php`,
  'twentytwentyone theme': `${WORDPRESS}/wp-content/themes/twentytwentyone/style.css`,
};
export const DEBIAN_PACKAGES = 'wordpress wordpress-theme-twentytwentyone mariadb-server php-cli php-mysql';

/** Why WordPress cannot run here, or undefined when it can. */
export async function missing() {
  for (const [what, path] of Object.entries(BINARIES)) if (!existsSync(path)) return `${what} (${path}) not found`;
  const { stdout } = await run(BINARIES.php, ['-m']);
  if (!/^mysqli$/m.test(stdout)) return 'PHP has no mysqli extension (php-mysql)';
  if (!existsSync(join(ROOT, 'wordpress/ceop-stats/dist/ceop-stats.js'))) return 'the plugin has no dist/: run npm run build';
  return undefined;
}

const children = [];
const alive = (child) => child.exitCode === null && child.signalCode === null;
let tmp;

/** A child in a process group of its own: php -S with workers forks them, and they must stop with it. */
function own(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  children.push(child);
  child.output = '';
  child.stdout.on('data', (data) => (child.output = (child.output + data).slice(-4000)));
  child.stderr.on('data', (data) => (child.output = (child.output + data).slice(-4000)));
  child.on('error', (error) => (child.spawnError = error));
  return child;
}

function killAll() {
  for (const child of children.toReversed()) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // the group has already gone
    }
  }
}
process.once('exit', () => {
  killAll();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

export async function stop() {
  const exited = children.filter(alive).map((child) => once(child, 'exit'));
  const groups = children.map((child) => child.pid);
  killAll();
  await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 10000).unref())]);
  // The workers of php -S outlive their parent by a moment: wait until no process of the groups is left.
  const end = Date.now() + 10000;
  const groupAlive = (pid) => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (groups.some(groupAlive) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  children.length = 0;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
}

/** As browsers.mjs waits for a child, with what the child printed when it fails. */
async function waitFor(child, check, what, timeoutMs = 30000) {
  try {
    await waitForChild(child, check, what, timeoutMs);
  } catch (error) {
    throw new Error(`${error.message}: ${child.output}`);
  }
}

/** One HTTP request to php -S, with the Host the browser uses (WordPress builds its URLs and finds its network from it). */
export function phpRequest(server, { method = 'GET', path, headers = {}, body }) {
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port: server.phpPort, method, path, headers: { host: server.host, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function setup(wp, site, home, phase) {
  const { stdout, stderr } = await run(BINARIES.php, [join(wp, 'setup.php'), site, home, phase], { cwd: wp, timeout: 120000 }).catch((error) => {
    throw new Error(`setup.php ${site} ${phase} failed: ${error.stderr || error.message}`);
  });
  if (stderr && process.env.CEOP_WP_DEBUG) console.log(stderr);
  try {
    return JSON.parse(stdout.slice(stdout.lastIndexOf("\n{") + 1));
  } catch {
    throw new Error(`setup.php ${site} ${phase} printed no JSON: ${stdout.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(-1500)}`);
  }
}

/**
 * Starts MariaDB and php -S and installs both sites, for pages the browser
 * reaches at `http://${host}/wordpress/` (the wtr dev server's host, which
 * proxies to php -S). Resolves to { host, phpPort, sites: { single, network } },
 * each site { home, users: { role: { login, password, unfiltered_html, super_admin } } }.
 */
export async function start(host) {
  tmp = mkdtempSync(join(tmpdir(), 'ceop-stats-wordpress-'));
  const uid = process.getuid?.() ?? 1;
  const socket = join(tmp, 'mysql.sock');
  const datadir = join(tmp, 'db');
  const userArgs = uid === 0 ? ['--user=root'] : [];
  await run(BINARIES['mariadb-install-db'], ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...userArgs], { timeout: 120000 }).catch((error) => {
    throw new Error(`mariadb-install-db failed: ${error.stderr || error.message}`);
  });
  const mariadb = own(BINARIES.mariadbd, ['--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`, '--skip-networking', `--pid-file=${join(tmp, 'mariadb.pid')}`, '--innodb-buffer-pool-size=32M', ...userArgs]);
  const sql = (statement) => run(BINARIES.mariadb, ['--no-defaults', '-S', socket, '-u', 'root', '-e', statement]);
  await waitFor(mariadb, async () => (await sql('SELECT 1'), true), 'MariaDB');
  await sql('CREATE DATABASE wordpress CHARACTER SET utf8mb4');

  // A private WordPress tree: Debian's files, our wp-config.php and setup script, the plugin as a site installs it.
  const wp = join(tmp, 'wp');
  cpSync(WORDPRESS, wp, { recursive: true, dereference: true });
  const config = readFileSync(join(ROOT, 'wordpress/test/wp-config.php'), 'utf8')
    .replaceAll('__SOCKET__', socket)
    .replaceAll('__TMP__', tmp)
    .replaceAll('__HOST__', host)
    .replaceAll('__SALT__', `ceop-stats-test-${process.pid}-`);
  writeFileSync(join(wp, 'wp-config.php'), config);
  cpSync(join(ROOT, 'wordpress/test/setup.php'), join(wp, 'setup.php'));
  rmSync(join(wp, 'wp-content/plugins/ceop-stats'), { recursive: true, force: true });
  cpSync(join(ROOT, 'wordpress/ceop-stats'), join(wp, 'wp-content/plugins/ceop-stats'), { recursive: true });
  mkdirSync(join(wp, 'wp-content/uploads'), { recursive: true });
  const docroot = join(tmp, 'root');
  mkdirSync(docroot);
  symlinkSync(wp, join(docroot, 'wordpress'));
  symlinkSync(wp, join(docroot, 'wordpress-network'));

  const phpPort = await freePort();
  const php = own(BINARIES.php, ['-S', `127.0.0.1:${phpPort}`, '-t', docroot, join(ROOT, 'wordpress/test/router.php')], {
    cwd: docroot,
    // Several workers: the browsers of three engines ask at once, and a page's module requests its chunks.
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
  });
  const server = {
    host,
    phpPort,
    sites: {},
    wp,
    /** WordPress's debug log (WP_DEBUG_LOG in wordpress/test/wp-config.php): PHP's warnings and deprecations of both sites. */
    debugLog: join(tmp, 'debug.log'),
    /** One SQL statement on the test database, its rows as arrays of strings (tab-separated, no header). */
    query: async (statement) => {
      const { stdout } = await run(BINARIES.mariadb, ['--no-defaults', '-S', socket, '-u', 'root', '-N', '-B', '-r', 'wordpress', '-e', statement]);
      return stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
    },
  };

  const single = `http://${host}/wordpress/`;
  const network = `http://${host}/wordpress-network/`;
  await setup(wp, 'single', single, 'install');
  server.sites.single = { home: single, ...(await setup(wp, 'single', single, 'users')) };
  await setup(wp, 'network', network, 'install');
  writeFileSync(join(tmp, 'network-installed'), '');
  server.sites.network = { home: network, ...(await setup(wp, 'network', network, 'users')) };

  await waitFor(php, async () => (await phpRequest(server, { path: '/wordpress/' })).status === 200, 'php -S');
  return server;
}

/** A REST API call as a user, with an application password, as the block editor makes it (JSON body, raw content). */
export async function rest(server, site, user, method, route, data) {
  const { home } = server.sites[site];
  const [routePath, query] = route.split('?');
  const path = `${new URL(home).pathname}?rest_route=${encodeURIComponent(routePath)}${query ? `&${query}` : ''}`;
  const body = data ? Buffer.from(JSON.stringify(data)) : undefined;
  const response = await phpRequest(server, {
    method,
    path,
    headers: {
      authorization: `Basic ${Buffer.from(`${user.login}:${user.password}`).toString('base64')}`,
      ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
    },
    body,
  });
  const text = response.body.toString('utf8');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${route} as ${user.login}: ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (response.status >= 400) throw new Error(`${method} ${route} as ${user.login}: ${response.status} ${json.code}: ${json.message}`);
  return json;
}

/**
 * Runs PHP in WordPress from the command line, as a request to `uri` on one
 * site would (wp-load.php, or the whole page with `render`): the code is
 * written to a file in the private tree and its output returned. With
 * `prefix`, WordPress uses the tables of that prefix instead of the site's
 * (a copy made by copyTables), through a db.php drop-in the harness writes
 * that reads CEOP_WP_PREFIX, which only these scripts set: php -S never does.
 */
export async function wordpressPhp(server, site, code, { prefix, uri, render = false } = {}) {
  const dropIn = join(server.wp, 'wp-content/db.php');
  if (!existsSync(dropIn)) {
    writeFileSync(dropIn, "<?php\n// test/infra/wordpress/server.mjs: a command-line script's copy of a site's tables.\nif ( getenv( 'CEOP_WP_PREFIX' ) ) {\n\t$GLOBALS['table_prefix'] = getenv( 'CEOP_WP_PREFIX' );\n}\n");
  }
  const home = new URL(server.sites[site].home);
  const target = new URL(uri ?? home.pathname, home);
  const file = join(server.wp, `ceop-test-${process.pid}-${Math.random().toString(36).slice(2)}.php`);
  writeFileSync(
    file,
    `<?php
$_SERVER['HTTP_HOST'] = ${JSON.stringify(home.host)};
$_SERVER['SERVER_NAME'] = ${JSON.stringify(home.hostname)};
$_SERVER['SERVER_PORT'] = ${JSON.stringify(home.port || '80')};
$_SERVER['REQUEST_URI'] = ${JSON.stringify(target.pathname + target.search)};
$_SERVER['QUERY_STRING'] = ${JSON.stringify(target.search.slice(1))};
$_SERVER['REQUEST_METHOD'] = 'GET';
parse_str( $_SERVER['QUERY_STRING'], $_GET );
$_REQUEST = $_GET;
${render ? "define( 'WP_USE_THEMES', true );\nrequire __DIR__ . '/wp-blog-header.php';\n" : `require __DIR__ . '/wp-load.php';\n${code}\n`}`,
  );
  try {
    const { stdout } = await run(BINARIES.php, [file], {
      cwd: server.wp,
      timeout: 60000,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, CEOP_WP_SITE: site, ...(prefix ? { CEOP_WP_PREFIX: prefix } : {}) },
    });
    return stdout;
  } catch (error) {
    throw new Error(`PHP on ${site}${prefix ? ` (${prefix} tables)` : ''} failed: ${error.stderr || error.message} ${String(error.stdout ?? '').slice(-1000)}`);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Copies every table of one prefix to another (rows included), with the prefixed option and user meta names WordPress keys by prefix. */
export async function copyTables(server, from, to) {
  const tables = (await server.query(`SHOW TABLES LIKE '${from.replace(/_/g, '\\_')}%'`)).map(([name]) => name);
  for (const table of tables) {
    const copy = to + table.slice(from.length);
    await server.query(`DROP TABLE IF EXISTS \`${copy}\`; CREATE TABLE \`${copy}\` LIKE \`${table}\`; INSERT INTO \`${copy}\` SELECT * FROM \`${table}\``);
  }
  await server.query(`UPDATE \`${to}options\` SET option_name = '${to}user_roles' WHERE option_name = '${from}user_roles'`);
  await server.query(`UPDATE \`${to}usermeta\` SET meta_key = CONCAT('${to}', SUBSTRING(meta_key, ${from.length + 1})) WHERE meta_key LIKE '${from.replace(/_/g, '\\_')}%'`);
  return tables.map((table) => to + table.slice(from.length));
}

export async function dropTables(server, tables) {
  if (tables.length) await server.query(`DROP TABLE IF EXISTS ${tables.map((t) => `\`${t}\``).join(', ')}`);
}
