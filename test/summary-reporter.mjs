import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { restartedSessions } from './browsers.mjs';

/**
 * Counts every test of a run (per browser) and writes the totals to
 * test-results/<name>.json, so that .ci/run can report one honest
 * "N passed, N failed" line over all runs. A test file that errors before
 * its tests finish counts as one failure; one whose browser crashed or hung
 * with no test failed, or whose browser test/browsers.mjs had to restart, is
 * also listed in `crashed`, for scripts/test-browser.mjs to rerun.
 * SUMMARY_NAME, when set, names the file instead.
 */
// An engine's own failure, never a test's: it died, hung, or stopped answering its driver (any WebDriverError: a
// request that timed out, a socket closed) while starting, running or stopping the file.
const CRASH =
  /browser disconnected|invalid session id|page crash or hang|UND_ERR_HEADERS_TIMEOUT|Timed out stopping the browser|WebDriverError|unable to create and start a test page/i;

export function summaryReporter(defaultName) {
  const name = process.env.SUMMARY_NAME ?? defaultName;
  const count = (suite, totals) => {
    for (const test of suite.tests) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite.suites) count(child, totals);
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, browsers: {}, crashed: [] };
      for (const session of sessions) {
        const perBrowser = (totals.browsers[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        const before = { ...totals };
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && totals.failed === before.failed) {
          totals.failed++;
          const errors = (session.errors ?? []).map((error) => String(error.message ?? error));
          if (restartedSessions.has(session.id) || errors.some((message) => CRASH.test(message))) {
            totals.crashed.push({
              browser: session.browser.name,
              file: relative(process.cwd(), session.testFile),
              error: errors.join('; ').slice(0, 300),
              // What the file counted before it crashed, which its rerun's counts replace.
              counted: { passed: totals.passed - before.passed, failed: 1, skipped: totals.skipped - before.skipped },
            });
          }
        }
        perBrowser.passed += totals.passed - before.passed;
        perBrowser.failed += totals.failed - before.failed;
        perBrowser.skipped += totals.skipped - before.skipped;
      }
      mkdirSync('test-results', { recursive: true });
      mkdirSync(dirname(`test-results/${name}`), { recursive: true });
      writeFileSync(`test-results/${name}.json`, JSON.stringify(totals, null, 2));
    },
  };
}
