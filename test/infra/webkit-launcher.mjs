/**
 * WebKitGTK's MiniBrowser for wtr, through WebKitWebDriver: wtr's
 * BrowserLauncher interface over webdriverio's public `remote()`.
 *
 * Why not @web/test-runner-webdriver's launcher: under CI load WebKitGTK
 * sometimes hangs (the driver stops answering, or MiniBrowser stops loading
 * pages) or refuses new sessions for a while. That launcher has no deadline
 * on a request, and while a new browser starts its getBrowserUrl throws "Not
 * initialized" into wtr's disconnect handler: an uncaught exception that
 * stopped a whole CI run with no test failed. Here:
 *
 * - one driver request at a time (a queue), each with a deadline;
 * - an engine that misses a deadline, fails a request, or whose driver stops
 *   answering its status page, is "in trouble" for every test file running
 *   then: `troubled` records it, and test/infra/summary-reporter.mjs has such a
 *   file run again alone if it failed (a test that fails in a healthy
 *   browser still fails the suite);
 * - a browser in trouble is replaced whole: the driver and every process it
 *   started are killed as one process group, and a new driver starts on a
 *   new port; sessions the driver refuses are asked for again, with pauses,
 *   within START_BUDGET_MS;
 * - nothing wtr calls throws because of a browser being replaced: isActive
 *   and getBrowserUrl answer from our own map.
 *
 * Every event is printed as it happens ("[MiniBrowser] ...") and kept in
 * `engineEvents` for the summary.
 */
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { clearInterval, clearTimeout, setInterval } from 'node:timers';
import { remote } from 'webdriverio';

/**
 * A driver request that takes longer than this is a hang: a test page loads in well under a second.
 * WEBKIT_REQUEST_DEADLINE_MS shortens it for test/infra/engine-failures.test.mjs.
 */
const REQUEST_DEADLINE_MS = Number(process.env.WEBKIT_REQUEST_DEADLINE_MS ?? 30000);
/** How long a file may take to get a browser that opens it, counting every new browser; wtr's browserStartTimeout is above it. */
export const START_BUDGET_MS = 120000;
/** While a file runs, the driver's status page is asked this often, and must answer within STATUS_DEADLINE_MS. */
const WATCH_INTERVAL_MS = 5000;
const STATUS_DEADLINE_MS = 10000;

/** Engine events of this process: { time, browser, session, file, what, action }. */
export const engineEvents = [];
/** The test file of a session id; test/infra/summary-reporter.mjs, which has wtr's sessions, sets it. */
export const sessionFiles = { of: (id) => id };
/** Session ids of test files that ran while their engine was in trouble → what happened. */
export const troubled = new Map();
/** Driver requests that took over SLOW_MS: { browser, files, what, seconds, load } (the machine's load average then). */
export const slowRequests = [];
const SLOW_MS = 5000;

