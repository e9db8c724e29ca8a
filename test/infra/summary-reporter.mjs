import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { engineEvents, sessionFiles, slowRequests, troubled } from './webkit-launcher.mjs';

/**
 * Counts every test of a run (per browser) and writes the totals to
 * test-results/<name>.json, so that .ci/run can report one honest
 * "N passed, N failed" line over all runs. A test file that errors before
 * its tests finish counts as one failure.
 *
 * A file that failed while its engine was in trouble is listed in `crashed`,
 * for scripts/test-browser.mjs to run again alone: its browser died, hung or
 * stopped answering (a session error below), or test/infra/webkit-launcher.mjs saw
 * its driver miss a deadline while the file ran. Its failed tests may be the
 * engine's doing, so they are not taken as the file's until it fails again in
 * a healthy browser. The engine events themselves go under `events`, each
 * with whether its file passed, and WebKit's slow driver requests (not yet
 * trouble) under `slowRequests`. SUMMARY_NAME, when set, names the file;
 * TEST_RESULTS, the folder.
 */
// An engine's own failure, never a test's: it died, hung, or stopped answering its driver (any WebDriverError: a
// request that timed out, a socket closed) while starting, running or stopping the file.
const CRASH =
  /browser disconnected|invalid session id|page crash or hang|UND_ERR_HEADERS_TIMEOUT|Timed out stopping the browser|WebDriverError|unable to create and start a test page|Tests were interrupted|did not (start|finish) (after|within)|Protocol error|Target closed|Session closed|could not open the test file/i;

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
    start({ sessions }) {
      sessionFiles.of = (id) => {
        const file = sessions.get(id)?.testFile;
        return file ? relative(process.cwd(), file) : id;
      };
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, browsers: {}, crashed: [], events: [] };
      const passedFiles = new Set();
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        const perBrowser = (totals.browsers[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        const before = { ...totals };
        if (session.testResults) count(session.testResults, totals);
        // A session that failed with no failed test (an error outside the tests) counts as one failure.
        if (!session.passed && totals.failed === before.failed) totals.failed++;
        if (session.passed) passedFiles.add(`${session.browser.name} ${file}`);
        const errors = (session.errors ?? []).map((error) => String(error.message ?? error));
        const trouble = troubled.get(session.id) ?? errors.find((message) => CRASH.test(message));
        if (!session.passed && trouble) {
          totals.crashed.push({
            browser: session.browser.name,
            file,
            error: trouble.slice(0, 300),
            // What the file counted in trouble, which its rerun's counts replace.
            counted: {
              passed: totals.passed - before.passed,
              failed: totals.failed - before.failed,
              skipped: totals.skipped - before.skipped,
            },
          });
        }
        perBrowser.passed += totals.passed - before.passed;
        perBrowser.failed += totals.failed - before.failed;
        perBrowser.skipped += totals.skipped - before.skipped;
      }
      for (const event of engineEvents) totals.events.push({ ...event, filePassed: passedFiles.has(`${event.browser} ${event.file}`) });
      totals.slowRequests = slowRequests;
      const file = `${process.env.TEST_RESULTS ?? 'test-results'}/${name}.json`;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals, null, 2));
    },
  };
}
