/**
 * The three engines readers use, from Debian's packages (no browser is ever
 * downloaded from npm): Chromium through puppeteer-core and Chrome DevTools,
 * Firefox ESR through puppeteer-core over WebDriver BiDi, and WebKitGTK's
 * MiniBrowser through WebKitWebDriver, on a private Xvfb display because
 * MiniBrowser has no headless mode.
 *
 * ENGINES=chromium,firefox selects engines (default: all three). An engine
 * whose binary is missing is skipped with a line saying so, unless
 * REQUIRE_ENGINES=1 (set by CI), which makes a missing engine an error.
 * WEBKIT_LOG=file keeps WebKitWebDriver's and MiniBrowser's output there.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { clearInterval } from 'node:timers';
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const BINARIES = {
  chromium: CHROMIUM_PATH,
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  webkit: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
};
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';
const DEBIAN_PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr', webkit: 'webkit2gtk-driver xvfb' };
export const ENGINES = ['chromium', 'firefox', 'webkit'];

const chromiumFlags = [
  ...CHROMIUM_FLAGS,
  '--force-device-scale-factor=1',
  // Keep timers and animation frames running in a page that is not in front.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];

// Processes we start (Xvfb, WebKitWebDriver) are always stopped.
const children = [];
const alive = (child) => child.exitCode === null && child.signalCode === null;
function killChildren() {
  for (const child of children.toReversed()) if (alive(child)) child.kill('SIGTERM');
}
async function stopChildren() {
  const exited = children.filter(alive).map((child) => once(child, 'exit'));
  killChildren();
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
}
process.once('exit', killChildren);
// wtr and puppeteer clean up on SIGINT but leave Firefox running on SIGTERM/SIGHUP: route those through SIGINT.
for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.once(signal, () => {
    process.once('exit', () => (process.exitCode = code));
    process.emit('SIGINT', 'SIGINT');
    setTimeout(() => process.exit(code), 3000).unref();
  });
}

/** A wtr plugin that stops our processes after wtr has closed the browsers. */
export const stopEnginesPlugin = { name: 'stop-engine-processes', serverStop: stopChildren };

function own(command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.push(child);
  child.on('error', (error) => (child.spawnError = error));
  return child;
}

