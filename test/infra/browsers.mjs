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
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { FIREFOX_PATH } from '../../scripts/firefox.mjs';
import { WebKitLauncher, killGroup } from './webkit-launcher.mjs';

const BINARIES = {
  chromium: CHROMIUM_PATH,
  firefox: FIREFOX_PATH,
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

// Processes we start (Xvfb, WebKitWebDriver) are always stopped; a driver with the MiniBrowser it started (its process group).
const children = [];
const alive = (child) => child.exitCode === null && child.signalCode === null;
function killChildren() {
  for (const child of children.toReversed()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      if (alive(child)) child.kill('SIGTERM');
    }
  }
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

/** A free TCP port on 127.0.0.1 (also used by test/infra/wordpress/server.mjs). */
export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Waits until `check()` is true while `child` runs (also used by test/infra/wordpress/server.mjs). */
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
  return { xvfb, name: `:${out.trim()}` };
}

let display;

/** A WebKitWebDriver on a free port, leading a process group of its own so that it and the MiniBrowser it starts can be killed together. */
async function startWebKitDriver() {
  if (!display || !alive(display.xvfb)) display = existsSync(XVFB) ? await startXvfb() : { name: process.env.DISPLAY };
  if (!display.name) throw new Error('WebKitGTK needs a display: install xvfb');
  const port = await freePort();
  const driver = own(BINARIES.webkit, [`--port=${port}`], {
    detached: true,
    env: { ...process.env, DISPLAY: display.name, WAYLAND_DISPLAY: '' },
  });
  if (process.env.WEBKIT_LOG) {
    const log = createWriteStream(process.env.WEBKIT_LOG, { flags: 'a' });
    driver.stdout.pipe(log);
    driver.stderr.pipe(log);
  } else {
    driver.stdout.resume();
    driver.stderr.resume();
  }
  try {
    await waitFor(
      driver,
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(5000) });
        return response.ok && (await response.json()).value?.ready;
      },
      'WebKitWebDriver',
    );
  } catch (error) {
    await killGroup(driver);
    throw error;
  }
  return { process: driver, port };
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
  webkit: () =>
    new WebKitLauncher({
      startDriver: startWebKitDriver,
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
