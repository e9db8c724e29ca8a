import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * A `node --test` reporter that writes test-results/node.json in the shape
 * of test/infra/summary-reporter.mjs, so that .ci/run counts the Node-side tests
 * in its one "N passed, N failed" line. Suites are not counted, only their
 * tests; a test file that fails to load is reported by Node as one failed
 * test, so it counts as one failure. Prints nothing: pair it with `spec`.
 */
export default async function* nodeSummaryReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, skip, todo } = event.data;
    // A suite whose hook throws fails each of its tests, which are counted.
    if (details?.type === 'suite') continue;
    if (skip || todo) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/node.json', JSON.stringify({ ...totals, browsers: { node: { ...totals } } }, null, 2));
  yield '';
}