/** A free TCP port on 127.0.0.1 (also used by test/wordpress/server.mjs). */
export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Waits until `check()` is true while `child` runs (also used by test/wordpress/server.mjs). */
export async function waitFor(child, check, what, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.spawnError) throw new Error(`${what}: ${child.spawnError.message}`);
    if (!alive(child)) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode})`);
    try {
      if (await check()) return;
    } catch {
      // not ready yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A private X display; -displayfd picks a free number. */
async function startXvfb() {
  const xvfb = own(XVFB, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
  let out = '';
  xvfb.stdout.on('data', (data) => (out += data));
  xvfb.stderr.resume();
  await waitFor(xvfb, () => /\d+\n/.test(out), 'Xvfb');
  return `:${out.trim()}`;
}

async function startWebKitDriver() {
  const display = existsSync(XVFB) ? await startXvfb() : process.env.DISPLAY;
  if (!display) throw new Error('WebKitGTK needs a display: install xvfb');
  const port = await freePort();
  const driver = own(BINARIES.webkit, [`--port=${port}`, '--replace-on-new-session'], {
    env: { ...process.env, DISPLAY: display, WAYLAND_DISPLAY: '' },
  });
  if (process.env.WEBKIT_LOG) {
    const { createWriteStream } = await import('node:fs');
    const log = createWriteStream(process.env.WEBKIT_LOG);
    driver.stdout.pipe(log);
    driver.stderr.pipe(log);
  } else {
    driver.stdout.resume();
    driver.stderr.resume();
  }
  await waitFor(
    driver,
    async () => {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      return response.ok && (await response.json()).value?.ready;
    },
    'WebKitWebDriver',
  );
  return port;
}

/**
 * The test sessions (one a test file) for which a browser was restarted. The
 * file may have begun in the old browser, whose end wtr reports as "the page
 * navigated to another origin", or have missed browserStartTimeout: either
 * way, an engine's failure, not the file's (test/summary-reporter.mjs).
 */
export const restartedSessions = new Set();

/**
 * WebKitGTK's MiniBrowser sometimes exits, or stops answering, in the middle of
 * a test file under CI load (twice in fresh-clone runs: "invalid session id",
 * and a WebKitWebDriver request that timed out). wtr's launcher then drops
 * the rejected start of the next file, an unhandled rejection that stops the
 * whole run in every engine. This one waits for each start and, when it
 * fails, ends the old session and starts a new browser for the next file:
 * the file that was running still fails, the rest still run
 * (scripts/test-browser.mjs reruns a file an engine crashed in).
 */
class RestartingWebdriverLauncher extends WebdriverLauncher {
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    try {
      await this.driverManager.startSession(id, url);
    } catch (error) {
      restartedSessions.add(id);
      console.log(
        `${this.name}: the browser did not open the next test file (${String(error?.message ?? error).split('\n')[0]}); starting a new browser`,
      );
      await this.dropSession();
      await this.ensureManagerInitialized();
      await this.driverManager.startSession(id, url);
    }
  }

  /** stop() keeps a dead session (its deleteSession throws first): forget it here, ended or not. */
  async dropSession() {
    clearInterval(this.pendingHeartbeat);
    const driver = this.driver;
    this.driver = undefined;
    this.driverManager = undefined;
    // A browser that hangs would keep this waiting; the driver replaces its session anyway (--replace-on-new-session).
    const ended = driver?.deleteSession().catch(() => {});
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 10000).unref())]);
  }
}

const launchers = {
  chromium: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { executablePath: BINARIES.chromium, headless: true, args: chromiumFlags },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: BINARIES.firefox, headless: true },
    }),
  webkit: async () =>
    new RestartingWebdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: await startWebKitDriver(),
      path: '/',
      logLevel: 'error',
      // A request the browser does not answer in a minute fails once, not after four tries of two minutes each.
      connectionRetryTimeout: 60000,
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver rejects the BiDi session webdriverio asks for by default.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    }),
};

function installed(engine) {
  if (!existsSync(BINARIES[engine])) return `${BINARIES[engine]} not found`;
  if (engine === 'webkit' && !existsSync(MINIBROWSER)) return `${MINIBROWSER} not found`;
  if (engine === 'webkit' && !existsSync(XVFB) && !process.env.DISPLAY) return `${XVFB} not found and no DISPLAY`;
  return undefined;
}

/** The launchers for the selected, installed engines, and a line saying which ran and which were skipped. */
export async function selectBrowsers() {
  const wanted = (process.env.ENGINES ?? ENGINES.join(','))
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of wanted) {
    if (!ENGINES.includes(name)) throw new Error(`Unknown engine "${name}" in ENGINES; use ${ENGINES.join(', ')}`);
  }
  const skipped = [];
  const browsers = [];
  const running = [];
  for (const engine of wanted) {
    const missing = installed(engine);
    if (missing) {
      skipped.push(`${engine} (${missing}; apt-get install ${DEBIAN_PACKAGES[engine]})`);
      continue;
    }
    browsers.push(await launchers[engine]());
    running.push(engine);
  }
  const notSelected = ENGINES.filter((engine) => !wanted.includes(engine)).map((engine) => `${engine} (not in ENGINES)`);
  const line = `Engines: ${running.join(', ') || 'none'}; skipped: ${[...skipped, ...notSelected].join(', ') || 'none'}`;
  console.log(line);
  if (process.env.REQUIRE_ENGINES && (skipped.length > 0 || notSelected.length > 0)) {
    throw new Error(`REQUIRE_ENGINES is set but not every engine can run. ${line}`);
  }
  if (browsers.length === 0) throw new Error(`No browser to run the tests in. ${line}`);
  return browsers;
}