function within(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  // The request goes on after its deadline; its late failure is not news.
  promise.catch(() => {});
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const firstLine = (error) =>
  String(error?.message ?? error)
    .split('\n')[0]
    .slice(0, 200);

export class WebKitLauncher {
  name = 'MiniBrowser';
  // @web/test-runner-commands sends keys and mouse actions to a launcher of this type through the methods below.
  type = 'webdriver';

  /** @param {{ startDriver: () => Promise<{ process: import('node:child_process').ChildProcess, port: number }>, capabilities: object }} options */
  constructor({ startDriver, capabilities }) {
    this.startDriver = startDriver;
    this.capabilities = capabilities;
    /** Active sessions: id → { url, file }. */
    this.sessions = new Map();
    this.queue = Promise.resolve();
    this.browser = undefined;
    this.watch = undefined;
  }

  initialize(config) {
    this.config = config;
  }

  isActive(id) {
    return this.sessions.has(id);
  }

  getBrowserUrl(id) {
    return this.sessions.get(id)?.url;
  }

  startSession(id, url) {
    this.sessions.set(id, { url });
    this.watchDriver();
    return this.serially(() => this.open(id, url));
  }

  stopSession(id) {
    return this.serially(async () => {
      try {
        // A blank page ends whatever the test page still runs.
        if (this.browser) await this.request(() => this.browser.client.navigateTo('about:blank'), 'leaving the test page');
      } catch (error) {
        await this.replace(`${firstLine(error)} after the file`);
      } finally {
        this.sessions.delete(id);
        if (this.sessions.size === 0) this.stopWatching();
      }
      return {};
    });
  }

  startDebugSession() {
    throw new Error('MiniBrowser: debug sessions are not supported');
  }

  async stop() {
    this.stopWatching();
    await this.serially(() => this.close());
  }

  sendKeys(_id, keys) {
    return this.command((client) => client.keys(keys), 'sending keys');
  }

  sendMouseMove(_id, x, y) {
    return this.pointer([{ type: 'pointerMove', duration: 0, x, y }]);
  }

  sendMouseClick(_id, x, y, button = 'left') {
    const code = BUTTONS[button];
    return this.pointer([
      { type: 'pointerMove', duration: 0, x, y },
      { type: 'pointerDown', button: code },
      { type: 'pointerUp', button: code },
    ]);
  }

  sendMouseDown(_id, button = 'left') {
    return this.pointer([{ type: 'pointerDown', button: BUTTONS[button] }]);
  }

  sendMouseUp(_id, button = 'left') {
    return this.pointer([{ type: 'pointerUp', button: BUTTONS[button] }]);
  }

  resetMouse() {
    return this.pointer([
      ...Object.values(BUTTONS).map((button) => ({ type: 'pointerUp', button })),
      { type: 'pointerMove', duration: 0, x: 0, y: 0 },
    ]);
  }

  pointer(actions) {
    return this.command((client) => client.performActions([{ type: 'pointer', id: 'finger1', actions }]), 'a mouse action');
  }

  /** A test's command: its failure fails that test, and marks the engine in trouble (the file is rerun if it failed). */
  command(send, what) {
    return this.serially(async () => {
      if (!this.browser) throw new Error(`MiniBrowser: no browser for ${what}`);
      try {
        return await this.request(() => send(this.browser.client), what);
      } catch (error) {
        this.trouble(firstLine(error), 'the test that asked fails; its file runs again if it failed');
        throw error;
      }
    });
  }

  /** Runs `task` after every task queued before it; a failed task does not stop the queue. */
  serially(task) {
    const result = this.queue.then(task);
    this.queue = result.catch(() => {});
    return result;
  }

  /** A driver request with its deadline; one that takes over SLOW_MS is kept in `slowRequests`, to see what nears the deadline. */
  async request(send, what) {
    const started = Date.now();
    try {
      return await within(send(), REQUEST_DEADLINE_MS, `MiniBrowser: ${what}`);
    } finally {
      const seconds = (Date.now() - started) / 1000;
      if (seconds * 1000 > SLOW_MS) {
        const files = [...this.sessions.keys()].map((id) => sessionFiles.of(id));
        slowRequests.push({ browser: this.name, files, what, seconds, load: loadavg()[0] });
      }
    }
  }

  /** Opens a test file, in a new browser as often as it takes within START_BUDGET_MS. */
  async open(id, url) {
    const end = Date.now() + START_BUDGET_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        this.browser ??= await this.launch();
        await this.request(() => this.browser.client.navigateTo(url), 'opening the test file');
        return;
      } catch (error) {
        const why = firstLine(error);
        troubled.set(id, why);
        if (Date.now() + 10000 > end) {
          this.event(id, why, `gave up after ${attempt} tries`);
          await this.close();
          throw new Error(`MiniBrowser could not open the test file in ${START_BUDGET_MS / 1000} s (${attempt} tries): ${why}`);
        }
        this.event(id, why, 'a new browser');
        await this.close();
        await pause(Math.min(2000 * attempt, 10000));
      }
    }
  }

  async launch() {
    const driver = await this.startDriver();
    try {
      const client = await within(
        remote({
          hostname: '127.0.0.1',
          port: driver.port,
          path: '/',
          logLevel: 'error',
          connectionRetryTimeout: REQUEST_DEADLINE_MS,
          connectionRetryCount: 0,
          capabilities: this.capabilities,
        }),
        REQUEST_DEADLINE_MS,
        'MiniBrowser: a new session',
      );
      return { driver, client };
    } catch (error) {
      await killGroup(driver.process);
      throw error;
    }
  }

  async close() {
    const browser = this.browser;
    this.browser = undefined;
    if (!browser) return;
    // A hung browser would keep deleteSession waiting: killing the group ends it anyway.
    await within(browser.client.deleteSession(), 5000, 'ending the session').catch(() => {});
    await killGroup(browser.driver.process);
  }

  async replace(why) {
    this.trouble(why, 'a new browser for the next file');
    await this.close();
  }

  /** Marks every file running now as run in trouble. */
  trouble(what, action) {
    for (const id of this.sessions.keys()) {
      troubled.set(id, what);
      this.event(id, what, action);
    }
  }

  event(session, what, action) {
    const event = { time: new Date().toISOString(), browser: this.name, session, file: sessionFiles.of(session), what, action };
    engineEvents.push(event);
    console.log(`[${this.name}] ${event.file}: ${what}; ${action}`);
  }

  /** Asks the driver's status page while files run: a driver that stops answering is in trouble even if no request waits on it. */
  watchDriver() {
    if (this.watch) return;
    this.watch = setInterval(async () => {
      const port = this.browser?.driver.port;
      if (!port || this.watching) return;
      this.watching = true;
      try {
        const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(STATUS_DEADLINE_MS) });
        if (!response.ok) throw new Error(`status ${response.status}`);
        if (this.browser?.driver.port === port) this.browser.unanswered = false;
      } catch (error) {
        // Said once a hang, not every few seconds while it lasts.
        if (this.browser?.driver.port === port && !this.browser.unanswered) {
          this.browser.unanswered = true;
          this.trouble(`WebKitWebDriver did not answer its status page (${firstLine(error)})`, 'its file runs again if it failed');
        }
      } finally {
        this.watching = false;
      }
    }, WATCH_INTERVAL_MS);
    this.watch.unref();
  }

  stopWatching() {
    clearInterval(this.watch);
    this.watch = undefined;
  }
}

const BUTTONS = { left: 0, middle: 1, right: 2 };

/** Kills a process and all it started (it leads its own process group: spawn it detached), stopped or not. */
export async function killGroup(child) {
  const running = child.exitCode === null && child.signalCode === null;
  const exited = running ? once(child, 'exit') : Promise.resolve();
  try {
    // The group, even when its leader has gone: MiniBrowser can outlive a driver that crashed.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    if (running) child.kill('SIGKILL');
  }
  await within(exited, 5000, 'a killed driver exiting').catch(() => {});
}
