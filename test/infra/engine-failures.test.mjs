/**
 * The browser suite's runner (scripts/test-browser.mjs) and WebKit launcher
 * (test/infra/webkit-launcher.mjs) under the failures WebKitGTK has shown in CI:
 * a WebKitWebDriver stopped (SIGSTOP) as a file opens and in the middle of a
 * file, and one that refuses new sessions for a while, at the start and after
 * its browser died mid-file. Each run must go on, rerun only the files that
 * failed in trouble, end with the real result and leave nothing running; a
 * test that fails in a healthy browser must still fail.
 *
 * Real WebKitGTK, through test/infra/faulty-webkit-driver.mjs; small fixture
 * files (test/infra/fixtures/). Skipped where WebKitGTK is not installed,
 * unless REQUIRE_ENGINES=1.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { reap } from '../../scripts/reap.mjs';

const root = join(import.meta.dirname, '../..');
const installed = existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/Xvfb');
const skip = !installed && !process.env.REQUIRE_ENGINES && 'WebKitGTK is not installed (apt-get install webkit2gtk-driver xvfb)';
const ALL_FIXTURES = 'first,keys,second,third';
/** Tests in first, keys, second and third. */
const ALL_TESTS = 9;

let runs = 0;
/** Runs the suite's runner over fixture files in WebKit with `faults`; resolves to its status, output and results. */
async function run({ faults = '', fixtures = ALL_FIXTURES, seconds = 12 }) {
  const dir = mkdtempSync(join(tmpdir(), 'engine-failures-'));
  const mark = `CEOP_STATS_FAULT_TEST=${process.pid}-${++runs}`;
  const child = spawn(process.execPath, ['scripts/test-browser.mjs', '--config', 'test/infra/fixtures/wtr.config.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      CEOP_STATS_FAULT_TEST: mark.split('=')[1],
      MODES: 'dev',
      ENGINES: 'webkit',
      REQUIRE_ENGINES: '',
      FIXTURES: fixtures,
      TEST_RESULTS: join(dir, 'results'),
      WEBKIT_DRIVER_PATH: join(root, 'test/infra/faulty-webkit-driver.mjs'),
      WEBKIT_FAULTS: faults,
      WEBKIT_FAULT_SECONDS: String(seconds),
      WEBKIT_FAULT_STATE: dir,
      // A stopped driver is taken for hung after 8 s here, not 30: the same path, sooner.
      WEBKIT_REQUEST_DEADLINE_MS: '8000',
    },
  });
  let output = '';
  child.stdout.on('data', (data) => (output += data));
  child.stderr.on('data', (data) => (output += data));
  const [status] = await once(child, 'exit');
  const results = JSON.parse(readFileSync(join(dir, 'results/browser-dev.json'), 'utf8'));
  const left = reap(mark);
  rmSync(dir, { recursive: true, force: true });
  return { status, output, results, left };
}

function assertAllPassed({ status, output, results, left }) {
  assert.equal(results.failed, 0, output);
  assert.equal(results.passed, ALL_TESTS, output);
  assert.equal(status, 0, output);
  assert.deepEqual(results.leftRunning, [], 'the run stopped everything it started');
  assert.deepEqual(left, [], 'nothing of the run is left');
}

// Two at a time: each run mostly waits out its fault.
describe('an engine that fails does not fail the suite', { skip, concurrency: 2 }, () => {
  test('a driver stopped as a file opens: a new browser opens it, nothing to rerun', async () => {
    const outcome = await run({ faults: 'stop-at-open' });
    assertAllPassed(outcome);
    assert.deepEqual(outcome.results.reruns, []);
    assert.ok(
      outcome.results.events.some((event) => /opening the test file took over 8 s/.test(event.what) && event.action === 'a new browser'),
      JSON.stringify(outcome.results.events),
    );
  });

  test('a driver stopped in the middle of a file: that file fails in trouble and passes on its rerun', async () => {
    const outcome = await run({ faults: 'stop-mid-file' });
    assertAllPassed(outcome);
    assert.deepEqual(
      outcome.results.reruns.map(({ file, passed, failed }) => ({ file, passed, failed })),
      [{ file: 'test/infra/fixtures/keys.fixture.ts', passed: 3, failed: 0 }],
    );
    assert.ok(outcome.results.events.some((event) => event.file === 'test/infra/fixtures/keys.fixture.ts' && !event.filePassed));
  });

  test('new sessions refused at the start: asked for again until one opens', async () => {
    const outcome = await run({ faults: 'refuse-at-start' });
    assertAllPassed(outcome);
    assert.deepEqual(outcome.results.reruns, []);
    assert.ok(outcome.results.events.length > 0, 'the refusals are reported');
  });

  test('the browser dies mid-file and new sessions are refused: the file reruns, the next files wait for a session', async () => {
    const outcome = await run({ faults: 'refuse-mid-file' });
    assertAllPassed(outcome);
    assert.deepEqual(
      outcome.results.reruns.map(({ file, failed }) => ({ file, failed })),
      [{ file: 'test/infra/fixtures/keys.fixture.ts', failed: 0 }],
    );
  });

  test('a test that fails in a healthy browser fails the suite and is not rerun', async () => {
    const { status, output, results, left } = await run({ fixtures: 'first,failing' });
    assert.equal(status, 1, output);
    assert.equal(results.failed, 1, output);
    assert.equal(results.passed, 3, output);
    assert.deepEqual(results.crashed, []);
    assert.deepEqual(results.reruns, []);
    // Nothing went wrong with the engine: no command was overtaken, none missed its deadline.
    assert.deepEqual(results.events, []);
    assert.deepEqual(left, []);
  });
});
