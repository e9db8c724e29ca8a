/**
 * The browser suite: wtr with Lit's development build, then with its
 * production build (MODE=prod). A test file whose engine crashed or hung
 * while no test had failed (test/summary-reporter.mjs lists it under
 * `crashed`) is run once more, alone, in that engine; its second run's
 * counts replace the crashed one's, and the rerun is recorded under `reruns`
 * in test-results/browser-<mode>.json, which .ci/run prints. A test that
 * fails, or a file that crashes twice, still fails the suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const ENGINE_OF = { Chromium: 'chromium', Firefox: 'firefox', MiniBrowser: 'webkit' };
/**
 * More crashes than this in one run is not an engine's bad moment: no reruns.
 * A WebKitGTK that hangs fails the file it was running, and can fail the next
 * while its replacement starts.
 */
const MAX_RERUNS = 4;

/** Arguments after the script's name go to wtr (for example --files test/format.test.ts). */
const wtr = (env) => spawnSync('npx', ['wtr', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...env } }).status;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

let failed = false;
for (const mode of ['dev', 'prod']) {
  const status = wtr({ MODE: mode });
  const resultFile = `test-results/browser-${mode}.json`;
  const totals = read(resultFile);
  if (status === 0) continue;
  const crashed = totals?.crashed ?? [];
  if (!totals || crashed.length === 0 || crashed.length > MAX_RERUNS || totals.failed !== crashed.length) {
    failed = true;
    continue;
  }
  totals.reruns = [];
  crashed.forEach((crash, i) => {
    const engine = ENGINE_OF[crash.browser];
    console.log(`\n${crash.browser} crashed in ${crash.file} (${crash.error}); running that file again, alone.\n`);
    const name = `reruns/browser-${mode}-${i + 1}`;
    const rerunStatus = engine
      ? spawnSync('npx', ['wtr', '--files', crash.file], {
          stdio: 'inherit',
          // CI's REQUIRE_ENGINES=1 refuses a run without every engine; this one is meant to be one engine, and fails anyway if that one cannot start.
          env: { ...process.env, MODE: mode, ENGINES: engine, REQUIRE_ENGINES: '', SUMMARY_NAME: name },
        }).status
      : 1;
    const rerun = read(`test-results/${name}.json`) ?? { passed: 0, failed: 1, skipped: 0 };
    if (rerunStatus !== 0 && rerun.failed === 0) rerun.failed = 1;
    const browser = totals.browsers[crash.browser];
    for (const key of ['passed', 'failed', 'skipped']) {
      totals[key] += rerun[key] - crash.counted[key];
      browser[key] += rerun[key] - crash.counted[key];
    }
    totals.reruns.push({ browser: crash.browser, file: crash.file, error: crash.error, passed: rerun.passed, failed: rerun.failed });
  });
  writeFileSync(resultFile, JSON.stringify(totals, null, 2));
  if (totals.failed > 0) failed = true;
}
process.exit(failed ? 1 : 0);
