/**
 * The browser suite: wtr with Lit's development build, then with its
 * production build (MODE=prod); MODES=dev runs one.
 *
 * An engine's failure never fails the suite; a test that fails in a healthy
 * browser does:
 * - a test file that failed while its engine was in trouble
 *   (test/infra/summary-reporter.mjs lists it under `crashed`) is run again, alone,
 *   in that engine; the second run's counts replace the first's;
 * - a run that ended with no results at all (wtr itself stopped) is run
 *   again, once;
 * - whatever a run left running is killed (scripts/reap.mjs).
 * Each of these is printed when it happens and recorded in
 * test-results/browser-<mode>.json (TEST_RESULTS names another folder) (`reruns`, `lost`, `leftRunning`, and the
 * reporter's `events`), which .ci/run prints at the end. A test that fails
 * again on its rerun, or more than MAX_RERUNS files in trouble in one run,
 * still fail the suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { reap } from './reap.mjs';

const ENGINE_OF = { Chromium: 'chromium', Firefox: 'firefox', MiniBrowser: 'webkit' };
/** More files in trouble than this in one run is an engine that cannot run here, not a bad moment: they fail. */
const MAX_RERUNS = 10;
const MODES = (process.env.MODES ?? 'dev,prod').split(',');

/** Arguments after the script's name go to wtr (for example --files test/unit/format.test.ts); a rerun keeps all but --files. */
const args = process.argv.slice(2);
const argsWithoutFiles = args.filter((arg, i) => arg !== '--files' && args[i - 1] !== '--files');
const RESULTS = process.env.TEST_RESULTS ?? 'test-results';
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

let runs = 0;
/** Runs wtr, then kills whatever it left running; returns its exit status and what was killed. */
function wtr(wtrArgs, env) {
  const mark = `CEOP_STATS_WTR=${process.pid}-${++runs}`;
  const [name, value] = mark.split('=');
  const { status, signal } = spawnSync('npx', ['wtr', ...wtrArgs], { stdio: 'inherit', env: { ...process.env, ...env, [name]: value } });
  const left = reap(mark).map(({ pid, name: command }) => `${command} (${pid})`);
  if (left.length > 0) console.log(`\nLeft running after wtr, now killed: ${left.join(', ')}\n`);
  return { status: status ?? (signal ? 1 : 0), left };
}

function runMode(mode) {
  const resultFile = `${RESULTS}/browser-${mode}.json`;
  rmSync(resultFile, { force: true });
  let { status, left } = wtr(args, { MODE: mode });
  let totals = read(resultFile);
  let lost;
  if (!totals) {
    lost = `wtr ended with status ${status} and no results`;
    console.log(`\nThe ${mode} run was lost (${lost}); running it again, once.\n`);
    ({ status, left } = wtr(args, { MODE: mode }));
    totals = read(resultFile);
    if (!totals) return { failed: true };
  }
  Object.assign(totals, { lost, leftRunning: left, reruns: [] });
  const crashed = totals.crashed ?? [];
  if (crashed.length > MAX_RERUNS) {
    console.log(`\n${crashed.length} files failed with their engine in trouble, more than ${MAX_RERUNS}: not run again.\n`);
  } else {
    crashed.forEach((crash, i) => rerun(mode, totals, crash, i));
  }
  writeFileSync(resultFile, JSON.stringify(totals, null, 2));
  // wtr's status counts the failures a rerun replaced; a run with no results left counts as failed.
  return { failed: totals.failed > 0 || (status !== 0 && crashed.length === 0) };
}

function rerun(mode, totals, crash, i) {
  const engine = ENGINE_OF[crash.browser];
  console.log(`\n${crash.browser} was in trouble in ${crash.file} (${crash.error}); running that file again, alone.\n`);
  const name = `reruns/browser-${mode}-${i + 1}`;
  rmSync(`${RESULTS}/${name}.json`, { force: true });
  const { status } = engine
    ? // CI's REQUIRE_ENGINES=1 refuses a run without every engine; this one is meant to be one engine, and fails anyway if that one cannot start.
      wtr([...argsWithoutFiles, '--files', crash.file], { MODE: mode, ENGINES: engine, REQUIRE_ENGINES: '', SUMMARY_NAME: name })
    : { status: 1 };
  const again = read(`${RESULTS}/${name}.json`) ?? { passed: 0, failed: 1, skipped: 0, events: [] };
  if (status !== 0 && again.failed === 0) again.failed = 1;
  const browser = totals.browsers[crash.browser];
  for (const key of ['passed', 'failed', 'skipped']) {
    totals[key] += again[key] - crash.counted[key];
    browser[key] += again[key] - crash.counted[key];
  }
  totals.reruns.push({
    browser: crash.browser,
    file: crash.file,
    error: crash.error,
    passed: again.passed,
    failed: again.failed,
    events: again.events,
  });
}

let failed = false;
for (const mode of MODES) if (runMode(mode).failed) failed = true;
process.exit(failed ? 1 : 0);
