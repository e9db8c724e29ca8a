import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Counts every test of a run (per browser) and writes the totals to
 * test-results/<name>.json, so that .ci/run can report one honest
 * "N passed, N failed" line over all runs. A test file that errors before
 * its tests finish counts as one failure.
 */
export function summaryReporter(name) {
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
      const totals = { passed: 0, failed: 0, skipped: 0, browsers: {} };
      for (const session of sessions) {
        const perBrowser = (totals.browsers[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        const before = { ...totals };
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && totals.failed === before.failed) totals.failed++;
        perBrowser.passed += totals.passed - before.passed;
        perBrowser.failed += totals.failed - before.failed;
        perBrowser.skipped += totals.skipped - before.skipped;
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync(`test-results/${name}.json`, JSON.stringify(totals, null, 2));
    },
  };
}
