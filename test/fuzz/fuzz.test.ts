/**
 * A seeded property-based fuzz test: random attribute values and random,
 * mutated datasets (inline JSON) thrown at the element in the browser, at
 * least 1,000 cases per run. For each case: no uncaught error, and either a
 * valid render whose bars, heading and counters match the data, or the alert
 * with the message of the `ceop-stats-error` event and nothing half-drawn.
 *
 * The seed changes every run and is printed at the start (by the test
 * runner, so that an engine that crashes mid-run does not take it along) and
 * in any failure.
 * To replay a failure, put its seed (and fast-check's `path`, which replays
 * the shrunk case directly) in REPLAY below.
 *
 * The parts, in this folder: datasets.ts (valid datasets), mutations.ts and
 * mutate.ts (breaking them, each with what it should come to), attributes.ts,
 * cases.ts (a case and its arbitrary), oracle.ts (what the widget should
 * show), run.ts and checks.ts (running a case and checking what it shows).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import { type FuzzCase, PAGE_LOCALE, fuzzCaseArb } from './cases.js';
import { FuzzRun, nextTask, warmUp } from './run.js';

const REPLAY: { seed?: number; path?: string } = {};
const NUM_RUNS = 1000;

/**
 * Every case runs, however slow the machine: no time limit until a case has
 * failed. Then shrunk from that case, for a while, not forever; the failure
 * is reported whether or not shrinking ends.
 */
async function checkCases(run: FuzzRun, seed: number): Promise<void> {
  const property = fc.asyncProperty(fuzzCaseArb, (c: FuzzCase) => run.runCase(c));
  const found = await fc.check(property, {
    seed,
    ...(REPLAY.path ? { path: REPLAY.path } : {}),
    numRuns: NUM_RUNS,
    endOnFailure: true,
  });
  if (!found.failed) return;
  const shrink = {
    seed,
    path: found.counterexamplePath ?? '',
    includeErrorInReport: true,
    plugins: [fc.interruptAfterTimeLimit(120_000)],
  };
  await fc.assert(property, shrink);
  // Not failing again (a case that depends on the state earlier cases left) is still the first failure.
  throw new Error(fc.defaultReportMessage(found));
}

/** A failure with its seed, and how to replay it. */
function withSeed(error: unknown, seed: number): Error {
  let message = error instanceof Error ? error.message : String(error);
  // Some engines print the failed assertion's stack, not its message, in fast-check's report.
  if (error instanceof Error && error.cause instanceof Error) message += `\nCause: ${error.cause.message}`;
  return new Error(
    `fuzz failed with seed ${seed} (to replay, set REPLAY = { seed: ${seed}, path: <the path below> } in test/fuzz/fuzz.test.ts)\n${message}`,
    { cause: error },
  );
}

describe('fuzz: random attributes and mutated datasets', () => {
  it(`${NUM_RUNS} seeded cases: no uncaught error, and bars that match the data or the alert`, async () => {
    const seed = REPLAY.seed ?? Date.now() % 2 ** 31;
    // Printed by the test runner, at once: a browser's console reaches the output only when its file ends, so a crashed engine would take it along.
    await executeServerCommand('server-log', `fuzz seed ${seed}${REPLAY.path ? ` path ${REPLAY.path}` : ''}`);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${PAGE_LOCALE} style="width: 600px"></div>`);
    const run = new FuzzRun(wrapper);
    const started = performance.now();
    await warmUp();
    try {
      await checkCases(run, seed);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`fuzz: ${run.cases} cases in ${seconds} s: ${JSON.stringify(run.tally)}`);
      await nextTask();
      expect(run.uncaught.errors, 'uncaught errors').to.deep.equal([]);
      expect((window as unknown as { __fuzzXss?: number }).__fuzzXss, 'markup ran').to.equal(undefined);
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
      expect(run.cases, 'cases run').to.be.at.least(NUM_RUNS);
    } catch (error) {
      throw withSeed(error, seed);
    } finally {
      run.stop();
    }
  }).timeout(600_000);
});
